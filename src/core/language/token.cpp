// SPDX-License-Identifier: MIT
// Sextant: token kind descriptions worded like graphql-js 16.
#include "token.h"

using namespace Qt::StringLiterals;

namespace Sextant::Core {

bool isPunctuator(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Bang:
    case TokenKind::Dollar:
    case TokenKind::Amp:
    case TokenKind::ParenL:
    case TokenKind::ParenR:
    case TokenKind::Spread:
    case TokenKind::Colon:
    case TokenKind::Equals:
    case TokenKind::At:
    case TokenKind::BracketL:
    case TokenKind::BracketR:
    case TokenKind::BraceL:
    case TokenKind::Pipe:
    case TokenKind::BraceR:
        return true;
    default:
        return false;
    }
}

QString tokenKindDescription(TokenKind kind)
{
    switch (kind) {
    case TokenKind::StartOfFile:
        return u"<SOF>"_s;
    case TokenKind::EndOfFile:
        return u"<EOF>"_s;
    case TokenKind::Bang:
        return u"\"!\""_s;
    case TokenKind::Dollar:
        return u"\"$\""_s;
    case TokenKind::Amp:
        return u"\"&\""_s;
    case TokenKind::ParenL:
        return u"\"(\""_s;
    case TokenKind::ParenR:
        return u"\")\""_s;
    case TokenKind::Spread:
        return u"\"...\""_s;
    case TokenKind::Colon:
        return u"\":\""_s;
    case TokenKind::Equals:
        return u"\"=\""_s;
    case TokenKind::At:
        return u"\"@\""_s;
    case TokenKind::BracketL:
        return u"\"[\""_s;
    case TokenKind::BracketR:
        return u"\"]\""_s;
    case TokenKind::BraceL:
        return u"\"{\""_s;
    case TokenKind::Pipe:
        return u"\"|\""_s;
    case TokenKind::BraceR:
        return u"\"}\""_s;
    case TokenKind::Name:
        return u"Name"_s;
    case TokenKind::Int:
        return u"Int"_s;
    case TokenKind::Float:
        return u"Float"_s;
    case TokenKind::String:
        return u"String"_s;
    case TokenKind::BlockString:
        return u"BlockString"_s;
    case TokenKind::Comment:
        return u"Comment"_s;
    case TokenKind::Invalid:
        break;
    }
    return u"<Invalid>"_s;
}

QString tokenDescription(const Token &token)
{
    switch (token.kind) {
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::BlockString:
    case TokenKind::Comment:
        return tokenKindDescription(token.kind) + u" \""_s + token.value + u'"';
    default:
        return tokenKindDescription(token.kind);
    }
}

} // namespace Sextant::Core
