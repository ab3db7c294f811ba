// SPDX-License-Identifier: MIT
// Sextant: the collection tree as items (roots, folders, requests) with drag-and-drop moves and inline rename.
#pragma once

#include "store/savedrequest.h"

#include <QIcon>
#include <QStandardItemModel>

namespace Sextant::App {

/**
 * The items of the collection dock: one root item per collection root (the user's collections directory, the
 * built-in starter collections), folders and requests below, built from Store::CollectionFolder snapshots that
 * CollectionStore::readFolder read on a worker thread. Each item carries its path (a directory, a .graphql file,
 * or a ":/" resource path for built-ins) and what the filter searches (name, description, document).
 *
 * Edits do not change items: a rename typed in place emits renameRequested() and a drop emits
 * entriesDropped(); the dock performs them on disk (undoably) and rescans. Read-only (built-in) items are neither
 * draggable, droppable nor editable. UI thread only.
 */
class CollectionItemModel final : public QStandardItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionItemModel)

public:
    enum Role : int {
        PathRole = Qt::UserRole + 1, ///< QString: directory, .graphql path or ":/" resource path
        KindRole,                    ///< int: Kind
        ReadOnlyRole,                ///< bool: built-in (resource) item
        DescriptionRole,             ///< QString: the request's description
        DocumentRole,                ///< QString: the request's document, for search
    };
    enum Kind : int { RootKind, FolderKind, RequestKind };

    struct Root
    {
        QString title;
        QString path;
        bool readOnly = false;
        Store::CollectionFolder folder;
    };

    static constexpr auto mimeType = "application/x-sextant-collection-paths";

    explicit CollectionItemModel(QObject *parent = nullptr);
    ~CollectionItemModel() override;

    /// Replaces every item with the given roots (in order).
    void setRoots(const QList<Root> &roots);
    /// The item with @p path, or an invalid index.
    QModelIndex indexForPath(const QString &path) const;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    /// A rename typed in place: @p path is the item's path, @p newName the text typed (not yet sanitized).
    void renameRequested(const QString &path, const QString &newName);
    /// Items dragged onto the folder (or root) @p targetDir.
    void entriesDropped(const QStringList &paths, const QString &targetDir);

private:
    void appendFolder(QStandardItem *parent, const Store::CollectionFolder &folder, const QString &dir, bool readOnly,
                      int depth);
    QString dropTarget(const QModelIndex &parent) const;

    QIcon m_folderIcon;
    QIcon m_requestIcon;
};

} // namespace Sextant::App
