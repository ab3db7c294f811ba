// SPDX-License-Identifier: MIT
// Sextant: tests printDocument() against graphql-js print() output (tests/fixtures/printed/queries), comments, minify.

#include <core/language/lexer.h>
#include <core/language/printer.h>

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList commentsOf(const QString &source)
{
    QStringList comments;
    Lexer lexer(source);
    for (Token token = lexer.next(); token.kind != TokenKind::EndOfFile; token = lexer.next()) {
        if (token.kind == TokenKind::Comment)
            comments << token.value;
    }
    return comments;
}

} // namespace

class PrinterTest final : public QObject
{
    Q_OBJECT

private slots:
    void matchesGraphqlJs_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        const QString root = QStringLiteral(SEXTANT_FIXTURES_DIR "/printed/queries");
        QDirIterator it(root, {u"*.graphql"_s}, QDir::Files, QDirIterator::Subdirectories);
        int rows = 0;
        while (it.hasNext()) {
            const QString expectedPath = it.next();
            const QString relative = expectedPath.mid(root.size() + 1);
            QTest::newRow(qPrintable(relative))
                << readText(QStringLiteral(SEXTANT_FIXTURES_DIR "/queries/") + relative) << readText(expectedPath);
            ++rows;
        }
        QVERIFY(rows >= 70);
    }

    // Every query fixture: without comments our output is graphql-js print(); with comments, the same once the
    // comments are dropped (minify first). The output is idempotent and keeps every comment.
    void matchesGraphqlJs()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QVERIFY(!source.isEmpty());
        QString error;
        const QString pretty = printDocument(source, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString minified = printDocument(source, {2, true}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(printDocument(minified) + u'\n', expected);
        const QStringList comments = commentsOf(source);
        if (comments.isEmpty())
            QCOMPARE(pretty + u'\n', expected);
        QCOMPARE(commentsOf(pretty), comments);
        QCOMPARE(printDocument(pretty), pretty);
        QVERIFY(minified.size() <= source.size());
        QCOMPARE(printDocument(minified, {2, true}), minified);
    }

    // A comment at the end of every line of every fixture survives, in order, and the result is stable.
    void keepsEveryComment_data() { matchesGraphqlJs_data(); }

    void keepsEveryComment()
    {
        QFETCH(QString, source);
        if (source.contains(u"\"\"\""_s))
            QSKIP("block strings would turn the inserted text into string content");
        QString commented;
        int count = 0;
        for (const QChar c : source) {
            if (c == u'\n')
                commented += u" # c"_s + QString::number(count++);
            commented += c;
        }
        const QString pretty = printDocument(commented);
        QVERIFY(!pretty.isEmpty());
        QCOMPARE(commentsOf(pretty), commentsOf(commented));
        QCOMPARE(printDocument(pretty), pretty);
        QCOMPARE(printDocument(pretty, {2, true}), printDocument(printDocument(source), {2, true}));
    }

    // Type-system documents: print(parse(sdl)) by graphql-js (printed/sdl/, see printed/SOURCE.md).
    void printsSdlLikeGraphqlJs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("small") << u"small"_s;
        QTest::newRow("dagster") << u"dagster"_s;
        QTest::newRow("dagger") << u"dagger"_s;
    }

    void printsSdlLikeGraphqlJs()
    {
        QFETCH(QString, name);
        const QString source = readText(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/schema.graphql"_s);
        const QString expected = readText(QStringLiteral(SEXTANT_FIXTURES_DIR "/printed/sdl/") + name + u".graphql"_s);
        QVERIFY(!source.isEmpty() && !expected.isEmpty());
        const QString pretty = printDocument(source);
        QCOMPARE(pretty + u'\n', expected);
        QCOMPARE(printDocument(pretty), pretty);
        QCOMPARE(printDocument(printDocument(source, {2, true})), pretty);
    }

    void keepsComments_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("header and trailing")
            << u"# header\nquery Q { a # after a\n b }"_s << u"# header\nquery Q {\n  a # after a\n  b\n}"_s;
        QTest::newRow("before a selection and at block end")
            << u"{\n  # about a\n  a { x\n  # last\n  }\n}"_s << u"{\n  # about a\n  a {\n    x\n    # last\n  }\n}"_s;
        QTest::newRow("inside arguments moves to the next line item")
            << u"{ a(x: 1 # one\n y: 2) b }"_s << u"{\n  a(x: 1, y: 2)\n  # one\n  b\n}"_s;
        QTest::newRow("end of document") << u"{ a }\n# bye\n# now"_s << u"{\n  a\n}\n# bye\n# now"_s;
        QTest::newRow("after closing brace") << u"{ a } # done\n{ b }"_s << u"{\n  a\n} # done\n\n{\n  b\n}"_s;
        QTest::newRow("type system") << u"# t\ntype T { # in\n f: Int # f\n}\nenum E { A # a\n B }"_s
                                     << u"# t\ntype T {\n  # in\n  f: Int # f\n}\n\nenum E {\n  A # a\n  B\n}"_s;
    }

    void keepsComments()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        const QString printed = printDocument(source);
        QCOMPARE(printed, expected);
        QCOMPARE(printDocument(printed), printed);
    }

    void minifies_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("names") << u"query Q($a: Int = 1) { a(x: $a) @skip(if: false) { ... on T { b } ...F } }"_s
                               << u"query Q($a:Int=1){a(x:$a)@skip(if:false){...on T{b}...F}}"_s;
        QTest::newRow("comments and commas") << u"# c\n{ a, b # d\n c }"_s << u"{a b c}"_s;
        QTest::newRow("values") << u"{ a(l: [1, 2.5, \"s\", \"t\", true, null, E], o: {k: \"\"\"  block\"\"\"}) }"_s
                                << u"{a(l:[1 2.5 \"s\" \"t\" true null E]o:{k:\"\"\"  block\"\"\"})}"_s;
    }

    void minifies()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(printDocument(source, {2, true}), expected);
        // Same document: pretty printing the minified text gives the pretty text minus comments.
        if (commentsOf(source).isEmpty())
            QCOMPARE(printDocument(expected), printDocument(source));
        QVERIFY(commentsOf(expected).isEmpty());
    }

    void indentOption() { QCOMPARE(printDocument(u"{ a { b } }"_s, {4, false}), u"{\n    a {\n        b\n    }\n}"_s); }

    void reportsSyntaxErrors()
    {
        QString error;
        QCOMPARE(printDocument(u"{ a"_s, {}, &error), QString());
        QCOMPARE(error, u"Syntax Error: Expected Name, found <EOF>. (1:4)"_s);
        QCOMPARE(printDocument(u"{ a"_s, {2, true}, &error), QString());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(PrinterTest)
#include "printer_test.moc"
