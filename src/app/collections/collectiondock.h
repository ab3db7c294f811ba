// SPDX-License-Identifier: MIT
// Sextant: the Collections dock — the tree of saved requests on disk, with open, save, rename, move, delete, search.
#pragma once

#include "store/savedrequest.h"

#include <QDockWidget>
#include <QHash>
#include <QSet>
#include <QStringList>

class QAction;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;
class QUndoStack;

namespace Sextant::App {

class CollectionFilterProxy;
class CollectionItemModel;
class CollectionOperations;

/**
 * A QDockWidget (object name "CollectionDock") showing two roots: "My Collections" (collectionsDirectory(), by
 * default QStandardPaths::AppDataLocation + "/collections", one sub-folder per collection, kept in git if the user
 * likes) and "Starter" (the read-only built-in collections in ":/collections": Dagster and Dagger).
 *
 * Double-click / Enter on a request emits requestOpened() (the file path is empty for built-ins: the window opens
 * them as unsaved copies, and Save As stores them in the user's collections). The window calls saveRequest() on
 * Ctrl+S for a request that has a file, saveRequestAs() otherwise. Rename (F2 or in place), move (drag and drop or
 * "Move to…"), delete and new folder act on disk through CollectionOperations; rename, move and delete are undoable
 * (Ctrl+Z / Ctrl+Shift+Z while the dock has focus, and the context menu). The search field filters by name,
 * description and document text.
 *
 * The tree is read on a worker thread (Store::CollectionStore::readFolder) and rebuilt on the UI thread, keeping
 * expanded folders and the selection; a QFileSystemWatcher on every folder and request file triggers a debounced
 * rescan, so edits made outside Sextant (a git pull) show up, and requestFileChanged() reports request files whose
 * content changed on disk by other programs. Problems (corrupt sidecars, failed moves) show in a line under the
 * tree and in problemReported(); they never stop the rest of the tree from loading.
 */
class CollectionDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionDock)

public:
    explicit CollectionDock(QWidget *parent = nullptr);
    ~CollectionDock() override;

    /// QStandardPaths::AppDataLocation + "/collections".
    static QString defaultCollectionsDirectory();
    /// ":/collections" (resources/collections in the source tree).
    static QString starterCollectionsPath();

    QString collectionsDirectory() const { return m_collectionsDirectory; }
    /// Shows @p dir (created when missing) as "My Collections" and rescans.
    void setCollectionsDirectory(const QString &dir);

    /// Ctrl+S for a request opened from @p filePath: writes it there. False with @p error for an empty or built-in
    /// path (call saveRequestAs() then) or a failed write.
    bool saveRequest(const Store::SavedRequest &request, const QString &filePath, QString *error);
    /// Asks for a name and a folder of the user's collections and writes the request there; returns the new
    /// .graphql path, or an empty string when cancelled or failed (a failure is shown in a message box).
    QString saveRequestAs(const Store::SavedRequest &request, QWidget *parent);

    /// Reads the tree again (asynchronously; refreshed() follows).
    void refresh();
    /// The path of the current item (folder, .graphql, ":/…"), or empty.
    QString currentPath() const;
    /// Selects the item with @p path (after the next refresh if it is not shown yet).
    void setCurrentPath(const QString &path);
    /// Opens the request at @p path as if it was double-clicked; false when it cannot be read.
    bool openRequest(const QString &path);

    CollectionOperations *operations() const { return m_operations; }
    QUndoStack *undoStack() const;
    /// Actions by stable id: Collections.Open, .NewFolder, .Rename, .MoveTo, .Delete, .Undo, .Redo, .Refresh,
    /// .Import, .PasteCurl, .ExportPostman, .ExportFolder.
    QAction *action(const QString &id) const;
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *searchField() const { return m_search; }
    CollectionItemModel *itemModel() const { return m_model; }

signals:
    /// The user opened a request; @p filePath is its .graphql path, empty for a built-in starter request.
    void requestOpened(const Sextant::Store::SavedRequest &request, const QString &filePath);
    /// The request file @p filePath (.graphql or its sidecar) was changed on disk by another program.
    void requestFileChanged(const QString &filePath);
    /// A request or folder was renamed or moved from @p from to @p to (empty when deleted); open tabs follow it.
    void pathMoved(const QString &from, const QString &to);
    /// The tree was rebuilt from disk.
    void refreshed();
    /// A problem to show (one line): unreadable files, failed moves, failed undo.
    void problemReported(const QString &message);

private:
    struct ScanResult;

    void createActions();
    void showContextMenu(const QPoint &position);
    void updateActions();
    void applyScan(const ScanResult &result);
    void detectExternalChanges(const Store::CollectionFolder &folder, const QString &dir,
                               QHash<QString, Store::SavedRequest> *seen);
    void rememberOwnWrite(const QString &path);
    void reportProblem(const QString &message);
    void setSearchText(const QString &text);

    QStringList selectedPaths() const;
    QString targetFolder() const;
    QList<QPair<QString, QString>> folderChoices() const;

    void newFolder();
    void renameCurrent();
    void moveSelectedTo();
    void deleteSelected();
    void importCollection();
    void pasteCurl();
    void exportPostman();
    void exportFolder();

    QString m_collectionsDirectory;
    Store::CollectionFolder m_starter;
    CollectionOperations *m_operations = nullptr;
    CollectionItemModel *m_model = nullptr;
    CollectionFilterProxy *m_proxy = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_problem = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_rescanTimer = nullptr;
    QHash<QString, QAction *> m_actions;
    QHash<QString, Store::SavedRequest> m_known; ///< what each request file held at the last scan or own write
    QString m_pendingCurrent;
    quint64 m_generation = 0;
    bool m_firstBuild = true;
};

} // namespace Sextant::App
