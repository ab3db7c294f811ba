// SPDX-License-Identifier: MIT
// Sextant: the GraphQL lexer (spec §2.1 Source Text, Appendix B.1 Lexical Tokens).
#pragma once

#include <core/language/token.h>

#include <QtCore/QStringView>

namespace Sextant::Core {

/** Where a Lexer starts (and where it ended): outside or inside a `"""` block string. */
enum class LexerState : quint8 {
    Normal,
    InBlockString,
};

/**
 * Splits GraphQL source text into tokens, one next() call at a time. A cheap value type (a view plus a
 * few integers) that any thread may use; the viewed text must outlive it and must not change.
 *
 * Follows spec §2.1 and graphql-js 16 src/language/lexer.ts: the same token boundaries, cooked values
 * and error messages. Ignored tokens (§2.1.7: BOM, WhiteSpace, LineTerminator, Comma) are skipped;
 * Comment tokens are returned unless setSkipComments(true).
 *
 * Bad input never throws: an illegal character, malformed number or malformed string becomes one Invalid
 * token (with `error` and `errorOffset` set, worded like graphql-js) and lexing continues after it. A
 * malformed number swallows the rest of its "word" (`0x1F` is one Invalid token).
 *
 * Resuming (for line-by-line highlighting): construct with the full text, the saved state and the offset to
 * start at, or with a view of just the lines to lex. Started InBlockString, the first token is the rest of
 * the block string up to and including its closing `"""` (a BlockString whose value is BlockStringValue()
 * of that part only). A block string that runs to the end of the view yields a BlockString token with
 * error "Unterminated string." and leaves state() == InBlockString.
 *
 * Locations: `line`/`column` are relative to the start of the given view (line 1, column 1 at offset 0),
 * like graphql-js. With a startOffset, the first constructor counts the lines before it once (linear, fast);
 * the second takes the line number of `startOffset` from the caller (a highlighter knows it) and only looks
 * back to the start of that line.
 */
class Lexer final
{
public:
    explicit Lexer(QStringView source, LexerState initialState = LexerState::Normal, int startOffset = 0);
    Lexer(QStringView source, LexerState initialState, int startOffset, int startLine);

    /** The next token; EndOfFile (repeatedly) once the view is exhausted. */
    Token next();

    /** InBlockString when the view ended inside a `"""` block string (or lexing has not left one yet). */
    LexerState state() const { return m_state; }

    /** Offset where the next call to next() starts scanning. */
    int position() const { return m_pos; }

    /** When true, next() skips Comment tokens without building their value (what a parser wants). */
    void setSkipComments(bool skip) { m_skipComments = skip; }

    QStringView source() const { return QStringView(m_data, m_length); }

private:
    Token makeToken(TokenKind kind, int start, int end) const;
    Token makeInvalid(int start, int end, int errorOffset, const QString &message) const;
    int codeAt(int position) const { return position < m_length ? int(m_data[position]) : -1; }
    QString printCodePointAt(int position) const;
    QString slice(int from, int to) const;
    void skipComment();
    Token readNumber(int start);
    Token readString(int start);
    Token readBlockString(int start, int contentStart);
    Token readName(int start);
    int readEscape(int position, QString &value, QString &error) const;

    const char16_t *m_data = nullptr;
    int m_length = 0;
    int m_pos = 0;
    int m_line = 1;
    int m_lineStart = 0;
    LexerState m_state = LexerState::Normal;
    bool m_resumeBlockString = false;
    bool m_skipComments = false;
};

} // namespace Sextant::Core
