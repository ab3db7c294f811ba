// SPDX-License-Identifier: MIT
// Sextant: the fragment definitions of a possibly incomplete document, for completing fragment spreads.
#include <core/completion/documentfragments.h>

#include <core/language/lexer.h>

namespace Sextant::Core {

QList<CompletionFragment> documentFragments(QStringView text)
{
    QList<CompletionFragment> fragments;
    Lexer lexer(text);
    lexer.setSkipComments(true);
    int depth = 0;
    // `fragment Name on Type` at brace depth 0; the window holds the last four tokens at that depth.
    Token window[4];
    int count = 0;
    for (Token token = lexer.next(); token.kind != TokenKind::EndOfFile; token = lexer.next()) {
        if (token.kind == TokenKind::BraceL) {
            ++depth;
            count = 0;
            continue;
        }
        if (token.kind == TokenKind::BraceR) {
            depth = qMax(0, depth - 1);
            count = 0;
            continue;
        }
        if (depth != 0)
            continue;
        window[0] = std::move(window[1]);
        window[1] = std::move(window[2]);
        window[2] = std::move(window[3]);
        window[3] = std::move(token);
        ++count;
        if (count >= 4 && window[0].kind == TokenKind::Name && window[0].value == u"fragment"
            && window[1].kind == TokenKind::Name && window[2].kind == TokenKind::Name && window[2].value == u"on"
            && window[3].kind == TokenKind::Name)
            fragments.append({window[1].value, window[3].value});
    }
    return fragments;
}

} // namespace Sextant::Core
