// SPDX-License-Identifier: MIT
// Sextant: the window's tabs: each one's documents, endpoint and last result summary, and their autosave.
#pragma once

#include <store/workspacestore.h>

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <memory>
#include <vector>

class QsciScintilla;
class QPlainTextEdit;
class QTabBar;
class QTimer;

namespace Sextant::Store {
class SecretStore;
}

namespace Sextant::App {

class EndpointBar;

/**
 * Owns the tab bar and, per tab, a QScintilla document for the query and one for the variables, a QTextDocument
 * for the headers, and the tab's Store::TabState. The window has one set of editors; switching tabs swaps the
 * documents into them (so each tab keeps its own undo history, caret and scroll position) and the endpoint into
 * the endpoint bar. After a switch the editors emit textChanged() once, so every listener (diagnostics, outline,
 * variables checks) sees the new text; that emission is not counted as an edit.
 *
 * Autosave (issue 7: "every tab is autosaved within 1 s of a change"): the first change after a save starts a
 * 300 ms timer that is NOT restarted by later changes, so a storm of typing is still written every 300 ms. The
 * changed tab's file (Store::WorkspaceStore::saveTab, QSaveFile) is written on one background writer thread in
 * order of changes; the UI thread only copies the text. flush() writes everything still pending and waits (for
 * closeEvent). With persistence off (setDirectory("")), nothing is written.
 *
 * Closing a tab keeps it (up to 20) for reopenClosedTab() (Ctrl+Shift+T), also across the undo of the last close;
 * closing the last tab opens a fresh one.
 *
 * Credential header lines (Authorization, tokens…) never reach the tab files; with setSecretStore() they go to the
 * keychain under SecretStore::tabHeadersKey(id) (written only when they change), and come back into the headers
 * pane when the tab is first shown after a restart — unless the user has typed in it meanwhile. GUI thread only.
 */
class TabController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TabController)

public:
    TabController(QTabBar *tabBar, QsciScintilla *queryEditor, QsciScintilla *variablesEditor,
                  QPlainTextEdit *headersEditor, EndpointBar *endpointBar, QObject *parent = nullptr);
    ~TabController() override;

    /// Where tab files go; empty = nothing is written (tests, --no-session).
    void setDirectory(const QString &directory);
    /// Keeps each tab's credential header lines in @p secrets (null: they are only kept in memory).
    void setSecretStore(Store::SecretStore *secrets);
    QString directory() const;

    /// Replaces every tab with @p state's (no tab = one fresh tab from @p fallback) and shows its current tab.
    void restore(const Store::WorkspaceState &state, const Store::TabState &fallback);

    int count() const;
    int currentIndex() const;
    /// The state of tab @p index with the live text of its editors when it is the current tab.
    Store::TabState tabState(int index) const;
    Store::TabState currentState() const { return tabState(currentIndex()); }
    int indexOfId(const QString &id) const;
    /// The label shown on tab @p index (custom title, collection name, first operation's name, or "Untitled").
    QString tabTitle(int index) const;

    /// Adds a tab after the current one; an empty id gets a new one. Returns its index.
    int addTab(Store::TabState state, bool makeCurrent = true);
    void setCurrentIndex(int index);
    void closeTab(int index);
    bool reopenClosedTab(); ///< false when nothing was closed
    int closedTabCount() const;
    int duplicateTab(int index);
    void renameTab(int index, const QString &title); ///< empty = back to the derived title
    void moveTab(int from, int to);

    void setResultSummary(const QString &tabId, const QString &summary);
    void setCollectionPath(int index, const QString &path, const QString &title = {});
    /// Call when the endpoint bar's kind or URL changed (the edit belongs to the current tab).
    void noteEndpointEdited();

    /// Writes every pending change now and waits for the writer (closeEvent, tests).
    void flush();

signals:
    /// Another tab is in front (its documents are in the editors); also after restore().
    void currentTabChanged(int index);
    /// Tabs were added, closed, moved or renamed.
    void tabsChanged();
    /// A save failed (disk full, permissions); the user's text is still in memory.
    void saveFailed(const QString &message);

private:
    struct Tab;

    void attach(int index);
    void snapshotCurrent();
    void markDirty();
    void saveDirty();
    void saveIndex();
    void refreshTitle(int index);
    void showContextMenu(const QPoint &position);
    void startRename(int index);
    QString derivedTitle(const Tab &tab) const;

    QTabBar *m_tabBar;
    QsciScintilla *m_query;
    QsciScintilla *m_variables;
    QPlainTextEdit *m_headers;
    EndpointBar *m_endpointBar;
    std::vector<std::unique_ptr<Tab>> m_tabs; ///< in tab-bar order
    std::vector<Store::TabState> m_closed;    ///< most recent last
    int m_current = -1;
    bool m_switching = false;
    QString m_directory;
    QPointer<Store::SecretStore> m_secrets;
    QTimer *m_saveTimer;
    QTimer *m_titleTimer;
    QThreadPool m_writer; ///< one thread: writes land in the order they were queued
};

} // namespace Sextant::App
