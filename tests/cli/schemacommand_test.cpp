// SPDX-License-Identifier: MIT
// Sextant: tests `sextant schema --print-sdl` in-process through runSchemaCommand() with in-memory streams.

#include <cli/schemacommand.h>

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace Sextant::Cli;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &relative)
{
    return QStringLiteral(SEXTANT_FIXTURES_DIR "/") + relative;
}

struct Run
{
    int exitCode = -1;
    QByteArray output;
    QByteArray errors;
};

Run run(const QStringList &arguments)
{
    Run result;
    QBuffer out(&result.output), err(&result.errors);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    result.exitCode = runSchemaCommand(arguments, out, err);
    return result;
}

} // namespace

class SchemaCommandTest final : public QObject
{
    Q_OBJECT

private slots:
    // Both inputs of a fixture print as graphql-js printSchema() did (tests/fixtures/printed/SOURCE.md).
    void printsSdl_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        for (const QString name : {u"small"_s, u"dagster"_s, u"dagger"_s}) {
            QTest::addRow("%s introspection", qPrintable(name))
                << fixture(u"schemas/"_s + name + u"/introspection.json"_s)
                << fixture(u"printed/schemas/"_s + name + u".graphql"_s);
            QTest::addRow("%s sdl", qPrintable(name)) << fixture(u"schemas/"_s + name + u"/schema.graphql"_s)
                                                      << fixture(u"printed/schemas/"_s + name + u".graphql"_s);
        }
    }

    void printsSdl()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFile expectedFile(expected);
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        const Run result = run({u"--print-sdl"_s, file});
        QCOMPARE(result.errors, QByteArray());
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.output, expectedFile.readAll());
    }

    void readsGzipAndWarns()
    {
        const Run fromGzip = run({u"--print-sdl"_s, fixture(u"schemas/github/introspection.json.gz"_s)});
        QCOMPARE(fromGzip.exitCode, 0);
        QVERIFY(fromGzip.output.contains("type EnterpriseOwnerInfo {"));
        const Run fromSdl = run({u"--print-sdl"_s, fixture(u"schemas/github/schema.graphql"_s)});
        QCOMPARE(fromSdl.exitCode, 0);
        QVERIFY(fromSdl.output.contains("type EnterpriseOwnerInfo {"));
        QCOMPARE(
            fromSdl.errors,
            QByteArray(
                "sextant: warning: Field \"EnterpriseOwnerInfo.repositoryDeployKeySetting\" can only be defined once.\n"
                "sextant: warning: Field \"EnterpriseOwnerInfo.repositoryDeployKeySettingOrganizations\" can only be "
                "defined once.\n"));
    }

    void fails_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("errorStart");
        QTest::newRow("no arguments") << QStringList() << 2 << QByteArray("sextant: schema wants --print-sdl FILE\n");
        QTest::newRow("missing file") << QStringList{u"--print-sdl"_s, fixture(u"schemas/nope.graphql"_s)} << 1
                                      << QByteArray("sextant: cannot read ");
        QTest::newRow("not a schema") << QStringList{u"--print-sdl"_s, fixture(u"printed/SOURCE.md"_s)} << 1
                                      << QByteArray("sextant: ");
    }

    void fails()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, errorStart);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.errors.startsWith(errorStart), result.errors.constData());
        QCOMPARE(result.output, QByteArray());
    }
};

QTEST_GUILESS_MAIN(SchemaCommandTest)
#include "schemacommand_test.moc"
