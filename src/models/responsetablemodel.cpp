// SPDX-License-Identifier: MIT
// Sextant: a list of objects in a response as a sortable table (one row per element, one column per key).
#include "responsetablemodel.h"

#include "roles.h"

#include <core/response/jsontext.h>

#include <QSet>

#include <algorithm>
#include <cstring>
#include <deque>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Sextant::Models {

namespace {

using Core::JsonKind;
using Core::ResponseDocument;

/// Nested values up to this many nodes are shown as (elided) compact JSON; bigger ones as "{…N keys}".
constexpr qint64 InlineJsonNodeLimit = 64;

QString valueColumnTitle()
{
    return u"(value)"_s;
}

/// A string cell for sorting: the first 8 bytes big-endian decide most comparisons without a memcmp.
struct StringKey
{
    quint64 prefix;
    const char *text;
    quint32 size;
    int element;
};

quint64 bigEndianPrefix(QByteArrayView text)
{
    quint64 prefix = 0;
    for (qsizetype i = 0; i < 8; ++i)
        prefix = (prefix << 8) | (i < text.size() ? quint8(text[i]) : 0u);
    return prefix;
}

bool stringLess(const StringKey &a, const StringKey &b)
{
    if (a.prefix != b.prefix)
        return a.prefix < b.prefix;
    const int c = std::memcmp(a.text, b.text, std::min(a.size, b.size));
    return c != 0 ? c < 0 : a.size < b.size;
}

} // namespace

ResponseTableModel::ResponseTableModel(QObject *parent) : QAbstractTableModel(parent) {}

ResponseTableModel::~ResponseTableModel() = default;

void ResponseTableModel::setDocument(std::shared_ptr<const Core::ResponseDocument> document)
{
    beginResetModel();
    m_document = std::move(document);
    m_list = ResponseDocument::InvalidNode;
    m_keys.clear();
    m_utf8Keys.clear();
    m_keyHints.clear();
    m_valueColumn = false;
    m_order.clear();
    m_sortColumn = -1;
    endResetModel();
}

void ResponseTableModel::clear()
{
    setDocument(nullptr);
}

ResponseTableModel::Columns ResponseTableModel::scanColumns(const Core::ResponseDocument &doc, NodeId list)
{
    Columns columns;
    if (!doc.isValidNode(list) || doc.kind(list) != JsonKind::Array)
        return columns;
    columns.list = list;
    const int count = doc.childCount(list);
    QSet<QByteArray> seen;
    for (int i = 0; i < std::min(count, ColumnScanLimit); ++i) {
        const NodeId element = doc.child(list, i);
        if (doc.kind(element) != JsonKind::Object) {
            columns.valueColumn = true;
            continue;
        }
        const int members = doc.childCount(element);
        for (int m = 0; m < members; ++m) {
            const NodeId member = doc.child(element, m);
            const QByteArray raw = doc.rawKey(member).toByteArray();
            if (seen.contains(raw))
                continue;
            seen.insert(raw);
            const QString key = doc.key(member);
            columns.keys.append(key);
            columns.utf8Keys.push_back(key.toUtf8());
            columns.keyHints.push_back(m);
        }
    }
    return columns;
}

bool ResponseTableModel::setList(NodeId list)
{
    return setList(list, m_document ? scanColumns(*m_document, list) : Columns());
}

bool ResponseTableModel::setList(NodeId list, Columns columns)
{
    beginResetModel();
    m_list = ResponseDocument::InvalidNode;
    m_keys.clear();
    m_utf8Keys.clear();
    m_keyHints.clear();
    m_valueColumn = false;
    m_order.clear();
    m_sortColumn = -1;
    m_sortOrder = Qt::AscendingOrder;
    const bool ok = m_document && m_document->isValidNode(list) && m_document->kind(list) == JsonKind::Array
                    && columns.list == list;
    if (ok) {
        m_list = list;
        m_keys = std::move(columns.keys);
        m_utf8Keys = std::move(columns.utf8Keys);
        m_keyHints = std::move(columns.keyHints);
        m_valueColumn = columns.valueColumn;
        m_order.resize(size_t(m_document->childCount(list)));
        std::iota(m_order.begin(), m_order.end(), 0);
    }
    endResetModel();
    return ok;
}

ResponseTableModel::NodeId ResponseTableModel::rowNode(int row) const
{
    if (!m_document || row < 0 || size_t(row) >= m_order.size())
        return ResponseDocument::InvalidNode;
    return m_document->child(m_list, m_order[size_t(row)]);
}

ResponseTableModel::NodeId ResponseTableModel::cellNode(int row, int column) const
{
    return elementCell(rowNode(row), column);
}

ResponseTableModel::NodeId ResponseTableModel::elementCell(NodeId element, int column) const
{
    if (element == ResponseDocument::InvalidNode || column < 0 || column >= columnCount())
        return ResponseDocument::InvalidNode;
    const ResponseDocument &doc = *m_document;
    const bool object = doc.kind(element) == JsonKind::Object;
    if (m_valueColumn) {
        if (column == 0)
            return object ? ResponseDocument::InvalidNode : element;
        --column;
    }
    if (!object)
        return ResponseDocument::InvalidNode;
    const size_t k = size_t(column);
    const QUtf8StringView key(m_utf8Keys[k].constData(), m_utf8Keys[k].size());
    const int count = doc.childCount(element);
    // Elements of one list nearly always share a member order, so the last position usually hits.
    if (m_keyHints[k] < count) {
        const NodeId guess = doc.child(element, m_keyHints[k]);
        if (doc.keyEquals(guess, key))
            return guess;
    }
    for (int i = 0; i < count; ++i) {
        const NodeId member = doc.child(element, i);
        if (doc.keyEquals(member, key)) {
            m_keyHints[k] = i;
            return member;
        }
    }
    return ResponseDocument::InvalidNode;
}

std::vector<int> ResponseTableModel::sortedElements(int column, bool descending) const
{
    const ResponseDocument &doc = *m_document;
    const int n = doc.childCount(m_list);
    std::vector<int> result;
    result.reserve(size_t(n));
    if (column < 0) {
        for (int i = 0; i < n; ++i)
            result.push_back(i);
        return result;
    }
    // One bucket per kind, each sorted on its own compact key (no indirection, no QVariant), then
    // concatenated: numbers, strings, booleans, nested values (reversed for descending), then null and
    // missing cells in document order. stable_sort keeps ties in document order both ways.
    std::vector<std::pair<double, int>> numbers;
    std::vector<StringKey> strings;
    std::vector<int> falses;
    std::vector<int> trues;
    std::vector<std::pair<double, int>> nested;
    std::vector<int> nulls;
    std::vector<int> missing;
    std::deque<QByteArray> decoded; // escaped strings decoded to UTF-8 once; stable addresses
    for (int i = 0; i < n; ++i) {
        const NodeId node = elementCell(doc.child(m_list, i), column);
        if (node == ResponseDocument::InvalidNode) {
            missing.push_back(i);
            continue;
        }
        switch (doc.kind(node)) {
        case JsonKind::Null:
            nulls.push_back(i);
            break;
        case JsonKind::Bool:
            (doc.boolValue(node) ? trues : falses).push_back(i);
            break;
        case JsonKind::Number:
            numbers.emplace_back(doc.numberValue(node), i);
            break;
        case JsonKind::String: {
            QByteArrayView raw = doc.rawString(node);
            if (doc.stringHasEscapes(node)) {
                decoded.push_back(doc.stringValue(node).toUtf8());
                raw = decoded.back();
            }
            strings.push_back(StringKey{bigEndianPrefix(raw), raw.data(), quint32(raw.size()), i});
            break;
        }
        case JsonKind::Array:
        case JsonKind::Object:
            nested.emplace_back(double(doc.childCount(node)), i);
            break;
        }
    }
    const auto byFirst = [descending](const std::pair<double, int> &a, const std::pair<double, int> &b) {
        return descending ? b.first < a.first : a.first < b.first;
    };
    std::stable_sort(numbers.begin(), numbers.end(), byFirst);
    std::stable_sort(nested.begin(), nested.end(), byFirst);
    std::stable_sort(strings.begin(), strings.end(), [descending](const StringKey &a, const StringKey &b) {
        return descending ? stringLess(b, a) : stringLess(a, b);
    });
    const auto appendPairs = [&result](const std::vector<std::pair<double, int>> &bucket) {
        for (const auto &entry : bucket)
            result.push_back(entry.second);
    };
    const auto appendStrings = [&] {
        for (const StringKey &entry : strings)
            result.push_back(entry.element);
    };
    const auto appendBools = [&] {
        const auto &first = descending ? trues : falses;
        const auto &second = descending ? falses : trues;
        result.insert(result.end(), first.begin(), first.end());
        result.insert(result.end(), second.begin(), second.end());
    };
    if (descending) {
        appendPairs(nested);
        appendBools();
        appendStrings();
        appendPairs(numbers);
    } else {
        appendPairs(numbers);
        appendStrings();
        appendBools();
        appendPairs(nested);
    }
    result.insert(result.end(), nulls.begin(), nulls.end());
    result.insert(result.end(), missing.begin(), missing.end());
    return result;
}

qint64 ResponseTableModel::subtreeSize(NodeId node) const
{
    // Ids are in document (pre)order: the subtree ends where the next node outside it begins.
    const ResponseDocument &doc = *m_document;
    for (NodeId n = node; n != doc.root() && n != ResponseDocument::InvalidNode;) {
        const NodeId parent = doc.parent(n);
        const int index = doc.indexInParent(n);
        if (index + 1 < doc.childCount(parent))
            return qint64(doc.child(parent, index + 1)) - qint64(node);
        n = parent;
    }
    return doc.nodeCount() - qint64(node);
}

QString ResponseTableModel::cellText(NodeId node) const
{
    const ResponseDocument &doc = *m_document;
    const auto elide = [](QString text) {
        if (text.size() > CellTextLimit) {
            text.truncate(CellTextLimit);
            text += QChar(0x2026);
        }
        return text;
    };
    switch (doc.kind(node)) {
    case JsonKind::Null:
        return u"null"_s;
    case JsonKind::Bool:
        return doc.boolValue(node) ? u"true"_s : u"false"_s;
    case JsonKind::Number:
        return doc.numberText(node);
    case JsonKind::String: {
        bool truncated = false;
        QString text = Core::JsonText::decode(doc.rawString(node), CellTextLimit, &truncated);
        if (truncated)
            text += QChar(0x2026);
        return text;
    }
    case JsonKind::Array:
    case JsonKind::Object: {
        const int count = doc.childCount(node);
        if (count > 0 && subtreeSize(node) > InlineJsonNodeLimit) {
            return doc.kind(node) == JsonKind::Object ? u"{\u2026%1 keys}"_s.arg(count)
                                                      : u"[\u2026%1 items]"_s.arg(count);
        }
        return elide(QString::fromUtf8(doc.toJson(node, 0)));
    }
    }
    return {};
}

int ResponseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int ResponseTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_list == ResponseDocument::InvalidNode)
        return 0;
    return int(m_keys.size()) + (m_valueColumn ? 1 : 0);
}

QVariant ResponseTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_document)
        return {};
    const NodeId node = cellNode(index.row(), index.column());
    const bool present = node != ResponseDocument::InvalidNode;
    const ResponseDocument &doc = *m_document;
    switch (role) {
    case Qt::DisplayRole:
        return present ? QVariant(cellText(node)) : QVariant();
    case Qt::TextAlignmentRole:
        if (present && doc.kind(node) == JsonKind::Number)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case JsonKindRole:
        return present ? int(doc.kind(node)) : -1;
    case JsonPathRole: {
        if (present)
            return doc.pathString(node);
        const QString row = doc.pathString(rowNode(index.row()));
        const QString key = headerData(index.column(), Qt::Horizontal).toString();
        return Core::JsonText::isName(key) ? row + QLatin1Char('.') + key : row;
    }
    case JsonRawValueRole:
        if (!present)
            return {};
        if (doc.kind(node) == JsonKind::String)
            return doc.stringValue(node);
        return QString::fromUtf8(doc.toJson(node, 0));
    case ChildCountRole:
        return present ? doc.childCount(node) : 0;
    default:
        return {};
    }
}

QVariant ResponseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || size_t(section) >= m_order.size())
            return {};
        return m_order[size_t(section)];
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (m_valueColumn) {
        if (section == 0)
            return valueColumnTitle();
        --section;
    }
    return m_keys.at(section);
}

Qt::ItemFlags ResponseTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void ResponseTableModel::sort(int column, Qt::SortOrder order)
{
    if (!m_document || m_list == ResponseDocument::InvalidNode || column >= columnCount())
        return;
    const size_t n = m_order.size();
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> oldElements;
    oldElements.reserve(size_t(persistent.size()));
    for (const QModelIndex &index : persistent)
        oldElements.push_back(m_order[size_t(index.row())]);

    std::vector<int> sorted = sortedElements(column, order == Qt::DescendingOrder);
    m_order = std::move(sorted);
    m_sortColumn = column;
    m_sortOrder = order;

    if (!persistent.isEmpty()) {
        std::vector<int> rowOfElement(n);
        for (size_t row = 0; row < n; ++row)
            rowOfElement[size_t(m_order[row])] = int(row);
        QModelIndexList moved;
        moved.reserve(persistent.size());
        for (qsizetype i = 0; i < persistent.size(); ++i)
            moved.append(index(rowOfElement[size_t(oldElements[size_t(i)])], persistent.at(i).column()));
        changePersistentIndexList(persistent, moved);
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

std::vector<ResponseTableModel::NodeId> ResponseTableModel::candidateLists(const Core::ResponseDocument &document,
                                                                           int maxNodes, int maxResults)
{
    std::vector<NodeId> result;
    std::deque<NodeId> queue{document.root()};
    int visited = 0;
    while (!queue.empty() && visited < maxNodes && int(result.size()) < maxResults) {
        const NodeId node = queue.front();
        queue.pop_front();
        ++visited;
        const JsonKind kind = document.kind(node);
        if (kind == JsonKind::Object) {
            const int count = document.childCount(node);
            for (int i = 0; i < count; ++i) {
                const NodeId child = document.child(node, i);
                const JsonKind childKind = document.kind(child);
                if (childKind == JsonKind::Object || childKind == JsonKind::Array)
                    queue.push_back(child);
            }
        } else if (kind == JsonKind::Array && document.childCount(node) > 0) {
            const NodeId first = document.child(node, 0);
            const JsonKind firstKind = document.kind(first);
            if (firstKind == JsonKind::Object)
                result.push_back(node);
            if (firstKind == JsonKind::Object || firstKind == JsonKind::Array)
                queue.push_back(first);
        }
    }
    return result;
}

QVariantList ResponseTableModel::parsePath(const QString &path, bool *ok)
{
    QVariantList result;
    const auto fail = [&] {
        if (ok)
            *ok = false;
        return QVariantList();
    };
    qsizetype i = 0;
    const qsizetype n = path.size();
    const auto readName = [&]() -> bool {
        const qsizetype start = i;
        while (i < n && path.at(i) != QLatin1Char('.') && path.at(i) != QLatin1Char('['))
            ++i;
        if (i == start)
            return false;
        result.append(path.mid(start, i - start));
        return true;
    };
    while (i < n) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('[')) {
            ++i;
            if (i < n && path.at(i) == QLatin1Char('"')) {
                const qsizetype start = ++i;
                while (i < n && path.at(i) != QLatin1Char('"'))
                    i += path.at(i) == QLatin1Char('\\') ? 2 : 1;
                if (i >= n)
                    return fail();
                result.append(Core::JsonText::decode(path.mid(start, i - start).toUtf8()));
                ++i;
            } else {
                const qsizetype start = i;
                while (i < n && path.at(i).isDigit())
                    ++i;
                bool numberOk = false;
                const int index = path.mid(start, i - start).toInt(&numberOk);
                if (!numberOk)
                    return fail();
                result.append(index);
            }
            if (i >= n || path.at(i) != QLatin1Char(']'))
                return fail();
            ++i;
        } else if (c == QLatin1Char('.')) {
            if (result.isEmpty())
                return fail();
            ++i;
            if (!readName())
                return fail();
        } else {
            if (!result.isEmpty() || !readName())
                return fail();
        }
    }
    if (ok)
        *ok = true;
    return result;
}

} // namespace Sextant::Models
