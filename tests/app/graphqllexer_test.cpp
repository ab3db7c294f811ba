// SPDX-License-Identifier: MIT
// Sextant: the editor's highlighting follows the core lexer token for token.
#include <app/editor/graphqllexer.h>
#include <core/language/syntaxclassifier.h>

#include <Qsci/qsciscintilla.h>

#include <QTest>

using namespace Sextant;
using Core::SyntaxRole;

Q_DECLARE_METATYPE(Sextant::Core::SyntaxRole)

class GraphQLLexerTest : public QObject
{
    Q_OBJECT

private slots:
    void styles_data();
    void styles();
    void blockStringSpanningLinesKeepsItsStyle();
    void nonAsciiTextKeepsStylesAligned();
    void classifierSurvivesAnyInput();
};

void GraphQLLexerTest::styles_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("needle"); // styled text to find (first occurrence)
    QTest::addColumn<SyntaxRole>("role");

    const QString op = QStringLiteral(
        "# list runs\n"
        "query Runs($limit: Int = 10, $s: [RunStatus!]) @cached(ttl: 5) {\n"
        "  first: runsOrError(limit: $limit, filter: {statuses: [SUCCESS]}, flag: true) {\n"
        "    ... on Runs { results { runId } }\n"
        "    ...RunFields @include(if: false)\n"
        "  }\n"
        "}\n"
        "fragment RunFields on Run { status price: cost(scale: 1.5e3) note(text: \"hi\") }\n");
    QTest::newRow("comment") << op << QStringLiteral("# list runs") << SyntaxRole::Comment;
    QTest::newRow("query keyword") << op << QStringLiteral("query") << SyntaxRole::Keyword;
    QTest::newRow("operation name") << op << QStringLiteral("Runs(") << SyntaxRole::OperationName;
    QTest::newRow("variable") << op << QStringLiteral("$limit") << SyntaxRole::Variable;
    QTest::newRow("variable type") << op << QStringLiteral("Int") << SyntaxRole::TypeName;
    QTest::newRow("default number") << op << QStringLiteral("10") << SyntaxRole::Number;
    QTest::newRow("list type") << op << QStringLiteral("RunStatus") << SyntaxRole::TypeName;
    QTest::newRow("directive") << op << QStringLiteral("@cached") << SyntaxRole::Directive;
    QTest::newRow("directive argument") << op << QStringLiteral("ttl") << SyntaxRole::ArgumentName;
    QTest::newRow("alias") << op << QStringLiteral("first") << SyntaxRole::FieldName;
    QTest::newRow("field") << op << QStringLiteral("runsOrError") << SyntaxRole::FieldName;
    QTest::newRow("argument") << op << QStringLiteral("filter") << SyntaxRole::ArgumentName;
    QTest::newRow("object field") << op << QStringLiteral("statuses") << SyntaxRole::ArgumentName;
    QTest::newRow("enum value") << op << QStringLiteral("SUCCESS") << SyntaxRole::EnumValue;
    QTest::newRow("boolean") << op << QStringLiteral("true") << SyntaxRole::Keyword;
    QTest::newRow("spread on") << op << QStringLiteral("on Runs") << SyntaxRole::Keyword;
    QTest::newRow("type condition") << op << QStringLiteral("Runs {") << SyntaxRole::TypeName;
    QTest::newRow("fragment spread") << op << QStringLiteral("RunFields @") << SyntaxRole::OperationName;
    QTest::newRow("fragment keyword") << op << QStringLiteral("fragment") << SyntaxRole::Keyword;
    QTest::newRow("fragment type") << op << QStringLiteral("Run {") << SyntaxRole::TypeName;
    QTest::newRow("float") << op << QStringLiteral("1.5e3") << SyntaxRole::Number;
    QTest::newRow("string") << op << QStringLiteral("\"hi\"") << SyntaxRole::String;
    QTest::newRow("punctuation") << op << QStringLiteral("{") << SyntaxRole::Punctuation;

    const QString sdl = QStringLiteral(
        "\"\"\"A book\"\"\"\n"
        "type Book implements Node & Item @key(fields: \"id\") {\n"
        "  \"the title\"\n"
        "  title(locale: Locale = EN): String! @deprecated(reason: \"no\")\n"
        "}\n"
        "union Result = Book | Author\n"
        "directive @key(fields: String!) repeatable on OBJECT | INTERFACE\n");
    QTest::newRow("sdl description") << sdl << QStringLiteral("\"\"\"A book\"\"\"") << SyntaxRole::Description;
    QTest::newRow("sdl type keyword") << sdl << QStringLiteral("type") << SyntaxRole::Keyword;
    QTest::newRow("sdl type name") << sdl << QStringLiteral("Book") << SyntaxRole::TypeName;
    QTest::newRow("sdl implements") << sdl << QStringLiteral("implements") << SyntaxRole::Keyword;
    QTest::newRow("sdl interface") << sdl << QStringLiteral("Item") << SyntaxRole::TypeName;
    QTest::newRow("sdl field description") << sdl << QStringLiteral("\"the title\"") << SyntaxRole::Description;
    QTest::newRow("sdl field") << sdl << QStringLiteral("title(") << SyntaxRole::FieldName;
    QTest::newRow("sdl argument") << sdl << QStringLiteral("locale") << SyntaxRole::ArgumentName;
    QTest::newRow("sdl argument type") << sdl << QStringLiteral("Locale") << SyntaxRole::TypeName;
    QTest::newRow("sdl default enum") << sdl << QStringLiteral("EN") << SyntaxRole::EnumValue;
    QTest::newRow("sdl field type") << sdl << QStringLiteral("String!") << SyntaxRole::TypeName;
    QTest::newRow("sdl union member") << sdl << QStringLiteral("Author") << SyntaxRole::TypeName;
    QTest::newRow("sdl repeatable") << sdl << QStringLiteral("repeatable") << SyntaxRole::Keyword;
    QTest::newRow("sdl location") << sdl << QStringLiteral("INTERFACE") << SyntaxRole::EnumValue;

    QTest::newRow("invalid character") << QStringLiteral("{ a ? }") << QStringLiteral("?") << SyntaxRole::Invalid;
}

void GraphQLLexerTest::styles()
{
    QFETCH(QString, document);
    QFETCH(QString, needle);
    QFETCH(SyntaxRole, role);

    QsciScintilla editor;
    editor.setUtf8(true);
    auto *lexer = new App::GraphQLLexer(&editor);
    editor.setLexer(lexer);
    editor.setText(document);
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);

    const qsizetype at = document.indexOf(needle);
    QVERIFY(at >= 0);
    const int position = int(document.left(at).toUtf8().size());
    QCOMPARE(SyntaxRole(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, position)), role);
}

void GraphQLLexerTest::blockStringSpanningLinesKeepsItsStyle()
{
    const QString document = QStringLiteral("{ f(text: \"\"\"\n  line one\n  { not a brace }\n\"\"\") }\n");
    QsciScintilla editor;
    editor.setUtf8(true);
    editor.setLexer(new App::GraphQLLexer(&editor));
    editor.setText(document);
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    const int inside = int(document.indexOf(u"not a brace"));
    QCOMPARE(SyntaxRole(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, inside)), SyntaxRole::BlockString);
    const int closing = int(document.lastIndexOf(u'}'));
    QCOMPARE(SyntaxRole(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, closing)), SyntaxRole::Punctuation);

    // Typing on a later line restyles from there with the right context.
    editor.append(QStringLiteral("query Next { a }\n"));
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    const QByteArray utf8 = editor.text().toUtf8();
    QCOMPARE(SyntaxRole(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, int(utf8.indexOf("query")))),
             SyntaxRole::Keyword);
}

void GraphQLLexerTest::nonAsciiTextKeepsStylesAligned()
{
    // "é" is 2 bytes and "😀" 4 bytes in UTF-8 but 1 and 2 UTF-16 units: styles must stay on the right bytes.
    const QString document = QStringLiteral("{ a(t: \"é😀\") b }");
    QsciScintilla editor;
    editor.setUtf8(true);
    editor.setLexer(new App::GraphQLLexer(&editor));
    editor.setText(document);
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    const QByteArray utf8 = document.toUtf8();
    QCOMPARE(SyntaxRole(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, int(utf8.indexOf(" b ") + 1))),
             SyntaxRole::FieldName);
    QCOMPARE(SyntaxRole(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, int(utf8.indexOf("\"")))),
             SyntaxRole::String);
}

void GraphQLLexerTest::classifierSurvivesAnyInput()
{
    // Ordered, non-overlapping, in-bounds tokens for garbage, deep nesting and unbalanced brackets.
    QList<QString> inputs = {QString(100000, u'{'), QString(50000, u')') + QString(50000, u'['),
                             QStringLiteral("\"\"\"unterminated\n{ a"), QStringLiteral("type X { a(: ) ] } @ $ ..."),
                             QStringLiteral("query ($a: [[Int!]!]! = [[1]]) { f(x: {y: [{z: $a}]}) }")};
    quint32 seed = 12345;
    for (int n = 0; n < 200; ++n) {
        QString random;
        for (int i = 0; i < 200; ++i) {
            seed = seed * 1664525u + 1013904223u;
            random += QChar(u"{}()[]:=@$!.\"# \nabqueryon1\u00e9|&"[seed % 30]);
        }
        inputs << random;
    }
    for (const QString &input : std::as_const(inputs)) {
        const QList<Core::ClassifiedToken> tokens = Core::classifySyntax(input);
        int previousEnd = 0;
        for (const Core::ClassifiedToken &token : tokens) {
            QVERIFY(token.start >= previousEnd);
            QVERIFY(token.end >= token.start);
            QVERIFY(token.end <= input.size());
            previousEnd = token.end;
        }
    }
}

QTEST_MAIN(GraphQLLexerTest)
#include "graphqllexer_test.moc"
