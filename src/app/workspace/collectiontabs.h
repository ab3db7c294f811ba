// SPDX-License-Identifier: MIT
// Sextant: tabs and collection files together: open a saved request in a tab, save a tab, follow moves and reloads.
#pragma once

#include <store/savedrequest.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

class QsciScintilla;
class QWidget;

namespace Sextant::App {

class CollectionDock;
class EndpointBar;
class TabController;

/**
 * Keeps tabs and collection files in step (issue 7, "Collections"). A tab's Store::TabState::collectionPath is its
 * file: either a request of the user's collections (a .graphql plus its .request.json sidecar, written by the
 * CollectionDock) or a loose .graphql file opened from disk, which save() writes back as it is, without a sidecar.
 *
 * - openRequest(): the dock's requestOpened — shows the tab that has the file, or opens one (a starter request
 *   opens as an unsaved copy, so Ctrl+S asks where to keep it);
 * - save() (Ctrl+S) / saveAs() (Ctrl+Shift+S): the tab's endpoint, document, variables and headers (credential
 *   values are dropped by the writer; {{references}} stay), keeping the sidecar's description;
 * - a rename, move or delete in the dock moves the tabs that have those files (a deleted file's tab stays open,
 *   unsaved); a file changed outside Sextant (a git pull) is reloaded into its tab as one undo step, unless the
 *   tab was edited since it was opened or saved — then the user's text stays and message() says so.
 * GUI thread only. Failures are reported through message() (and a dialog for a failed save); nothing throws.
 */
class CollectionTabs final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionTabs)

public:
    /// @p window parents this object and the dialogs.
    CollectionTabs(TabController *tabs, CollectionDock *collections, QsciScintilla *queryEditor,
                   QsciScintilla *variablesEditor, EndpointBar *endpointBar, QWidget *window);

    /// Where a Dagger-session request without a URL is sent (the session from the environment); empty = none.
    void setDaggerSessionUrl(const QString &url);

    void openRequest(const Store::SavedRequest &request, const QString &filePath);
    /// Opens each .graphql/.gql file in a tab of its own (or shows the tab that already has it).
    void openFiles(const QStringList &paths);
    bool save();
    bool saveAs();
    /// The current tab as a saved request (name = tab title; the sidecar's other fields kept).
    Store::SavedRequest currentRequest() const;

signals:
    /// A one-line status for the user, and for how long to show it.
    void message(const QString &text, int timeoutMs);

private:
    void onPathMoved(const QString &from, const QString &to);
    void onFileChanged(const QString &filePath);
    QString savedMessage(const QString &path, const QString &variables) const;

    TabController *m_tabs;
    CollectionDock *m_collections;
    QsciScintilla *m_query;
    QsciScintilla *m_variables;
    EndpointBar *m_endpointBar;
    QWidget *m_window;
    QString m_daggerSessionUrl;
    QHash<QString, QString> m_savedDocuments; ///< file → the document as last opened or saved (reload check)
};

} // namespace Sextant::App
