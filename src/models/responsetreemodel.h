// SPDX-License-Identifier: MIT
// Sextant: the result tree: a lazy item model over a ResponseDocument.
#pragma once

#include <core/response/responsedocument.h>

#include <QAbstractItemModel>
#include <QHash>

#include <memory>

namespace Sextant::Models {

/**
 * Presents a Core::ResponseDocument as a three-column tree (Key, Value, Type) for the result view.
 *
 * Owns nothing but a shared reference to the immutable document and, per container the user scrolled
 * into, how many of its rows are exposed. Every index carries its document NodeId (+1) as internalId, so
 * index()/parent()/data() are O(1) (parent() is O(log n) for the row); nothing is copied out of the
 * document until a cell is painted. The top level shows the members of the root object/array (a scalar
 * root is one row). Rows of a container arrive in chunks of fetchChunkSize() through canFetchMore() /
 * fetchMore(), so a 1,000,000-element array costs nothing until it is scrolled.
 * GUI thread only (like every item model). A null document is an empty model.
 */
class ResponseTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseTreeModel)

public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    static constexpr int DefaultFetchChunkSize = 200;

    explicit ResponseTreeModel(QObject *parent = nullptr);
    ~ResponseTreeModel() override;

    void setDocument(std::shared_ptr<const Core::ResponseDocument> document);
    std::shared_ptr<const Core::ResponseDocument> document() const { return m_document; }
    void clear();

    /// Rows exposed per fetch (and initially) for each container; at least 1. Changing it resets the model.
    void setFetchChunkSize(int rows);
    int fetchChunkSize() const { return m_chunkSize; }

    /// "data.runsOrError.results[3].runId" for the index's node; "" for an invalid index.
    QString pathForIndex(const QModelIndex &index) const;
    /// Column-0 index of the deepest existing node along @p path (from the document root), fetching rows
    /// of every ancestor as needed; invalid if not even the first step exists.
    QModelIndex indexForPath(const QVariantList &path) const;
    Core::ResponseDocument::NodeId nodeForIndex(const QModelIndex &index) const;
    /// Column-0 index of @p node (fetching rows as needed), invalid for the root or an unknown node.
    QModelIndex indexForNode(Core::ResponseDocument::NodeId node) const;
    /// The index's value as JSON from the document's bytes (never through QJsonDocument): @p indent 2 pretty,
    /// 0 compact; empty for an invalid index. "Copy subtree as JSON" and "Use as Variable…" use it.
    QByteArray jsonForIndex(const QModelIndex &index, int indent = 2) const;
    /// Whether the index's node is an object or a list.
    bool isContainer(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    using NodeId = Core::ResponseDocument::NodeId;

    bool rootIsContainer() const;
    /// The container whose children are the rows under @p parent (InvalidNode for a scalar root).
    NodeId containerFor(const QModelIndex &parent) const;
    int exposedRows(NodeId container) const;
    void exposeRows(NodeId container, const QModelIndex &parent, int rows);
    QString valueText(NodeId node) const;

    std::shared_ptr<const Core::ResponseDocument> m_document;
    QHash<NodeId, int> m_exposed; ///< containers with more rows than the first chunk exposed
    int m_chunkSize = DefaultFetchChunkSize;
};

} // namespace Sextant::Models
