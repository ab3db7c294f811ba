// SPDX-License-Identifier: MIT
// Sextant: "fill in variables" skeletons against the small fixture schema.
#include <core/completion/variablesskeleton.h>
#include <core/language/parser.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>

#include <QFile>
#include <QTest>

using namespace Sextant::Core;

class VariablesSkeletonTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void skeleton_data();
    void skeleton();

private:
    std::shared_ptr<const Schema> m_schema;
};

void VariablesSkeletonTest::initTestCase()
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/introspection.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_schema = IntrospectionReader::read(file.readAll()).schema;
    QVERIFY(m_schema);
}

void VariablesSkeletonTest::skeleton_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QByteArray>("existing");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("no variables") << QStringLiteral("{ viewer { displayName } }") << QByteArray()
                                  << QByteArray("{}\n");
    QTest::newRow("placeholders by type")
        << QStringLiteral("query Q($s: String!, $i: Int, $f: Float, $b: Boolean!, $id: ID, $fmt: Format!, $l: [ID!]!) "
                          "{ viewer { displayName } }")
        << QByteArray()
        << QByteArray("{\n  \"s\": \"\",\n  \"i\": 0,\n  \"f\": 0.0,\n  \"b\": false,\n  \"id\": \"\",\n"
                      "  \"fmt\": \"HARDCOVER\",\n  \"l\": []\n}\n");
    QTest::newRow("defaults become JSON")
        << QStringLiteral("query Q($n: Int = 10, $fmts: [Format!] = [EBOOK, AUDIOBOOK], $t: String = \"a\\\"b\", "
                          "$o: BookFilter = {titleContains: \"x\", formats: [EBOOK]}) { viewer { displayName } }")
        << QByteArray()
        << QByteArray("{\n  \"n\": 10,\n  \"fmts\": [\"EBOOK\", \"AUDIOBOOK\"],\n  \"t\": \"a\\\"b\",\n"
                      "  \"o\": {\n    \"titleContains\": \"x\",\n    \"formats\": [\"EBOOK\"]\n  }\n}\n");
    QTest::newRow("input objects: required fields, oneOf first field")
        << QStringLiteral("mutation M($in: CheckoutInput!) { __typename }") << QByteArray()
        << QByteArray("{\n  \"in\": {\n    \"item\": {\n      \"id\": \"\"\n    },\n    \"memberId\": \"\"\n  }\n}\n");
    QTest::newRow("typed values are kept, extra keys too")
        << QStringLiteral("query Q($a: Int, $b: String) { viewer { displayName } }")
        << QByteArray("{\"zzz\": [1, 2], \"a\": 12345678901234567890}")
        << QByteArray("{\n  \"a\": 12345678901234567890,\n  \"b\": \"\",\n  \"zzz\": [\n    1,\n    2\n  ]\n}\n");
    QTest::newRow("bad existing JSON is ignored")
        << QStringLiteral("query Q($a: Int) { viewer { displayName } }") << QByteArray("{oops")
        << QByteArray("{\n  \"a\": 0\n}\n");
}

void VariablesSkeletonTest::skeleton()
{
    QFETCH(QString, document);
    QFETCH(QByteArray, existing);
    QFETCH(QByteArray, expected);
    const ParseResult parsed = Parser::parse(document);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.document->operations().size(), 1);
    QCOMPARE(variablesSkeleton(m_schema.get(), *parsed.document->operations().first(), existing), expected);
}

QTEST_MAIN(VariablesSkeletonTest)
#include "variablesskeleton_test.moc"
