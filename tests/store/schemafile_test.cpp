// SPDX-License-Identifier: MIT
// Sextant: Store::readSchemaFile picks SDL, introspection JSON or gzip by content and names what failed.
#include <core/schema/schema.h>
#include <store/schemafile.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class SchemaFileTest final : public QObject
{
    Q_OBJECT

private slots:
    void readsFixtures_data();
    void readsFixtures();
    void reportsProblems_data();
    void reportsProblems();
    void sameSchemaWhateverTheFormat();
};

void SchemaFileTest::readsFixtures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("queryType");
    QTest::addColumn<QString>("someType");
    const QString fixtures = QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/");
    QTest::newRow("small SDL") << fixtures + u"small/schema.graphql"_s << u"Query"_s << u"Book"_s;
    QTest::newRow("small introspection") << fixtures + u"small/introspection.json"_s << u"Query"_s << u"Book"_s;
    QTest::newRow("dagster introspection") << fixtures + u"dagster/introspection.json"_s << u"Query"_s
                                           << u"RunsFilter"_s;
    QTest::newRow("github gzip introspection") << fixtures + u"github/introspection.json.gz"_s << u"Query"_s
                                               << u"Repository"_s;
}

void SchemaFileTest::readsFixtures()
{
    QFETCH(QString, path);
    QFETCH(QString, queryType);
    QFETCH(QString, someType);
    const Store::SchemaFileResult result = Store::readSchemaFile(path);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.schema->queryTypeName(), queryType);
    QVERIFY2(result.schema->type(someType), qPrintable(someType));
}

void SchemaFileTest::reportsProblems_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("empty") << QByteArray("  \n") << u"the file is empty"_s;
    QTest::newRow("SDL syntax error") << QByteArray("type Query { a: }") << u"Syntax Error"_s;
    QTest::newRow("JSON that is no introspection") << QByteArray("{\"hello\": 1}") << u"__schema"_s;
    QTest::newRow("broken JSON") << QByteArray("{\"data\": ") << u""_s;
    QTest::newRow("broken gzip") << QByteArray("\x1f\x8b\x08garbage", 10) << u"gzip"_s;
}

void SchemaFileTest::reportsProblems()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorContains);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"schema.file"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    const Store::SchemaFileResult result = Store::readSchemaFile(path);
    QVERIFY(!result.isValid());
    QVERIFY2(result.error.startsWith(path + u": "_s), qPrintable(result.error));
    QVERIFY2(result.error.contains(errorContains), qPrintable(result.error));

    const Store::SchemaFileResult missing = Store::readSchemaFile(dir.filePath(u"missing.graphql"_s));
    QVERIFY(!missing.isValid());
    QVERIFY2(missing.error.startsWith(u"cannot read "_s), qPrintable(missing.error));
}

void SchemaFileTest::sameSchemaWhateverTheFormat()
{
    const QString fixtures = QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/");
    const auto sdl = Store::readSchemaFile(fixtures + u"schema.graphql"_s);
    const auto json = Store::readSchemaFile(fixtures + u"introspection.json"_s);
    QVERIFY(sdl.isValid() && json.isValid());
    QCOMPARE(sdl.schema->typeCount(false), json.schema->typeCount(false));
}

QTEST_GUILESS_MAIN(SchemaFileTest)
#include "schemafile_test.moc"
