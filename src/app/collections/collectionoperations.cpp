// SPDX-License-Identifier: MIT
// Sextant: collection file operations as undo commands over Store::CollectionStore, plus import and export.
#include "app/collections/collectionoperations.h"

#include "app/collections/collectionmovecommand.h"
#include "store/collectionimport.h"
#include "store/collectionstore.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUndoStack>
#include <QUuid>

using namespace Qt::StringLiterals;
using Sextant::Store::CollectionStore;

namespace Sextant::App {

namespace {

bool isBuiltIn(const QString &path)
{
    return path.startsWith(u":/"_s);
}

QString entryName(const QString &path)
{
    return QFileInfo(path).isDir() ? QFileInfo(path).fileName() : CollectionStore::requestName(path);
}

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

CollectionOperations::CollectionOperations(QObject *parent)
    : QObject(parent), m_undoStack(new QUndoStack(this)), m_trashDirectory(defaultTrashDirectory())
{}

CollectionOperations::~CollectionOperations() = default;

QString CollectionOperations::defaultTrashDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/collections-trash"_s;
}

bool CollectionOperations::saveRequest(const Store::SavedRequest &request, const QString &documentPath, QString *error)
{
    if (documentPath.isEmpty() || isBuiltIn(documentPath))
        return setError(error, u"this request has no file of its own yet: use Save As"_s);
    if (!CollectionStore::writeRequest(request, documentPath, error))
        return false;
    emit requestWritten(documentPath);
    emit collectionsChanged();
    return true;
}

QString CollectionOperations::saveRequestInto(const Store::SavedRequest &request, const QString &folderDir,
                                              const QString &name, QString *error)
{
    if (folderDir.isEmpty() || isBuiltIn(folderDir)) {
        setError(error, u"built-in collections are read-only: choose a folder of your collections"_s);
        return QString();
    }
    const QString path = folderDir + u'/' + CollectionStore::sanitizeFileName(name) + CollectionStore::documentSuffix();
    if (QFileInfo::exists(path) || QFileInfo::exists(CollectionStore::sidecarPath(path))) {
        setError(error, u"a request named \"%1\" exists in that folder"_s.arg(CollectionStore::requestName(path)));
        return QString();
    }
    if (!CollectionStore::writeRequest(request, path, error))
        return QString();
    emit requestWritten(path);
    emit collectionsChanged();
    return path;
}

QString CollectionOperations::createFolder(const QString &parentDir, const QString &name, QString *error)
{
    if (parentDir.isEmpty() || isBuiltIn(parentDir)) {
        setError(error, u"built-in collections are read-only"_s);
        return QString();
    }
    const QString path = parentDir + u'/' + CollectionStore::uniqueName(parentDir, name);
    if (!QDir().mkpath(path)) {
        setError(error, path + u": cannot create the folder"_s);
        return QString();
    }
    emit collectionsChanged();
    return path;
}

QString CollectionOperations::renameEntry(const QString &path, const QString &newName, QString *error)
{
    if (isBuiltIn(path)) {
        setError(error, u"built-in collections are read-only"_s);
        return QString();
    }
    const QFileInfo info(path);
    const bool isFolder = info.isDir();
    const QString sanitized = CollectionStore::sanitizeFileName(newName);
    const QString target =
        info.absolutePath() + u'/' + sanitized + (isFolder ? QString() : CollectionStore::documentSuffix());
    if (target == info.absoluteFilePath())
        return path;
    QString moveError;
    const bool moved = isFolder ? CollectionStore::moveFolder(path, target, &moveError)
                                : CollectionStore::moveRequest(path, target, &moveError);
    if (!moved) {
        setError(error, moveError);
        return QString();
    }
    m_undoStack->push(new CollectionMoveCommand(
        tr("Rename “%1” to “%2”").arg(entryName(path), sanitized), path, target, isFolder,
        [this](const QString &message) { emit errorOccurred(message); },
        [this](const QString &from, const QString &to) { notifyMoved(from, to); }));
    notifyMoved(path, target);
    return target;
}

bool CollectionOperations::moveEntries(const QStringList &paths, const QString &targetDir, QString *error)
{
    if (targetDir.isEmpty() || isBuiltIn(targetDir))
        return setError(error, u"built-in collections are read-only"_s);
    const QString text = paths.size() == 1 ? tr("Move “%1”").arg(entryName(paths.first()))
                                           : tr("Move %n items", nullptr, int(paths.size()));
    return moveInto(paths, targetDir, text, false, error);
}

bool CollectionOperations::deleteEntries(const QStringList &paths, QString *error)
{
    const QString text = paths.size() == 1 ? tr("Delete “%1”").arg(entryName(paths.first()))
                                           : tr("Delete %n items", nullptr, int(paths.size()));
    // One fresh trash folder per delete, so equal names never collide and undo knows exactly where to look.
    const QString trash = m_trashDirectory + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return moveInto(paths, trash, text, true, error);
}

bool CollectionOperations::moveInto(const QStringList &paths, const QString &targetDir, const QString &text,
                                    bool toTrash, QString *error)
{
    auto *parent = new QUndoCommand(text);
    QStringList problems;
    int moved = 0;
    const QString cleanTarget = QDir::cleanPath(QFileInfo(targetDir).absoluteFilePath());
    for (const QString &path : paths) {
        if (isBuiltIn(path)) {
            problems << path + u": built-in collections are read-only"_s;
            continue;
        }
        const QFileInfo info(path);
        if (!info.exists()) {
            problems << path + u": no such request or folder"_s;
            continue;
        }
        if (QDir::cleanPath(info.absolutePath()) == cleanTarget)
            continue; // already there
        const bool isFolder = info.isDir();
        const QString target = targetDir + u'/' + info.fileName();
        QString moveError;
        const bool ok = isFolder ? CollectionStore::moveFolder(path, target, &moveError)
                                 : CollectionStore::moveRequest(path, target, &moveError);
        if (!ok) {
            problems << moveError;
            continue;
        }
        new CollectionMoveCommand(
            text, path, target, isFolder, [this](const QString &message) { emit errorOccurred(message); },
            [this](const QString &from, const QString &to) { notifyMoved(from, to); }, parent);
        notifyMoved(path, toTrash ? QString() : target);
        ++moved;
    }
    if (moved > 0)
        m_undoStack->push(parent);
    else
        delete parent;
    if (!problems.isEmpty())
        return setError(error, problems.join(u"; "_s));
    return true;
}

void CollectionOperations::notifyMoved(const QString &from, const QString &to)
{
    const QString trash = m_trashDirectory + u'/';
    if (!from.startsWith(trash)) // a restore from the trash is no move the window has to follow
        emit pathMoved(from, to.startsWith(trash) ? QString() : to);
    emit collectionsChanged();
}

QString CollectionOperations::importCollection(const QString &file, const QString &targetDir, QString *error)
{
    if (targetDir.isEmpty() || isBuiltIn(targetDir)) {
        setError(error, u"built-in collections are read-only: choose a folder of your collections"_s);
        return QString();
    }
    const std::optional<Store::CollectionFolder> folder = Store::importCollectionFile(file, error);
    if (!folder)
        return QString();
    const QString name = folder->name.isEmpty() ? QFileInfo(file).completeBaseName() : folder->name;
    const QString path = targetDir + u'/' + CollectionStore::uniqueName(targetDir, name);
    if (!CollectionStore::writeFolder(*folder, path, error))
        return QString();
    emit collectionsChanged();
    return path;
}

QString CollectionOperations::importCurl(const QString &commandLine, const QString &targetDir, QString *error)
{
    const std::optional<Store::SavedRequest> request = Store::parseCurlCommand(commandLine, error);
    if (!request)
        return QString();
    QString name = request->name;
    if (name.isEmpty())
        name = request->operationName;
    if (name.isEmpty())
        name = u"curl request"_s;
    return saveRequestInto(*request, targetDir, CollectionStore::uniqueName(targetDir, name), error);
}

bool CollectionOperations::exportPostman(const QString &folderDir, const QString &file, QString *error)
{
    QStringList problems;
    const Store::CollectionFolder folder = CollectionStore::readFolder(folderDir, &problems);
    if (!QFileInfo(folderDir).isDir())
        return setError(error, problems.join(u"; "_s));
    return Store::exportPostmanCollection(folder, file, error);
}

QString CollectionOperations::exportFolder(const QString &folderDir, const QString &targetParentDir, QString *error)
{
    QStringList problems;
    const Store::CollectionFolder folder = CollectionStore::readFolder(folderDir, &problems);
    if (!QFileInfo(folderDir).isDir()) {
        setError(error, problems.join(u"; "_s));
        return QString();
    }
    const QString name = folder.name.isEmpty() ? u"Collection"_s : folder.name;
    const QString path = targetParentDir + u'/' + CollectionStore::uniqueName(targetParentDir, name);
    if (!CollectionStore::writeFolder(folder, path, error))
        return QString();
    return path;
}

} // namespace Sextant::App
