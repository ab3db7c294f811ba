// SPDX-License-Identifier: MIT
// Sextant: tests printSchema() against graphql-js printSchema() output (tests/fixtures/printed/schemas).

#include <core/schema/introspectionreader.h>
#include <core/schema/schemaprinter.h>
#include <core/schema/sdlschemabuilder.h>

#include <QFile>
#include <QTest>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFixture(const QString &relative)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/") + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class SchemaPrinterTest final : public QObject
{
    Q_OBJECT

private slots:
    void matchesGraphqlJs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("small") << u"small"_s;
        QTest::newRow("dagster") << u"dagster"_s;
        QTest::newRow("dagger") << u"dagger"_s;
    }

    // printSchema(buildClientSchema(introspection)) by graphql-js 16.15.0, see printed/SOURCE.md.
    void matchesGraphqlJs()
    {
        QFETCH(QString, name);
        const QString expected = QString::fromUtf8(readFixture(u"printed/schemas/"_s + name + u".graphql"_s));
        QVERIFY(!expected.isEmpty());
        const IntrospectionReadResult read =
            IntrospectionReader::read(readFixture(u"schemas/"_s + name + u"/introspection.json"_s));
        QVERIFY2(read.isValid(), qPrintable(read.error));
        QCOMPARE(printSchema(*read.schema) + u'\n', expected);
    }

    // The introspection fixtures were made from the SDL, so the SDL-built schema prints the same.
    void printsSdlBuiltSchema_data() { matchesGraphqlJs_data(); }

    void printsSdlBuiltSchema()
    {
        QFETCH(QString, name);
        const QString expected = QString::fromUtf8(readFixture(u"printed/schemas/"_s + name + u".graphql"_s));
        const SdlBuildResult built =
            buildSchemaFromSdl(QString::fromUtf8(readFixture(u"schemas/"_s + name + u"/schema.graphql"_s)));
        QVERIFY2(built.isValid(), qPrintable(built.error));
        QCOMPARE(printSchema(*built.schema) + u'\n', expected);
    }

    void printsSmallSchemas_data()
    {
        QTest::addColumn<QString>("sdl");
        QTest::addColumn<QString>("printed");
        QTest::newRow("default root names: no schema block")
            << u"type Query { a: Int }"_s << u"type Query {\n  a: Int\n}"_s;
        QTest::newRow("custom root name") << u"schema { query: Root } type Root { a: Int }"_s
                                          << u"schema {\n  query: Root\n}\n\ntype Root {\n  a: Int\n}"_s;
        QTest::newRow("descriptions and deprecation")
            << u"\"\"\"Q\"\"\" type Query { \"one\" a(\"x\" x: Int = 1, y: String): Int @deprecated b: Int @deprecated(reason: \"no\") }"_s
            << u"\"\"\"Q\"\"\"\ntype Query {\n  \"\"\"one\"\"\"\n  a(\n    \"\"\"x\"\"\"\n    x: Int = 1\n    y: String\n  ): Int @deprecated\n  b: Int @deprecated(reason: \"no\")\n}"_s;
        QTest::newRow("directive, oneOf, specifiedBy")
            << u"directive @d(a: Int) repeatable on FIELD | QUERY scalar S @specifiedBy(url: \"u\") input I @oneOf { a: S } type Query { f(i: I): Int }"_s
            << u"directive @d(a: Int) repeatable on FIELD | QUERY\n\nscalar S @specifiedBy(url: \"u\")\n\ninput I @oneOf {\n  a: S\n}\n\ntype Query {\n  f(i: I): Int\n}"_s;
        QTest::newRow("description not printable as block string")
            << u"type Query { \"  indented\\n  too\" a: Int }"_s
            << u"type Query {\n  \"  indented\\n  too\"\n  a: Int\n}"_s;
    }

    void printsSmallSchemas()
    {
        QFETCH(QString, sdl);
        QFETCH(QString, printed);
        const SdlBuildResult built = buildSchemaFromSdl(sdl);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        QCOMPARE(printSchema(*built.schema), printed);
    }
};

QTEST_GUILESS_MAIN(SchemaPrinterTest)
#include "schemaprinter_test.moc"
