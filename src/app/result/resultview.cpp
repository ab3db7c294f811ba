// SPDX-License-Identifier: MIT
// Sextant: the result pane: lazy JSON tree with search, raw JSON, GraphQL errors and a status line.
#include "resultview.h"

#include "rawjsonview.h"
#include "resultexporter.h"
#include "resulttableview.h"
#include "ui_resultview.h"

#include <app/run/backgroundpool.h>

#include <core/response/graphqlresponse.h>
#include <core/response/jsontext.h>
#include <core/response/responsedocument.h>
#include <core/response/responsesearch.h>
#include <core/response/variablesjsonwriter.h>
#include <models/errorlistmodel.h>
#include <net/httpresult.h>
#include <models/responsetablemodel.h>
#include <models/responsetreemodel.h>
#include <models/roles.h>

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <QShortcut>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace Sextant::App {

/// One batch of matches from the search worker; the last one has done set.
struct ResultView::SearchChunk
{
    std::vector<quint32> nodes;
    bool done = false;
    bool capped = false;
};

namespace {

// A failure's body (HTML error page, invalid JSON…) goes to a QPlainTextEdit: its layout of 200 KB on one line took
// over 200 ms on the UI thread, so it shows this much and saveRawBody() writes the whole body.
constexpr qsizetype RawMessageLimit = 64 * 1024;
// A line longer than this turns soft wrapping off: wrapping one huge line lays out every wrapped piece at once.
constexpr qsizetype NoWrapLineLength = 1000;
constexpr int SearchDelayMs = 250;

QString number(qint64 n)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

QString rawText(const QByteArray &bytes)
{
    if (bytes.size() <= RawMessageLimit)
        return QString::fromUtf8(bytes);
    qsizetype cut = RawMessageLimit;
    while (cut > 0 && (uchar(bytes.at(cut)) & 0xC0) == 0x80)
        --cut; // never inside a UTF-8 sequence
    return QString::fromUtf8(bytes.constData(), cut)
           + ResultView::tr("\n\n… %1 more bytes not shown (Export ▸ Save Raw Body… saves all %2 bytes)")
                 .arg(number(bytes.size() - cut), number(bytes.size()));
}

bool hasLongLine(const QString &text)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        if (end - start > NoWrapLineLength)
            return true;
        start = end + 1;
    }
    return false;
}

QString levelsText(int depth)
{
    return depth == 1 ? ResultView::tr("1 Level") : ResultView::tr("%1 Levels").arg(depth);
}

bool isFindKey(const QKeyEvent *key)
{
    return key->matches(QKeySequence::Find) || key->matches(QKeySequence::FindNext)
           || key->matches(QKeySequence::FindPrevious);
}

} // namespace

ResultView::ResultView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ResultView>())
    , m_model(new Models::ResponseTreeModel(this))
    , m_errors(new Models::ErrorListModel(this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->treeView->setModel(m_model);
    m_ui->treeView->header()->resizeSection(0, 220);
    m_ui->treeView->header()->resizeSection(1, 260);
    m_ui->errorsView->setModel(m_errors);
    m_ui->errorsView->horizontalHeader()->setStretchLastSection(true);
    m_ui->errorsView->horizontalHeader()->resizeSection(0, 320);
    m_ui->errorsView->horizontalHeader()->resizeSection(1, 220);
    m_ui->errorsView->verticalHeader()->hide();
    m_ui->rawView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setupRawTableAndExport();
    m_headersView = new ResponseHeadersView(m_ui->tabs);
    m_headersView->setObjectName(QStringLiteral("headersTab"));
    m_ui->tabs->addTab(m_headersView, tr("Headers"));
    m_ui->messageLabel->hide();
    m_ui->errorsBanner->hide();
    m_ui->searchBar->hide();
    // A click follows the error; Enter (activated) too, unless the style already activates on single click.
    connect(m_ui->errorsView, &QTableView::clicked, this, &ResultView::activateError);
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_ui->errorsView))
        connect(m_ui->errorsView, &QTableView::activated, this, &ResultView::activateError);
    connect(m_ui->errorsBanner, &QLabel::linkActivated, this,
            [this] { m_ui->tabs->setCurrentWidget(m_ui->errorsTab); });

    // Tree: context menu, toolbar, Ctrl+C copies the current value.
    connect(m_ui->treeView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createContextMenu(m_ui->treeView->indexAt(pos));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_ui->treeView->viewport()->mapToGlobal(pos));
    });
    auto *expandMenu = new QMenu(m_ui->expandButton);
    for (int depth : {1, 2, 3, 4, 5, 8}) {
        expandMenu->addAction(levelsText(depth), this, [this, depth] { expandToDepth({}, depth); });
    }
    m_ui->expandButton->setMenu(expandMenu);
    connect(m_ui->collapseButton, &QToolButton::clicked, this, &ResultView::collapseAll);
    connect(m_ui->findButton, &QToolButton::clicked, this, &ResultView::showSearchBar);
    auto *copy = new QShortcut(QKeySequence::Copy, m_ui->treeView, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, [this] { copyValue(m_ui->treeView->currentIndex()); });

    // Search: typing restarts it after a short pause; Enter/Shift+Enter/Esc are handled in eventFilter().
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &ResultView::startSearch);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_ui->searchNextButton, &QToolButton::clicked, this, &ResultView::findNext);
    connect(m_ui->searchPreviousButton, &QToolButton::clicked, this, &ResultView::findPrevious);
    connect(m_ui->searchCloseButton, &QToolButton::clicked, this, &ResultView::hideSearchBar);
    m_ui->searchEdit->installEventFilter(this);
}

ResultView::~ResultView()
{
    if (m_searchWatcher) {
        // The worker checks for cancellation every few thousand nodes, so this wait is short.
        m_searchWatcher->disconnect(this);
        m_searchWatcher->cancel();
        m_searchWatcher->waitForFinished();
    }
}

void ResultView::showRunning(const QString &text)
{
    setResponseHeaders({});
    m_ui->messageLabel->hide();
    m_ui->messageLabel->clear();
    m_ui->statusLabel->setText(text);
}

void ResultView::setStatusText(const QString &text)
{
    m_ui->statusLabel->setText(text);
}

QString ResultView::statusText() const
{
    return m_ui->statusLabel->text();
}

void ResultView::showResponse(std::shared_ptr<const Core::ResponseDocument> document,
                              const Core::GraphQLResponse &response, const QString &statusLine)
{
    // Freeing a 100 MB answer (its bytes and node table) takes longer than a frame: the last reference goes on a
    // worker once every view has let go of it.
    std::shared_ptr<const Core::ResponseDocument> previous = std::move(m_document);
    m_shown = {document, response, statusLine, {}, {}, {}};
    setResponseHeaders({});
    cancelSearch();
    m_ui->messageLabel->hide();
    m_ui->messageLabel->clear();
    m_ui->treeNoteLabel->clear();
    // Raw and Table read the same immutable document lazily (their indexes are built off the UI thread).
    m_ui->rawView->hide();
    m_ui->rawView->clear();
    m_ui->rawJsonView->show();
    // The Raw tab's line index (4 bytes a line: 26 MB for 100 MB of JSON) is built when the tab is first shown.
    m_rawPending = m_ui->tabs->currentWidget() != m_ui->rawTab;
    if (m_rawPending)
        m_ui->rawJsonView->clear();
    else
        m_ui->rawJsonView->setDocument(document);
    m_ui->resultTable->setDocument(document);
    m_document = document;
    updateExportActions();
    m_model->setDocument(std::move(document));
    m_errors->setErrors(response.errors);
    setErrorsTabTitle(int(response.errors.size()));
    showErrorsBanner(response);

    // Open the answer like GraphiQL shows it, breadth first, until about a screenful of rows is visible; big
    // responses stay collapsed below that (and arrays fetch their rows lazily).
    QList<QModelIndex> queue;
    for (int row = 0; row < m_model->rowCount(); ++row)
        queue.append(m_model->index(row, 0));
    int visibleRows = int(queue.size());
    constexpr int ExpandBudget = 120;
    while (!queue.isEmpty() && visibleRows < ExpandBudget) {
        const QModelIndex index = queue.takeFirst();
        const int children = m_model->rowCount(index) + (m_model->canFetchMore(index) ? 1 : 0);
        if (children == 0 || visibleRows + children > ExpandBudget)
            continue;
        m_ui->treeView->expand(index);
        visibleRows += m_model->rowCount(index);
        for (int row = 0; row < m_model->rowCount(index); ++row)
            queue.append(m_model->index(row, 0, index));
    }
    // Keys as wide as the opened rows need, but never more than 40% of the view (values need room too).
    m_ui->treeView->resizeColumnToContents(0);
    const int keyWidthCap = qMax(160, m_ui->treeView->viewport()->width() * 2 / 5);
    if (m_ui->treeView->columnWidth(0) > keyWidthCap)
        m_ui->treeView->setColumnWidth(0, keyWidthCap);

    QString status = statusLine;
    if (!response.errors.isEmpty()) {
        status += (response.errors.size() == 1 ? QStringLiteral(" · 1 error")
                                               : QStringLiteral(" · %1 errors").arg(response.errors.size()));
        if (!response.hasData)
            status += QStringLiteral(" (request error: nothing was executed)");
        else if (response.dataIsNull)
            status += QStringLiteral(" (data is null)");
        else
            status += QStringLiteral(" (partial data)");
    }
    m_ui->statusLabel->setText(status);
    m_ui->tabs->setCurrentWidget(
        (!response.hasData || response.dataIsNull) && !response.errors.isEmpty() ? m_ui->errorsTab : m_ui->treeTab);
    // A search that was open goes on in the new answer.
    if (m_ui->searchBar->isVisibleTo(this) && !m_ui->searchEdit->text().isEmpty())
        startSearch();
    releaseOffThread(std::move(previous));
}

ResultSnapshot ResultView::snapshot() const
{
    return m_shown;
}

void ResultView::restore(const ResultSnapshot &snapshot, const QString &emptyMessage)
{
    if (snapshot.document)
        showResponse(snapshot.document, snapshot.response, snapshot.statusLine);
    else if (!snapshot.message.isEmpty() || !snapshot.body.isEmpty())
        showMessage(snapshot.message, snapshot.statusLine, snapshot.body);
    else
        showMessage(emptyMessage, QString());
    setResponseHeaders(snapshot.headers);
}

void ResultView::setResponseHeaders(const ResponseHeaders &headers)
{
    m_shown.headers = headers;
    m_headersView->setHeaders(headers);
    const int index = m_ui->tabs->indexOf(m_headersView);
    m_ui->tabs->setTabText(index, headers.headers.isEmpty() ? tr("Headers")
                                                            : tr("Headers (%1)").arg(headers.headers.size()));
}

ResponseHeadersView *ResultView::headersView() const
{
    return m_headersView;
}

void ResultView::showMessage(const QString &message, const QString &statusLine, const QByteArray &body)
{
    std::shared_ptr<const Core::ResponseDocument> previous = std::move(m_document);
    m_shown = {nullptr, {}, statusLine, message, body, {}};
    setResponseHeaders({});
    cancelSearch();
    m_model->clear();
    m_errors->setErrors({});
    setErrorsTabTitle(0);
    m_ui->errorsBanner->hide();
    m_ui->treeNoteLabel->clear();
    m_rawPending = false;
    m_ui->rawJsonView->clear();
    m_ui->rawJsonView->hide();
    m_ui->resultTable->clear();
    m_document.reset();
    updateExportActions();
    const QString text = rawText(body);
    m_ui->rawView->setLineWrapMode(hasLongLine(text) ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    m_ui->rawView->setPlainText(text);
    m_ui->rawView->show();
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty()); // no message: just the status line (a tab's last run)
    m_ui->statusLabel->setText(statusLine);
    if (!body.isEmpty())
        m_ui->tabs->setCurrentWidget(m_ui->rawTab);
    releaseOffThread(std::move(previous));
}

void ResultView::releaseOffThread(std::shared_ptr<const Core::ResponseDocument> document)
{
    if (!document)
        return;
    // The runnable (and so its capture) is destroyed on the pool's thread; when another holder is left (the same
    // document shown again, a worker still reading it), that holder frees it instead.
    (void)QtConcurrent::run(backgroundPool(), [document = std::move(document)]() mutable { document.reset(); });
}

QString ResultView::messageText() const
{
    return m_ui->messageLabel->isVisibleTo(const_cast<ResultView *>(this)) ? m_ui->messageLabel->text() : QString();
}

QString ResultView::errorsBannerText() const
{
    if (!m_ui->errorsBanner->isVisibleTo(const_cast<ResultView *>(this)))
        return {};
    QString text = m_ui->errorsBanner->text();
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return text;
}

void ResultView::showErrorsBanner(const Core::GraphQLResponse &response)
{
    const qsizetype count = response.errors.size();
    if (count == 0 || !response.hasData) {
        m_ui->errorsBanner->hide();
        return;
    }
    const QString errors = count == 1 ? tr("1 error") : tr("%1 errors").arg(number(count));
    const QString what = response.dataIsNull ? tr("data is null") : tr("the data below is partial");
    m_ui->errorsBanner->setText(
        QStringLiteral("⚠ <b>%1</b>: %2. <a href=\"errors\">Show errors</a>").arg(errors, what));
    m_ui->errorsBanner->show();
}

// ---- tree actions ----------------------------------------------------------------------------------------

void ResultView::copyValue(const QModelIndex &index) const
{
    const QModelIndex cell = index.siblingAtColumn(0);
    if (cell.isValid())
        QGuiApplication::clipboard()->setText(cell.data(Models::JsonRawValueRole).toString());
}

void ResultView::copyPath(const QModelIndex &index) const
{
    const QModelIndex cell = index.siblingAtColumn(0);
    if (cell.isValid())
        QGuiApplication::clipboard()->setText(m_model->pathForIndex(cell));
}

void ResultView::copySubtreeJson(const QModelIndex &index) const
{
    const QModelIndex cell = index.siblingAtColumn(0);
    if (cell.isValid())
        QGuiApplication::clipboard()->setText(QString::fromUtf8(m_model->jsonForIndex(cell, 2)));
}

int ResultView::expandToDepth(const QModelIndex &from, int depth)
{
    depth = qBound(1, depth, 64);
    QTreeView *tree = m_ui->treeView;
    const QModelIndex start = from.siblingAtColumn(0);
    // Breadth first over (index, level of its children); collect what to expand, then expand deepest first:
    // items under a collapsed parent are only recorded by QTreeView, so the layout is built once per subtree.
    struct Item
    {
        QModelIndex index;
        int childLevel;
    };
    QList<Item> queue;
    if (start.isValid()) {
        queue.append({start, 1});
    } else {
        tree->collapseAll();
        for (int row = 0; row < m_model->rowCount(); ++row)
            queue.append({m_model->index(row, 0), 2});
    }
    QList<QModelIndex> toExpand;
    int rows = 0;
    bool stopped = false;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const Item item = queue.at(i);
        if (item.childLevel > depth || !m_model->hasChildren(item.index))
            continue;
        const int children = m_model->rowCount(item.index); // the first fetched chunk
        if (rows + children > MaxExpandRows) {
            stopped = true;
            break;
        }
        rows += children;
        toExpand.append(item.index);
        for (int row = 0; row < children; ++row)
            queue.append({m_model->index(row, 0, item.index), item.childLevel + 1});
    }
    for (auto it = toExpand.crbegin(); it != toExpand.crend(); ++it)
        tree->expand(*it);
    m_ui->treeNoteLabel->setText(
        stopped ? tr("Stopped at %1 rows (the limit for one expansion); expand deeper parts by hand.").arg(number(rows))
                : QString());
    return rows;
}

void ResultView::collapseAll()
{
    m_ui->treeView->collapseAll();
    m_ui->treeNoteLabel->clear();
}

QString ResultView::treeNoteText() const
{
    return m_ui->treeNoteLabel->text();
}

QMenu *ResultView::createContextMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    const QModelIndex cell = index.siblingAtColumn(0);
    if (cell.isValid()) {
        const bool container = m_model->isContainer(cell);
        menu->addAction(tr("Copy Value"), this, [this, cell] { copyValue(cell); });
        menu->addAction(tr("Copy Path"), this, [this, cell] { copyPath(cell); });
        menu->addAction(tr("Copy Subtree as JSON"), this, [this, cell] { copySubtreeJson(cell); });
        menu->addSeparator();
        QAction *variable = menu->addAction(tr("Use as Variable…"), this, [this, cell] { requestUseAsVariable(cell); });
        variable->setEnabled(!container);
        if (container) {
            menu->addSeparator();
            QMenu *expand = menu->addMenu(tr("Expand to Depth"));
            for (int depth : {1, 2, 3, 5, 8}) {
                expand->addAction(levelsText(depth), this, [this, cell, depth] { expandToDepth(cell, depth); });
            }
        }
    }
    menu->addSeparator();
    QMenu *expandAll = menu->addMenu(tr("Expand Tree to Depth"));
    for (int depth : {1, 2, 3, 5, 8})
        expandAll->addAction(levelsText(depth), this, [this, depth] { expandToDepth({}, depth); });
    menu->addAction(tr("Collapse All"), this, &ResultView::collapseAll);
    menu->addAction(tr("Find…"), this, &ResultView::showSearchBar);
    return menu;
}

void ResultView::requestUseAsVariable(const QModelIndex &index)
{
    const QModelIndex cell = index.siblingAtColumn(0);
    const auto document = m_model->document();
    if (!cell.isValid() || !document || m_model->isContainer(cell))
        return;
    bool ok = false;
    const QString suggested = Core::suggestVariableName(*document, m_model->nodeForIndex(cell));
    const QString name = QInputDialog::getText(this, tr("Use as Variable"), tr("Put this value into the variables as:"),
                                               QLineEdit::Normal, suggested, &ok)
                             .trimmed();
    if (!ok)
        return;
    if (!useAsVariable(cell, name))
        m_ui->treeNoteLabel->setText(
            tr("\"%1\" is not a variable name (letters, digits and _, not starting with a digit).").arg(name));
}

bool ResultView::useAsVariable(const QModelIndex &index, const QString &name)
{
    const QModelIndex cell = index.siblingAtColumn(0);
    if (!cell.isValid() || m_model->isContainer(cell) || !Core::JsonText::isName(name))
        return false;
    m_ui->treeNoteLabel->clear();
    emit useAsVariableRequested(name, m_model->jsonForIndex(cell, 0));
    return true;
}

// ---- search -----------------------------------------------------------------------------------------------

void ResultView::showSearchBar()
{
    m_ui->tabs->setCurrentWidget(m_ui->treeTab);
    m_ui->searchBar->show();
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void ResultView::hideSearchBar()
{
    cancelSearch();
    m_matches.clear();
    m_currentMatch = -1;
    m_ui->searchBar->hide();
    m_ui->treeView->setFocus(Qt::OtherFocusReason);
}

void ResultView::findInResults(const QString &text)
{
    m_ui->tabs->setCurrentWidget(m_ui->treeTab);
    m_ui->searchBar->show();
    const QSignalBlocker blocker(m_ui->searchEdit);
    m_ui->searchEdit->setText(text);
    startSearch();
}

void ResultView::cancelSearch()
{
    m_searchTimer->stop();
    if (!m_searchWatcher)
        return;
    // Disconnected first: results of the old search that are still queued never reach the new one.
    m_searchWatcher->disconnect(this);
    m_searchWatcher->cancel();
    m_searchWatcher->deleteLater();
    m_searchWatcher = nullptr;
    m_searchDone = true;
}

void ResultView::startSearch()
{
    cancelSearch();
    m_matches.clear();
    m_currentMatch = -1;
    m_searchDone = true;
    m_searchCapped = false;
    const QString needle = m_ui->searchEdit->text();
    const auto document = m_model->document();
    if (needle.isEmpty() || !document) {
        updateSearchLabel();
        return;
    }
    m_searchDone = false;
    m_searchWatcher = new QFutureWatcher<SearchChunk>(this);
    QFutureWatcher<SearchChunk> *watcher = m_searchWatcher;
    connect(watcher, &QFutureWatcherBase::resultsReadyAt, this, [this, watcher](int begin, int end) {
        for (int i = begin; i < end; ++i)
            addSearchChunk(watcher->resultAt(i));
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [document, needle](QPromise<SearchChunk> &promise) {
        const Core::ResponseSearch search(needle);
        const auto result = search.run(
            *document, MaxSearchMatches, [&promise] { return promise.isCanceled(); },
            [&promise](const std::vector<Core::ResponseDocument::NodeId> &nodes) {
                promise.addResult(SearchChunk{nodes, false, false});
            });
        promise.addResult(SearchChunk{{}, true, result.capped});
    }));
    updateSearchLabel();
}

void ResultView::addSearchChunk(const SearchChunk &chunk)
{
    if (chunk.done) {
        m_searchDone = true;
        m_searchCapped = chunk.capped;
    } else {
        m_matches.insert(m_matches.end(), chunk.nodes.begin(), chunk.nodes.end());
    }
    if (m_currentMatch < 0 && !m_matches.empty()) {
        m_currentMatch = 0;
        revealCurrentMatch();
    }
    updateSearchLabel();
}

void ResultView::findNext()
{
    if (m_searchTimer->isActive() || (m_matches.empty() && m_searchDone)) {
        startSearch(); // typed but not searched yet: search now, the first match is selected when found
        return;
    }
    if (m_matches.empty())
        return;
    m_currentMatch = (m_currentMatch + 1) % int(m_matches.size());
    revealCurrentMatch();
    updateSearchLabel();
}

void ResultView::findPrevious()
{
    if (m_searchTimer->isActive()) {
        startSearch();
        return;
    }
    if (m_matches.empty())
        return;
    m_currentMatch = (m_currentMatch <= 0 ? int(m_matches.size()) : m_currentMatch) - 1;
    revealCurrentMatch();
    updateSearchLabel();
}

void ResultView::revealCurrentMatch()
{
    if (m_currentMatch < 0 || m_currentMatch >= int(m_matches.size()))
        return;
    // indexForNode() fetches the chunks that hold the node and its ancestors; only those ancestors expand.
    selectInTree(m_model->indexForNode(m_matches.at(size_t(m_currentMatch))));
}

void ResultView::selectInTree(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_ui->treeView->expand(p);
    m_ui->treeView->setCurrentIndex(index);
    m_ui->treeView->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void ResultView::updateSearchLabel()
{
    m_ui->searchCountLabel->setText(searchCountText());
}

bool ResultView::isSearching() const
{
    return !m_searchDone;
}

int ResultView::searchMatchCount() const
{
    return int(m_matches.size());
}

int ResultView::currentMatch() const
{
    return m_currentMatch;
}

QString ResultView::searchCountText() const
{
    if (m_ui->searchEdit->text().isEmpty())
        return {};
    if (m_matches.empty())
        return m_searchDone ? tr("No matches") : tr("Searching…");
    const QString total = Core::ResponseSearch::countText(qint64(m_matches.size()), m_searchCapped);
    return tr("%1 of %2").arg(number(m_currentMatch + 1), total) + (m_searchDone ? QString() : QStringLiteral("…"));
}

QLineEdit *ResultView::searchEdit() const
{
    return m_ui->searchEdit;
}

bool ResultView::event(QEvent *event)
{
    // Ctrl+F / F3 while focus is inside this pane: take them before the window's shortcuts (the editor's find
    // bar is window-wide), so they arrive here as key presses.
    if (event->type() == QEvent::ShortcutOverride && isFindKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void ResultView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Find)) {
        showSearchBar();
    } else if (event->matches(QKeySequence::FindNext)) {
        findNext();
    } else if (event->matches(QKeySequence::FindPrevious)) {
        findPrevious();
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool ResultView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->searchEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hideSearchBar();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// ---- errors -----------------------------------------------------------------------------------------------

void ResultView::activateError(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QVariantList path = index.data(Models::ErrorPathRole).toList();
    const int line = index.data(Models::ErrorLocationLineRole).toInt();
    const int column = index.data(Models::ErrorLocationColumnRole).toInt();
    // The Path cell leads to the tree, the Locations cell to the editor; the other cells do both.
    const bool followPath = index.column() != Models::ErrorListModel::LocationsColumn || line <= 0;
    const bool followLocation = index.column() != Models::ErrorListModel::PathColumn || path.isEmpty();
    if (followPath && !path.isEmpty()) {
        // Error paths start below `data` (GraphQL spec §7.1.2); the tree's top level is the response object.
        const QModelIndex target = m_model->indexForPath(QVariantList{QStringLiteral("data")} + path);
        if (target.isValid()) {
            selectInTree(target);
            if (index.column() == Models::ErrorListModel::PathColumn)
                m_ui->tabs->setCurrentWidget(m_ui->treeTab);
        }
    }
    if (followLocation && line > 0)
        emit errorLocationActivated(line, column);
}

void ResultView::setErrorsTabTitle(int count)
{
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->errorsTab),
                           count > 0 ? QStringLiteral("Errors (%1)").arg(count) : QStringLiteral("Errors"));
}

// ---- accessors --------------------------------------------------------------------------------------------

QTreeView *ResultView::treeView() const
{
    return m_ui->treeView;
}

QTableView *ResultView::errorsView() const
{
    return m_ui->errorsView;
}

QPlainTextEdit *ResultView::rawView() const
{
    return m_ui->rawView;
}

QTabWidget *ResultView::tabs() const
{
    return m_ui->tabs;
}

Models::ResponseTreeModel *ResultView::responseModel() const
{
    return m_model;
}

Models::ErrorListModel *ResultView::errorModel() const
{
    return m_errors;
}

void ResultView::setupRawTableAndExport()
{
    // Corner of the tabs: Pretty (raw view layout) and Export.
    auto *corner = new QWidget(m_ui->tabs);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    cornerLayout->setSpacing(2);
    auto *prettyButton = new QToolButton(corner);
    prettyButton->setDefaultAction(m_ui->rawJsonView->prettyAction());
    prettyButton->setAutoRaise(true);
    prettyButton->setObjectName(QStringLiteral("prettyButton"));
    cornerLayout->addWidget(prettyButton);
    // Pretty is about the Raw tab only: shown while it is the current tab.
    const auto updatePretty = [this, prettyButton] {
        prettyButton->setVisible(m_ui->tabs->currentWidget() == m_ui->rawTab);
    };
    connect(m_ui->tabs, &QTabWidget::currentChanged, prettyButton, updatePretty);
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_rawPending && m_document && m_ui->tabs->currentWidget() == m_ui->rawTab) {
            m_rawPending = false;
            m_ui->rawJsonView->setDocument(m_document);
        }
    });
    updatePretty();
    auto *exportButton = new QToolButton(corner);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setAutoRaise(true);
    auto *exportMenu = new QMenu(exportButton);
    m_exportJsonAction = exportMenu->addAction(tr("Export Result as JSON…"), this, [this] { exportJson(false); });
    m_exportJsonAction->setObjectName(QStringLiteral("Result.ExportJson"));
    m_exportPrettyAction = exportMenu->addAction(tr("Export Result as Pretty JSON…"), this, [this] { exportJson(true); });
    m_exportPrettyAction->setObjectName(QStringLiteral("Result.ExportPrettyJson"));
    m_exportCsvAction = exportMenu->addAction(tr("Export Table as CSV…"), this, [this] { exportCsv(); });
    m_exportCsvAction->setObjectName(QStringLiteral("Result.ExportCsv"));
    exportMenu->addSeparator();
    m_saveRawBodyAction = exportMenu->addAction(tr("Save Raw Body…"), this, [this] { saveRawBody(); });
    m_saveRawBodyAction->setObjectName(QStringLiteral("Result.SaveRawBody"));
    m_cancelExportAction = exportMenu->addAction(tr("Cancel Export"), this, [this] { m_exporter->cancel(); });
    exportButton->setMenu(exportMenu);
    cornerLayout->addWidget(exportButton);
    m_ui->tabs->setCornerWidget(corner, Qt::TopRightCorner);

    m_exporter = new ResultExporter(this);
    connect(m_exporter, &ResultExporter::finished, this, [this](bool, const QString &message) {
        m_ui->statusLabel->setText(message);
        updateExportActions();
        emit exportFinished(message);
    });
    connect(m_ui->resultTable, &ResultTableView::rowActivated, this, [this](const QString &path) {
        const QModelIndex index = m_model->indexForPath(Models::ResponseTableModel::parsePath(path));
        if (index.isValid()) {
            m_ui->tabs->setCurrentWidget(m_ui->treeTab);
            selectInTree(index);
        }
    });
    m_ui->rawJsonView->hide();
    updateExportActions();
}

void ResultView::updateExportActions()
{
    const bool idle = !m_exporter->isRunning();
    m_exportJsonAction->setEnabled(idle && m_document);
    m_exportPrettyAction->setEnabled(idle && m_document);
    m_exportCsvAction->setEnabled(idle && m_document && m_ui->resultTable->model()->rowCount() > 0);
    m_saveRawBodyAction->setEnabled(!m_savingRawBody && !m_document && !m_shown.body.isEmpty());
    m_cancelExportAction->setEnabled(!idle);
}

bool ResultView::exportJson(bool pretty, QString path)
{
    if (!m_document)
        return false;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export Result"), QStringLiteral("result.json"),
                                            tr("JSON (*.json)"));
    if (path.isEmpty())
        return false;
    const bool started = m_exporter->exportJson(
        m_document, path, pretty ? Store::ResultExport::JsonFormat::Pretty : Store::ResultExport::JsonFormat::AsReceived);
    if (started)
        m_ui->statusLabel->setText(tr("Exporting to %1…").arg(path));
    updateExportActions();
    return started;
}

bool ResultView::saveRawBody(QString path)
{
    const QByteArray body = m_shown.body;
    if (m_savingRawBody || m_document || body.isEmpty())
        return false;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Save Raw Body"), QStringLiteral("response.txt"),
                                            tr("All files (*)"));
    if (path.isEmpty())
        return false;
    m_savingRawBody = true;
    m_ui->statusLabel->setText(tr("Saving to %1…").arg(path));
    updateExportActions();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_savingRawBody = false;
        const QString message = watcher->future().result();
        m_ui->statusLabel->setText(message);
        updateExportActions();
        emit exportFinished(message);
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [body, path] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
            return tr("Could not save to %1: %2").arg(path, file.errorString());
        return tr("Saved %1 to %2").arg(Net::HttpResult::formatSize(body.size()), path);
    }));
    return true;
}

bool ResultView::exportCsv(QString path)
{
    const Models::ResponseTableModel *table = m_ui->resultTable->model();
    if (!m_document || table->rowCount() == 0)
        return false;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export Table"), QStringLiteral("table.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return false;
    const bool started =
        m_exporter->exportCsv(table->document(), table->listNode(), table->columnKeys(), table->rowOrder(), path);
    if (started)
        m_ui->statusLabel->setText(tr("Exporting to %1…").arg(path));
    updateExportActions();
    return started;
}

RawJsonView *ResultView::rawJsonView() const
{
    return m_ui->rawJsonView;
}

ResultTableView *ResultView::resultTable() const
{
    return m_ui->resultTable;
}

} // namespace Sextant::App
