// SPDX-License-Identifier: MIT
// Sextant: builds collection items from folder snapshots; drag and drop and rename become signals.
#include "app/collections/collectionitemmodel.h"

#include "store/collectionstore.h"

#include <QApplication>
#include <QMimeData>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

QString displayName(const QString &name, bool readOnly, int depth)
{
    // Built-in collections live in lowercase resource folders ("dagster"); they are shown as "Dagster".
    if (readOnly && depth == 1 && !name.isEmpty())
        return name.front().toUpper() + name.mid(1);
    return name;
}

} // namespace

CollectionItemModel::CollectionItemModel(QObject *parent) : QStandardItemModel(parent)
{
    setColumnCount(1);
}

CollectionItemModel::~CollectionItemModel() = default;

void CollectionItemModel::setRoots(const QList<Root> &roots)
{
    clear();
    setColumnCount(1);
    m_folderIcon = QApplication::style()->standardIcon(QStyle::SP_DirIcon);
    m_requestIcon = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    for (const Root &root : roots) {
        auto *item = new QStandardItem(root.title);
        item->setData(root.path, PathRole);
        item->setData(RootKind, KindRole);
        item->setData(root.readOnly, ReadOnlyRole);
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (!root.readOnly)
            flags |= Qt::ItemIsDropEnabled;
        item->setFlags(flags);
        appendFolder(item, root.folder, root.path, root.readOnly, 0);
        appendRow(item);
    }
}

void CollectionItemModel::appendFolder(QStandardItem *parent, const Store::CollectionFolder &folder, const QString &dir,
                                       bool readOnly, int depth)
{
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!readOnly)
        flags |= Qt::ItemIsDragEnabled | Qt::ItemIsEditable;
    for (const Store::CollectionFolder &child : folder.folders) {
        auto *item = new QStandardItem(displayName(child.name, readOnly, depth + 1));
        const QString path = dir + u'/' + child.name;
        item->setData(path, PathRole);
        item->setData(FolderKind, KindRole);
        item->setIcon(m_folderIcon);
        item->setData(readOnly, ReadOnlyRole);
        item->setFlags(readOnly ? flags : flags | Qt::ItemIsDropEnabled);
        item->setToolTip(path);
        appendFolder(item, child, path, readOnly, depth + 1);
        parent->appendRow(item);
    }
    for (const Store::SavedRequest &request : folder.requests) {
        auto *item = new QStandardItem(request.name);
        const QString path = dir + u'/' + request.name + Store::CollectionStore::documentSuffix();
        item->setData(path, PathRole);
        item->setData(RequestKind, KindRole);
        item->setIcon(m_requestIcon);
        item->setData(readOnly, ReadOnlyRole);
        item->setData(request.description, DescriptionRole);
        item->setData(request.document, DocumentRole);
        item->setFlags(flags);
        item->setToolTip(request.description.isEmpty() ? path : request.description);
        parent->appendRow(item);
    }
}

QModelIndex CollectionItemModel::indexForPath(const QString &path) const
{
    if (path.isEmpty())
        return QModelIndex();
    const QModelIndexList found = match(index(0, 0), PathRole, path, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

QStringList CollectionItemModel::mimeTypes() const
{
    return {QString::fromLatin1(mimeType)};
}

QMimeData *CollectionItemModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList paths;
    for (const QModelIndex &index : indexes) {
        if (index.data(KindRole).toInt() != RootKind && !index.data(ReadOnlyRole).toBool())
            paths << index.data(PathRole).toString();
    }
    if (paths.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(mimeType), paths.join(u'\n').toUtf8());
    data->setText(paths.join(u'\n'));
    return data;
}

QString CollectionItemModel::dropTarget(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.data(ReadOnlyRole).toBool())
        return QString();
    const int kind = parent.data(KindRole).toInt();
    if (kind == RequestKind) // dropped on a request: into the request's folder
        return dropTarget(parent.parent());
    return parent.data(PathRole).toString();
}

bool CollectionItemModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                          const QModelIndex &parent) const
{
    return data && data->hasFormat(QString::fromLatin1(mimeType)) && action == Qt::MoveAction
           && !dropTarget(parent).isEmpty();
}

bool CollectionItemModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                       const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList paths =
        QString::fromUtf8(data->data(QString::fromLatin1(mimeType))).split(u'\n', Qt::SkipEmptyParts);
    emit entriesDropped(paths, dropTarget(parent));
    // false: the view must not remove the dragged rows itself; the rescan after the move shows the new tree.
    return false;
}

Qt::DropActions CollectionItemModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions CollectionItemModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

bool CollectionItemModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.data(KindRole).toInt() == RootKind
        || index.data(ReadOnlyRole).toBool())
        return QStandardItemModel::setData(index, value, role);
    const QString newName = value.toString().trimmed();
    if (!newName.isEmpty() && newName != index.data(Qt::DisplayRole).toString())
        emit renameRequested(index.data(PathRole).toString(), newName);
    return false;
}

} // namespace Sextant::App
