// SPDX-License-Identifier: MIT
// Sextant: the result tree: a lazy item model over a ResponseDocument.
#include "responsetreemodel.h"

#include "roles.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace Sextant::Models {

using Core::JsonKind;
using Core::ResponseDocument;

namespace {

bool isContainerKind(JsonKind kind)
{
    return kind == JsonKind::Array || kind == JsonKind::Object;
}

constexpr quintptr toInternalId(ResponseDocument::NodeId node)
{
    return quintptr(node) + 1;
}

} // namespace

ResponseTreeModel::ResponseTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

ResponseTreeModel::~ResponseTreeModel() = default;

void ResponseTreeModel::setDocument(std::shared_ptr<const Core::ResponseDocument> document)
{
    beginResetModel();
    m_document = std::move(document);
    m_exposed.clear();
    endResetModel();
}

void ResponseTreeModel::clear()
{
    setDocument(nullptr);
}

void ResponseTreeModel::setFetchChunkSize(int rows)
{
    rows = qMax(1, rows);
    if (rows == m_chunkSize)
        return;
    // The first chunk of every container changes size, so the row counts views hold become stale.
    beginResetModel();
    m_chunkSize = rows;
    m_exposed.clear();
    endResetModel();
}

bool ResponseTreeModel::rootIsContainer() const
{
    return m_document && isContainerKind(m_document->kind(m_document->root()));
}

ResponseTreeModel::NodeId ResponseTreeModel::containerFor(const QModelIndex &parent) const
{
    if (!m_document)
        return ResponseDocument::InvalidNode;
    if (!parent.isValid())
        return rootIsContainer() ? m_document->root() : ResponseDocument::InvalidNode;
    if (parent.column() != 0)
        return ResponseDocument::InvalidNode;
    const NodeId node = nodeForIndex(parent);
    return isContainerKind(m_document->kind(node)) ? node : ResponseDocument::InvalidNode;
}

int ResponseTreeModel::exposedRows(NodeId container) const
{
    const auto it = m_exposed.constFind(container);
    if (it != m_exposed.constEnd())
        return *it;
    return qMin(m_document->childCount(container), m_chunkSize);
}

void ResponseTreeModel::exposeRows(NodeId container, const QModelIndex &parent, int rows)
{
    rows = qMin(rows, m_document->childCount(container));
    const int current = exposedRows(container);
    if (rows <= current)
        return;
    beginInsertRows(parent, current, rows - 1);
    m_exposed.insert(container, rows);
    endInsertRows();
}

ResponseTreeModel::NodeId ResponseTreeModel::nodeForIndex(const QModelIndex &index) const
{
    if (!m_document || !index.isValid() || index.model() != this || index.internalId() == 0)
        return ResponseDocument::InvalidNode;
    return NodeId(index.internalId() - 1);
}

QString ResponseTreeModel::pathForIndex(const QModelIndex &index) const
{
    const NodeId node = nodeForIndex(index);
    return node == ResponseDocument::InvalidNode ? QString() : m_document->pathString(node);
}

QModelIndex ResponseTreeModel::indexForPath(const QVariantList &path) const
{
    if (!m_document)
        return {};
    int matched = 0;
    const NodeId node = m_document->nodeAtPath(path, &matched);
    if (matched == 0)
        return rootIsContainer() ? QModelIndex() : indexForNode(m_document->root());
    return indexForNode(node);
}

QModelIndex ResponseTreeModel::indexForNode(NodeId node) const
{
    if (!m_document || !m_document->isValidNode(node))
        return {};
    const NodeId root = m_document->root();
    if (node == root)
        return rootIsContainer() ? QModelIndex() : createIndex(0, 0, toInternalId(root));

    std::vector<NodeId> chain; // node and its ancestors below the root, innermost first
    for (NodeId n = node; n != root; n = m_document->parent(n))
        chain.push_back(n);
    // Expose rows top-down: a parent's row must exist before its children can be inserted under it.
    auto *self = const_cast<ResponseTreeModel *>(this);
    QModelIndex parentIndex;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const NodeId n = *it;
        const NodeId container = m_document->parent(n);
        const int row = m_document->indexInParent(n);
        if (row >= exposedRows(container)) {
            const int wanted = ((row / m_chunkSize) + 1) * m_chunkSize;
            self->exposeRows(container, parentIndex, wanted);
        }
        parentIndex = createIndex(row, 0, toInternalId(n));
    }
    return parentIndex;
}

QByteArray ResponseTreeModel::jsonForIndex(const QModelIndex &index, int indent) const
{
    const NodeId node = nodeForIndex(index);
    return node == ResponseDocument::InvalidNode ? QByteArray() : m_document->toJson(node, indent);
}

bool ResponseTreeModel::isContainer(const QModelIndex &index) const
{
    const NodeId node = nodeForIndex(index);
    return node != ResponseDocument::InvalidNode && isContainerKind(m_document->kind(node));
}

QModelIndex ResponseTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid() && !rootIsContainer())
        return createIndex(row, column, toInternalId(m_document->root()));
    const NodeId child = m_document->child(containerFor(parent), row);
    return child == ResponseDocument::InvalidNode ? QModelIndex() : createIndex(row, column, toInternalId(child));
}

QModelIndex ResponseTreeModel::parent(const QModelIndex &child) const
{
    const NodeId node = nodeForIndex(child);
    if (node == ResponseDocument::InvalidNode)
        return {};
    const NodeId parentNode = m_document->parent(node);
    if (parentNode == ResponseDocument::InvalidNode || parentNode == m_document->root())
        return {};
    return createIndex(m_document->indexInParent(parentNode), 0, toInternalId(parentNode));
}

int ResponseTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_document)
        return 0;
    if (!parent.isValid() && !rootIsContainer())
        return 1;
    const NodeId container = containerFor(parent);
    return container == ResponseDocument::InvalidNode ? 0 : exposedRows(container);
}

int ResponseTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ResponseTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!m_document)
        return false;
    if (!parent.isValid() && !rootIsContainer())
        return true;
    const NodeId container = containerFor(parent);
    return container != ResponseDocument::InvalidNode && m_document->childCount(container) > 0;
}

QString ResponseTreeModel::valueText(NodeId node) const
{
    const int count = m_document->childCount(node);
    switch (m_document->kind(node)) {
    case JsonKind::Object:
        return count == 1 ? u"{1 key}"_s : u"{%1 keys}"_s.arg(count);
    case JsonKind::Array:
        return count == 1 ? u"[1 item]"_s : u"[%1 items]"_s.arg(count);
    default:
        return m_document->displayValue(node);
    }
}

QVariant ResponseTreeModel::data(const QModelIndex &index, int role) const
{
    const NodeId node = nodeForIndex(index);
    if (node == ResponseDocument::InvalidNode)
        return {};
    const ResponseDocument &doc = *m_document;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn: {
            const NodeId parentNode = doc.parent(node);
            if (parentNode == ResponseDocument::InvalidNode)
                return QString();
            if (doc.kind(parentNode) == JsonKind::Array)
                return QString(QLatin1Char('[') + QString::number(index.row()) + QLatin1Char(']'));
            return doc.key(node);
        }
        case ValueColumn:
            return valueText(node);
        case TypeColumn:
            return Core::jsonKindName(doc.kind(node));
        default:
            return {};
        }
    case Qt::ToolTipRole:
    case JsonPathRole:
        return doc.pathString(node);
    case JsonKindRole:
        return int(doc.kind(node));
    case JsonRawValueRole:
        switch (doc.kind(node)) {
        case JsonKind::String:
            return doc.stringValue(node);
        case JsonKind::Number:
            return doc.numberText(node);
        case JsonKind::Bool:
            return doc.boolValue(node) ? u"true"_s : u"false"_s;
        case JsonKind::Null:
            return u"null"_s;
        default:
            return QString::fromUtf8(doc.toJson(node, 2)); // what "Copy value" puts on the clipboard
        }
    case ChildCountRole:
        return doc.childCount(node);
    default:
        return {};
    }
}

QVariant ResponseTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return u"Key"_s;
    case ValueColumn:
        return u"Value"_s;
    case TypeColumn:
        return u"Type"_s;
    default:
        return {};
    }
}

Qt::ItemFlags ResponseTreeModel::flags(const QModelIndex &index) const
{
    const NodeId node = nodeForIndex(index);
    if (node == ResponseDocument::InvalidNode)
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!isContainerKind(m_document->kind(node)))
        result |= Qt::ItemNeverHasChildren;
    return result;
}

bool ResponseTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const NodeId container = containerFor(parent);
    return container != ResponseDocument::InvalidNode && exposedRows(container) < m_document->childCount(container);
}

void ResponseTreeModel::fetchMore(const QModelIndex &parent)
{
    const NodeId container = containerFor(parent);
    if (container == ResponseDocument::InvalidNode)
        return;
    exposeRows(container, parent, exposedRows(container) + m_chunkSize);
}

} // namespace Sextant::Models
