// SPDX-License-Identifier: MIT
// Sextant: the GraphQL lexer, a port of graphql-js 16 lexer.ts that reports errors as Invalid tokens.
#include "lexer.h"

#include "blockstring.h"
#include "characterclasses.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sextant::Core {

using namespace CharacterClasses;

namespace {

bool isSupplementaryCodePoint(const char16_t *data, int length, int position)
{
    return position + 1 < length && isLeadingSurrogate(data[position]) && isTrailingSurrogate(data[position + 1]);
}

// Four HexDigits as one 16-bit value, or -1 if any of them is not a HexDigit (or is past the end).
int read16BitHexCode(const char16_t *data, int length, int position)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = position + i < length ? hexDigitValue(data[position + i]) : -1;
        if (digit < 0)
            return -1;
        value = (value << 4) | digit;
    }
    return value;
}

void appendCodePoint(QString &value, char32_t codePoint)
{
    if (codePoint > 0xFFFF) {
        value.append(QChar(QChar::highSurrogate(codePoint)));
        value.append(QChar(QChar::lowSurrogate(codePoint)));
    } else {
        value.append(QChar(char16_t(codePoint)));
    }
}

} // namespace

Lexer::Lexer(QStringView source, LexerState initialState, int startOffset)
    : m_data(source.utf16())
    , m_length(int(source.size()))
    , m_pos(std::clamp(startOffset, 0, int(source.size())))
    , m_state(initialState)
    , m_resumeBlockString(initialState == LexerState::InBlockString)
{
    // Count the lines before startOffset once; same rules as locationAt().
    for (int i = 0; i < m_pos;) {
        const char16_t c = m_data[i++];
        if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i < m_length && m_data[i] == u'\n')
                ++i;
            ++m_line;
            m_lineStart = i;
        }
    }
}

Lexer::Lexer(QStringView source, LexerState initialState, int startOffset, int startLine)
    : m_data(source.utf16())
    , m_length(int(source.size()))
    , m_pos(std::clamp(startOffset, 0, int(source.size())))
    , m_line(std::max(1, startLine))
    , m_state(initialState)
    , m_resumeBlockString(initialState == LexerState::InBlockString)
{
    m_lineStart = m_pos;
    while (m_lineStart > 0 && m_data[m_lineStart - 1] != u'\n' && m_data[m_lineStart - 1] != u'\r')
        --m_lineStart;
}

Token Lexer::makeToken(TokenKind kind, int start, int end) const
{
    Token token;
    token.kind = kind;
    token.start = start;
    token.end = end;
    token.line = m_line;
    token.column = 1 + start - m_lineStart;
    return token;
}

Token Lexer::makeInvalid(int start, int end, int errorOffset, const QString &message) const
{
    Token token = makeToken(TokenKind::Invalid, start, end);
    token.error = message;
    token.errorOffset = errorOffset;
    return token;
}

QString Lexer::slice(int from, int to) const
{
    from = std::min(from, m_length);
    to = std::clamp(to, from, m_length);
    return QString(reinterpret_cast<const QChar *>(m_data + from), to - from);
}

// graphql-js printCodePointAt(): printable ASCII quoted, anything else as U+XXXX, the end as <EOF>.
QString Lexer::printCodePointAt(int position) const
{
    if (position >= m_length)
        return u"<EOF>"_s;
    char32_t code = m_data[position];
    if (isSupplementaryCodePoint(m_data, m_length, position))
        code = QChar::surrogateToUcs4(m_data[position], m_data[position + 1]);
    if (code >= 0x20 && code <= 0x7E) {
        if (code == u'"')
            return u"'\"'"_s;
        return u'"' + QString(QChar(char16_t(code))) + u'"';
    }
    return u"U+"_s + QString::number(uint(code), 16).toUpper().rightJustified(4, u'0');
}

// §2.1.7 Ignored tokens are skipped here; §2.1.8 punctuators are recognised inline.
Token Lexer::next()
{
    if (m_resumeBlockString) {
        m_resumeBlockString = false;
        if (m_pos < m_length)
            return readBlockString(m_pos, m_pos);
    }

    while (m_pos < m_length) {
        const int position = m_pos;
        const char16_t code = m_data[position];
        TokenKind punctuator = TokenKind::Invalid;
        switch (code) {
        case 0xFEFF: // UnicodeBOM
        case u'\t':  // WhiteSpace
        case u' ':
        case u',': // Comma
            ++m_pos;
            continue;
        case u'\n': // LineTerminator
            ++m_pos;
            ++m_line;
            m_lineStart = m_pos;
            continue;
        case u'\r':
            m_pos += codeAt(position + 1) == u'\n' ? 2 : 1;
            ++m_line;
            m_lineStart = m_pos;
            continue;
        case u'#': // Comment
            if (m_skipComments) {
                skipComment();
                continue;
            } else {
                skipComment();
                Token token = makeToken(TokenKind::Comment, position, m_pos);
                token.value = slice(position + 1, m_pos);
                return token;
            }
        case u'!':
            punctuator = TokenKind::Bang;
            break;
        case u'$':
            punctuator = TokenKind::Dollar;
            break;
        case u'&':
            punctuator = TokenKind::Amp;
            break;
        case u'(':
            punctuator = TokenKind::ParenL;
            break;
        case u')':
            punctuator = TokenKind::ParenR;
            break;
        case u'.':
            if (codeAt(position + 1) == u'.' && codeAt(position + 2) == u'.') {
                m_pos += 3;
                return makeToken(TokenKind::Spread, position, position + 3);
            }
            break;
        case u':':
            punctuator = TokenKind::Colon;
            break;
        case u'=':
            punctuator = TokenKind::Equals;
            break;
        case u'@':
            punctuator = TokenKind::At;
            break;
        case u'[':
            punctuator = TokenKind::BracketL;
            break;
        case u']':
            punctuator = TokenKind::BracketR;
            break;
        case u'{':
            punctuator = TokenKind::BraceL;
            break;
        case u'|':
            punctuator = TokenKind::Pipe;
            break;
        case u'}':
            punctuator = TokenKind::BraceR;
            break;
        case u'"':
            if (codeAt(position + 1) == u'"' && codeAt(position + 2) == u'"')
                return readBlockString(position, position + 3);
            return readString(position);
        default:
            break;
        }
        if (punctuator != TokenKind::Invalid) {
            ++m_pos;
            return makeToken(punctuator, position, position + 1);
        }
        if (isDigit(code) || code == u'-')
            return readNumber(position);
        if (isNameStart(code))
            return readName(position);

        const bool pair = isSupplementaryCodePoint(m_data, m_length, position);
        m_pos = position + (pair ? 2 : 1);
        QString message;
        if (code == u'\'')
            message = u"Unexpected single quote character ('), did you mean to use a double quote (\")?"_s;
        else if (isUnicodeScalarValue(code) || pair)
            message = u"Unexpected character: "_s + printCodePointAt(position) + u'.';
        else
            message = u"Invalid character: "_s + printCodePointAt(position) + u'.';
        return makeInvalid(position, m_pos, position, message);
    }
    return makeToken(TokenKind::EndOfFile, m_length, m_length);
}

// Comment :: # CommentChar* — stops at a LineTerminator or at an unpaired surrogate (then lexed as Invalid).
void Lexer::skipComment()
{
    int position = m_pos + 1;
    while (position < m_length) {
        const char16_t code = m_data[position];
        if (code == u'\n' || code == u'\r')
            break;
        if (isUnicodeScalarValue(code))
            ++position;
        else if (isSupplementaryCodePoint(m_data, m_length, position))
            position += 2;
        else
            break;
    }
    m_pos = position;
}

// IntValue / FloatValue (§2.9.1, §2.9.2): IntegerPart FractionalPart? ExponentPart?,
// [lookahead != {Digit, `.`, NameStart}].
Token Lexer::readNumber(int start)
{
    int position = start;
    int code = codeAt(position);
    bool isFloat = false;
    auto fail = [&](int errorOffset, const QString &message) {
        int end = std::max(errorOffset, start + 1);
        while (end < m_length && (isNameContinue(m_data[end]) || m_data[end] == u'.'))
            ++end;
        m_pos = end;
        return makeInvalid(start, end, errorOffset, message);
    };
    auto expectedDigit = [&](int at) {
        return fail(at, u"Invalid number, expected digit but got: "_s + printCodePointAt(at) + u'.');
    };
    // Reads Digit+; returns false (leaving `position` on the offending character) if there is none.
    auto readDigits = [&]() {
        if (!isDigit(code))
            return false;
        do {
            code = codeAt(++position);
        } while (isDigit(code));
        return true;
    };

    if (code == u'-') // NegativeSign
        code = codeAt(++position);
    if (code == u'0') {
        code = codeAt(++position);
        if (isDigit(code))
            return fail(position, u"Invalid number, unexpected digit after 0: "_s + printCodePointAt(position) + u'.');
    } else if (!readDigits()) {
        return expectedDigit(position);
    }
    if (code == u'.') { // FractionalPart
        isFloat = true;
        code = codeAt(++position);
        if (!readDigits())
            return expectedDigit(position);
    }
    if (code == u'e' || code == u'E') { // ExponentPart
        isFloat = true;
        code = codeAt(++position);
        if (code == u'+' || code == u'-')
            code = codeAt(++position);
        if (!readDigits())
            return expectedDigit(position);
    }
    if (code == u'.' || isNameStart(code))
        return expectedDigit(position);

    m_pos = position;
    Token token = makeToken(isFloat ? TokenKind::Float : TokenKind::Int, start, position);
    token.value = slice(start, position);
    return token;
}

// One escape sequence at `position` (a backslash) inside a StringValue (§2.9.4 EscapedUnicode,
// EscapedCharacter). Appends the decoded text to `value`, or sets `error`; returns the length to skip.
int Lexer::readEscape(int position, QString &value, QString &error) const
{
    const int next = codeAt(position + 1);
    if (next == u'u' && codeAt(position + 2) == u'{') {
        // `\u{` HexDigit+ `}`: at most \u{00000000}, and it must encode a Unicode scalar value.
        int point = 0;
        int size = 3;
        while (size < 12) {
            const int code = codeAt(position + size++);
            if (code == u'}') {
                if (size < 5 || !isUnicodeScalarValue(point))
                    break;
                appendCodePoint(value, char32_t(point));
                return size;
            }
            point = int(quint32(point) << 4) | hexDigitValue(code);
            if (point < 0)
                break;
        }
        error = u"Invalid Unicode escape sequence: \""_s + slice(position, position + size) + u"\"."_s;
        return 2;
    }
    if (next == u'u') {
        // `\u` HexDigit{4}; a leading surrogate must be followed by an escaped trailing one (JSON style).
        const int code = read16BitHexCode(m_data, m_length, position + 2);
        if (isUnicodeScalarValue(code)) {
            appendCodePoint(value, char32_t(code));
            return 6;
        }
        if (isLeadingSurrogate(code) && codeAt(position + 6) == u'\\' && codeAt(position + 7) == u'u') {
            const int trailing = read16BitHexCode(m_data, m_length, position + 8);
            if (isTrailingSurrogate(trailing)) {
                value.append(QChar(char16_t(code)));
                value.append(QChar(char16_t(trailing)));
                return 12;
            }
        }
        error = u"Invalid Unicode escape sequence: \""_s + slice(position, position + 6) + u"\"."_s;
        return 2;
    }
    char16_t decoded = 0;
    switch (next) {
    case u'"':
        decoded = u'"';
        break;
    case u'\\':
        decoded = u'\\';
        break;
    case u'/':
        decoded = u'/';
        break;
    case u'b':
        decoded = u'\b';
        break;
    case u'f':
        decoded = u'\f';
        break;
    case u'n':
        decoded = u'\n';
        break;
    case u'r':
        decoded = u'\r';
        break;
    case u't':
        decoded = u'\t';
        break;
    default:
        error = u"Invalid character escape sequence: \""_s + slice(position, position + 2) + u"\"."_s;
        // Do not swallow a line terminator: the string is unterminated there.
        return next == u'\n' || next == u'\r' || next < 0 ? 1 : 2;
    }
    value.append(QChar(decoded));
    return 2;
}

// StringValue :: `"` StringCharacter* `"` (§2.9.4). On an error the scan continues to the closing quote
// (or the end of the line) so that the whole string becomes one Invalid token with the first error.
Token Lexer::readString(int start)
{
    int position = start + 1;
    int chunkStart = position;
    bool escaped = false;
    QString value;
    QString error;
    int errorOffset = -1;

    while (position < m_length) {
        const char16_t code = m_data[position];
        if (code == u'"') {
            m_pos = position + 1;
            if (!error.isEmpty())
                return makeInvalid(start, m_pos, errorOffset, error);
            Token token = makeToken(TokenKind::String, start, m_pos);
            if (escaped) {
                value.append(QStringView(m_data + chunkStart, position - chunkStart));
                token.value = std::move(value);
            } else {
                token.value = slice(start + 1, position);
            }
            return token;
        }
        if (code == u'\\') {
            if (!escaped)
                value.reserve(position - start + 16);
            escaped = true;
            value.append(QStringView(m_data + chunkStart, position - chunkStart));
            QString escapeError;
            const int escapeStart = position;
            position += readEscape(position, value, escapeError);
            if (!escapeError.isEmpty() && error.isEmpty()) {
                error = escapeError;
                errorOffset = escapeStart;
            }
            chunkStart = position;
            continue;
        }
        if (code == u'\n' || code == u'\r')
            break;
        if (isUnicodeScalarValue(code)) {
            ++position;
        } else if (isSupplementaryCodePoint(m_data, m_length, position)) {
            position += 2;
        } else {
            if (error.isEmpty()) {
                error = u"Invalid character within String: "_s + printCodePointAt(position) + u'.';
                errorOffset = position;
            }
            ++position;
        }
    }
    m_pos = position;
    if (error.isEmpty()) {
        error = u"Unterminated string."_s;
        errorOffset = position;
    }
    return makeInvalid(start, position, errorOffset, error);
}

// Block StringValue :: `"""` BlockStringCharacter* `"""` (§2.9.4). `contentStart` differs from
// `start` + 3 when resuming inside a block string.
Token Lexer::readBlockString(int start, int contentStart)
{
    Token token = makeToken(TokenKind::BlockString, start, start);
    int position = contentStart;
    QString error;
    int errorOffset = -1;

    while (position < m_length) {
        const char16_t code = m_data[position];
        if (code == u'"' && codeAt(position + 1) == u'"' && codeAt(position + 2) == u'"') {
            m_pos = position + 3;
            m_state = LexerState::Normal;
            token.end = m_pos;
            if (!error.isEmpty()) {
                token.kind = TokenKind::Invalid;
                token.error = error;
                token.errorOffset = errorOffset;
                return token;
            }
            token.value = blockStringValue(QStringView(m_data + contentStart, position - contentStart));
            return token;
        }
        if (code == u'\\' && codeAt(position + 1) == u'"' && codeAt(position + 2) == u'"'
            && codeAt(position + 3) == u'"') {
            position += 4;
            continue;
        }
        if (code == u'\n' || code == u'\r') {
            position += code == u'\r' && codeAt(position + 1) == u'\n' ? 2 : 1;
            ++m_line;
            m_lineStart = position;
            continue;
        }
        if (isUnicodeScalarValue(code)) {
            ++position;
        } else if (isSupplementaryCodePoint(m_data, m_length, position)) {
            position += 2;
        } else {
            if (error.isEmpty()) {
                error = u"Invalid character within String: "_s + printCodePointAt(position) + u'.';
                errorOffset = position;
            }
            ++position;
        }
    }
    m_pos = m_length;
    m_state = LexerState::InBlockString;
    token.end = m_length;
    token.value = blockStringValue(QStringView(m_data + contentStart, m_length - contentStart));
    token.error = error.isEmpty() ? u"Unterminated string."_s : error;
    token.errorOffset = error.isEmpty() ? m_length : errorOffset;
    return token;
}

// Name :: NameStart NameContinue* [lookahead != NameContinue] (§2.1.9)
Token Lexer::readName(int start)
{
    int position = start + 1;
    while (position < m_length && isNameContinue(m_data[position]))
        ++position;
    m_pos = position;
    Token token = makeToken(TokenKind::Name, start, position);
    token.value = slice(start, position);
    return token;
}

} // namespace Sextant::Core
