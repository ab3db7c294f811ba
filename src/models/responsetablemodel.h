// SPDX-License-Identifier: MIT
// Sextant: a list of objects in a response as a sortable table (one row per element, one column per key).
#pragma once

#include <core/response/responsedocument.h>

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <vector>

namespace Sextant::Models {

/**
 * Presents one array of a Core::ResponseDocument (e.g. Dagster's data.runsOrError.results) as a table.
 *
 * Columns are the union of the member names of the first ColumnScanLimit elements, in first-seen order; all
 * elements are rows. A cell is the row object's member of that name: scalars as text (strings decoded and
 * elided, numbers as written), small nested values as compact JSON elided at CellTextLimit characters, bigger
 * ones as "{…N keys}" / "[…N items]"; a missing member is an empty cell, an element that is no object shows in
 * a leading "(value)" column. Owns only a shared reference to the immutable document, the column names and a
 * permutation of row indices: nothing is copied into QVariants until painted, so 1,000,000 rows cost 4 MB.
 *
 * sort() orders by kind, then value: numbers numerically, strings by code point, booleans, nested values by
 * size (descending reverses both); null and missing members always last. It is stable (ties keep document
 * order) and sorts one compact key per row (16-24 bytes, per kind), never a QVariant. The vertical header shows each
 * row's index in the array. GUI thread only (like every item model); candidateLists(), scanColumns() and
 * parsePath() are pure and run anywhere. A null document, or a node that is not an array, is an empty model
 * (setList() returns false).
 */
class ResponseTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseTableModel)

public:
    using NodeId = Core::ResponseDocument::NodeId;
    static constexpr int ColumnScanLimit = 10000;
    static constexpr int CellTextLimit = 120;

    explicit ResponseTableModel(QObject *parent = nullptr);
    ~ResponseTableModel() override;

    /// Sets the document and clears the table (no list shown).
    void setDocument(std::shared_ptr<const Core::ResponseDocument> document);
    std::shared_ptr<const Core::ResponseDocument> document() const { return m_document; }
    /// The columns of one list as setList() finds them (see the class comment); pure, runs on any thread.
    struct Columns
    {
        NodeId list = Core::ResponseDocument::InvalidNode; ///< InvalidNode: @p list was no array
        QStringList keys;
        std::vector<QByteArray> utf8Keys;
        std::vector<int> keyHints;
        bool valueColumn = false;
    };
    static Columns scanColumns(const Core::ResponseDocument &document, NodeId list);

    /// Shows the array @p list; false (and an empty table) if it is not an array of the document.
    bool setList(NodeId list);
    /// Like setList(NodeId) with columns scanned beforehand (e.g. on a worker) by scanColumns() over the same
    /// document; false (and an empty table) if they are for another list.
    bool setList(NodeId list, Columns columns);
    NodeId listNode() const { return m_list; }
    void clear();

    /// The column names (object keys; "(value)" is not in this list, see hasValueColumn()).
    QStringList columnKeys() const { return m_keys; }
    bool hasValueColumn() const { return m_valueColumn; }
    /// Array indices in display order (the current sort), one per row.
    const std::vector<int> &rowOrder() const { return m_order; }
    /// The element shown in @p row, or InvalidNode.
    NodeId rowNode(int row) const;
    /// The value shown in the cell, or InvalidNode for an empty cell.
    NodeId cellNode(int row, int column) const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// Arrays whose first element is an object, found by a breadth-first scan of at most @p maxNodes nodes
    /// (only the first element of each array is descended into), shallowest first; at most @p maxResults.
    static std::vector<NodeId> candidateLists(const Core::ResponseDocument &document, int maxNodes = 200000,
                                              int maxResults = 100);
    /// Parses a path as written by ResponseDocument::pathString() ("data.runs[3].tags", `["a b"]`) into
    /// QString names and int indices; empty with *ok false on bad syntax. "" is the root.
    static QVariantList parsePath(const QString &path, bool *ok = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// @p column -1 restores document order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    NodeId elementCell(NodeId element, int column) const;
    /// Array indices ordered by @p column (-1: document order).
    std::vector<int> sortedElements(int column, bool descending) const;
    QString cellText(NodeId node) const;
    qint64 subtreeSize(NodeId node) const;

    std::shared_ptr<const Core::ResponseDocument> m_document;
    NodeId m_list = Core::ResponseDocument::InvalidNode;
    QStringList m_keys;
    std::vector<QByteArray> m_utf8Keys;  ///< m_keys as UTF-8, for allocation-free keyEquals()
    mutable std::vector<int> m_keyHints; ///< per key: member index where it was last found
    bool m_valueColumn = false;
    std::vector<int> m_order;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace Sextant::Models
