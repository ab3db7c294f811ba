// SPDX-License-Identifier: MIT
// Sextant: where a cursor is in (possibly incomplete) JSON text, and where a value path is in valid JSON.
#include "jsoncursor.h"

#include <core/language/sourcelocation.h>

#include <utility>

namespace Sextant::Core {

namespace {

enum class TokenKind : quint8 { LeftBrace, RightBrace, LeftBracket, RightBracket, Colon, Comma, String, Word, End };

struct Token
{
    TokenKind kind = TokenKind::End;
    int start = 0;
    int end = 0;
    bool terminated = true; ///< strings: the closing quote was found
};

bool isJsonSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c.isSpace();
}

bool isDelimiter(QChar c)
{
    return c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',' || c == u'"' || isJsonSpace(c);
}

bool isNameChar(QChar c)
{
    return c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

Token nextToken(const QString &s, int &pos)
{
    const int size = int(s.size());
    while (pos < size && isJsonSpace(s[pos]))
        ++pos;
    Token token;
    token.start = pos;
    if (pos >= size) {
        token.end = size;
        return token;
    }
    const QChar c = s[pos];
    auto single = [&](TokenKind kind) {
        token.kind = kind;
        token.end = ++pos;
        return token;
    };
    switch (c.unicode()) {
    case u'{':
        return single(TokenKind::LeftBrace);
    case u'}':
        return single(TokenKind::RightBrace);
    case u'[':
        return single(TokenKind::LeftBracket);
    case u']':
        return single(TokenKind::RightBracket);
    case u':':
        return single(TokenKind::Colon);
    case u',':
        return single(TokenKind::Comma);
    case u'"': {
        token.kind = TokenKind::String;
        token.terminated = false;
        int i = pos + 1;
        while (i < size) {
            const QChar ch = s[i];
            if (ch == u'\n' || ch == u'\r')
                break; // an unfinished string ends at the line end, so the next lines still scan
            if (ch == u'\\') {
                i += 2;
                continue;
            }
            ++i;
            if (ch == u'"') {
                token.terminated = true;
                break;
            }
        }
        pos = qMin(i, size);
        token.end = pos;
        return token;
    }
    default:
        token.kind = TokenKind::Word;
        while (pos < size && !isDelimiter(s[pos]))
            ++pos;
        token.end = pos;
        return token;
    }
}

// The text of a member name token, JSON escapes decoded (RFC 8259 §7).
QString decodeName(const QString &s, const Token &token)
{
    if (token.kind != TokenKind::String)
        return s.mid(token.start, token.end - token.start);
    const int end = token.terminated ? token.end - 1 : token.end;
    QString out;
    for (int i = token.start + 1; i < end; ++i) {
        const QChar c = s[i];
        if (c != u'\\' || i + 1 >= end) {
            out += c;
            continue;
        }
        const QChar e = s[++i];
        switch (e.unicode()) {
        case u'b':
            out += u'\b';
            break;
        case u'f':
            out += u'\f';
            break;
        case u'n':
            out += u'\n';
            break;
        case u'r':
            out += u'\r';
            break;
        case u't':
            out += u'\t';
            break;
        case u'u': {
            bool ok = false;
            const ushort code = s.mid(i + 1, 4).toUShort(&ok, 16);
            if (ok && i + 4 < end) {
                out += QChar(code);
                i += 4;
            } else {
                out += e;
            }
            break;
        }
        default:
            out += e; // \" \\ \/ and anything unknown
        }
    }
    return out;
}

enum class FrameState : quint8 { ExpectKey, ExpectColon, ExpectValue, AfterValue };

struct Frame
{
    bool isObject = true;
    FrameState state = FrameState::ExpectKey;
    QVariant element; ///< the key (QString) or index (int) of this container in its parent; null for the root
    QString key;      ///< objects: the current member name
    int keyStart = -1;
    int keyEnd = -1;
    int index = 0;                       ///< arrays: index of the current element
    QList<std::pair<QString, int>> keys; ///< member names with their token start
};

enum class RootState : quint8 { Expecting, Open, Done };

QVariantList pathOf(const QList<Frame> &stack)
{
    QVariantList path;
    for (qsizetype i = 1; i < stack.size(); ++i)
        path.append(stack[i].element);
    return path;
}

QVariant currentElement(const Frame &frame)
{
    return frame.isObject ? QVariant(frame.key) : QVariant(frame.index);
}

bool isValueStart(TokenKind kind)
{
    return kind == TokenKind::LeftBrace || kind == TokenKind::LeftBracket || kind == TokenKind::String
           || kind == TokenKind::Word;
}

/**
 * The tolerant JSON state machine. The visitor sees each token before it is applied (beforeToken, which may stop
 * the scan), each value start (valueStarted, with the stack of its enclosing containers) and each container close
 * (containerClosed, with its stack index and the offset after its last character).
 */
template<typename Visitor>
void scan(const QString &s, Visitor &visitor)
{
    QList<Frame> stack;
    RootState root = RootState::Expecting;
    int pos = 0;
    auto startValue = [&](const Token &token) {
        visitor.valueStarted(stack, token);
        const bool isContainer = token.kind == TokenKind::LeftBrace || token.kind == TokenKind::LeftBracket;
        QVariant element;
        if (!stack.isEmpty()) {
            element = currentElement(stack.last());
            stack.last().state = FrameState::AfterValue;
        } else {
            root = isContainer ? RootState::Open : RootState::Done;
        }
        if (isContainer) {
            Frame frame;
            frame.isObject = token.kind == TokenKind::LeftBrace;
            frame.state = frame.isObject ? FrameState::ExpectKey : FrameState::ExpectValue;
            frame.element = element;
            stack.append(frame);
        }
    };
    auto closeFrames = [&](qsizetype downTo, int innerEnd, int outerEnd) {
        while (stack.size() > downTo) {
            const qsizetype index = stack.size() - 1;
            visitor.containerClosed(index, stack.last(), index == downTo ? outerEnd : innerEnd);
            stack.removeLast();
        }
        if (stack.isEmpty())
            root = RootState::Done;
    };
    for (;;) {
        const Token token = nextToken(s, pos);
        if (!visitor.beforeToken(token, stack, root))
            return;
        if (token.kind == TokenKind::End) {
            closeFrames(0, token.end, token.end);
            return;
        }
        if (stack.isEmpty()) {
            if (root == RootState::Expecting && isValueStart(token.kind))
                startValue(token);
            continue; // anything after the root value is ignored
        }
        Frame &frame = stack.last();
        switch (token.kind) {
        case TokenKind::LeftBrace:
        case TokenKind::LeftBracket:
        case TokenKind::String:
        case TokenKind::Word:
            if (frame.isObject && frame.state != FrameState::ExpectValue) {
                const bool isName = token.kind == TokenKind::String || token.kind == TokenKind::Word;
                if (frame.state == FrameState::ExpectColon && !isName) {
                    startValue(token); // a missing colon before an object or list
                } else if (isName) {
                    // A name after a name is a new member (the previous one is still being typed), as is a name
                    // after a value with the comma missing.
                    frame.key = decodeName(s, token);
                    frame.keyStart = token.start;
                    frame.keyEnd = token.end;
                    frame.keys.append({frame.key, token.start});
                    frame.state = FrameState::ExpectColon;
                } else { // a value where a name belongs: a member without a name
                    frame.key.clear();
                    frame.keyStart = frame.keyEnd = -1;
                    startValue(token);
                }
            } else {
                if (!frame.isObject && frame.state == FrameState::AfterValue)
                    ++frame.index; // a missing comma between elements
                startValue(token);
            }
            break;
        case TokenKind::Colon:
            if (frame.isObject && frame.state == FrameState::ExpectColon)
                frame.state = FrameState::ExpectValue;
            break;
        case TokenKind::Comma:
            if (frame.isObject) {
                frame.state = FrameState::ExpectKey;
            } else {
                ++frame.index;
                frame.state = FrameState::ExpectValue;
            }
            break;
        case TokenKind::RightBrace:
        case TokenKind::RightBracket: {
            const bool closesObject = token.kind == TokenKind::RightBrace;
            qsizetype match = stack.size() - 1;
            while (match >= 0 && stack[match].isObject != closesObject)
                --match;
            if (match >= 0) // a stray bracket with nothing to close is ignored
                closeFrames(match, token.start, token.end);
            break;
        }
        case TokenKind::End:
            break;
        }
    }
}

class CursorVisitor final
{
public:
    CursorVisitor(const QString &s, int cursor) : m_s(s), m_cursor(cursor) {}

    JsonCursorContext context;

    bool beforeToken(const Token &token, const QList<Frame> &stack, RootState root)
    {
        if (m_peekNext) {
            context.colonFollows = token.kind == TokenKind::Colon;
            m_peekNext = false;
        }
        if (m_taken)
            return !m_collected;
        const bool inString = token.kind == TokenKind::String && token.start < m_cursor
                              && (m_cursor < token.end || (!token.terminated && m_cursor <= token.end));
        const bool inWord = token.kind == TokenKind::Word && token.start < m_cursor && m_cursor <= token.end;
        if (inString || inWord || m_cursor <= token.start || token.kind == TokenKind::End)
            take(token, inString || inWord, stack, root);
        return !m_collected;
    }

    void valueStarted(const QList<Frame> &, const Token &) {}

    void containerClosed(qsizetype index, const Frame &frame, int)
    {
        if (!m_taken || m_collected || index != m_frameIndex)
            return;
        for (const auto &[name, start] : frame.keys) {
            if (start != m_excludedKeyStart)
                context.existingKeys << name;
        }
        m_collected = true;
    }

private:
    void take(const Token &token, bool inToken, const QList<Frame> &stack, RootState root)
    {
        m_taken = true;
        if (inToken) {
            context.isQuoted = token.kind == TokenKind::String;
            const int prefixStart = token.start + (context.isQuoted ? 1 : 0);
            context.prefix = m_s.mid(prefixStart, m_cursor - prefixStart);
            context.replaceStart = token.start;
            int end = token.end;
            if (token.kind == TokenKind::String && !token.terminated) {
                end = m_cursor; // up to the line end is not the user's name: take the name characters only
                while (end < token.end && isNameChar(m_s[end]))
                    ++end;
            }
            context.replaceLength = end - token.start;
            m_peekNext = true;
        } else {
            context.replaceStart = m_cursor;
            context.colonFollows = token.kind == TokenKind::Colon;
        }
        if (stack.isEmpty()) {
            context.position = root == RootState::Expecting ? JsonCursorPosition::Value : JsonCursorPosition::None;
            m_collected = true;
            return;
        }
        const Frame &frame = stack.last();
        context.path = pathOf(stack);
        m_frameIndex = stack.size() - 1;
        if (frame.isObject) {
            if (frame.state == FrameState::ExpectKey || (frame.state == FrameState::AfterValue && inToken)) {
                context.position = JsonCursorPosition::MemberName;
                if (inToken)
                    m_excludedKeyStart = token.start;
            } else if (frame.state == FrameState::ExpectValue) {
                context.position = JsonCursorPosition::Value;
                context.path.append(frame.key);
            }
        } else if (frame.state == FrameState::ExpectValue) {
            context.position = JsonCursorPosition::Value;
            context.path.append(frame.index);
        }
        if (context.position == JsonCursorPosition::None)
            context.path.clear();
    }

    const QString &m_s;
    int m_cursor;
    bool m_taken = false;
    bool m_collected = false;
    bool m_peekNext = false;
    qsizetype m_frameIndex = -1;
    int m_excludedKeyStart = -1;
};

bool samePathElement(const QVariant &a, const QVariant &b)
{
    const bool aIndex = a.typeId() == QMetaType::Int || a.typeId() == QMetaType::LongLong;
    const bool bIndex = b.typeId() == QMetaType::Int || b.typeId() == QMetaType::LongLong;
    if (aIndex != bIndex)
        return false;
    return aIndex ? a.toLongLong() == b.toLongLong() : a.toString() == b.toString();
}

class RangeVisitor final
{
public:
    RangeVisitor(const QVariantList &path, JsonRangePart part) : m_path(path), m_part(part) {}

    int start = -1;
    int end = -1;

    bool beforeToken(const Token &, const QList<Frame> &, RootState) { return !m_done; }

    void valueStarted(const QList<Frame> &stack, const Token &token)
    {
        if (m_done || !matches(stack))
            return;
        if (m_part == JsonRangePart::MemberName) {
            m_done = true;
            if (!stack.isEmpty() && stack.last().isObject && stack.last().keyStart >= 0) {
                start = stack.last().keyStart;
                end = stack.last().keyEnd;
            }
            return;
        }
        start = token.start;
        if (token.kind == TokenKind::LeftBrace || token.kind == TokenKind::LeftBracket) {
            m_pendingIndex = stack.size(); // the container's frame index once pushed
        } else {
            end = token.end;
            m_done = true;
        }
    }

    void containerClosed(qsizetype index, const Frame &, int closedEnd)
    {
        if (!m_done && m_pendingIndex >= 0 && index == m_pendingIndex) {
            end = closedEnd;
            m_done = true;
        }
    }

private:
    bool matches(const QList<Frame> &stack) const
    {
        if (stack.size() != m_path.size())
            return false;
        for (qsizetype i = 1; i < stack.size(); ++i) {
            if (!samePathElement(stack[i].element, m_path[i - 1]))
                return false;
        }
        return stack.isEmpty() || samePathElement(currentElement(stack.last()), m_path.last());
    }

    const QVariantList &m_path;
    JsonRangePart m_part;
    bool m_done = false;
    qsizetype m_pendingIndex = -1;
};

} // namespace

JsonCursorContext jsonCursorContext(const QString &json, int cursorOffset)
{
    CursorVisitor visitor(json, qBound(0, cursorOffset, int(json.size())));
    scan(json, visitor);
    return visitor.context;
}

JsonTextRange jsonValueRange(const QString &json, const QVariantList &path, JsonRangePart part)
{
    RangeVisitor visitor(path, part);
    scan(json, visitor);
    if (visitor.start < 0 || visitor.end < visitor.start)
        return {};
    return jsonTextRange(json, visitor.start, visitor.end - visitor.start);
}

JsonTextRange jsonTextRange(const QString &text, int offset, int length)
{
    const int clamped = qBound(0, offset, int(text.size()));
    const SourceLocation location = locationAt(text, clamped);
    return {clamped, location.line, location.column, qBound(0, length, int(text.size()) - clamped)};
}

} // namespace Sextant::Core
