// SPDX-License-Identifier: MIT
// Sextant: fills a ResponseDocument's node tape from simdjson's On Demand iterator.
#include "responsedocumentbuilder.h"

#include "referencejsonscanner.h"

#include <simdjson.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Sextant::Core {

static_assert(ResponseDocument::requiredPadding >= qsizetype(simdjson::SIMDJSON_PADDING),
              "ResponseDocument::requiredPadding must cover simdjson's read-ahead");

namespace {

namespace OnDemand = simdjson::ondemand;

inline bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 8259 §6 over the whole of [p, end): -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool isNumber(const char *p, const char *end)
{
    if (p < end && *p == '-')
        ++p;
    if (p == end)
        return false;
    if (*p == '0') {
        ++p;
    } else if (isDigit(*p)) {
        while (p < end && isDigit(*p))
            ++p;
    } else {
        return false;
    }
    if (p < end && *p == '.') {
        ++p;
        if (p == end || !isDigit(*p))
            return false;
        while (p < end && isDigit(*p))
            ++p;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < end && (*p == '+' || *p == '-'))
            ++p;
        if (p == end || !isDigit(*p))
            return false;
        while (p < end && isDigit(*p))
            ++p;
    }
    return p == end;
}

// [p, end) is a string body followed by its closing quote at end: every escape valid (RFC 8259 §7), no quote or
// control character before end. Only run for strings that contain a backslash.
bool isEscapedStringBody(const char *p, const char *end)
{
    while (p < end) {
        const char c = *p;
        if (c == '"' || uchar(c) < 0x20)
            return false;
        if (c != '\\') {
            ++p;
            continue;
        }
        if (end - p < 2)
            return false;
        switch (p[1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            p += 2;
            break;
        case 'u':
            if (end - p < 6 || !isHexDigit(p[2]) || !isHexDigit(p[3]) || !isHexDigit(p[4]) || !isHexDigit(p[5]))
                return false;
            p += 6;
            break;
        default:
            return false;
        }
    }
    return p == end && *end == '"';
}

// Whether [p, end) contains a backslash: a plain loop for the short strings GraphQL responses are made of,
// memchr for long ones.
inline bool hasBackslash(const char *p, const char *end)
{
    if (end - p > 32)
        return std::memchr(p, '\\', size_t(end - p)) != nullptr;
    bool found = false;
    for (; p < end; ++p)
        found |= *p == '\\';
    return found;
}

/// Walks one On Demand document into the node tape with an explicit stack of container iterators.
template<typename Node>
class OnDemandWalker final
{
public:
    OnDemandWalker(const char *base, std::vector<Node> &nodes, std::vector<quint32> &children, quint8 valueEscapes,
                   quint8 keyEscapes)
        : m_base(base), m_nodes(nodes), m_children(children), m_valueEscapes(valueEscapes), m_keyEscapes(keyEscapes)
    {}

    /// False when the document is invalid (describe it with the reference scanner) or too deep (depthExceeded).
    bool run(OnDemand::document &document);

    bool depthExceeded = false;
    qint64 depthOffset = -1;

private:
    struct Frame
    {
        OnDemand::array_iterator array;
        OnDemand::object_iterator object;
        quint32 node;
        quint32 childBase;
        bool isObject;
        bool advance; ///< a child was visited: step past it before reading the next one
    };

    bool addValue(OnDemand::value value, quint32 parent, bool parentIsObject, quint32 keyOffset, quint8 keyFlags);
    void closeContainer();

    const char *const m_base;
    std::vector<Node> &m_nodes;
    std::vector<quint32> &m_children;
    const quint8 m_valueEscapes;
    const quint8 m_keyEscapes;
    std::vector<Frame> m_stack;
    std::vector<quint32> m_childStack; // children of every open container, innermost last
};

template<typename Node>
bool OnDemandWalker<Node>::addValue(OnDemand::value value, quint32 parent, bool parentIsObject, quint32 keyOffset,
                                    quint8 keyFlags)
{
    const std::string_view token = value.raw_json_token(); // up to the next structural character; not consumed
    if (token.empty() || m_nodes.size() >= ReferenceJson::kNoNode - 1)
        return false;
    const char *start = token.data();
    const auto id = quint32(m_nodes.size());
    const auto offset = quint32(start - m_base);
    const char c = *start;
    if (c == '{' || c == '[') {
        if (m_stack.size() >= size_t(ResponseDocumentBuilder::maxDepth)) {
            depthExceeded = true;
            depthOffset = offset;
            return false;
        }
        Frame frame{};
        frame.node = id;
        frame.childBase = quint32(m_childStack.size()) + (parent != ReferenceJson::kNoNode ? 1 : 0);
        frame.isObject = c == '{';
        if (frame.isObject) {
            OnDemand::object object;
            if (value.get_object().get(object) || object.begin().get(frame.object))
                return false;
        } else {
            OnDemand::array array;
            if (value.get_array().get(array) || array.begin().get(frame.array))
                return false;
        }
        if (parent != ReferenceJson::kNoNode)
            m_childStack.push_back(id);
        m_nodes.push_back(
            Node{parent, offset, keyOffset, 0, 0, frame.isObject ? JsonKind::Object : JsonKind::Array, keyFlags});
        m_stack.push_back(frame);
        return true;
    }
    const char *end = start + token.size();
    // The token runs up to the next structural character, which must end the value here. Checking it also keeps
    // On Demand from skipping an array element "x" followed by ':' as if it were an object key.
    const char next = *end; // simdjson's sentinel after the last token is the buffer's terminating '\0'
    if (next != ',' && next != (parentIsObject ? '}' : ']'))
        return false;
    while (end > start && isWhitespace(end[-1]))
        --end;
    JsonKind kind = JsonKind::Null;
    quint8 flags = keyFlags;
    switch (c) {
    case '"': {
        // Stage 1 paired the quotes and rejected raw control characters; the closing quote ends the token.
        if (end - start < 2 || end[-1] != '"')
            return false;
        if (hasBackslash(start + 1, end - 1)) {
            if (!isEscapedStringBody(start + 1, end - 1))
                return false;
            flags |= m_valueEscapes;
        }
        kind = JsonKind::String;
        break;
    }
    case 't':
        if (end - start != 4 || std::memcmp(start, "true", 4) != 0)
            return false;
        kind = JsonKind::Bool;
        break;
    case 'f':
        if (end - start != 5 || std::memcmp(start, "false", 5) != 0)
            return false;
        kind = JsonKind::Bool;
        break;
    case 'n':
        if (end - start != 4 || std::memcmp(start, "null", 4) != 0)
            return false;
        break;
    default:
        if (!isNumber(start, end))
            return false;
        kind = JsonKind::Number;
        break;
    }
    if (parent != ReferenceJson::kNoNode)
        m_childStack.push_back(id);
    m_nodes.push_back(Node{parent, offset, keyOffset, quint32(end - start), 0, kind, flags});
    return true;
}

template<typename Node>
void OnDemandWalker<Node>::closeContainer()
{
    const Frame &frame = m_stack.back();
    Node &node = m_nodes[frame.node];
    node.first = quint32(m_children.size());
    node.count = quint32(m_childStack.size() - frame.childBase);
    m_children.insert(m_children.end(), m_childStack.begin() + qsizetype(frame.childBase), m_childStack.end());
    m_childStack.resize(frame.childBase);
    m_stack.pop_back();
}

template<typename Node>
bool OnDemandWalker<Node>::run(OnDemand::document &document)
{
    OnDemand::value root;
    if (document.get_value().get(root))
        return false;
    if (!addValue(root, ReferenceJson::kNoNode, false, ResponseDocument::InvalidNode, 0))
        return false;
    const OnDemand::array_iterator arrayEnd{};
    const OnDemand::object_iterator objectEnd{};
    while (!m_stack.empty()) {
        Frame &frame = m_stack.back();
        const quint32 parent = frame.node;
        if (frame.isObject) {
            if (frame.advance)
                ++frame.object;
            if (!(frame.object != objectEnd)) {
                closeContainer();
                continue;
            }
            frame.advance = true;
            OnDemand::field field;
            if ((*frame.object).get(field))
                return false;
            // field.key() points just past the opening quote; between it and the value lie only the rest of
            // the name, the closing quote, whitespace and ':', so a backslash there is an escape in the name.
            const char *keyStart = field.key().raw() - 1;
            OnDemand::value value = field.value();
            const char *valueStart = value.raw_json_token().data();
            quint8 keyFlags = 0;
            if (hasBackslash(keyStart + 1, valueStart)) {
                const char *close = valueStart - 1;
                while (close > keyStart && *close != '"')
                    --close;
                if (!isEscapedStringBody(keyStart + 1, close))
                    return false;
                keyFlags = m_keyEscapes;
            }
            if (!addValue(value, parent, true, quint32(keyStart - m_base), keyFlags))
                return false;
        } else {
            if (frame.advance)
                ++frame.array;
            if (!(frame.array != arrayEnd)) {
                closeContainer();
                continue;
            }
            frame.advance = true;
            OnDemand::value value;
            if ((*frame.array).get(value) || !addValue(value, parent, false, ResponseDocument::InvalidNode, 0))
                return false;
        }
    }
    // Every token consumed: nothing but whitespace after the root (current_location() is past the end).
    return document.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

} // namespace

std::shared_ptr<const ResponseDocument> ResponseDocumentBuilder::parse(const QByteArray &bytes,
                                                                       ResponseDocument::ParseError *error,
                                                                       Engine engine)
{
    std::shared_ptr<ResponseDocument> document(new ResponseDocument);
    if (engine == Engine::Simdjson && bytes.capacity() - bytes.size() < ResponseDocument::requiredPadding
        && quint64(bytes.size()) < quint64(ResponseDocument::NoKey)) {
        // One copy into a buffer with simdjson's read-ahead room; the document keeps it instead of the input.
        QByteArray padded(bytes.size() + ResponseDocument::requiredPadding, Qt::Uninitialized);
        std::memcpy(padded.data(), bytes.constData(), size_t(bytes.size()));
        std::memset(padded.data() + bytes.size(), 0, size_t(ResponseDocument::requiredPadding));
        padded.resize(bytes.size()); // keeps the capacity (Qt 6 never shrinks on resize)
        document->m_bytes = std::move(padded);
    } else {
        document->m_bytes = bytes;
    }
    // Reserve the tape for one value per 10 bytes. GraphQL responses average ~20 bytes per value (compact and
    // pretty-printed alike; gen-response.mjs output has 19.97, the GitHub introspection result 20.3), so this
    // never reallocates for them; the reserve is address space only, and pages nobody writes to never become
    // resident, so there is no shrinking copy afterwards either (it would double the tape's peak memory).
    const qsizetype size = document->m_bytes.size();
    if (quint64(size) < quint64(ResponseDocument::NoKey)) {
        document->m_nodes.reserve(size_t(size / 10 + 16));
        document->m_children.reserve(document->m_nodes.capacity());
    }
    const bool ok = engine == Engine::Simdjson ? buildWithSimdjson(*document, error)
                                               : buildWithReference(*document, error);
    if (!ok)
        return nullptr;
    if (error)
        *error = ResponseDocument::ParseError();
    return document;
}

bool ResponseDocumentBuilder::buildWithReference(ResponseDocument &document, ResponseDocument::ParseError *error)
{
    const QByteArray &bytes = document.m_bytes;
    if (quint64(bytes.size()) >= quint64(ResponseDocument::NoKey)) {
        describeError(bytes, 0, u"Document too large (more than 4 GiB)"_s, error);
        return false;
    }
    ReferenceJson::TapeScanner<ResponseDocument::Node> scanner(bytes, document.m_nodes, document.m_children,
                                                               ResponseDocument::ValueHasEscapes,
                                                               ResponseDocument::KeyHasEscapes);
    if (!scanner.run()) {
        describeError(bytes, scanner.errorOffset, scanner.errorMessage, error);
        document.m_nodes = {};
        document.m_children = {};
        return false;
    }
    return true;
}

bool ResponseDocumentBuilder::buildWithSimdjson(ResponseDocument &document, ResponseDocument::ParseError *error)
{
    const QByteArray &bytes = document.m_bytes;
    if (quint64(bytes.size()) >= quint64(ResponseDocument::NoKey)) {
        describeError(bytes, 0, u"Document too large (more than 4 GiB)"_s, error);
        return false;
    }
    qsizetype start = 0;
    if (bytes.size() >= 3 && std::memcmp(bytes.constData(), "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    qsizetype first = start;
    while (first < bytes.size() && isWhitespace(bytes.at(first)))
        ++first;
    // Scalar roots and empty input are tiny or wrong: the reference scanner indexes or describes them.
    if (first == bytes.size() || (bytes.at(first) != '{' && bytes.at(first) != '['))
        return buildWithReference(document, error);

    auto &nodes = document.m_nodes;
    auto &children = document.m_children;
    bool depthExceeded = false;
    qint64 depthOffset = -1;
    bool ok = false;
    {
        OnDemand::parser parser;
        const auto length = size_t(bytes.size() - start);
        const simdjson::padded_string_view view(bytes.constData() + start, length,
                                                size_t(bytes.capacity() - start));
        OnDemand::document json;
        if (parser.allocate(length, size_t(maxDepth)) == simdjson::SUCCESS && !parser.iterate(view).get(json)) {
            OnDemandWalker<ResponseDocument::Node> walker(bytes.constData(), nodes, children,
                                                          ResponseDocument::ValueHasEscapes,
                                                          ResponseDocument::KeyHasEscapes);
            ok = walker.run(json);
            depthExceeded = walker.depthExceeded;
            depthOffset = walker.depthOffset;
        }
    } // the parser's structural index is released before the tape is shrunk
    if (ok)
        return true;
    nodes.clear();
    children.clear();
    if (depthExceeded) {
        nodes = {};
        children = {};
        describeError(bytes, depthOffset, u"Nesting deeper than %1 levels"_s.arg(maxDepth), error);
        return false;
    }
    // Say what and where with the reference scanner; it also agrees on every document simdjson accepts.
    if (buildWithReference(document, error)) {
        document.m_nodes = {};
        document.m_children = {};
        describeError(bytes, 0, u"Invalid JSON"_s, error);
    }
    return false;
}

void ResponseDocumentBuilder::describeError(const QByteArray &bytes, qint64 offset, const QString &what,
                                            ResponseDocument::ParseError *error)
{
    if (!error)
        return;
    offset = qBound<qint64>(0, offset, bytes.size());
    int line = 1;
    qint64 lineStart = 0;
    const char *data = bytes.constData();
    for (qint64 i = 0; i < offset; ++i) {
        if (data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    // Columns count UTF-16 code units: one per non-continuation byte, two for 4-byte sequences.
    int column = 1;
    for (qint64 i = lineStart; i < offset; ++i) {
        const auto b = uchar(data[i]);
        if ((b & 0xC0) != 0x80)
            column += b >= 0xF0 ? 2 : 1;
    }
    error->offset = offset;
    error->line = line;
    error->column = column;
    error->message = what + u" at line %1, column %2"_s.arg(line).arg(column);
}

} // namespace Sextant::Core
