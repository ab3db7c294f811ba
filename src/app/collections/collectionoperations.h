// SPDX-License-Identifier: MIT
// Sextant: what the collection dock does to files — save, save as, new folder, rename, move, delete, undo, import.
#pragma once

#include "store/savedrequest.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QUndoStack;

namespace Sextant::App {

/**
 * The file operations behind the collection dock, apart from its widgets so they can be driven and tested
 * directly. Rename, move and delete are undoable through undoStack() (Ctrl+Z in the dock): delete moves the
 * request's files (or the folder) into trashDirectory() (default: QStandardPaths::AppDataLocation +
 * "/collections-trash"), so undo restores them byte for byte. Saves are not undo steps (the editor has its own).
 *
 * Every write goes through Store::CollectionStore (QSaveFile, no secrets). Runs on the UI thread: each call
 * touches a handful of files; whole-tree reads happen in the dock's worker scan. Failures return false / an
 * empty path and set *error to one line; nothing is left half-moved (CollectionStore rolls back).
 */
class CollectionOperations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionOperations)

public:
    explicit CollectionOperations(QObject *parent = nullptr);
    ~CollectionOperations() override;

    QUndoStack *undoStack() const { return m_undoStack; }
    static QString defaultTrashDirectory();
    QString trashDirectory() const { return m_trashDirectory; }
    void setTrashDirectory(const QString &dir) { m_trashDirectory = dir; }

    /// Writes @p request to the existing request file @p documentPath (a .graphql path; not a ":/" built-in).
    bool saveRequest(const Store::SavedRequest &request, const QString &documentPath, QString *error);
    /// Writes @p request as a new request "<name>.graphql" in @p folderDir; fails when that request exists.
    /// Returns the new .graphql path.
    QString saveRequestInto(const Store::SavedRequest &request, const QString &folderDir, const QString &name,
                            QString *error);
    /// Creates a folder under @p parentDir with a unique sanitized name; returns its path.
    QString createFolder(const QString &parentDir, const QString &name, QString *error);
    /// Renames the request (both files) or folder at @p path (undoable); returns the new path.
    QString renameEntry(const QString &path, const QString &newName, QString *error);
    /// Moves requests and folders into @p targetDir (one undo step); entries already there are skipped.
    bool moveEntries(const QStringList &paths, const QString &targetDir, QString *error);
    /// Moves requests and folders into the trash (one undo step).
    bool deleteEntries(const QStringList &paths, QString *error);

    /// Store::importCollectionFile(@p file) written into @p targetDir as a new folder; returns its path.
    QString importCollection(const QString &file, const QString &targetDir, QString *error);
    /// Store::parseCurlCommand(@p commandLine) saved as a new request in @p targetDir; returns its path.
    QString importCurl(const QString &commandLine, const QString &targetDir, QString *error);
    /// The folder @p folderDir (also a built-in one) as a Postman v2.1 collection file @p file.
    bool exportPostman(const QString &folderDir, const QString &file, QString *error);
    /// A copy of the folder @p folderDir written into @p targetParentDir (unique name); returns its path.
    QString exportFolder(const QString &folderDir, const QString &targetParentDir, QString *error);

signals:
    /// This object wrote the request file @p documentPath (save, save as, import).
    void requestWritten(const QString &documentPath);
    /// A request or folder moved (rename, move, undo, redo); @p to is empty when it went to the trash.
    void pathMoved(const QString &from, const QString &to);
    /// Something changed on disk: the tree needs a rescan.
    void collectionsChanged();
    /// An undo or redo failed (files changed outside Sextant); one line.
    void errorOccurred(const QString &message);

private:
    bool moveInto(const QStringList &paths, const QString &targetDir, const QString &text, bool toTrash,
                  QString *error);
    void notifyMoved(const QString &from, const QString &to);

    QUndoStack *m_undoStack = nullptr;
    QString m_trashDirectory;
};

} // namespace Sextant::App
