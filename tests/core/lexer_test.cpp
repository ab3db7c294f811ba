// SPDX-License-Identifier: MIT
// Sextant: tests for the GraphQL lexer (spec §2.1, graphql-js 16 lexer.ts behaviour).
#include <core/language/blockstring.h>
#include <core/language/lexer.h>
#include <core/language/sourcelocation.h>

#include <QtCore/QStringList>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Core;

namespace {

QString kindName(TokenKind kind)
{
    static const char *const names[] = {"StartOfFile", "EndOfFile", "Bang",        "Dollar",  "Amp",    "ParenL",
                                        "ParenR",      "Spread",    "Colon",       "Equals",  "At",     "BracketL",
                                        "BracketR",    "BraceL",    "Pipe",        "BraceR",  "Name",   "Int",
                                        "Float",       "String",    "BlockString", "Comment", "Invalid"};
    return QString::fromLatin1(names[int(kind)]);
}

// "Kind" or "Kind(value)" per token, space separated, up to (excluding) EndOfFile.
QString describeAll(QStringView source)
{
    Lexer lexer(source);
    QStringList parts;
    for (int guard = 0; guard < 10000; ++guard) {
        const Token token = lexer.next();
        if (token.kind == TokenKind::EndOfFile)
            break;
        QString part = kindName(token.kind);
        if (token.kind == TokenKind::Name || token.kind == TokenKind::Int || token.kind == TokenKind::Float
            || token.kind == TokenKind::Comment)
            part += u'(' + token.value + u')';
        parts.append(part);
    }
    return parts.join(u' ');
}

QList<Token> lexAll(Lexer &lexer)
{
    QList<Token> tokens;
    for (int guard = 0; guard < 10000; ++guard) {
        Token token = lexer.next();
        if (token.kind == TokenKind::EndOfFile)
            break;
        tokens.append(std::move(token));
    }
    return tokens;
}

} // namespace

namespace Sextant::Core {
char *toString(const SourceLocation &location)
{
    const QByteArray text = QByteArray::number(location.line) + ':' + QByteArray::number(location.column) + " @"
                            + QByteArray::number(location.offset);
    return qstrdup(text.constData());
}
} // namespace Sextant::Core

class LexerTest final : public QObject
{
    Q_OBJECT

private slots:
    void tokens_data();
    void tokens();
    void stringValues_data();
    void stringValues();
    void errors_data();
    void errors();
    void locations_data();
    void locations();
    void tokenDescriptions();
    void endOfFileRepeats();
    void startOffsetCountsLines();
    void resumeBlockStringLineByLine_data();
    void resumeBlockStringLineByLine();
    void resumeInsideBlockStringFromOffset();
    void locationAtMatchesGraphqlJs();
};

void LexerTest::tokens_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    QTest::newRow("bang") << u"!"_s << u"Bang"_s;
    QTest::newRow("dollar") << u"$"_s << u"Dollar"_s;
    QTest::newRow("amp") << u"&"_s << u"Amp"_s;
    QTest::newRow("parens") << u"()"_s << u"ParenL ParenR"_s;
    QTest::newRow("spread") << u"..."_s << u"Spread"_s;
    QTest::newRow("colon equals at") << u":=@"_s << u"Colon Equals At"_s;
    QTest::newRow("brackets") << u"[]"_s << u"BracketL BracketR"_s;
    QTest::newRow("braces pipe") << u"{|}"_s << u"BraceL Pipe BraceR"_s;
    QTest::newRow("spread then name") << u"...Frag"_s << u"Spread Name(Frag)"_s;
    QTest::newRow("names") << u"foo _bar9 Baz_Qux __typename"_s
                           << u"Name(foo) Name(_bar9) Name(Baz_Qux) Name(__typename)"_s;
    QTest::newRow("ints") << u"0 -0 123 -45 9007199254740993"_s
                          << u"Int(0) Int(-0) Int(123) Int(-45) Int(9007199254740993)"_s;
    QTest::newRow("floats") << u"1.5 -0.25 0.0 3.14159"_s << u"Float(1.5) Float(-0.25) Float(0.0) Float(3.14159)"_s;
    QTest::newRow("exponents") << u"1e10 1E-3 6.02e+23 -2.5E2 0e0"_s
                               << u"Float(1e10) Float(1E-3) Float(6.02e+23) Float(-2.5E2) Float(0e0)"_s;
    QTest::newRow("number then punctuator") << u"1)2]3}"_s << u"Int(1) ParenR Int(2) BracketR Int(3) BraceR"_s;
    QTest::newRow("ignored tokens") << u"\uFEFF a ,, b\t\r\n c\r d\n,e"_s
                                    << u"Name(a) Name(b) Name(c) Name(d) Name(e)"_s;
    QTest::newRow("comments") << u"# hi\nfoo #tail"_s << u"Comment( hi) Name(foo) Comment(tail)"_s;
    QTest::newRow("comment with CRLF") << u"#a\r\n#b\rx"_s << u"Comment(a) Comment(b) Name(x)"_s;
    QTest::newRow("comment with emoji") << u"#\U0001F600!"_s << u"Comment(\U0001F600!)"_s;
    QTest::newRow("strings") << u"\"a\" \"\"\"b\"\"\""_s << u"String BlockString"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("whitespace only") << u" \t,\n"_s << QString();
    QTest::newRow("query") << u"query Q($id: ID! = 1) @dir { a: b(x: [1.5, \"s\"]) ...F ... on T { c } }"_s
                           << u"Name(query) Name(Q) ParenL Dollar Name(id) Colon Name(ID) Bang Equals Int(1) ParenR At "
                              "Name(dir) BraceL Name(a) Colon Name(b) ParenL Name(x) Colon BracketL Float(1.5) String "
                              "BracketR ParenR Spread Name(F) Spread Name(on) Name(T) BraceL Name(c) BraceR BraceR"_s;
    QTest::newRow("sdl")
        << u"type A implements B & C { f: [Int!]! } union U = | X | Y"_s
        << u"Name(type) Name(A) Name(implements) Name(B) Amp Name(C) BraceL Name(f) Colon BracketL "
           "Name(Int) Bang BracketR Bang BraceR Name(union) Name(U) Equals Pipe Name(X) Pipe Name(Y)"_s;
}

void LexerTest::tokens()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(describeAll(source), expected);
}

void LexerTest::stringValues_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("block");

    QTest::newRow("simple") << u"\"simple\""_s << u"simple"_s << false;
    QTest::newRow("empty") << u"\"\""_s << QString() << false;
    QTest::newRow("whitespace kept") << u"\" white space \""_s << u" white space "_s << false;
    QTest::newRow("quote") << u"\"quote \\\"\""_s << u"quote \""_s << false;
    QTest::newRow("escaped characters") << u"\"\\\\ \\/ \\b \\f \\n \\r \\t\""_s << u"\\ / \b \f \n \r \t"_s << false;
    QTest::newRow("fixed unicode") << u"\"\\u0041\\u00e9\\u00E9\""_s << u"A\u00e9\u00e9"_s << false;
    QTest::newRow("braced unicode") << u"\"\\u{41}\\u{1F600}\""_s << u"A\U0001F600"_s << false;
    QTest::newRow("braced with leading zeros") << u"\"\\u{00000041}\""_s << u"A"_s << false;
    QTest::newRow("surrogate pair escape") << u"\"\\uD83D\\uDE00\""_s << u"\U0001F600"_s << false;
    QTest::newRow("raw unicode") << u"\"\U0001F600 \u00e9\u4e2d\""_s << u"\U0001F600 \u00e9\u4e2d"_s << false;
    QTest::newRow("escape between text") << u"\"a\\nb\\tc\""_s << u"a\nb\tc"_s << false;

    QTest::newRow("block simple") << u"\"\"\"simple\"\"\""_s << u"simple"_s << true;
    QTest::newRow("block dedent (spec example)")
        << u"\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\""_s
        << u"Hello,\n  World!\n\nYours,\n  GraphQL."_s << true;
    QTest::newRow("block first line not dedented")
        << u"\"\"\"  first\n    second\n   third\"\"\""_s << u"  first\n second\nthird"_s << true;
    QTest::newRow("block escaped triple quote") << u"\"\"\"a \\\"\"\" b\"\"\""_s << u"a \"\"\" b"_s << true;
    QTest::newRow("block escapes are raw") << u"\"\"\"\\n \\u0041 \\\"\"\"\"\"\""_s << u"\\n \\u0041 \"\"\""_s << true;
    QTest::newRow("block blank only") << u"\"\"\"   \n \t \n\"\"\""_s << QString() << true;
    QTest::newRow("block empty") << u"\"\"\"\"\"\""_s << QString() << true;
    QTest::newRow("block line terminators") << u"\"\"\"a\r\n  b\r  c\nd\"\"\""_s << u"a\n  b\n  c\nd"_s << true;
    QTest::newRow("block tabs") << u"\"\"\"\n\t\ta\n\t\t  b\n\"\"\""_s << u"a\n  b"_s << true;
    QTest::newRow("block keeps inner blank lines") << u"\"\"\"\n  a\n\n  b\n   \n\"\"\""_s << u"a\n\nb"_s << true;
    QTest::newRow("block quotes inside") << u"\"\"\"say \"hi\" and \"\"\\\"\"\"\"\"\""_s
                                         << u"say \"hi\" and \"\"\"\"\""_s << true;
}

void LexerTest::stringValues()
{
    QFETCH(QString, source);
    QFETCH(QString, value);
    QFETCH(bool, block);
    Lexer lexer(source);
    const Token token = lexer.next();
    QCOMPARE(token.kind, block ? TokenKind::BlockString : TokenKind::String);
    QVERIFY2(!token.hasError(), qPrintable(token.error));
    QCOMPARE(token.value, value);
    QCOMPARE(token.start, 0);
    QCOMPARE(token.end, int(source.size()));
    QCOMPARE(lexer.next().kind, TokenKind::EndOfFile);
    QCOMPARE(lexer.state(), LexerState::Normal);
}

void LexerTest::errors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("errorOffset");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<QString>("rest"); // tokens after the Invalid one: lexing continues

    QTest::newRow("unterminated string") << u"\"abc"_s << u"Unterminated string."_s << 4 << 0 << 4 << QString();
    QTest::newRow("string ends at line break")
        << u"\"abc\nfoo"_s << u"Unterminated string."_s << 4 << 0 << 4 << u"Name(foo)"_s;
    QTest::newRow("invalid character") << u"a ? b"_s << u"Unexpected character: \"?\"."_s << 2 << 2 << 3
                                       << u"Name(b)"_s;
    QTest::newRow("single dot") << u". a"_s << u"Unexpected character: \".\"."_s << 0 << 0 << 1 << u"Name(a)"_s;
    QTest::newRow("single quote")
        << u"'x'"_s << u"Unexpected single quote character ('), did you mean to use a double quote (\")?"_s << 0 << 0
        << 1 << u"Name(x) Invalid"_s;
    QTest::newRow("control character") << u"\u0007"_s << u"Unexpected character: U+0007."_s << 0 << 0 << 1 << QString();
    QTest::newRow("non-ASCII") << u"\u00e9"_s << u"Unexpected character: U+00E9."_s << 0 << 0 << 1 << QString();
    QTest::newRow("emoji") << u"\U0001F600 x"_s << u"Unexpected character: U+1F600."_s << 0 << 0 << 2 << u"Name(x)"_s;
    QTest::newRow("lone surrogate") << u"\xD800 x"_s << u"Invalid character: U+D800."_s << 0 << 0 << 1 << u"Name(x)"_s;
    QTest::newRow("1.") << u"1.}"_s << u"Invalid number, expected digit but got: \"}\"."_s << 2 << 0 << 2
                        << u"BraceR"_s;
    QTest::newRow("1. at end") << u"1."_s << u"Invalid number, expected digit but got: <EOF>."_s << 2 << 0 << 2
                               << QString();
    QTest::newRow("0x1") << u"0x1F }"_s << u"Invalid number, expected digit but got: \"x\"."_s << 1 << 0 << 4
                         << u"BraceR"_s;
    QTest::newRow("00") << u"00 a"_s << u"Invalid number, unexpected digit after 0: \"0\"."_s << 1 << 0 << 2
                        << u"Name(a)"_s;
    QTest::newRow("-01") << u"-01"_s << u"Invalid number, unexpected digit after 0: \"1\"."_s << 2 << 0 << 3
                         << QString();
    QTest::newRow("lone minus") << u"- 1"_s << u"Invalid number, expected digit but got: \" \"."_s << 1 << 0 << 1
                                << u"Int(1)"_s;
    QTest::newRow("1.5.6") << u"1.5.6"_s << u"Invalid number, expected digit but got: \".\"."_s << 3 << 0 << 5
                           << QString();
    QTest::newRow("123abc") << u"123abc,x"_s << u"Invalid number, expected digit but got: \"a\"."_s << 3 << 0 << 6
                            << u"Name(x)"_s;
    QTest::newRow("1e") << u"1e)"_s << u"Invalid number, expected digit but got: \")\"."_s << 2 << 0 << 2
                        << u"ParenR"_s;
    QTest::newRow("1e+") << u"1e+"_s << u"Invalid number, expected digit but got: <EOF>."_s << 3 << 0 << 3 << QString();
    QTest::newRow("bad escape") << u"\"\\q\" a"_s << u"Invalid character escape sequence: \"\\q\"."_s << 1 << 0 << 4
                                << u"Name(a)"_s;
    QTest::newRow("braced escape too large")
        << u"\"\\u{110000}\""_s << u"Invalid Unicode escape sequence: \"\\u{110000}\"."_s << 1 << 0 << 12 << QString();
    QTest::newRow("braced escape empty") << u"\"\\u{}\""_s << u"Invalid Unicode escape sequence: \"\\u{}\"."_s << 1 << 0
                                         << 6 << QString();
    QTest::newRow("braced escape too long")
        << u"\"\\u{000000041}\""_s << u"Invalid Unicode escape sequence: \"\\u{000000041\"."_s << 1 << 0 << 15
        << QString();
    QTest::newRow("braced surrogate") << u"\"\\u{D800}\""_s << u"Invalid Unicode escape sequence: \"\\u{D800}\"."_s << 1
                                      << 0 << 10 << QString();
    QTest::newRow("short escape") << u"\"\\u12\""_s << u"Invalid Unicode escape sequence: \"\\u12\"\"."_s << 1 << 0 << 6
                                  << QString();
    QTest::newRow("lone surrogate escape")
        << u"\"\\uD800x\""_s << u"Invalid Unicode escape sequence: \"\\uD800\"."_s << 1 << 0 << 9 << QString();
    QTest::newRow("reversed surrogate escapes")
        << u"\"\\uDE00\\uD83D\""_s << u"Invalid Unicode escape sequence: \"\\uDE00\"."_s << 1 << 0 << 14 << QString();
    QTest::newRow("lone surrogate in string")
        << u"\"a\xDC00\""_s << u"Invalid character within String: U+DC00."_s << 2 << 0 << 4 << QString();
    QTest::newRow("lone surrogate in block string")
        << u"\"\"\"a\xD800\"\"\""_s << u"Invalid character within String: U+D800."_s << 4 << 0 << 8 << QString();
    QTest::newRow("first error wins") << u"\"\\q\\u{}\""_s << u"Invalid character escape sequence: \"\\q\"."_s << 1 << 0
                                      << 8 << QString();
}

void LexerTest::errors()
{
    QFETCH(QString, source);
    QFETCH(QString, error);
    QFETCH(int, errorOffset);
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(QString, rest);

    Lexer lexer(source);
    Token token = lexer.next();
    while (token.kind != TokenKind::Invalid && token.kind != TokenKind::EndOfFile)
        token = lexer.next();
    QCOMPARE(token.kind, TokenKind::Invalid);
    QCOMPARE(token.error, error);
    QCOMPARE(token.errorOffset, errorOffset);
    QCOMPARE(token.start, start);
    QCOMPARE(token.end, end);
    QVERIFY(token.value.isNull());
    QCOMPARE(describeAll(QStringView(source).mid(end)), rest);
}

void LexerTest::locations_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected"); // line:column of each token

    QTest::newRow("one line") << u"{ a b }"_s << u"1:1 1:3 1:5 1:7"_s;
    QTest::newRow("LF") << u"{\n  a\n}"_s << u"1:1 2:3 3:1"_s;
    QTest::newRow("CRLF") << u"{\r\n  a\r\n}"_s << u"1:1 2:3 3:1"_s;
    QTest::newRow("CR") << u"{\r  a\r}"_s << u"1:1 2:3 3:1"_s;
    QTest::newRow("UTF-16 columns") << u"a \"\U0001F600\" b"_s << u"1:1 1:3 1:8"_s;
    QTest::newRow("BOM counts as a column") << u"\uFEFFa"_s << u"1:2"_s;
    QTest::newRow("after a block string") << u"\"\"\"a\r\nbc\n\"\"\" d\ne"_s << u"1:1 3:5 4:1"_s;
    QTest::newRow("comments") << u"#x\n  #y\n z"_s << u"1:1 2:3 3:2"_s;
}

void LexerTest::locations()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    Lexer lexer(source);
    QStringList actual;
    for (const Token &token : lexAll(lexer)) {
        actual.append(QString::number(token.line) + u':' + QString::number(token.column));
        const SourceLocation location = locationAt(source, token.start);
        QCOMPARE(location.line, token.line);
        QCOMPARE(location.column, token.column);
    }
    QCOMPARE(actual.join(u' '), expected);
}

void LexerTest::tokenDescriptions()
{
    const QString source = u"foo { 12 1.5 \"s\" \"\"\"b\"\"\" #c"_s;
    Lexer lexer(source);
    QStringList descriptions;
    for (const Token &token : lexAll(lexer))
        descriptions.append(tokenDescription(token));
    QCOMPARE(descriptions, QStringList({u"Name \"foo\""_s, u"\"{\""_s, u"Int \"12\""_s, u"Float \"1.5\""_s,
                                        u"String \"s\""_s, u"BlockString \"b\""_s, u"Comment \"c\""_s}));
    Token eof;
    eof.kind = TokenKind::EndOfFile;
    QCOMPARE(tokenDescription(eof), u"<EOF>"_s);
    QCOMPARE(tokenKindDescription(TokenKind::Spread), u"\"...\""_s);
    QCOMPARE(tokenKindDescription(TokenKind::Name), u"Name"_s);
    QCOMPARE(tokenKindDescription(TokenKind::StartOfFile), u"<SOF>"_s);
}

void LexerTest::endOfFileRepeats()
{
    const QString source = u"a "_s;
    Lexer lexer(source);
    QCOMPARE(lexer.next().kind, TokenKind::Name);
    for (int i = 0; i < 3; ++i) {
        const Token eof = lexer.next();
        QCOMPARE(eof.kind, TokenKind::EndOfFile);
        QCOMPARE(eof.start, 2);
        QCOMPARE(eof.end, 2);
        QCOMPARE(eof.column, 3);
    }
}

void LexerTest::startOffsetCountsLines()
{
    const QString source = u"a\r\nb\n  c d\re"_s;
    Lexer full(source);
    const QList<Token> all = lexAll(full);
    QCOMPARE(all.size(), 5);
    for (const Token &expected : all) {
        // Both constructors give the same tokens as lexing from the start.
        Lexer counted(source, LexerState::Normal, expected.start);
        Lexer told(source, LexerState::Normal, expected.start, expected.line);
        for (Lexer *lexer : {&counted, &told}) {
            const Token token = lexer->next();
            QCOMPARE(token.start, expected.start);
            QCOMPARE(token.line, expected.line);
            QCOMPARE(token.column, expected.column);
            QCOMPARE(token.value, expected.value);
        }
    }
}

void LexerTest::resumeBlockStringLineByLine_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("description") << u"type A {\n  \"\"\"\n  Multi-line\n    description\n  \"\"\"\n  f: Int\n}\n"_s;
    QTest::newRow("escaped quotes across lines") << u"x \"\"\"a\n\\\"\"\"\nb\"\"\" y\n# c\nz"_s;
    QTest::newRow("CRLF") << u"\"\"\"\r\n  one\r\n  two\r\n\"\"\" q {\r\n}"_s;
    QTest::newRow("two block strings") << u"\"\"\"a\nb\"\"\" \"\"\"c\n\nd\"\"\"\n"_s;
    QTest::newRow("unterminated") << u"{ a(x: \"\"\"never\n  closed\n"_s;
}

// A highlighter lexes one line at a time, starting each line with the state saved at the end of the previous
// one. Merging the BlockString pieces must give back exactly the tokens of lexing the text at once.
void LexerTest::resumeBlockStringLineByLine()
{
    QFETCH(QString, source);

    Lexer whole(source);
    const QList<Token> expected = lexAll(whole);
    const LexerState expectedEndState = whole.state();

    QList<Token> merged;
    LexerState state = LexerState::Normal;
    int lineStart = 0;
    int lineNumber = 1;
    while (lineStart < source.size()) {
        int lineEnd = lineStart;
        while (lineEnd < source.size() && source[lineEnd] != u'\n' && source[lineEnd] != u'\r')
            ++lineEnd;
        if (lineEnd < source.size())
            lineEnd +=
                (source[lineEnd] == u'\r' && lineEnd + 1 < source.size() && source[lineEnd + 1] == u'\n') ? 2 : 1;
        const bool startedInside = state == LexerState::InBlockString;
        Lexer lexer(QStringView(source).mid(lineStart, lineEnd - lineStart), state, 0, lineNumber);
        const QList<Token> lineTokens = lexAll(lexer);
        for (qsizetype i = 0; i < lineTokens.size(); ++i) {
            Token token = lineTokens[i];
            token.start += lineStart;
            token.end += lineStart;
            if (token.errorOffset >= 0)
                token.errorOffset += lineStart;
            if (i == 0 && startedInside) {
                QCOMPARE(token.kind, TokenKind::BlockString);
                QVERIFY(!merged.isEmpty());
                QCOMPARE(merged.last().kind, TokenKind::BlockString);
                QCOMPARE(merged.last().end, token.start);
                merged.last().end = token.end;
                merged.last().error = token.error;
                merged.last().errorOffset = token.errorOffset;
                continue;
            }
            merged.append(token);
        }
        state = lexer.state();
        lineStart = lineEnd;
        ++lineNumber;
    }
    QCOMPARE(state, expectedEndState);

    QCOMPARE(merged.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(merged[i].kind, expected[i].kind);
        QCOMPARE(merged[i].start, expected[i].start);
        QCOMPARE(merged[i].end, expected[i].end);
        QCOMPARE(merged[i].line, expected[i].line);
        QCOMPARE(merged[i].column, expected[i].column);
        QCOMPARE(merged[i].error, expected[i].error);
        if (expected[i].kind != TokenKind::BlockString)
            QCOMPARE(merged[i].value, expected[i].value);
    }
}

void LexerTest::resumeInsideBlockStringFromOffset()
{
    const QString source = u"\"\"\"\n  first\n    second\n  \"\"\" after"_s;
    const int secondLine = int(source.indexOf(u"  first"));
    Lexer lexer(source, LexerState::InBlockString, secondLine);
    QCOMPARE(lexer.state(), LexerState::InBlockString);
    const Token rest = lexer.next();
    QCOMPARE(rest.kind, TokenKind::BlockString);
    QVERIFY(!rest.hasError());
    QCOMPARE(rest.start, secondLine);
    QCOMPARE(rest.end, int(source.indexOf(u" after")));
    QCOMPARE(rest.line, 2);
    QCOMPARE(rest.column, 1);
    // The value of a resumed piece is BlockStringValue() of that piece only.
    QCOMPARE(rest.value, blockStringValue(u"  first\n    second\n  "));
    QCOMPARE(rest.value, u"  first\nsecond"_s);
    QCOMPARE(lexer.state(), LexerState::Normal);
    const Token after = lexer.next();
    QCOMPARE(after.value, u"after"_s);
    QCOMPARE(after.line, 4);
    QCOMPARE(after.column, 7);

    // Unterminated: the piece runs to the end and the state stays InBlockString.
    const QString inside = u"  still inside\n"_s;
    Lexer open(inside, LexerState::InBlockString);
    const Token piece = open.next();
    QCOMPARE(piece.kind, TokenKind::BlockString);
    QCOMPARE(piece.error, u"Unterminated string."_s);
    QCOMPARE(piece.end, 15);
    QCOMPARE(open.state(), LexerState::InBlockString);
    QCOMPARE(open.next().kind, TokenKind::EndOfFile);
    QCOMPARE(open.state(), LexerState::InBlockString);

    // An empty line inside a block string yields no token and keeps the state.
    Lexer empty(QStringView(), LexerState::InBlockString);
    QCOMPARE(empty.next().kind, TokenKind::EndOfFile);
    QCOMPARE(empty.state(), LexerState::InBlockString);
}

void LexerTest::locationAtMatchesGraphqlJs()
{
    const QString source = u"ab\r\ncd\ref\ngh"_s;
    QCOMPARE(locationAt(source, 0), (SourceLocation{1, 1, 0}));
    QCOMPARE(locationAt(source, 2), (SourceLocation{1, 3, 2}));
    QCOMPARE(locationAt(source, 4), (SourceLocation{2, 1, 4}));
    QCOMPARE(locationAt(source, 7), (SourceLocation{3, 1, 7}));
    QCOMPARE(locationAt(source, 10), (SourceLocation{4, 1, 10}));
    QCOMPARE(locationAt(source, 12), (SourceLocation{4, 3, 12}));
    QCOMPARE(locationAt(source, 99), (SourceLocation{4, 3, 12})); // clamped
    QVERIFY(!SourceLocation().isValid());
    QVERIFY(locationAt(source, 5).isValid());
}

QTEST_GUILESS_MAIN(LexerTest)
#include "lexer_test.moc"
