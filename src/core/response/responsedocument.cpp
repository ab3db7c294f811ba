// SPDX-License-Identifier: MIT
// Sextant: a read-only, order-preserving index over the bytes of a JSON response.
#include "responsedocument.h"

#include "jsontext.h"
#include "responsedocumentbuilder.h"

#include <QAnyStringView>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Sextant::Core {

namespace {

constexpr std::array<QLatin1StringView, 6> kKindNames{
    QLatin1StringView("null"),   QLatin1StringView("boolean"), QLatin1StringView("number"),
    QLatin1StringView("string"), QLatin1StringView("array"),   QLatin1StringView("object"),
};

// A path step that names a list index: any integral number (JSON readers often hand out doubles).
bool indexFromVariant(const QVariant &step, qint64 *index)
{
    switch (step.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Long:
    case QMetaType::ULong:
        *index = step.toLongLong();
        return true;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = step.toDouble();
        if (std::trunc(d) != d || std::abs(d) > 9.0e15)
            return false;
        *index = qint64(d);
        return true;
    }
    default:
        return false;
    }
}

void appendPathKey(QString &out, QStringView key, bool first)
{
    if (JsonText::isName(key)) {
        if (!first)
            out += QLatin1Char('.');
        out += key;
        return;
    }
    QByteArray quoted;
    JsonText::appendQuoted(quoted, key);
    out += QLatin1Char('[') + QString::fromUtf8(quoted) + QLatin1Char(']');
}

} // namespace

QString jsonKindName(JsonKind kind)
{
    const auto i = static_cast<std::size_t>(kind);
    return i < kKindNames.size() ? QString(kKindNames[i]) : QString();
}

std::shared_ptr<const ResponseDocument> ResponseDocument::parse(const QByteArray &bytes, ParseError *error)
{
    return ResponseDocumentBuilder::parse(bytes, error);
}

JsonKind ResponseDocument::kind(NodeId node) const
{
    const Node *n = nodeAt(node);
    return n ? kindOf(*n) : JsonKind::Null;
}

int ResponseDocument::childCount(NodeId node) const
{
    const Node *n = nodeAt(node);
    return n && isContainerNode(*n) ? int(n->count) : 0;
}

ResponseDocument::NodeId ResponseDocument::parent(NodeId node) const
{
    const Node *n = nodeAt(node);
    return n ? n->parent : InvalidNode;
}

int ResponseDocument::indexInParent(NodeId node) const
{
    const Node *n = nodeAt(node);
    if (!n || n->parent == InvalidNode)
        return -1;
    // Ids are assigned in document order, so each child block is sorted.
    const Node &p = m_nodes[n->parent];
    const auto begin = m_children.begin() + p.first;
    const auto it = std::lower_bound(begin, begin + p.count, node);
    return int(it - begin);
}

QByteArrayView ResponseDocument::rawToken(const Node &node) const
{
    if (isContainerNode(node))
        return QByteArrayView(m_bytes.constData() + node.offset, 1);
    return QByteArrayView(m_bytes.constData() + node.offset, node.first);
}

QByteArrayView ResponseDocument::keyToken(const Node &node, bool *escaped) const
{
    if (node.parent == InvalidNode || m_bytes.constData()[m_nodes[node.parent].offset] != '{') {
        if (escaped)
            *escaped = false;
        return {};
    }
    bool ignored = false;
    return memberNameToken(node, escaped ? escaped : &ignored);
}

QByteArrayView ResponseDocument::memberNameToken(const Node &node, bool *escaped) const
{
    // A member is `string ws ':' ws value` (RFC 8259 §4) and parse() accepted the bytes, so the closing quote of
    // the name is found by stepping back from the value over two runs of whitespace and the colon, and the
    // opening quote is the first quote before it that is not escaped (preceded by an even number of
    // backslashes). Member names are short: this costs about what reading the name costs anyway.
    const char *p = m_bytes.constData() + node.offset - 1;
    const auto skipWhitespace = [&p] {
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            --p;
    };
    skipWhitespace();
    --p; // the ':'
    skipWhitespace();
    const char *close = p;
    const char *q = close - 1;
    bool backslash = false;
    for (;; --q) {
        if (*q == '\\') {
            backslash = true;
        } else if (*q == '"') {
            const char *b = q;
            while (b[-1] == '\\')
                --b;
            if (((q - b) & 1) == 0)
                break;
        }
    }
    *escaped = backslash;
    return QByteArrayView(q, close - q + 1);
}

QString ResponseDocument::key(NodeId node) const
{
    const Node *n = nodeAt(node);
    if (!n)
        return {};
    bool escaped = false;
    const QByteArrayView raw = keyToken(*n, &escaped);
    if (raw.isEmpty())
        return {};
    const QByteArrayView inner = raw.sliced(1, raw.size() - 2);
    return escaped ? JsonText::decode(inner) : QString::fromUtf8(inner);
}

ResponseDocument::NodeId ResponseDocument::member(NodeId object, QStringView key) const
{
    const Node *n = nodeAt(object);
    if (!n || kindOf(*n) != JsonKind::Object)
        return InvalidNode;
    for (quint32 i = 0; i < n->count; ++i) {
        const NodeId id = m_children[n->first + i];
        bool escaped = false;
        const QByteArrayView raw = memberNameToken(m_nodes[id], &escaped);
        const QByteArrayView inner = raw.sliced(1, raw.size() - 2);
        const bool equal = escaped
                               ? JsonText::decode(inner) == key
                               : QAnyStringView::equal(QUtf8StringView(inner.data(), inner.size()), key);
        if (equal)
            return id;
    }
    return InvalidNode;
}

QByteArrayView ResponseDocument::rawKey(NodeId node) const
{
    const Node *n = nodeAt(node);
    if (!n)
        return {};
    const QByteArrayView raw = keyToken(*n);
    return raw.isEmpty() ? raw : raw.sliced(1, raw.size() - 2);
}

bool ResponseDocument::keyHasEscapes(NodeId node) const
{
    const Node *n = nodeAt(node);
    bool escaped = false;
    if (n)
        keyToken(*n, &escaped);
    return escaped;
}

bool ResponseDocument::keyEquals(NodeId node, QUtf8StringView key) const
{
    const Node *n = nodeAt(node);
    if (!n)
        return false;
    bool escaped = false;
    const QByteArrayView raw = keyToken(*n, &escaped);
    if (raw.isEmpty())
        return false;
    const QByteArrayView inner = raw.sliced(1, raw.size() - 2);
    if (escaped)
        return QAnyStringView::equal(JsonText::decode(inner), key);
    return inner.size() == key.size() && std::memcmp(inner.data(), key.data(), size_t(inner.size())) == 0;
}

QByteArrayView ResponseDocument::rawString(NodeId node) const
{
    const Node *n = nodeAt(node);
    if (!n || kindOf(*n) != JsonKind::String)
        return {};
    return QByteArrayView(m_bytes.constData() + n->offset + 1, qsizetype(n->first) - 2);
}

bool ResponseDocument::stringEquals(NodeId node, QUtf8StringView text) const
{
    const Node *n = nodeAt(node);
    if (!n || kindOf(*n) != JsonKind::String)
        return false;
    const QByteArrayView inner(m_bytes.constData() + n->offset + 1, qsizetype(n->first) - 2);
    if (n->count & ValueHasEscapes)
        return QAnyStringView::equal(JsonText::decode(inner), text);
    return inner.size() == text.size() && std::memcmp(inner.data(), text.data(), size_t(inner.size())) == 0;
}

QString ResponseDocument::stringValue(NodeId node) const
{
    const Node *n = nodeAt(node);
    if (!n || kindOf(*n) != JsonKind::String)
        return {};
    const QByteArrayView inner = rawToken(*n).sliced(1, n->first - 2);
    return (n->count & ValueHasEscapes) ? JsonText::decode(inner) : QString::fromUtf8(inner);
}

bool ResponseDocument::boolValue(NodeId node) const
{
    const Node *n = nodeAt(node);
    return n && m_bytes.at(n->offset) == 't';
}

double ResponseDocument::numberValue(NodeId node) const
{
    const Node *n = nodeAt(node);
    if (!n || kindOf(*n) != JsonKind::Number)
        return 0.0;
    const QByteArrayView raw = rawToken(*n);
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (ec != std::errc::result_out_of_range)
        return value;
    // from_chars leaves the value alone when out of range: decide between overflow and underflow.
    const bool negative = raw.startsWith('-');
    const qsizetype e = std::max(raw.indexOf('e'), raw.indexOf('E'));
    const bool negativeExponent = e >= 0 && e + 1 < raw.size() && raw.at(e + 1) == '-';
    const bool zeroIntegerPart = raw.sliced(negative ? 1 : 0).startsWith('0');
    const double magnitude = (negativeExponent || zeroIntegerPart) ? 0.0 : std::numeric_limits<double>::infinity();
    return negative ? -magnitude : magnitude;
}

QString ResponseDocument::numberText(NodeId node) const
{
    const Node *n = nodeAt(node);
    if (!n || kindOf(*n) != JsonKind::Number)
        return {};
    return QString::fromLatin1(rawToken(*n));
}

QString ResponseDocument::displayValue(NodeId node, int maxChars) const
{
    const Node *n = nodeAt(node);
    if (!n)
        return {};
    maxChars = std::max(maxChars, 1);
    switch (kindOf(*n)) {
    case JsonKind::Null:
        return u"null"_s;
    case JsonKind::Bool:
        return boolValue(node) ? u"true"_s : u"false"_s;
    case JsonKind::Number: {
        const QString text = numberText(node);
        return text.size() > maxChars ? text.left(maxChars) + QChar(0x2026) : text;
    }
    case JsonKind::String: {
        const QByteArrayView inner = rawToken(*n).sliced(1, n->first - 2);
        bool truncated = false;
        // Decode only what can be shown: a 50 MB string must not be copied to paint one cell.
        QString shown = JsonText::escapedForDisplay(JsonText::decode(inner, maxChars, &truncated));
        if (shown.size() > maxChars) {
            shown.truncate(maxChars);
            truncated = true;
        }
        return QLatin1Char('"') + shown + (truncated ? QString(QChar(0x2026)) : QString()) + QLatin1Char('"');
    }
    case JsonKind::Array:
        return u"[%1]"_s.arg(n->count);
    case JsonKind::Object:
        return u"{%1}"_s.arg(n->count);
    }
    return {};
}

QByteArray ResponseDocument::toJson(NodeId node, int indent) const
{
    if (!isValidNode(node))
        return {};
    indent = std::clamp(indent, 0, 16);
    QByteArray out;
    if (node == root() && indent == 0)
        out.reserve(m_bytes.size());

    struct Frame
    {
        NodeId node;
        quint32 next;
    };
    std::vector<Frame> stack; // explicit stack: nesting depth is only bounded by memory
    const auto newline = [&](size_t depth) {
        if (indent > 0) {
            out.append('\n');
            out.append(qsizetype(depth) * indent, ' ');
        }
    };
    const auto writeValue = [&](NodeId id) {
        const Node &n = m_nodes[id];
        if (!isContainerNode(n)) {
            const QByteArrayView raw = rawToken(n);
            out.append(raw.data(), raw.size());
            return;
        }
        const bool object = m_bytes.constData()[n.offset] == '{';
        if (n.count == 0) {
            out.append(object ? "{}" : "[]", 2);
            return;
        }
        out.append(object ? '{' : '[');
        stack.push_back(Frame{id, 0});
    };

    writeValue(node);
    while (!stack.empty()) {
        const NodeId current = stack.back().node;
        const Node &n = m_nodes[current];
        const quint32 next = stack.back().next;
        if (next < n.count) {
            stack.back().next = next + 1;
            if (next > 0)
                out.append(',');
            newline(stack.size());
            const NodeId c = m_children[n.first + next];
            if (m_bytes.constData()[n.offset] == '{') {
                bool escaped = false;
                const QByteArrayView key = memberNameToken(m_nodes[c], &escaped);
                out.append(key.data(), key.size());
                out.append(indent > 0 ? ": " : ":");
            }
            writeValue(c);
        } else {
            stack.pop_back();
            newline(stack.size());
            out.append(m_bytes.constData()[n.offset] == '{' ? '}' : ']');
        }
    }
    return out;
}

QString ResponseDocument::pathString(NodeId node) const
{
    if (!isValidNode(node))
        return {};
    std::vector<NodeId> chain;
    for (NodeId n = node; n != InvalidNode && n != root(); n = m_nodes[n].parent)
        chain.push_back(n);
    QString out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const NodeId n = *it;
        if (m_bytes.constData()[m_nodes[m_nodes[n].parent].offset] == '[')
            out += QLatin1Char('[') + QString::number(indexInParent(n)) + QLatin1Char(']');
        else
            appendPathKey(out, key(n), out.isEmpty());
    }
    return out;
}

QVariantList ResponseDocument::path(NodeId node) const
{
    QVariantList result;
    if (!isValidNode(node))
        return result;
    for (NodeId n = node; n != root(); n = m_nodes[n].parent) {
        if (m_bytes.constData()[m_nodes[m_nodes[n].parent].offset] == '[')
            result.append(indexInParent(n));
        else
            result.append(key(n));
    }
    std::reverse(result.begin(), result.end());
    return result;
}

QString ResponseDocument::pathToString(const QVariantList &path)
{
    QString out;
    for (const QVariant &step : path) {
        qint64 index = 0;
        if (indexFromVariant(step, &index))
            out += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
        else
            appendPathKey(out, step.toString(), out.isEmpty());
    }
    return out;
}

ResponseDocument::NodeId ResponseDocument::nodeAtPath(const QVariantList &path, int *matchedDepth) const
{
    return nodeAtPath(root(), path, matchedDepth);
}

ResponseDocument::NodeId ResponseDocument::nodeAtPath(NodeId start, const QVariantList &path, int *matchedDepth) const
{
    if (matchedDepth)
        *matchedDepth = 0;
    if (!isValidNode(start))
        return InvalidNode;
    NodeId current = start;
    int depth = 0;
    for (const QVariant &step : path) {
        NodeId next = InvalidNode;
        qint64 index = 0;
        const JsonKind k = kind(current);
        if (step.typeId() == QMetaType::QString) {
            if (k == JsonKind::Object)
                next = member(current, step.toString());
        } else if (indexFromVariant(step, &index)) {
            if (k == JsonKind::Array && index >= 0 && index < childCount(current))
                next = child(current, int(index));
        }
        if (next == InvalidNode)
            break;
        current = next;
        ++depth;
    }
    if (matchedDepth)
        *matchedDepth = depth;
    return current;
}

} // namespace Sextant::Core
