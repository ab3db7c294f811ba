// SPDX-License-Identifier: MIT
// Sextant: fills a ResponseDocument's node tape from simdjson's structural index.
#include "responsedocumentbuilder.h"

#include "referencejsonscanner.h"

#include <simdjson.h>

#include <cstring>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Sextant::Core {

static_assert(ResponseDocument::requiredPadding >= qsizetype(simdjson::SIMDJSON_PADDING),
              "ResponseDocument::requiredPadding must cover simdjson's read-ahead");

namespace {

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

/// Releases the part of simdjson's structural index that the walk has read: the index takes 4 bytes per
/// structural character (~0.7x the input for GraphQL responses) and is read once, front to back, so giving its
/// pages back while the tape grows keeps both from being resident in full at the same time.
class IndexReleaser final
{
public:
    IndexReleaser(const quint32 *index, quint32 count)
    {
#if defined(__linux__)
        const auto page = quintptr(sysconf(_SC_PAGESIZE));
        // Small indexes are not worth a system call; start past the first page so the allocator's header stays.
        if (page == 0 || quint64(count) * sizeof(quint32) < 8 * page)
            return;
        m_page = page;
        m_released = (quintptr(index) + page) & ~(page - 1);
#else
        Q_UNUSED(index);
        Q_UNUSED(count);
#endif
    }

    /// Everything before @p position has been read and never will be again.
    void releaseBefore(const quint32 *position)
    {
#if defined(__linux__)
        if (m_page == 0)
            return;
        const quintptr end = quintptr(position) & ~(m_page - 1);
        if (end < m_released + 64 * m_page)
            return;
        madvise(reinterpret_cast<void *>(m_released), size_t(end - m_released), MADV_DONTNEED);
        m_released = end;
#else
        Q_UNUSED(position);
#endif
    }

private:
    quintptr m_page = 0;
    quintptr m_released = 0;
};

/// Walks simdjson's structural index (stage 1: every structural character and the first byte of every scalar,
/// with strings, UTF-8 and control characters validated) into the node tape: stage 2, checked like the reference
/// scanner, with an explicit stack and no recursion.
template<typename Node>
class StructuralWalker final
{
public:
    StructuralWalker(const char *base, const char *buffer, const quint32 *index, quint32 count,
                     std::vector<Node> &nodes, std::vector<quint32> &children, quint32 valueEscapes)
        : m_offset(quint32(buffer - base))
        , m_buffer(buffer)
        , m_index(index)
        , m_count(count)
        , m_nodes(nodes)
        , m_children(children)
        , m_valueEscapes(valueEscapes)
        , m_releaser(index, count)
    {}

    /// False when the document is invalid (describe it with the reference scanner) or too deep (depthExceeded).
    bool run();

    bool depthExceeded = false;
    qint64 depthOffset = -1;

private:
    struct Frame
    {
        quint32 node;
        quint32 childBase;
        bool isObject;
    };

    char at(quint32 i) const { return m_buffer[m_index[i]]; }
    bool readKey(quint32 &i) const;
    bool addScalar(quint32 i);
    void closeContainer();

    const quint32 m_offset; ///< of the buffer (after a byte order mark) in the document's bytes
    const char *const m_buffer;
    const quint32 *const m_index;
    const quint32 m_count;
    std::vector<Node> &m_nodes;
    std::vector<quint32> &m_children;
    const quint32 m_valueEscapes;
    IndexReleaser m_releaser;
    quint32 m_nextRelease = 0x10000;
    std::vector<Frame> m_stack;
    std::vector<quint32> m_childStack; // children of every open container, innermost last
};

// Structural i is a member name: `"name"` then ':'. Leaves i at the value.
template<typename Node>
bool StructuralWalker<Node>::readKey(quint32 &i) const
{
    if (i + 1 >= m_count || at(i) != '"' || at(i + 1) != ':')
        return false;
    const char *start = m_buffer + m_index[i];
    const char *end = m_buffer + m_index[i + 1];
    while (end > start && isWhitespace(end[-1]))
        --end;
    // Stage 1 paired the quotes and rejected raw control characters; anything after the closing quote would
    // have been a structural of its own.
    if (end - start < 2 || end[-1] != '"')
        return false;
    if (hasBackslash(start + 1, end - 1) && !isEscapedStringBody(start + 1, end - 1))
        return false;
    i += 2;
    return true;
}

template<typename Node>
bool StructuralWalker<Node>::addScalar(quint32 i)
{
    // The token runs up to the next structural character, which must end the value here.
    if (m_stack.empty() || i + 1 >= m_count)
        return false;
    const char *start = m_buffer + m_index[i];
    const char *end = m_buffer + m_index[i + 1];
    const char next = *end;
    if (next != ',' && next != (m_stack.back().isObject ? '}' : ']'))
        return false;
    while (end > start && isWhitespace(end[-1]))
        --end;
    quint32 flags = 0;
    switch (*start) {
    case '"':
        if (end - start < 2 || end[-1] != '"')
            return false;
        if (hasBackslash(start + 1, end - 1)) {
            if (!isEscapedStringBody(start + 1, end - 1))
                return false;
            flags = m_valueEscapes;
        }
        break;
    case 't':
        if (end - start != 4 || std::memcmp(start, "true", 4) != 0)
            return false;
        break;
    case 'f':
        if (end - start != 5 || std::memcmp(start, "false", 5) != 0)
            return false;
        break;
    case 'n':
        if (end - start != 4 || std::memcmp(start, "null", 4) != 0)
            return false;
        break;
    default:
        if (!isNumber(start, end))
            return false;
        break;
    }
    m_childStack.push_back(quint32(m_nodes.size()));
    m_nodes.push_back(Node{m_stack.back().node, m_offset + m_index[i], quint32(end - start), flags});
    return true;
}

template<typename Node>
void StructuralWalker<Node>::closeContainer()
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
bool StructuralWalker<Node>::run()
{
    quint32 i = 0; // the structural that starts the next value
    for (;;) {
        if (i >= m_count || m_nodes.size() >= ReferenceJson::kNoNode - 1)
            return false;
        if (i >= m_nextRelease) {
            m_releaser.releaseBefore(m_index + i);
            m_nextRelease = i + 0x10000;
        }
        const char c = at(i);
        if (c == '{' || c == '[') {
            if (m_stack.size() >= size_t(ResponseDocumentBuilder::maxDepth)) {
                depthExceeded = true;
                depthOffset = m_offset + m_index[i];
                return false;
            }
            const auto id = quint32(m_nodes.size());
            const quint32 parent = m_stack.empty() ? ReferenceJson::kNoNode : m_stack.back().node;
            if (!m_stack.empty())
                m_childStack.push_back(id);
            m_nodes.push_back(Node{parent, m_offset + m_index[i], 0, 0});
            const bool object = c == '{';
            m_stack.push_back(Frame{id, quint32(m_childStack.size()), object});
            ++i;
            if (i >= m_count)
                return false;
            if (at(i) != (object ? '}' : ']')) {
                if (object && !readKey(i))
                    return false;
                continue; // the first member's or element's value
            }
            closeContainer();
            ++i;
        } else {
            if (!addScalar(i))
                return false;
            ++i;
        }
        // After a value: ',' and the next member or element, or the end of the enclosing container(s).
        for (;;) {
            if (m_stack.empty())
                return i == m_count; // nothing but whitespace after the root
            if (i >= m_count)
                return false;
            const char d = at(i);
            const bool object = m_stack.back().isObject;
            if (d == ',') {
                ++i;
                if (object && !readKey(i))
                    return false;
                break;
            }
            if (d != (object ? '}' : ']'))
                return false;
            closeContainer();
            ++i;
        }
    }
}

} // namespace

std::shared_ptr<const ResponseDocument> ResponseDocumentBuilder::parse(const QByteArray &bytes,
                                                                       ResponseDocument::ParseError *error,
                                                                       Engine engine)
{
    std::shared_ptr<ResponseDocument> document(new ResponseDocument);
    if (engine == Engine::Simdjson && bytes.capacity() - bytes.size() < ResponseDocument::requiredPadding
        && quint64(bytes.size()) < ResponseDocument::MaxSize) {
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
    if (quint64(size) < ResponseDocument::MaxSize) {
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
    if (quint64(bytes.size()) >= ResponseDocument::MaxSize) {
        describeError(bytes, 0, u"Document too large (more than 4 GiB)"_s, error);
        return false;
    }
    ReferenceJson::TapeScanner<ResponseDocument::Node> scanner(bytes, document.m_nodes, document.m_children,
                                                               ResponseDocument::ValueHasEscapes);
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
    if (quint64(bytes.size()) >= ResponseDocument::MaxSize) {
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
        // Stage 1 of simdjson's DOM parser on its own (the structural index; its stage 2 would build simdjson's
        // tape, which we do not want), then our walk over the index straight into the node tape.
        const auto length = size_t(bytes.size() - start);
        std::unique_ptr<simdjson::internal::dom_parser_implementation> stage1;
        const auto *buffer = reinterpret_cast<const uint8_t *>(bytes.constData() + start);
        if (simdjson::get_active_implementation()->create_dom_parser_implementation(length, 1, stage1)
                == simdjson::SUCCESS
            && stage1->stage1(buffer, length, simdjson::stage1_mode::regular) == simdjson::SUCCESS) {
            StructuralWalker<ResponseDocument::Node> walker(bytes.constData(), bytes.constData() + start,
                                                            stage1->structural_indexes.get(),
                                                            stage1->n_structural_indexes, nodes, children,
                                                            ResponseDocument::ValueHasEscapes);
            ok = walker.run();
            depthExceeded = walker.depthExceeded;
            depthOffset = walker.depthOffset;
        }
    } // the structural index is released here
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
