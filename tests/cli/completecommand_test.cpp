// SPDX-License-Identifier: MIT
// Sextant: tests `sextant complete` in-process through runCompleteCommand() with in-memory streams.

#include <cli/completecommand.h>

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Sextant::Cli;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const char *path)
{
    return QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + QString::fromUtf8(path);
}

struct Run
{
    int exitCode = -1;
    QByteArray output;
    QByteArray errors;
};

Run run(const QStringList &arguments, QByteArray input)
{
    QBuffer in(&input);
    Run result;
    QBuffer out(&result.output);
    QBuffer err(&result.errors);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) || !err.open(QIODevice::WriteOnly))
        return result;
    result.exitCode = runCompleteCommand(arguments, in, out, err);
    return result;
}

} // namespace

class CompleteCommandTest final : public QObject
{
    Q_OBJECT

private slots:
    void completes_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("firstKind");
        QTest::addColumn<QString>("firstDetail");

        QTest::newRow("introspection json")
            << fixture("small/introspection.json") << QByteArray("query {\n  viewer {\n    dis\n  }\n}\n") << 3 << 8
            << QStringList{u"displayName"_s} << u"Field"_s << u"String!"_s;
        QTest::newRow("sdl") << fixture("small/schema.graphql") << QByteArray("{ search(") << 1 << 10
                             << QStringList{u"text"_s, u"limit"_s} << u"Argument"_s << u"String!"_s;
        QTest::newRow("gzip introspection")
            << fixture("github/introspection.json.gz") << QByteArray("{ repository(owner: \"a\", name: \"b\") { isArch")
            << 1 << 45 << QStringList{u"isArchived"_s} << u"Field"_s << u"Boolean!"_s;
        QTest::newRow("CRLF lines") << fixture("small/introspection.json")
                                    << QByteArray("{\r\n  books(orderBy: {direction: D\r\n") << 2 << 31
                                    << QStringList{u"DESC"_s} << u"EnumValue"_s << u"SortDirection"_s;
        QTest::newRow("column past the end of the line")
            << fixture("small/introspection.json") << QByteArray("{ viewer @\n}") << 1 << 99
            << QStringList{u"highlight"_s, u"include"_s, u"skip"_s} << u"Directive"_s << QString();
    }

    void completes()
    {
        QFETCH(QString, schema);
        QFETCH(QByteArray, document);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QStringList, labels);
        QFETCH(QString, firstKind);
        QFETCH(QString, firstDetail);
        const Run result =
            run({u"--schema"_s, schema, u"--line"_s, QString::number(line), u"--column"_s, QString::number(column)},
                document);
        QCOMPARE(result.errors, QByteArray());
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.output.endsWith('\n'));
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(result.output, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(json.isArray());
        const QJsonArray items = json.array();
        QStringList actual;
        for (const QJsonValue &item : items) {
            QCOMPARE(item.toObject().keys(), QStringList({u"detail"_s, u"kind"_s, u"label"_s}));
            actual.append(item.toObject().value("label"_L1).toString());
        }
        QCOMPARE(actual, labels);
        if (!firstKind.isEmpty())
            QCOMPARE(items.first().toObject().value("kind"_L1).toString(), firstKind);
        if (!firstDetail.isEmpty())
            QCOMPARE(items.first().toObject().value("detail"_L1).toString(), firstDetail);
    }

    void columnInUtf16Units()
    {
        // `🚀` is two UTF-16 units: column 10 is after `{ node`, not after `{ nodes` as code points would have it.
        const QByteArray document("\"\xf0\x9f\x9a\x80\" { nodes");
        const QString schema = fixture("small/introspection.json");
        const Run result = run({u"--schema"_s, schema, u"--line"_s, u"1"_s, u"--column"_s, u"10"_s}, document);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.output, QByteArray("[{\"label\":\"node\",\"kind\":\"Field\",\"detail\":\"Node\"},"
                                           "{\"label\":\"nodes\",\"kind\":\"Field\",\"detail\":\"[Node]!\"}]\n"));
        // Right after the closing quote of a string nothing is completed.
        const Run afterString = run({u"--schema"_s, schema, u"--line"_s, u"1"_s, u"--column"_s, u"5"_s}, document);
        QCOMPARE(afterString.exitCode, 0);
        QCOMPARE(afterString.output, QByteArray("[]\n"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("errorStart");
        QTest::newRow("no arguments") << QStringList() << QByteArray("sextant: --schema, --line and --column");
        QTest::newRow("bad line") << QStringList{u"--schema"_s, fixture("small/introspection.json"),
                                                 u"--line"_s,   u"0"_s,
                                                 u"--column"_s, u"1"_s}
                                  << QByteArray("sextant: --line wants a number from 1");
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s, u"1"_s}
                                        << QByteArray("sextant: unknown complete option \"--frobnicate\"");
        QTest::newRow("missing schema file")
            << QStringList{u"--schema"_s, u"/nonexistent/schema.json"_s, u"--line"_s, u"1"_s, u"--column"_s, u"1"_s}
            << QByteArray("sextant: cannot read /nonexistent/schema.json");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, errorStart);
        const Run result = run(arguments, "{ a }");
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.output, QByteArray());
        QVERIFY2(result.errors.startsWith(errorStart), result.errors.constData());
    }
};

QTEST_GUILESS_MAIN(CompleteCommandTest)
#include "completecommand_test.moc"
