// SPDX-License-Identifier: MIT
// Sextant: the result pane: lazy JSON tree with search, raw JSON, GraphQL errors and a status line.
#pragma once

#include "responseheadersview.h"

#include <core/response/graphqlresponse.h>

#include <QByteArray>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QLineEdit;
class QMenu;
class QTreeView;
class QPlainTextEdit;
class QTableView;
class QTabWidget;
class QTimer;
class QAction;
template<typename T>
class QFutureWatcher;

namespace Ui {
class ResultView;
}

namespace Sextant::Core {
class ResponseDocument;
} // namespace Sextant::Core

namespace Sextant::Models {
class ResponseTreeModel;
class ErrorListModel;
} // namespace Sextant::Models

namespace Sextant::App {

class RawJsonView;
class ResultTableView;
class ResultExporter;

/**
 * Shows one GraphQL response (GraphQL spec §7): a lazy tree over the Core::ResponseDocument (key, value and type
 * columns, lengths of lists and objects, big arrays fetched in chunks), the raw JSON, and the `errors` list
 * (message, path, locations, extensions). A click on an error's path selects that node in the tree (the nearest
 * existing one, since null bubbling may remove the path, PROTOCOLS.md §1.9), a click on its locations asks the
 * editor to move there; partial data keeps the tree visible under a banner that counts the errors. Anything that is
 * not a GraphQL response (refused connection, HTML page, 401, invalid JSON) is shown as a message above the tabs;
 * the previous tree is cleared so stale data is never mistaken for the new answer.
 *
 * The tree has a context menu (Copy Value, Copy Path as `data.runsOrError.results[3].runId`, Copy Subtree as
 * JSON straight from the response bytes, Use as Variable…, Expand to Depth, Collapse All) and a search bar (Ctrl+F
 * while the pane has focus; Enter/F3 next, Shift+Enter/Shift+F3 previous, Esc closes) that runs Core::ResponseSearch
 * on a QtConcurrent worker, cancelled when the text or the response changes, with matches streamed back in chunks
 * so a 100 MB response stays responsive. Expanding never makes more than MaxExpandRows rows visible at once.
 * The Headers tab (ResponseHeadersView) shows the HTTP status line and response headers of the answer, GraphQL or
 * not, with Set-Cookie values masked; RunController sets them with setResponseHeaders().
 * GUI thread only.
 */
/// What the result view shows, to put back later (each tab keeps its last result in memory): a parsed response
/// (document set) or a message with its status line and raw body. The document is shared, not copied.
struct ResultSnapshot
{
    std::shared_ptr<const Core::ResponseDocument> document;
    Core::GraphQLResponse response;
    QString statusLine;
    QString message;
    QByteArray body;
    ResponseHeaders headers; ///< the HTTP status line and headers of the answer (the Headers tab)
};

class ResultView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultView)

public:
    /// Rows "Expand to Depth" may make visible in one go; it stops (and says so) before exceeding them.
    static constexpr int MaxExpandRows = 10000;
    /// Matches one search collects; the count then reads "100,000+".
    static constexpr int MaxSearchMatches = 100000;

    explicit ResultView(QWidget *parent = nullptr);
    ~ResultView() override;

    /// Clears the views and shows @p text (e.g. "Running… 1.2 KB") in the status line.
    void showRunning(const QString &text);
    void setStatusText(const QString &text);
    QString statusText() const;

    /// Shows a parsed response; @p statusLine is e.g. "HTTP 200 OK · 42 ms · 1.2 KB".
    void showResponse(std::shared_ptr<const Core::ResponseDocument> document, const Core::GraphQLResponse &response,
                      const QString &statusLine);
    /// Shows a failure that produced no GraphQL response; @p body (may be empty) goes to the raw tab.
    void showMessage(const QString &message, const QString &statusLine, const QByteArray &body = {});
    QString messageText() const; ///< the failure message shown, empty when none
    /// The response or message shown now (a running request's progress is not kept: it snapshots as empty).
    ResultSnapshot snapshot() const;
    /// Shows @p snapshot again as it was (an empty one shows @p emptyMessage).
    void restore(const ResultSnapshot &snapshot, const QString &emptyMessage = {});
    /// Shows the HTTP status and response headers of the answer on screen in the Headers tab (also for answers
    /// that are not GraphQL). showRunning(), showResponse() and showMessage() clear them: call this after them.
    void setResponseHeaders(const ResponseHeaders &headers);
    ResponseHeadersView *headersView() const;
    /// The "2 errors with partial data" banner above the tree as plain text; empty when hidden.
    QString errorsBannerText() const;

    // Tree actions (also in the context menu; @p index is any column of a row).
    void copyValue(const QModelIndex &index) const;       ///< scalars as text (strings unquoted), containers as JSON
    void copyPath(const QModelIndex &index) const;        ///< `data.runsOrError.results[3].runId`
    void copySubtreeJson(const QModelIndex &index) const; ///< pretty JSON in document order
    /// Expands @p from (invalid: the whole tree, collapsed first) so that @p depth levels below it are visible,
    /// breadth first, stopping before more than MaxExpandRows rows would show. Returns the rows made visible.
    int expandToDepth(const QModelIndex &from, int depth);
    void collapseAll();
    /// The note next to the tree's toolbar ("Stopped at 10,000 rows…"), empty when none.
    QString treeNoteText() const;
    /// The context menu for @p index (a new QMenu owned by the caller; an invalid index gives the tree actions).
    QMenu *createContextMenu(const QModelIndex &index);

    /// Asks for a name (default from Core::suggestVariableName()) and emits useAsVariableRequested().
    void requestUseAsVariable(const QModelIndex &index);
    /// Emits useAsVariableRequested(name, compact JSON of the scalar at @p index); false (and nothing emitted)
    /// for containers, invalid indexes or a name that is not a GraphQL Name.
    bool useAsVariable(const QModelIndex &index, const QString &name);

    // Search in the tree.
    void showSearchBar();                    ///< shows and focuses the bar (Ctrl+F)
    void hideSearchBar();                    ///< hides it and cancels a running search (Esc)
    void findInResults(const QString &text); ///< sets the bar's text and starts searching at once
    void findNext();
    void findPrevious();
    bool isSearching() const;        ///< a worker is still scanning
    int searchMatchCount() const;    ///< matches found so far (at most MaxSearchMatches)
    int currentMatch() const;        ///< 0-based index of the selected match, -1 when none
    QString searchCountText() const; ///< "3 of 1,204", "No matches", "Searching…"
    QLineEdit *searchEdit() const;

    QTreeView *treeView() const;
    QTableView *errorsView() const;
    /// The body of an answer that is no GraphQL response (HTML error pages, invalid JSON…), its first 64 KB
    /// (then a "… N more bytes not shown" line; saveRawBody() writes all), not wrapped when a line is long.
    QPlainTextEdit *rawView() const;
    RawJsonView *rawJsonView() const;  ///< a JSON answer, virtualized: pretty or as received, any size
    ResultTableView *resultTable() const;

    /// Writes the shown response to @p path (a file dialog asks when empty), as received or pretty, on a worker
    /// thread; false when there is nothing to export, another export runs or the dialog was cancelled.
    /// exportFinished() reports the outcome, also in the status line.
    bool exportJson(bool pretty, QString path = {});
    /// Writes the Table tab's list (its columns and current sort) as RFC 4180 CSV; like exportJson().
    bool exportCsv(QString path = {});
    /// Writes the body of the failure shown by showMessage() byte for byte to @p path (a file dialog asks when
    /// empty) on a worker thread; false when a response (use exportJson()) or no body is shown, a save runs or the
    /// dialog was cancelled. exportFinished() reports "Saved 1.2 MB to …" or the error, also in the status line.
    bool saveRawBody(QString path = {});
    QTabWidget *tabs() const;
    Models::ResponseTreeModel *responseModel() const;
    Models::ErrorListModel *errorModel() const;

signals:
    /// The user activated an error location (1-based line and column in the query document).
    void errorLocationActivated(int line, int column);
    /// "Use as Variable…": put @p jsonValue (one JSON value, e.g. "\"DIR_abc\"") into the variables under @p name
    /// (see Core::setVariableInJsonText()).
    void useAsVariableRequested(const QString &name, const QByteArray &jsonValue);
    /// An export started with exportJson()/exportCsv()/saveRawBody() ended: "Exported 2.1 MB to …" or the error.
    void exportFinished(const QString &message);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setupRawTableAndExport();
    /// Drops @p document on a worker thread when this is its last reference (a big answer frees for ~100 ms).
    static void releaseOffThread(std::shared_ptr<const Core::ResponseDocument> document);
    void updateExportActions();
    struct SearchChunk;

    void activateError(const QModelIndex &index);
    void selectInTree(const QModelIndex &index);
    void setErrorsTabTitle(int count);
    void showErrorsBanner(const Core::GraphQLResponse &response);
    void startSearch();
    void cancelSearch();
    void addSearchChunk(const SearchChunk &chunk);
    void revealCurrentMatch();
    void updateSearchLabel();

    std::unique_ptr<Ui::ResultView> m_ui;
    Models::ResponseTreeModel *m_model = nullptr;
    Models::ErrorListModel *m_errors = nullptr;
    std::shared_ptr<const Core::ResponseDocument> m_document; ///< the answer shown (for export)
    ResultSnapshot m_shown; ///< what showResponse()/showMessage() were last given (for snapshot())
    bool m_rawPending = false; ///< the Raw tab gets m_document when it is next shown
    ResultExporter *m_exporter = nullptr;
    ResponseHeadersView *m_headersView = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_exportPrettyAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_saveRawBodyAction = nullptr;
    bool m_savingRawBody = false; ///< saveRawBody() is writing
    QAction *m_cancelExportAction = nullptr;
    QTimer *m_searchTimer = nullptr;
    QFutureWatcher<SearchChunk> *m_searchWatcher = nullptr;
    std::vector<quint32> m_matches; ///< Core::ResponseDocument::NodeId of each match, in document order
    int m_currentMatch = -1;
    bool m_searchDone = true;
    bool m_searchCapped = false;
};

} // namespace Sextant::App
