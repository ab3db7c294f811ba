// SPDX-License-Identifier: MIT
// Sextant: the result as a table: pick a list of objects in the response, see one row per element.
#include "resulttableview.h"

#include <app/run/backgroundpool.h>

#include <core/response/responsedocument.h>
#include <models/responsetablemodel.h>

#include <QComboBox>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

using Core::ResponseDocument;

/// Role of the picker items holding the list's NodeId.
constexpr int NodeRole = Qt::UserRole;

} // namespace

ResultTableView::ResultTableView(QWidget *parent)
    : QWidget(parent)
    , m_model(new Models::ResponseTableModel(this))
    , m_picker(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
{
    m_picker->setObjectName(u"listPicker"_s);
    m_summary->setObjectName(u"summaryLabel"_s);
    m_table->setObjectName(u"tableView"_s);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    auto *label = new QLabel(tr("&List:"), this);
    label->setBuddy(m_picker);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_picker->setMinimumContentsLength(24);
    bar->addWidget(label);
    bar->addWidget(m_picker, 1);
    bar->addWidget(m_summary);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setDefaultSectionSize(160);
    m_table->horizontalHeader()->setSectionsMovable(true);
    // Sorting is driven by the header so that no sort runs until the user asks for one (setSortingEnabled()
    // would sort a million rows by column 0 right away).
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(false);
    connect(header, &QHeaderView::sectionClicked, this, [this, header](int section) {
        const Qt::SortOrder order = m_model->sortColumn() == section && m_model->sortOrder() == Qt::AscendingOrder
                                        ? Qt::DescendingOrder
                                        : Qt::AscendingOrder;
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        m_model->sort(section, order);
        QGuiApplication::restoreOverrideCursor();
        header->setSortIndicatorShown(true);
        header->setSortIndicator(section, order);
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid() && m_document)
            emit rowActivated(m_document->pathString(m_model->rowNode(index.row())));
    });
    connect(m_picker, &QComboBox::activated, this, &ResultTableView::pickerActivated);
    updateSummary();
}

ResultTableView::~ResultTableView() = default;

struct ResultTableView::Scan
{
    std::vector<ResponseDocument::NodeId> lists;
    QStringList paths; ///< of lists, pathString()
    ResponseDocument::NodeId best = ResponseDocument::InvalidNode;
    Models::ResponseTableModel::Columns columns; ///< of best
};

// Pure: runs on a worker for big documents (the document is immutable and shared). The result holds no reference
// to it, so a scan that is dropped never frees a document on the UI thread.
ResultTableView::Scan ResultTableView::scan(std::shared_ptr<const Core::ResponseDocument> document)
{
    Scan result;
    const ResponseDocument &doc = *document;
    result.lists = Models::ResponseTableModel::candidateLists(doc);
    int bestRows = -1;
    for (const ResponseDocument::NodeId list : result.lists) {
        const QString path = doc.pathString(list);
        result.paths.append(path);
        const int rows = doc.childCount(list);
        if (!path.contains(QLatin1Char('[')) && rows > bestRows) {
            result.best = list;
            bestRows = rows;
        }
    }
    if (result.best == ResponseDocument::InvalidNode && !result.lists.empty())
        result.best = result.lists.front();
    if (result.best != ResponseDocument::InvalidNode)
        result.columns = Models::ResponseTableModel::scanColumns(doc, result.best);
    return result;
}

void ResultTableView::setDocument(std::shared_ptr<const Core::ResponseDocument> document)
{
    const quint64 generation = ++m_generation;
    m_scanning = false;
    m_document = std::move(document);
    m_model->setDocument(m_document);
    m_picker->clear();
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    if (m_document && m_document->nodeCount() > m_synchronousScanLimit) {
        m_scanning = true;
        auto *watcher = new QFutureWatcher<Scan>(this);
        connect(watcher, &QFutureWatcher<Scan>::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (generation == m_generation)
                applyScan(watcher->result());
        });
        watcher->setFuture(QtConcurrent::run(backgroundPool(), &ResultTableView::scan, m_document));
    } else if (m_document) {
        applyScan(scan(m_document));
        return;
    }
    updateSummary();
}

void ResultTableView::applyScan(Scan scan)
{
    m_scanning = false;
    const ResponseDocument::NodeId shown = m_model->listNode(); // a showList() while scanning wins
    const QString shownText = shown != ResponseDocument::InvalidNode ? m_picker->currentText() : QString();
    m_picker->clear();
    for (size_t i = 0; i < scan.lists.size(); ++i)
        m_picker->addItem(scan.paths.at(qsizetype(i)).isEmpty() ? tr("(root)") : scan.paths.at(qsizetype(i)),
                          QVariant::fromValue(quint32(scan.lists[i])));
    if (shown != ResponseDocument::InvalidNode) {
        int item = m_picker->findData(QVariant::fromValue(quint32(shown)), NodeRole);
        if (item < 0) {
            m_picker->addItem(shownText, QVariant::fromValue(quint32(shown)));
            item = m_picker->count() - 1;
        }
        m_picker->setCurrentIndex(item);
    } else if (scan.best != ResponseDocument::InvalidNode) {
        m_picker->setCurrentIndex(m_picker->findData(QVariant::fromValue(quint32(scan.best)), NodeRole));
        m_model->setList(scan.best, std::move(scan.columns));
    }
    updateSummary();
    emit listsFound(int(scan.lists.size()));
}

void ResultTableView::clear()
{
    setDocument(nullptr);
}

bool ResultTableView::showList(const QString &path)
{
    if (!m_document)
        return false;
    bool ok = false;
    const QVariantList steps = Models::ResponseTableModel::parsePath(path, &ok);
    if (!ok)
        return false;
    int matched = 0;
    const ResponseDocument::NodeId node = m_document->nodeAtPath(steps, &matched);
    if (node == ResponseDocument::InvalidNode || matched != steps.size()
        || m_document->kind(node) != Core::JsonKind::Array)
        return false;
    int item = m_picker->findData(QVariant::fromValue(quint32(node)), NodeRole);
    if (item < 0) {
        m_picker->addItem(path.isEmpty() ? tr("(root)") : m_document->pathString(node),
                          QVariant::fromValue(quint32(node)));
        item = m_picker->count() - 1;
    }
    m_picker->setCurrentIndex(item);
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    m_model->setList(node);
    updateSummary();
    return true;
}

QString ResultTableView::currentPath() const
{
    if (!m_document || m_model->listNode() == ResponseDocument::InvalidNode)
        return {};
    return m_document->pathString(m_model->listNode());
}

QStringList ResultTableView::listPaths() const
{
    QStringList paths;
    for (int i = 0; i < m_picker->count(); ++i)
        paths.append(m_document ? m_document->pathString(m_picker->itemData(i, NodeRole).value<quint32>()) : QString());
    return paths;
}

void ResultTableView::pickerActivated(int index)
{
    if (!m_document || index < 0)
        return;
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    m_model->setList(m_picker->itemData(index, NodeRole).value<quint32>());
    updateSummary();
}

void ResultTableView::updateSummary()
{
    if (m_scanning && m_model->listNode() == ResponseDocument::InvalidNode) {
        m_summary->setText(tr("Looking for lists…"));
        m_picker->setEnabled(false);
        return;
    }
    if (m_model->listNode() == ResponseDocument::InvalidNode) {
        m_summary->setText(m_document ? tr("No list of objects") : QString());
        m_picker->setEnabled(m_picker->count() > 0);
        return;
    }
    m_picker->setEnabled(true);
    const QLocale locale;
    m_summary->setText(
        tr("%1 rows · %2 columns").arg(locale.toString(m_model->rowCount()), locale.toString(m_model->columnCount())));
}

} // namespace Sextant::App
