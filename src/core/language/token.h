// SPDX-License-Identifier: MIT
// Sextant: lexical tokens of GraphQL source text (spec §2.1 Source Text).
#pragma once

#include <QtCore/QString>

namespace Sextant::Core {

/** Token kinds of spec §2.1.9 (Punctuator), §2.1.9 Name, §2.9 values, plus Comment and Invalid. */
enum class TokenKind : quint8 {
    StartOfFile,
    EndOfFile,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
    Comment,
    Invalid,
};

/**
 * One token produced by Lexer. Plain value type.
 *
 * `start`/`end` are offsets [start, end) into the lexed QString; `line`/`column` are 1-based (UTF-16
 * code units) as described in lexer.h. `value` is the cooked value for Name, Int, Float, String and
 * BlockString (escapes decoded; block strings go through the spec's BlockStringValue()), and the text
 * after '#' for Comment; it is null for punctuators and EndOfFile.
 *
 * `error` holds a graphql-js message without the "Syntax Error: " prefix (e.g. "Unterminated string.")
 * and `errorOffset` the offset graphql-js reports it at. It is set on every Invalid token and on a
 * BlockString token that reaches the end of the lexed view without its closing `"""`.
 */
struct Token
{
    TokenKind kind = TokenKind::Invalid;
    int start = 0;
    int end = 0;
    int line = 0;
    int column = 0;
    QString value;
    QString error;
    int errorOffset = -1;

    bool hasError() const { return !error.isEmpty(); }
    int length() const { return end - start; }
};

/** graphql-js getTokenKindDesc(): punctuators quoted (`"{"`), others by name (`Name`, `<EOF>`). */
QString tokenKindDescription(TokenKind kind);

/** graphql-js getTokenDesc(): the kind description plus the quoted value if any (`Name "foo"`). */
QString tokenDescription(const Token &token);

/** True for the punctuators of spec §2.1.8 (`!` `$` `&` `(` `)` `...` `:` `=` `@` `[` `]` `{` `|` `}`). */
bool isPunctuator(TokenKind kind);

} // namespace Sextant::Core
