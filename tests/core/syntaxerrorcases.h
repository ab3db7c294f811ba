// SPDX-License-Identifier: MIT
// Sextant: malformed GraphQL documents with graphql-js's exact syntax errors, for ParserTest.
#pragma once

#include <QtCore/QString>
#include <QtTest/QTest>

/**
 * Rows for ParserTest::syntaxErrors_data(): source, message (without "Syntax Error: "), line, column.
 * Every expected value was produced by graphql-js 16.15.0 parse() on the same source (node, `npm install graphql@16`),
 * so these pin our messages and locations to the reference implementation.
 */
inline void addSyntaxErrorCases()
{
    using namespace Qt::StringLiterals;
    QTest::newRow("unclosed selection set") << u"{"_s << u"Expected Name, found <EOF>."_s << 1 << 2;
    QTest::newRow("extra closing brace") << u"{ a }}"_s << u"Unexpected \"}\"."_s << 1 << 6;
    QTest::newRow("unterminated string") << u"query { a(x: \"abc) }"_s << u"Unterminated string."_s << 1 << 21;
    QTest::newRow("float without fraction digits")
        << u"{ a(x: 1.) }"_s << u"Invalid number, expected digit but got: \")\"."_s << 1 << 10;
    QTest::newRow("hex number") << u"{ a(x: 0x1) }"_s << u"Invalid number, expected digit but got: \"x\"."_s << 1 << 9;
    QTest::newRow("leading zero") << u"{ a(x: 00) }"_s << u"Invalid number, unexpected digit after 0: \"0\"."_s << 1
                                  << 9;
    QTest::newRow("name after int") << u"{ a(x: 1a) }"_s << u"Invalid number, expected digit but got: \"a\"."_s << 1
                                    << 9;
    QTest::newRow("name after digits") << u"{ a(x: 123abc) }"_s << u"Invalid number, expected digit but got: \"a\"."_s
                                       << 1 << 11;
    QTest::newRow("lone minus") << u"{ a(x: -) }"_s << u"Invalid number, expected digit but got: \")\"."_s << 1 << 9;
    QTest::newRow("exponent without digits")
        << u"{ a(x: 1.5e) }"_s << u"Invalid number, expected digit but got: \")\"."_s << 1 << 12;
    QTest::newRow("signed exponent without digits")
        << u"{ a(x: 1e+) }"_s << u"Invalid number, expected digit but got: \")\"."_s << 1 << 11;
    QTest::newRow("two dots") << u"{ a(x: 1.2.3) }"_s << u"Invalid number, expected digit but got: \".\"."_s << 1 << 11;
    QTest::newRow("variable in default value")
        << u"query Foo($a: Int = $b) { a }"_s << u"Unexpected variable \"$b\" in constant value."_s << 1 << 21;
    QTest::newRow("dollar in const value") << u"input I { a: Int = $ }"_s << u"Unexpected \"$\"."_s << 1 << 20;
    QTest::newRow("fragment named on") << u"fragment on on T { a }"_s << u"Unexpected Name \"on\"."_s << 1 << 10;
    QTest::newRow("inline fragment without type") << u"{ ...on }"_s << u"Expected Name, found \"}\"."_s << 1 << 9;
    QTest::newRow("variable without type") << u"query Q($a) { a }"_s << u"Expected \":\", found \")\"."_s << 1 << 11;
    QTest::newRow("directive without name") << u"{ a @ }"_s << u"Expected Name, found \"}\"."_s << 1 << 7;
    QTest::newRow("description on shorthand query")
        << u"\"desc\" { a }"_s << u"Unexpected description, descriptions are not supported on shorthand queries."_s << 1
        << 1;
    QTest::newRow("description on extension")
        << u"\"desc\" extend type A @x"_s << u"Unexpected description, only GraphQL definitions support descriptions."_s
        << 1 << 1;
    QTest::newRow("directive extension") << u"extend directive @foo on FIELD"_s << u"Unexpected Name \"directive\"."_s
                                         << 1 << 8;
    QTest::newRow("empty type extension") << u"extend type A"_s << u"Unexpected <EOF>."_s << 1 << 14;
    QTest::newRow("empty schema extension") << u"extend schema"_s << u"Unexpected <EOF>."_s << 1 << 14;
    QTest::newRow("reserved enum value") << u"enum E { true }"_s
                                         << u"Name \"true\" is reserved and cannot be used for an enum value."_s << 1
                                         << 10;
    QTest::newRow("unknown directive location") << u"directive @d on FOO"_s << u"Unexpected Name \"FOO\"."_s << 1 << 17;
    QTest::newRow("directive without on")
        << u"directive @d(a: Int) repeatable FIELD"_s << u"Expected \"on\", found Name \"FIELD\"."_s << 1 << 33;
    QTest::newRow("bad operation type") << u"schema { foo: Bar }"_s << u"Unexpected Name \"foo\"."_s << 1 << 10;
    QTest::newRow("unclosed list type") << u"type T { a: [Int }"_s << u"Expected \"]\", found \"}\"."_s << 1 << 18;
    QTest::newRow("single quote")
        << u"{ a(x: 'single') }"_s
        << u"Unexpected single quote character ('), did you mean to use a double quote (\")?"_s << 1 << 8;
    QTest::newRow("bad escape") << u"{ a(x: \"\\x\") }"_s << u"Invalid character escape sequence: \"\\x\"."_s << 1 << 9;
    QTest::newRow("code point too large")
        << u"{ a(x: \"\\u{110000}\") }"_s << u"Invalid Unicode escape sequence: \"\\u{110000}\"."_s << 1 << 9;
    QTest::newRow("empty braced escape") << u"{ a(x: \"\\u{}\") }"_s << u"Invalid Unicode escape sequence: \"\\u{}\"."_s
                                         << 1 << 9;
    QTest::newRow("lone surrogate escape")
        << u"{ a(x: \"\\uD800\") }"_s << u"Invalid Unicode escape sequence: \"\\uD800\"."_s << 1 << 9;
    QTest::newRow("surrogate escape followed by non-trailing")
        << u"{ a(x: \"\\uD800\\u0041\") }"_s << u"Invalid Unicode escape sequence: \"\\uD800\"."_s << 1 << 9;
    QTest::newRow("short unicode escape")
        << u"{ a(x: \"\\u12\") }"_s << u"Invalid Unicode escape sequence: \"\\u12\")\"."_s << 1 << 9;
    QTest::newRow("unterminated block string")
        << u"\"\"\"unterminated\n  block"_s << u"Unterminated string."_s << 2 << 8;
    QTest::newRow("unexpected character") << u"{ a ? }"_s << u"Unexpected character: \"?\"."_s << 1 << 5;
    QTest::newRow("NUL character") << u"{ a \0 }"_s << u"Unexpected character: U+0000."_s << 1 << 5;
    QTest::newRow("lone surrogate in source") << u"{ a }\xD800"_s << u"Invalid character: U+D800."_s << 1 << 6;
    QTest::newRow("lone trailing surrogate in string")
        << u"{ a(x: \"\xDC00\") }"_s << u"Invalid character within String: U+DC00."_s << 1 << 9;
    QTest::newRow("lone surrogate in block string")
        << u"\"\"\"a\xD800\"\"\""_s << u"Invalid character within String: U+D800."_s << 1 << 5;
    QTest::newRow("empty document") << u""_s << u"Unexpected <EOF>."_s << 1 << 1;
    QTest::newRow("only a comment") << u"   # only a comment\n"_s << u"Unexpected <EOF>."_s << 2 << 1;
    QTest::newRow("operation keyword only") << u"query"_s << u"Expected \"{\", found <EOF>."_s << 1 << 6;
    QTest::newRow("operation without selection set") << u"mutation M"_s << u"Expected \"{\", found <EOF>."_s << 1 << 11;
    QTest::newRow("argument without value") << u"{ a(b: ) }"_s << u"Unexpected \")\"."_s << 1 << 8;
    QTest::newRow("variable without name") << u"{ a(b: $) }"_s << u"Expected Name, found \")\"."_s << 1 << 9;
    QTest::newRow("double bang") << u"query ($a: Int!!) { a }"_s << u"Expected \"$\", found \"!\"."_s << 1 << 16;
    QTest::newRow("alias without field") << u"{ a: }"_s << u"Expected Name, found \"}\"."_s << 1 << 6;
    QTest::newRow("two aliases") << u"{ a: b: c }"_s << u"Expected Name, found \":\"."_s << 1 << 7;
    QTest::newRow("two dots") << u".."_s << u"Unexpected character: \".\"."_s << 1 << 1;
    QTest::newRow("unclosed arguments on line 3")
        << u"query Q {\n  a\n  b(x: 1\n}"_s << u"Expected Name, found \"}\"."_s << 4 << 1;
    QTest::newRow("implements ends with &")
        << u"type T implements A & { a: Int }"_s << u"Expected Name, found \"{\"."_s << 1 << 23;
    QTest::newRow("union without members") << u"union U = "_s << u"Expected Name, found <EOF>."_s << 1 << 11;
    QTest::newRow("scalar without name") << u"scalar"_s << u"Expected Name, found <EOF>."_s << 1 << 7;
    QTest::newRow("second operation unfinished") << u"{ a } query"_s << u"Expected \"{\", found <EOF>."_s << 1 << 12;
    QTest::newRow("fragment without selection set")
        << u"fragment F on T"_s << u"Expected \"{\", found <EOF>."_s << 1 << 16;
    QTest::newRow("unclosed list value") << u"subscription S { a(x: [1, 2) }"_s << u"Unexpected \")\"."_s << 1 << 28;
    QTest::newRow("object field without value")
        << u"{ f(a: {b: 1, c}) }"_s << u"Expected \":\", found \"}\"."_s << 1 << 16;
    QTest::newRow("UTF-16 columns after an emoji")
        << u"{ a(x: \"\U0001F600\") b ? }"_s << u"Unexpected character: \"?\"."_s << 1 << 16;
    QTest::newRow("CRLF line endings") << u"{\r\n  a\r\n  ?\r\n}"_s << u"Unexpected character: \"?\"."_s << 3 << 3;
    QTest::newRow("CR line endings") << u"{\r  a\r  ?\r}"_s << u"Unexpected character: \"?\"."_s << 3 << 3;
    QTest::newRow("line break inside a string") << u"{ a(x: \"abc\nd\") }"_s << u"Unterminated string."_s << 1 << 12;
    QTest::newRow("backslash before line break")
        << u"{ a(x: \"abc\\\nd\") }"_s << u"Invalid character escape sequence: \"\\\n\"."_s << 1 << 12;
    QTest::newRow("unclosed list in variable type")
        << u"query Q($v: [Int = 1) { a }"_s << u"Expected \"]\", found \"=\"."_s << 1 << 18;
    QTest::newRow("variable in const object") << u"{ a(x: {b: $c}) }\nquery Q($d: Int = {e: $f}) { a }"_s
                                              << u"Unexpected variable \"$f\" in constant value."_s << 2 << 23;
    QTest::newRow("empty fields definition")
        << u"type T { a(b: Int = 1 c: String): Int }\ntype U { }"_s << u"Expected Name, found \"}\"."_s << 2 << 10;
    QTest::newRow("implements without type")
        << u"interface I implements { a: Int }"_s << u"Expected Name, found \"{\"."_s << 1 << 24;
    QTest::newRow("input field without type") << u"input I { a }"_s << u"Expected \":\", found \"}\"."_s << 1 << 13;
    QTest::newRow("null enum value") << u"enum E { A B C D null }"_s
                                     << u"Name \"null\" is reserved and cannot be used for an enum value."_s << 1 << 18;
    QTest::newRow("closing brace after operation") << u"{ a } }"_s << u"Unexpected \"}\"."_s << 1 << 7;
    QTest::newRow("second directive without name")
        << u"query Q @dir(a: 1) @ { a }"_s << u"Expected Name, found \"{\"."_s << 1 << 22;
    QTest::newRow("unclosed directive arguments")
        << u"fragment F on T @skip(if: $x) { ...G ...on U { b } ... @include(if: true) { c } ...H @d( }"_s
        << u"Expected Name, found \"}\"."_s << 1 << 90;
    QTest::newRow("string after empty string")
        << u"{ a(x: \"\"\"block\"\"\" y: \"\"\n\"\") }"_s << u"Expected Name, found String \"\"."_s << 2 << 1;
    QTest::newRow("description at end") << u"query Q($a: Int) { a }\n\"\"\"desc\"\"\"\n"_s << u"Unexpected <EOF>."_s
                                        << 3 << 1;
    QTest::newRow("scalar extension without directives")
        << u"{ __typename } extend scalar S"_s << u"Unexpected <EOF>."_s << 1 << 31;
    QTest::newRow("BOM and commas") << u"\uFEFF{ a }, , { b"_s << u"Expected Name, found <EOF>."_s << 1 << 14;
    QTest::newRow("descriptions on variables then bad spread")
        << u"query (\"desc\" $a: Int, \"other\" $b: Int) { a }\n{ ... @x }"_s << u"Expected \"{\", found \"}\"."_s << 2
        << 10;
}
