// SPDX-License-Identifier: MIT
// Sextant: tests coerceVariableValues() against graphql-js getVariableValues() messages (small schema).

#include <core/language/parser.h>
#include <core/schema/sdlschemabuilder.h>
#include <core/validation/variablecoercion.h>

#include <QFile>
#include <QTest>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

class VariableCoercionTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/schema.graphql"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const SdlBuildResult built = buildSchemaFromSdl(QString::fromUtf8(file.readAll()));
        QVERIFY2(built.isValid(), qPrintable(built.error));
        m_schema = built.schema;
    }

    // Expected messages: graphql-js 16.15.0 getVariableValues(buildSchema(small SDL), ...) for the same inputs.
    void matchesGraphqlJs_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QByteArray>("variables");
        QTest::addColumn<QStringList>("messages");
        QTest::newRow("required missing")
            << u"query Q($id: ID!) { node(id: $id) { id } }"_s << QByteArray("{}")
            << QStringList{u"Variable \"$id\" of required type \"ID!\" was not provided."_s};
        QTest::newRow("default fills in")
            << u"query Q($id: ID! = \"1\") { node(id: $id) { id } }"_s << QByteArray("{}") << QStringList{};
        QTest::newRow("non-null null") << u"query Q($id: ID!) { node(id: $id) { id } }"_s
                                       << QByteArray("{\"id\": null}")
                                       << QStringList{u"Variable \"$id\" of non-null type \"ID!\" must not be null."_s};
        QTest::newRow("ID number ok") << u"query Q($id: ID!) { node(id: $id) { id } }"_s << QByteArray("{\"id\": 7}")
                                      << QStringList{};
        QTest::newRow("ID float") << u"query Q($id: ID!) { node(id: $id) { id } }"_s << QByteArray("{\"id\": 7.5}")
                                  << QStringList{
                                         u"Variable \"$id\" got invalid value 7.5; ID cannot represent value: 7.5"_s};
        QTest::newRow("list single value") << u"query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }"_s
                                           << QByteArray("{\"ids\": \"a\"}") << QStringList{};
        QTest::newRow("list item null")
            << u"query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }"_s << QByteArray("{\"ids\": [\"a\", null, true]}")
            << QStringList{
                   u"Variable \"$ids\" got invalid value null at \"ids[1]\"; Expected non-nullable type \"ID!\" not to be null."_s,
                   u"Variable \"$ids\" got invalid value true at \"ids[2]\"; ID cannot represent value: true"_s};
        QTest::newRow("nested list")
            << u"query Q($rows: [[Int!]!]!) { matrix(rows: $rows) }"_s
            << QByteArray("{\"rows\": [[1, 2], 3, [4.5, \"x\", 3000000000]]}")
            << QStringList{
                   u"Variable \"$rows\" got invalid value 4.5 at \"rows[2][0]\"; Int cannot represent non-integer value: 4.5"_s,
                   u"Variable \"$rows\" got invalid value \"x\" at \"rows[2][1]\"; Int cannot represent non-integer value: \"x\""_s,
                   u"Variable \"$rows\" got invalid value 3000000000 at \"rows[2][2]\"; Int cannot represent non 32-bit signed integer value: 3000000000"_s};
        QTest::newRow("oneOf two keys")
            << u"query Q($ref: ItemRef!) { book(ref: $ref) { id } }"_s
            << QByteArray("{\"ref\": {\"id\": \"1\", \"isbn\": \"x\"}}")
            << QStringList{
                   u"Variable \"$ref\" got invalid value { id: \"1\", isbn: \"x\" }; Exactly one key must be specified for OneOf type \"ItemRef\"."_s};
        QTest::newRow("oneOf none")
            << u"query Q($ref: ItemRef!) { book(ref: $ref) { id } }"_s << QByteArray("{\"ref\": {}}")
            << QStringList{
                   u"Variable \"$ref\" got invalid value {}; Exactly one key must be specified for OneOf type \"ItemRef\"."_s};
        QTest::newRow("oneOf null")
            << u"query Q($ref: ItemRef!) { book(ref: $ref) { id } }"_s << QByteArray("{\"ref\": {\"isbn\": null}}")
            << QStringList{
                   u"Variable \"$ref\" got invalid value null at \"ref.isbn\"; Field \"isbn\" must be non-null."_s};
        QTest::newRow("oneOf ok") << u"query Q($ref: ItemRef!) { book(ref: $ref) { id } }"_s
                                  << QByteArray("{\"ref\": {\"barcode\": {\"any\": [1]}}}") << QStringList{};
        QTest::newRow("enum unknown")
            << u"query Q($f: BookFilter) { books(filter: $f) { id } }"_s
            << QByteArray("{\"f\": {\"genres\": [\"FICTON\"], \"formats\": \"EBOOK\"}}")
            << QStringList{
                   u"Variable \"$f\" got invalid value \"FICTON\" at \"f.genres[0]\"; Value \"FICTON\" does not exist in \"Genre\" enum. Did you mean the enum value \"FICTION\"?"_s};
        QTest::newRow("enum non-string")
            << u"query Q($f: BookFilter) { books(filter: $f) { id } }"_s << QByteArray("{\"f\": {\"genres\": [1]}}")
            << QStringList{
                   u"Variable \"$f\" got invalid value 1 at \"f.genres[0]\"; Enum \"Genre\" cannot represent non-string value: 1."_s};
        QTest::newRow("unknown field")
            << u"query Q($f: BookFilter) { books(filter: $f) { id } }"_s
            << QByteArray("{\"f\": {\"titleContain\": \"x\", \"zzz\": 1, \"and\": [{\"tags\": [[\"a\"], [null]]}]}}")
            << QStringList{
                   u"Variable \"$f\" got invalid value null at \"f.and[0].tags[1][0]\"; Expected non-nullable type \"String!\" not to be null."_s,
                   u"Variable \"$f\" got invalid value { titleContain: \"x\", zzz: 1, and: [[Object]] }; Field \"titleContain\" is not defined by type \"BookFilter\". Did you mean \"titleContains\"?"_s,
                   u"Variable \"$f\" got invalid value { titleContain: \"x\", zzz: 1, and: [[Object]] }; Field \"zzz\" is not defined by type \"BookFilter\"."_s};
        QTest::newRow("not an object")
            << u"query Q($o: [BookOrder!]) { books(orderBy: $o) { id } }"_s
            << QByteArray("{\"o\": [{\"direction\": \"ASC\"}, \"TITLE\"]}")
            << QStringList{
                   u"Variable \"$o\" got invalid value { direction: \"ASC\" } at \"o[0]\"; Field \"field\" of required type \"BookField!\" was not provided."_s,
                   u"Variable \"$o\" got invalid value \"TITLE\" at \"o[1]\"; Expected type \"BookOrder\" to be an object."_s};
        QTest::newRow("required field")
            << u"mutation M($i: CheckoutInput!) { checkout(input: $i) { __typename } }"_s
            << QByteArray("{\"i\": {\"item\": {\"id\": 1}, \"days\": \"2\", \"express\": 1}}")
            << QStringList{
                   u"Variable \"$i\" got invalid value { item: { id: 1 }, days: \"2\", express: 1 }; Field \"memberId\" of required type \"ID!\" was not provided."_s,
                   u"Variable \"$i\" got invalid value \"2\" at \"i.days\"; Int cannot represent non-integer value: \"2\""_s,
                   u"Variable \"$i\" got invalid value 1 at \"i.express\"; Boolean cannot represent a non boolean value: 1"_s};
        QTest::newRow("strings and inspect")
            << u"mutation M($i: NewBookInput!) { addBook(input: $i) { id } }"_s
            << QByteArray("{\"i\": {\"title\": {\"a\": {\"b\": {\"c\": 1}}, \"d\": [1,2,3,4,5,6,7,8,9,10,11,12]}, "
                          "\"authorIds\": [], \"pages\": [[\"x\\n\\\"y\"]]}}")
            << QStringList{
                   u"Variable \"$i\" got invalid value { a: { b: [Object] }, d: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items] } at \"i.title\"; String cannot represent a non string value: { a: { b: [Object] }, d: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items] }"_s};
        QTest::newRow("not input type")
            << u"query Q($b: Book, $x: Missing) { viewer { id } }"_s << QByteArray("{\"b\": 1}")
            << QStringList{
                   u"Variable \"$b\" expected value of type \"Book\" which cannot be used as an input type."_s,
                   u"Variable \"$x\" expected value of type \"Missing\" which cannot be used as an input type."_s};
        QTest::newRow("boolean and float")
            << u"query Q($p: Boolean, $f: Int) { books(first: $f) { id } }"_s
            << QByteArray("{\"p\": \"yes\", \"f\": 1.5}")
            << QStringList{
                   u"Variable \"$p\" got invalid value \"yes\"; Boolean cannot represent a non boolean value: \"yes\""_s,
                   u"Variable \"$f\" got invalid value 1.5; Int cannot represent non-integer value: 1.5"_s};
    }

    void matchesGraphqlJs()
    {
        QFETCH(QString, document);
        QFETCH(QByteArray, variables);
        QFETCH(QStringList, messages);
        const ParseResult parsed = Parser::parse(document);
        QVERIFY(parsed.isValid());
        const Ast::OperationDefinition *operation = parsed.document->operations().first();
        QStringList actual;
        for (const VariableError &error : coerceVariableValues(*m_schema, *operation, variables))
            actual << error.message;
        QCOMPARE(actual, messages);
    }

    void reportsPathAndLocation()
    {
        const ParseResult parsed = Parser::parse(u"query Q(\n  $f: BookFilter) { books(filter: $f) { id } }"_s);
        QVERIFY(parsed.isValid());
        const QList<VariableError> errors = coerceVariableValues(*m_schema, *parsed.document->operations().first(),
                                                                 R"({"f": {"and": [{"genres": [2]}]}})");
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().path, (QVariantList{u"f"_s, u"and"_s, 0, u"genres"_s, 0}));
        QCOMPARE(errors.first().location.line, 2);
        QCOMPARE(errors.first().location.column, 3);
    }

    void handlesBadVariablesObject_data()
    {
        QTest::addColumn<QByteArray>("variables");
        QTest::addColumn<QString>("messageStart");
        QTest::newRow("empty means none") << QByteArray() << u"Variable \"$id\" of required type"_s;
        QTest::newRow("null means none") << QByteArray("null") << u"Variable \"$id\" of required type"_s;
        QTest::newRow("not json") << QByteArray("{\"id\": ") << u"Variables are not valid JSON: "_s;
        QTest::newRow("array") << QByteArray("[1]") << u"Variables must be provided as an Object"_s;
    }

    void handlesBadVariablesObject()
    {
        QFETCH(QByteArray, variables);
        QFETCH(QString, messageStart);
        const ParseResult parsed = Parser::parse(u"query Q($id: ID!) { node(id: $id) { id } }"_s);
        const QList<VariableError> errors =
            coerceVariableValues(*m_schema, *parsed.document->operations().first(), variables);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().message.startsWith(messageStart), qPrintable(errors.first().message));
    }

private:
    std::shared_ptr<const Schema> m_schema;
};

QTEST_GUILESS_MAIN(VariableCoercionTest)
#include "variablecoercion_test.moc"
