// SPDX-License-Identifier: MIT
// Sextant: the reference JSON scanner: exact RFC 8259 diagnostics for ResponseDocumentBuilder.
#pragma once

#include "responsedocument.h"

#include <QByteArray>
#include <QString>

#include <simdjson.h>

#include <array>
#include <cctype>
#include <cstring>
#include <vector>

namespace Sextant::Core::ReferenceJson {

/**
 * Internal to core/response (include only from responsedocumentbuilder.cpp: it pulls in simdjson.h). The
 * byte-at-a-time scanner ResponseDocument used before simdjson: it walks the bytes once, left to right, with an
 * explicit stack (no recursion, so nesting depth is bounded by memory only), appends one node per JSON value and
 * stops at the first error with a precise message and byte offset. ResponseDocumentBuilder runs it when simdjson
 * rejects a document (to say what and where, in the words the tests pin) and on request as the baseline of
 * bench/response_*. Strict RFC 8259; UTF-8 is validated with simdjson once the structure is valid. Runs on the
 * caller's thread; templated on the node type so ResponseDocument::Node can stay private.
 */

using namespace Qt::StringLiterals;

constexpr quint32 kNoNode = 0xffffffff;

// Bytes that end the fast scan inside a string: the closing quote, an escape, or a control character.
constexpr auto kStringStops = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[c] = true;
    table['"'] = true;
    table['\\'] = true;
    return table;
}();

constexpr auto kWhitespace = [] {
    std::array<bool, 256> table{};
    table[' '] = table['\t'] = table['\n'] = table['\r'] = true;
    return table;
}();

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// SWAR test for any '"', '\\' or byte < 0x20 among 8 bytes; exact as a yes/no answer.
inline bool hasStringStop(quint64 w)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    const quint64 quote = w ^ (ones * '"');
    const quint64 backslash = w ^ (ones * '\\');
    const quint64 hits = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((w - ones * 0x20) & ~w);
    return (hits & highs) != 0;
}

// Length of the UTF-8 sequence at p if well-formed (RFC 3629), else 0. Only used to locate an error.
inline int utf8SequenceLength(const uchar *p, const uchar *end)
{
    const uchar b = p[0];
    if (b < 0x80)
        return 1;
    int len = 0;
    char32_t min = 0;
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2;
        min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3;
        min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (end - p < len)
        return 0;
    char32_t cp = b & (0x7F >> len);
    for (int i = 1; i < len; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

inline QString codePointName(uint codePoint)
{
    return u"U+"_s + QString::number(codePoint, 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

inline QString describeByte(const char *p, const char *end)
{
    const auto b = uchar(*p);
    if (b >= 0x20 && b < 0x7F)
        return u"'"_s + QLatin1Char(char(b)) + u"'"_s;
    if (b < 0x80)
        return codePointName(b);
    const int len = utf8SequenceLength(reinterpret_cast<const uchar *>(p), reinterpret_cast<const uchar *>(end));
    if (len == 0)
        return u"byte 0x%1"_s.arg(uint(b), 2, 16, QLatin1Char('0'));
    return u"'"_s + QString::fromUtf8(p, len) + u"'"_s;
}

/// The scanner proper. Templated on the node type so it can live here while Node stays private.
template<typename Node>
class TapeScanner final
{
public:
    TapeScanner(const QByteArray &bytes, std::vector<Node> &nodes, std::vector<quint32> &children, quint32 valueEscapes)
        : m_begin(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
        , m_nodes(nodes)
        , m_children(children)
        , m_valueEscapes(valueEscapes)
    {}

    bool run();

    qint64 errorOffset = -1;
    QString errorMessage;

private:
    struct Frame
    {
        quint32 node;
        size_t childBase;
        bool object;
    };
    enum class State { Value, AfterValue, Key };

    const char *skipWhitespace(const char *p) const
    {
        while (p < m_end && kWhitespace[uchar(*p)])
            ++p;
        return p;
    }

    bool fail(const char *at, const QString &what)
    {
        errorOffset = at - m_begin;
        errorMessage = what;
        return false;
    }
    bool failEnd(const QString &where = QString())
    {
        return fail(m_end, where.isEmpty() ? u"Unexpected end of input"_s : u"Unexpected end of input "_s + where);
    }

    const char *scanString(const char *p, bool *escaped);
    const char *scanNumber(const char *p);
    const char *scanLiteral(const char *p, const char *word, int length);
    void closeContainer();
    bool validateUtf8();

    const char *const m_begin;
    const char *const m_end;
    std::vector<Node> &m_nodes;
    std::vector<quint32> &m_children;
    const quint32 m_valueEscapes;
    std::vector<Frame> m_stack;
    std::vector<quint32> m_childStack; // children of every open container, innermost last
};

template<typename Node>
const char *TapeScanner<Node>::scanString(const char *p, bool *escaped)
{
    // p is just past the opening quote; returns the closing quote or nullptr after fail().
    for (;;) {
        while (m_end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (hasStringStop(word))
                break;
            p += 8;
        }
        while (p < m_end && !kStringStops[uchar(*p)])
            ++p;
        if (p == m_end) {
            failEnd(u"inside a string"_s);
            return nullptr;
        }
        const char c = *p;
        if (c == '"')
            return p;
        if (c != '\\') {
            fail(p, u"Unescaped control character "_s + codePointName(uchar(c)) + u" in a string"_s);
            return nullptr;
        }
        *escaped = true;
        if (m_end - p < 2) {
            failEnd(u"inside a string"_s);
            return nullptr;
        }
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
            for (int i = 2; i < 6; ++i) {
                if (p + i >= m_end) {
                    failEnd(u"inside a string"_s);
                    return nullptr;
                }
                if (!isHexDigit(p[i])) {
                    fail(p + i,
                         u"Invalid \\u escape: expected 4 hexadecimal digits, found "_s + describeByte(p + i, m_end));
                    return nullptr;
                }
            }
            p += 6;
            break;
        default:
            fail(p, u"Invalid escape sequence '\\"_s
                        + (uchar(p[1]) >= 0x20 && uchar(p[1]) < 0x7F ? QString(QLatin1Char(p[1]))
                                                                     : describeByte(p + 1, m_end))
                        + u"' in a string"_s);
            return nullptr;
        }
    }
}

template<typename Node>
const char *TapeScanner<Node>::scanNumber(const char *p)
{
    // RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    const char *q = p;
    if (*q == '-')
        ++q;
    if (q == m_end) {
        failEnd(u"inside a number"_s);
        return nullptr;
    }
    if (*q == '0') {
        ++q;
        if (q < m_end && isDigit(*q)) {
            fail(q, u"Invalid number: leading zeros are not allowed"_s);
            return nullptr;
        }
    } else if (isDigit(*q)) {
        while (q < m_end && isDigit(*q))
            ++q;
    } else {
        fail(q, u"Invalid number: expected a digit, found "_s + describeByte(q, m_end));
        return nullptr;
    }
    if (q < m_end && *q == '.') {
        ++q;
        if (q == m_end || !isDigit(*q)) {
            if (q == m_end)
                failEnd(u"inside a number"_s);
            else
                fail(q, u"Invalid number: expected a digit after '.', found "_s + describeByte(q, m_end));
            return nullptr;
        }
        while (q < m_end && isDigit(*q))
            ++q;
    }
    if (q < m_end && (*q == 'e' || *q == 'E')) {
        ++q;
        if (q < m_end && (*q == '+' || *q == '-'))
            ++q;
        if (q == m_end || !isDigit(*q)) {
            if (q == m_end)
                failEnd(u"inside a number"_s);
            else
                fail(q, u"Invalid number: expected a digit in the exponent, found "_s + describeByte(q, m_end));
            return nullptr;
        }
        while (q < m_end && isDigit(*q))
            ++q;
    }
    if (q < m_end && (std::isalnum(uchar(*q)) || *q == '.' || *q == '+' || *q == '-')) {
        fail(q, u"Invalid number: unexpected "_s + describeByte(q, m_end));
        return nullptr;
    }
    return q;
}

template<typename Node>
const char *TapeScanner<Node>::scanLiteral(const char *p, const char *word, int length)
{
    for (int i = 0; i < length; ++i) {
        if (p + i == m_end) {
            failEnd();
            return nullptr;
        }
        if (p[i] != word[i]) {
            fail(p, u"Invalid literal: expected '"_s + QLatin1StringView(word, length) + u"'"_s);
            return nullptr;
        }
    }
    const char *q = p + length;
    if (q < m_end && std::isalnum(uchar(*q))) {
        fail(p, u"Invalid literal: expected '"_s + QLatin1StringView(word, length) + u"'"_s);
        return nullptr;
    }
    return q;
}

template<typename Node>
void TapeScanner<Node>::closeContainer()
{
    const Frame frame = m_stack.back();
    m_stack.pop_back();
    Node &node = m_nodes[frame.node];
    node.first = quint32(m_children.size());
    node.count = quint32(m_childStack.size() - frame.childBase);
    m_children.insert(m_children.end(), m_childStack.begin() + qsizetype(frame.childBase), m_childStack.end());
    m_childStack.resize(frame.childBase);
}

template<typename Node>
bool TapeScanner<Node>::validateUtf8()
{
    if (simdjson::validate_utf8(m_begin, size_t(m_end - m_begin)))
        return true;
    // Slow path, only to say where: the first byte that does not start a well-formed sequence.
    const auto *p = reinterpret_cast<const uchar *>(m_begin);
    const auto *end = reinterpret_cast<const uchar *>(m_end);
    while (p < end) {
        const int len = utf8SequenceLength(p, end);
        if (len == 0)
            return fail(reinterpret_cast<const char *>(p),
                        u"Invalid UTF-8 byte sequence (byte 0x%1)"_s.arg(uint(*p), 2, 16, QLatin1Char('0')));
        p += len;
    }
    return fail(m_begin, u"Invalid UTF-8"_s);
}

template<typename Node>
bool TapeScanner<Node>::run()
{
    const char *p = m_begin;
    if (m_end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    p = skipWhitespace(p);
    if (p == m_end)
        return fail(p, u"Unexpected end of input: the document is empty"_s);

    State state = State::Value;
    for (;;) {
        switch (state) {
        case State::Value: {
            if (p == m_end)
                return failEnd();
            if (m_nodes.size() >= kNoNode - 1)
                return fail(p, u"Too many JSON values"_s);
            const auto id = quint32(m_nodes.size());
            const quint32 parent = m_stack.empty() ? kNoNode : m_stack.back().node;
            const auto offset = quint32(p - m_begin);
            const char c = *p;
            if (c == '{' || c == '[') {
                const bool object = c == '{';
                if (!m_stack.empty())
                    m_childStack.push_back(id);
                m_nodes.push_back(Node{parent, offset, 0, 0});
                m_stack.push_back(Frame{id, m_childStack.size(), object});
                p = skipWhitespace(p + 1);
                if (p == m_end)
                    return failEnd();
                if (*p == (object ? '}' : ']')) {
                    closeContainer();
                    ++p;
                    state = State::AfterValue;
                } else if (object) {
                    state = State::Key;
                }
                break;
            }
            const char *tokenEnd = nullptr;
            quint32 flags = 0;
            switch (c) {
            case '"': {
                bool escaped = false;
                const char *close = scanString(p + 1, &escaped);
                if (!close)
                    return false;
                tokenEnd = close + 1;
                if (escaped)
                    flags |= m_valueEscapes;
                break;
            }
            case '-':
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
                tokenEnd = scanNumber(p);
                break;
            case 't':
                tokenEnd = scanLiteral(p, "true", 4);
                break;
            case 'f':
                tokenEnd = scanLiteral(p, "false", 5);
                break;
            case 'n':
                tokenEnd = scanLiteral(p, "null", 4);
                break;
            default:
                return fail(p, u"Expected a JSON value, found "_s + describeByte(p, m_end));
            }
            if (!tokenEnd)
                return false;
            if (!m_stack.empty())
                m_childStack.push_back(id);
            m_nodes.push_back(Node{parent, offset, quint32(tokenEnd - p), flags});
            p = tokenEnd;
            state = State::AfterValue;
            break;
        }
        case State::AfterValue: {
            p = skipWhitespace(p);
            if (m_stack.empty()) {
                if (p != m_end)
                    return fail(p, u"Unexpected "_s + describeByte(p, m_end) + u" after the end of the JSON value"_s);
                return validateUtf8();
            }
            if (p == m_end)
                return failEnd();
            const bool object = m_stack.back().object;
            if (*p == ',') {
                p = skipWhitespace(p + 1);
                if (object) {
                    state = State::Key;
                } else {
                    state = State::Value;
                }
            } else if (*p == (object ? '}' : ']')) {
                closeContainer();
                ++p;
            } else {
                return fail(p, (object ? u"Expected ',' or '}' after an object member, found "_s
                                       : u"Expected ',' or ']' after an array element, found "_s)
                                   + describeByte(p, m_end));
            }
            break;
        }
        case State::Key: {
            if (p == m_end)
                return failEnd();
            if (*p != '"')
                return fail(p, u"Expected a string as object key, found "_s + describeByte(p, m_end));
            bool escaped = false;
            const char *close = scanString(p + 1, &escaped);
            if (!close)
                return false;
            p = skipWhitespace(close + 1);
            if (p == m_end)
                return failEnd();
            if (*p != ':')
                return fail(p, u"Expected ':' after the object key, found "_s + describeByte(p, m_end));
            p = skipWhitespace(p + 1);
            state = State::Value;
            break;
        }
        }
    }
}

} // namespace Sextant::Core::ReferenceJson
