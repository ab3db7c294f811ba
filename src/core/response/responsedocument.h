// SPDX-License-Identifier: MIT
// Sextant: a read-only, order-preserving index over the bytes of a JSON response.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <QUtf8StringView>
#include <QVariantList>

#include <memory>
#include <vector>

namespace Sextant::Core {

class ResponseDocumentBuilder;

/// The six JSON value kinds (RFC 8259 §3).
enum class JsonKind : quint8 { Null, Bool, Number, String, Array, Object };

/// "null", "boolean", "number", "string", "array", "object".
QString jsonKindName(JsonKind kind);

/**
 * A JSON document (usually a GraphQL response, PROTOCOLS.md §1.9) indexed once into a compact node tape.
 *
 * Owns a copy of the response bytes (implicitly shared, so no deep copy when they carry requiredPadding spare
 * capacity) plus 20 bytes per JSON value: a 16-byte node (parent, the offset of the value's token in the bytes,
 * and for containers the start and length of a contiguous block of 4-byte child ids, for scalars the token length
 * and an escape flag). The kind is the token's first byte and a member name is found by stepping back from the
 * value over `"name" :`, so child(i), parent(), member() and indexInParent() are O(1)/O(log n) and
 * nothing is decoded until asked for. Strings are unescaped on access, numbers keep their exact spelling
 * (numberText(): integers beyond 2^64 stay exact) and member order is the order in the bytes (GraphQL spec
 * §7 "Serialized Map Ordering"), which QJsonObject would lose.
 *
 * parse() indexes the bytes with simdjson (ResponseDocumentBuilder), is strict RFC 8259 and
 * iterative: no recursion anywhere, so a 100,000-deep array neither overflows the stack here nor in
 * toJson()/pathString(); nesting deeper than ResponseDocumentBuilder::maxDepth (131,072) is an error. On bad input
 * it returns nullptr and fills ParseError with a message, byte offset and 1-based line/column (the column counts
 * UTF-16 code units, like QString). Immutable after parse(): safe to read from any thread; parse on a worker
 * thread for large responses.
 */
class ResponseDocument final
{
public:
    using NodeId = quint32;
    static constexpr NodeId InvalidNode = 0xffffffff;

    struct ParseError
    {
        QString message;    ///< "Unexpected end of input at line 1, column 17"
        qint64 offset = -1; ///< byte offset of the error in the input
        int line = 0;       ///< 1-based
        int column = 0;     ///< 1-based, in UTF-16 code units
    };

    /// Spare capacity simdjson may read past the end of the bytes (SIMDJSON_PADDING). A body whose
    /// capacity() - size() is at least this much is parsed in place, with no copy: reserve
    /// size + requiredPadding when you fill the buffer (GraphQLCall does). Otherwise parse() copies it once.
    static constexpr qsizetype requiredPadding = 64;

    /// Parses @p bytes; nullptr (and *error filled) on bad JSON, empty input, input over 4 GiB or nesting
    /// deeper than 131,072 levels. The document keeps a shallow copy of @p bytes when they carry
    /// requiredPadding spare capacity (pass QByteArray::fromRawData() only for data that outlives the
    /// document), else a padded deep copy.
    static std::shared_ptr<const ResponseDocument> parse(const QByteArray &bytes, ParseError *error = nullptr);

    NodeId root() const { return 0; }
    JsonKind kind(NodeId node) const;
    /// Number of members/elements of an object/array; 0 for scalars and invalid ids.
    int childCount(NodeId node) const;
    /// The @p index-th member/element in document order, or InvalidNode.
    NodeId child(NodeId parent, int index) const
    {
        const Node *n = nodeAt(parent);
        if (!n || !isContainerNode(*n) || index < 0 || quint32(index) >= n->count)
            return InvalidNode;
        return m_children[n->first + quint32(index)];
    }
    /// InvalidNode for the root.
    NodeId parent(NodeId node) const;
    /// Position among the parent's children; -1 for the root.
    int indexInParent(NodeId node) const;

    /// Member name if the parent is an object, else empty.
    QString key(NodeId node) const;
    /// The first member named @p key of @p object, or InvalidNode (also when @p object is no object).
    NodeId member(NodeId object, QStringView key) const;

    // Allocation-free access for hot loops. The raw views point into bytes() (valid while the document
    // lives) and hold the UTF-8 text between the quotes exactly as written: when the *HasEscapes() flag
    // is false that is the decoded text, otherwise use key()/stringValue() or the *Equals() helpers.

    /// The member name's bytes between the quotes, escapes undecoded; empty if the parent is no object.
    QByteArrayView rawKey(NodeId node) const;
    /// Whether the member name contains a backslash escape.
    bool keyHasEscapes(NodeId node) const;
    /// Whether the member name equals @p key (decoding escapes only when the name has any).
    bool keyEquals(NodeId node, QUtf8StringView key) const;
    /// A string value's bytes between the quotes, escapes undecoded; empty for other kinds.
    QByteArrayView rawString(NodeId node) const;
    /// Whether a string value contains a backslash escape; false for other kinds.
    bool stringHasEscapes(NodeId node) const
    {
        const Node *n = nodeAt(node);
        return n && kindOf(*n) == JsonKind::String && (n->count & ValueHasEscapes);
    }
    /// Whether @p node is a string equal to @p text (decoding escapes only when the value has any).
    bool stringEquals(NodeId node, QUtf8StringView text) const;

    /// Unescaped string value; empty for other kinds. Lone surrogate escapes are kept as is.
    QString stringValue(NodeId node) const;
    bool boolValue(NodeId node) const;
    /// Nearest double (±inf / ±0 when out of range); 0 for other kinds.
    double numberValue(NodeId node) const;
    /// The number exactly as written in the bytes ("12345678901234567890", "1.5e3", "-0").
    QString numberText(NodeId node) const;
    /// One-line display text: "\"text…\"" (escaped, elided after @p maxChars), 42, true, null, "{3}", "[120]".
    QString displayValue(NodeId node, int maxChars = 200) const;

    /// The subtree as JSON in document order; @p indent 0 is compact. Scalars are copied from the input
    /// token, which is valid JSON already, so escapes and number spellings survive unchanged.
    QByteArray toJson(NodeId node, int indent = 2) const;

    /// "data.runsOrError.results[3].runId"; the root is "". Keys that are not names are written ["a b"].
    QString pathString(NodeId node) const;
    /// ["data", "runsOrError", "results", 3, "runId"]: QString member names and int indices.
    QVariantList path(NodeId node) const;
    /// Formats a response path (strings and integers, as in a GraphQL error's "path") like pathString().
    static QString pathToString(const QVariantList &path);

    /// The deepest node reachable along @p path from the root. *matchedDepth receives how many path
    /// elements matched, so a GraphQL error path into a nulled-out subtree (spec §6 "Handling Execution
    /// Errors") yields the nearest existing ancestor with matchedDepth < path.size().
    NodeId nodeAtPath(const QVariantList &path, int *matchedDepth = nullptr) const;
    /// Same, starting at @p start (e.g. the "data" member for a GraphQL error path).
    NodeId nodeAtPath(NodeId start, const QVariantList &path, int *matchedDepth = nullptr) const;

    const QByteArray &bytes() const { return m_bytes; }
    qint64 nodeCount() const { return qint64(m_nodes.size()); }
    bool isValidNode(NodeId node) const { return node < m_nodes.size(); }

private:
    friend class ResponseDocumentBuilder;
    ResponseDocument() = default;

    /// Offsets are 32-bit: parse() rejects bytes of this size or more.
    static constexpr quint64 MaxSize = 0xffffffff;
    static constexpr quint32 ValueHasEscapes = 0x1; ///< in Node::count of a string

    struct Node
    {
        quint32 parent; ///< InvalidNode for the root
        quint32 offset; ///< first byte of the value's token ('{', '[', '"', '-', digit, t/f/n): the kind
        quint32 first;  ///< containers: start of the child block in m_children; scalars: token length
        quint32 count;  ///< containers: number of children; strings: ValueHasEscapes or 0; other scalars: 0
    };
    static_assert(sizeof(Node) == 16);

    static JsonKind kindOfByte(char c)
    {
        switch (c) {
        case '{':
            return JsonKind::Object;
        case '[':
            return JsonKind::Array;
        case '"':
            return JsonKind::String;
        case 't':
        case 'f':
            return JsonKind::Bool;
        case 'n':
            return JsonKind::Null;
        default:
            return JsonKind::Number;
        }
    }
    JsonKind kindOf(const Node &node) const { return kindOfByte(m_bytes.constData()[node.offset]); }
    bool isContainerNode(const Node &node) const
    {
        const char c = m_bytes.constData()[node.offset];
        return c == '{' || c == '[';
    }
    const Node *nodeAt(NodeId node) const { return node < m_nodes.size() ? &m_nodes[node] : nullptr; }
    QByteArrayView rawToken(const Node &node) const;
    /// The member name of @p node with its quotes, or empty when the parent is no object; *escaped tells
    /// whether it contains a backslash.
    QByteArrayView keyToken(const Node &node, bool *escaped = nullptr) const;
    /// Same, for a node whose parent is known to be an object.
    QByteArrayView memberNameToken(const Node &node, bool *escaped) const;

    QByteArray m_bytes;
    std::vector<Node> m_nodes;
    std::vector<NodeId> m_children; ///< child ids, one contiguous ascending block per container
};

} // namespace Sextant::Core
