// SPDX-License-Identifier: MIT
// Sextant: runs a result export (JSON file, or a table as CSV) on a worker thread, one at a time, cancellable.
#include "resultexporter.h"

#include <app/run/backgroundpool.h>

#include <net/httpresult.h>

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace Sextant::App {

namespace {

struct Outcome {
    bool ok = false;
    QString error;
};

} // namespace

ResultExporter::ResultExporter(QObject *parent)
    : QObject(parent)
{
}

ResultExporter::~ResultExporter()
{
    cancel();
    // Running watchers are children: they are destroyed with us; the worker finishes on its own copy of the
    // inputs and only touches the shared cancel flag.
}

template<typename Work>
bool ResultExporter::start(const QString &path, Work work)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_running = false;
        const Outcome outcome = watcher->result();
        if (outcome.ok)
            emit finished(true, tr("Exported %1 to %2")
                                    .arg(Net::HttpResult::formatSize(QFileInfo(path).size()), path));
        else
            emit finished(false, outcome.error);
    });
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [work, cancel] {
        Outcome outcome;
        outcome.ok = work(cancel.get(), &outcome.error);
        return outcome;
    }));
    return true;
}

bool ResultExporter::exportJson(std::shared_ptr<const Core::ResponseDocument> document, const QString &path,
                                Store::ResultExport::JsonFormat format)
{
    if (!document)
        return false;
    return start(path, [document, path, format](const std::atomic<bool> *cancel, QString *error) {
        return Store::ResultExport::writeJson(path, *document, format, cancel, error);
    });
}

bool ResultExporter::exportCsv(std::shared_ptr<const Core::ResponseDocument> document,
                               Core::ResponseDocument::NodeId list, const QStringList &columns,
                               const std::vector<int> &rows, const QString &path)
{
    if (!document)
        return false;
    return start(path, [document, list, columns, rows, path](const std::atomic<bool> *cancel, QString *error) {
        return Store::ResultExport::writeCsv(path, *document, list, columns, rows, cancel, error);
    });
}

void ResultExporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace Sextant::App
