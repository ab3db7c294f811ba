// SPDX-License-Identifier: MIT
// Sextant: GraphQL lexical character classes (spec §2.1, Appendix B "Lexical Tokens").
#pragma once

namespace Sextant::Core::CharacterClasses {

/**
 * Character predicates on UTF-16 code units, named after the spec productions. They take an int so
 * that "past the end" can be passed as -1 (which matches nothing), as graphql-js does with NaN.
 */

/** WhiteSpace :: Horizontal Tab (U+0009) | Space (U+0020) */
constexpr bool isWhiteSpace(int c)
{
    return c == 0x0009 || c == 0x0020;
}

/** Digit :: one of 0 1 2 3 4 5 6 7 8 9 */
constexpr bool isDigit(int c)
{
    return c >= u'0' && c <= u'9';
}

/** Letter :: one of A-Z a-z */
constexpr bool isLetter(int c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

/** NameStart :: Letter | `_` */
constexpr bool isNameStart(int c)
{
    return isLetter(c) || c == u'_';
}

/** NameContinue :: Letter | Digit | `_` */
constexpr bool isNameContinue(int c)
{
    return isLetter(c) || isDigit(c) || c == u'_';
}

/** HexDigit value (0-15), or -1 when `c` is not a HexDigit. */
constexpr int hexDigitValue(int c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    return -1;
}

/** A Unicode scalar value: any code point except the surrogates (spec §2.1.1 SourceCharacter). */
constexpr bool isUnicodeScalarValue(int c)
{
    return (c >= 0x0000 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0x10FFFF);
}

constexpr bool isLeadingSurrogate(int c)
{
    return c >= 0xD800 && c <= 0xDBFF;
}

constexpr bool isTrailingSurrogate(int c)
{
    return c >= 0xDC00 && c <= 0xDFFF;
}

} // namespace Sextant::Core::CharacterClasses
