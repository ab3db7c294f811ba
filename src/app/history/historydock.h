// SPDX-License-Identifier: MIT
// Sextant: the History dock's widget: search, the list of past runs, a preview, re-open, delete and clear.
#pragma once

#include <store/historyentry.h>

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPlainTextEdit;
class QTimer;
class QTreeView;

namespace Sextant::Store {
class HistoryStore;
}
namespace Sextant::Models {
class HistoryListModel;
}

namespace Sextant::App {

/**
 * The content of the History dock (a QWidget: the window puts it in a QDockWidget). Shows the runs of a
 * Store::HistoryStore newest first in a Models::HistoryListModel (time, operation or "(anonymous)", endpoint host,
 * status coloured by outcome, duration, size), filtered by a search field (every word must match the operation
 * name, document, endpoint or variables; searched searchDebounceMs after the last keystroke, on the store's worker
 * thread), and the current run's endpoint, status, document and variables in a read-only preview.
 *
 * Enter or a double-click (QAbstractItemView::activated) and "Open in New Tab" emit reopenRequested() with the whole
 * entry; the context menu also has Copy Document, Delete (also the Delete key) and Clear History… (asks first). The
 * list refreshes itself when the store records, removes, prunes or clears runs; a result that arrives after a newer
 * search is dropped. A store error is shown in a line above the list; the dock keeps working with what it has.
 * GUI thread only; never touches SQLite.
 */
class HistoryDock final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDock)

public:
    static constexpr int searchDebounceMs = 250;

    explicit HistoryDock(Store::HistoryStore *store, QWidget *parent = nullptr);
    ~HistoryDock() override;

    /// The run of the current row; an entry with id 0 when there is none.
    Store::HistoryEntry currentEntry() const;

    QLineEdit *searchField() const { return m_search; }
    QTreeView *listView() const { return m_list; }
    Models::HistoryListModel *model() const { return m_model; }
    QPlainTextEdit *documentPreview() const { return m_documentPreview; }
    QPlainTextEdit *variablesPreview() const { return m_variablesPreview; }
    QLabel *errorLabel() const { return m_errorLabel; }
    QLabel *emptyStateLabel() const { return m_emptyLabel; } ///< "No runs yet" / "No runs match" instead of the list
    QAction *openAction() const { return m_openAction; }
    QAction *copyDocumentAction() const { return m_copyAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *clearAction() const { return m_clearAction; }

public slots:
    /// Searches again now with the current text (no debounce).
    void refresh();
    void openCurrent();
    void copyCurrentDocument();
    void deleteCurrent();
    /// Asks for confirmation, then deletes every run.
    void clearHistory();

signals:
    /// Open @p entry in a new tab (its endpoint kind and URL, operation name, document, variables and headers).
    void reopenRequested(const Sextant::Store::HistoryEntry &entry);
    /// The list shows the result of a search: @p count runs.
    void refreshed(int count);

private:
    void showEntries(const QList<Store::HistoryEntry> &entries);
    void updatePreview();
    void updateActions();
    void showContextMenu(const QPoint &position);

    QPointer<Store::HistoryStore> m_store; ///< may go before the dock: then the dock keeps what it shows
    Models::HistoryListModel *m_model;
    QLineEdit *m_search;
    QTimer *m_searchTimer;
    QLabel *m_errorLabel;
    QLabel *m_emptyLabel;
    QTreeView *m_list;
    QLabel *m_summary;
    QPlainTextEdit *m_documentPreview;
    QPlainTextEdit *m_variablesPreview;
    QAction *m_openAction;
    QAction *m_copyAction;
    QAction *m_deleteAction;
    QAction *m_clearAction;
    quint64 m_searchGeneration = 0;
};

} // namespace Sextant::App
