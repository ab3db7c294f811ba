// SPDX-License-Identifier: MIT
// Sextant: runs a result export (JSON file, or a table as CSV) on a worker thread, one at a time, cancellable.
#pragma once

#include <core/response/responsedocument.h>
#include <store/resultexport.h>

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace Sextant::App {

/**
 * Writes a response to a file with Store::ResultExport (streamed, atomic through QSaveFile) on a worker thread
 * (Qt Concurrent), so a 100 MB answer never blocks the UI thread. One export at a time: starting another while
 * one runs is refused (false). cancel() stops it between pieces; the target file is then left as it was.
 * finished() reports success with the byte size written, or the one-line error (also "Export cancelled").
 * The document is shared (immutable), the CSV columns and row order are copied at the start, so later changes
 * of the table do not affect a running export. GUI thread only.
 */
class ResultExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultExporter)

public:
    explicit ResultExporter(QObject *parent = nullptr);
    ~ResultExporter() override; ///< cancels and waits for a running export

    bool exportJson(std::shared_ptr<const Core::ResponseDocument> document, const QString &path,
                    Store::ResultExport::JsonFormat format);
    bool exportCsv(std::shared_ptr<const Core::ResponseDocument> document, Core::ResponseDocument::NodeId list,
                   const QStringList &columns, const std::vector<int> &rows, const QString &path);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    /// @p message: "Exported 12.3 MB to /path/file.json" or the error.
    void finished(bool ok, const QString &message);

private:
    template<typename Work>
    bool start(const QString &path, Work work);

    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};

} // namespace Sextant::App
