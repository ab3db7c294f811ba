// SPDX-License-Identifier: MIT
// Sextant: variables diagnostics (JSON syntax, coercion errors and their ranges) over the fixture schemas.
#include <core/completion/jsoncursor.h>
#include <core/completion/variablesdiagnostics.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>

#include <QFile>
#include <QTest>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

namespace {

const QString DagsterDocument = u"query Runs($filter: RunsFilter, $cursor: String, $limit: Int) {\n"
                                u"  runsOrError(filter: $filter, cursor: $cursor, limit: $limit) { __typename }\n"
                                u"}\n"
                                u"mutation Launch($executionParams: ExecutionParams!) {\n"
                                u"  launchPipelineExecution(executionParams: $executionParams) { __typename }\n"
                                u"}\n"_s;

// "line:column+length message" for each problem.
QStringList described(const QList<VariableProblem> &problems)
{
    QStringList out;
    for (const VariableProblem &problem : problems)
        out << u"%1:%2+%3 %4"_s.arg(problem.line).arg(problem.column).arg(problem.length).arg(problem.message);
    return out;
}

} // namespace

class VariablesDiagnosticsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void valueRange_data();
    void valueRange();
    void problems_data();
    void problems();
    void smallSchema();

private:
    std::shared_ptr<const Schema> load(const QString &name);
    std::shared_ptr<const Schema> m_small;
    std::shared_ptr<const Schema> m_dagster;
};

std::shared_ptr<const Schema> VariablesDiagnosticsTest::load(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/introspection.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return IntrospectionReader::read(file.readAll()).schema;
}

void VariablesDiagnosticsTest::initTestCase()
{
    m_small = load(u"small"_s);
    m_dagster = load(u"dagster"_s);
    QVERIFY(m_small);
    QVERIFY(m_dagster);
}

void VariablesDiagnosticsTest::valueRange_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QVariantList>("path");
    QTest::addColumn<bool>("memberName");
    QTest::addColumn<int>("line"); // 0: not found
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("length");

    const QString json =
        u"{\n  \"filter\": {\n    \"statuses\": [\"QUEUED\", \"SUCCESS\"],\n    \"tags\": [{\"key\": \"k\"}]\n"
        u"  },\n  \"limit\": 5,\n  \"limit\": 6\n}"_s;
    QTest::newRow("root") << json << QVariantList() << false << 1 << 1 << int(json.size());
    QTest::newRow("root has no name") << json << QVariantList() << true << 0 << 0 << 0;
    QTest::newRow("object over lines") << json << QVariantList{u"filter"_s} << false << 2 << 13 << 71;
    QTest::newRow("its member name") << json << QVariantList{u"filter"_s} << true << 2 << 3 << 8;
    QTest::newRow("list element") << json << QVariantList{u"filter"_s, u"statuses"_s, 1} << false << 3 << 28 << 9;
    QTest::newRow("element has no name") << json << QVariantList{u"filter"_s, u"statuses"_s, 1} << true << 0 << 0 << 0;
    QTest::newRow("object in a list") << json << QVariantList{u"filter"_s, u"tags"_s, 0, u"key"_s} << false << 4 << 22
                                      << 3;
    QTest::newRow("the first of two members wins") << json << QVariantList{u"limit"_s} << false << 6 << 12 << 1;
    QTest::newRow("missing member") << json << QVariantList{u"filter"_s, u"mode"_s} << false << 0 << 0 << 0;
    QTest::newRow("index past the end") << json << QVariantList{u"filter"_s, u"statuses"_s, 2} << false << 0 << 0 << 0;
    QTest::newRow("key on a list") << json << QVariantList{u"filter"_s, u"statuses"_s, u"x"_s} << false << 0 << 0 << 0;
    QTest::newRow("UTF-16 columns") << u"{\"a\": \"🚀\", \"b\": true}"_s << QVariantList{u"b"_s} << false << 1 << 18
                                    << 4;
}

void VariablesDiagnosticsTest::valueRange()
{
    QFETCH(QString, json);
    QFETCH(QVariantList, path);
    QFETCH(bool, memberName);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, length);
    const JsonTextRange range =
        jsonValueRange(json, path, memberName ? JsonRangePart::MemberName : JsonRangePart::Value);
    QCOMPARE(range.isValid(), line > 0);
    if (!range.isValid())
        return;
    QCOMPARE(range.line, line);
    QCOMPARE(range.column, column);
    QCOMPARE(range.length, length);
    QCOMPARE(jsonTextRange(json, range.offset, range.length), range);
}

void VariablesDiagnosticsTest::problems_data()
{
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("valid") << u"Runs"_s << u"{\"filter\": {\"statuses\": [\"SUCCESS\"]}, \"limit\": 5}"_s
                           << QStringList();
    QTest::newRow("empty text is {}") << u"Runs"_s << u"  \n"_s << QStringList();
    QTest::newRow("missing required variable: the root {")
        << u"Launch"_s << u"\n  {\n  }"_s
        << QStringList{
               u"2:3+1 Variable \"$executionParams\" of required type \"ExecutionParams!\" was not provided."_s};
    QTest::newRow("missing required variable in empty text")
        << u"Launch"_s << QString()
        << QStringList{
               u"1:1+0 Variable \"$executionParams\" of required type \"ExecutionParams!\" was not provided."_s};
    QTest::newRow("bad enum value in a list")
        << u"Runs"_s << u"{\n  \"filter\": {\n    \"statuses\": [\"SUCESS\"]\n  }\n}"_s
        << QStringList{u"3:18+8 Variable \"$filter\" got invalid value \"SUCESS\" at \"filter.statuses[0]\"; "
                       u"Value \"SUCESS\" does not exist in \"RunStatus\" enum. Did you mean the enum value "
                       u"\"SUCCESS\"?"_s};
    QTest::newRow("enum given as a list of one")
        << u"Runs"_s << u"{\"filter\": {\"statuses\": 3}}"_s
        << QStringList{u"1:25+1 Variable \"$filter\" got invalid value 3 at \"filter.statuses\"; Enum \"RunStatus\" "
                       u"cannot represent non-string value: 3."_s};
    QTest::newRow("wrong type in a nested input field")
        << u"Launch"_s
        << u"{\"executionParams\": {\"selector\": {\"repositoryName\": 1, \"repositoryLocationName\": \"loc\"}}}"_s
        << QStringList{u"1:53+1 Variable \"$executionParams\" got invalid value 1 at "
                       u"\"executionParams.selector.repositoryName\"; String cannot represent a non string value: 1"_s};
    QTest::newRow("missing required input field: the object's name")
        << u"Launch"_s << u"{\"executionParams\": {\"selector\": {\"repositoryName\": \"r\"}}}"_s
        << QStringList{u"1:22+10 Variable \"$executionParams\" got invalid value { repositoryName: \"r\" } at "
                       u"\"executionParams.selector\"; Field \"repositoryLocationName\" of required type \"String!\" "
                       u"was not provided."_s};
    QTest::newRow("unknown input field: the field's name")
        << u"Runs"_s << u"{\"filter\": {\"mode\": \"m\", \"statuse\": []}}"_s
        << QStringList{u"1:26+9 Variable \"$filter\" got invalid value { mode: \"m\", statuse: [] }; Field "
                       u"\"statuse\" is not defined by type \"RunsFilter\". Did you mean \"statuses\"?"_s};
    QTest::newRow("object element of a list: its {")
        << u"Runs"_s << u"{\"filter\": {\"tags\": [{\"key\": \"a\"}]}}"_s
        << QStringList{u"1:22+1 Variable \"$filter\" got invalid value { key: \"a\" } at \"filter.tags[0]\"; Field "
                       u"\"value\" of required type \"String!\" was not provided."_s};
    QTest::newRow("null for a non-null variable")
        << u"Launch"_s << u"{\"executionParams\": null}"_s
        << QStringList{
               u"1:21+4 Variable \"$executionParams\" of non-null type \"ExecutionParams!\" must not be null."_s};
    QTest::newRow("UTF-16 columns and two errors in order")
        << u"Runs"_s << u"{\"cursor\": \"🚀\", \"limit\": 1.5, \"filter\": {\"runIds\": [true]}}"_s
        << QStringList{u"1:54+4 Variable \"$filter\" got invalid value true at \"filter.runIds[0]\"; String cannot "
                       u"represent a non string value: true"_s,
                       u"1:27+3 Variable \"$limit\" got invalid value 1.5; Int cannot represent non-integer value: "
                       u"1.5"_s};
    QTest::newRow("not an object") << u"Runs"_s << u"[1]"_s
                                   << QStringList{u"1:1+1 Variables must be provided as an Object where each "
                                                  u"property is a variable value."_s};
    QTest::newRow("unknown operation: JSON is still checked") << u"Nope"_s << u"{\"a\": 1}"_s << QStringList();
}

void VariablesDiagnosticsTest::problems()
{
    QFETCH(QString, operationName);
    QFETCH(QString, variables);
    QFETCH(QStringList, expected);
    QCOMPARE(described(checkVariables(*m_dagster, DagsterDocument, operationName, variables)), expected);
}

void VariablesDiagnosticsTest::smallSchema()
{
    // Syntax errors come alone, at the spot the JSON parser stopped, while the user is still typing.
    const QString document = u"query Q($f: BookFilter, $in: CheckoutInput!) { viewer { displayName } }"_s;
    const QList<VariableProblem> typing =
        checkVariables(*m_small, document, QString(), u"{\"f\": {\"genres\": [\"FI"_s);
    QCOMPARE(typing.size(), 1);
    QVERIFY2(typing.first().message.startsWith(u"Variables are not valid JSON: "_s),
             qPrintable(typing.first().message));
    QCOMPARE(typing.first().line, 1);
    QCOMPARE(typing.first().length, 1);
    QVERIFY(typing.first().path.isEmpty());

    const QString trailingComma = u"{\n  \"in\": {},\n}"_s;
    const QList<VariableProblem> comma = checkVariables(*m_small, document, QString(), trailingComma);
    QCOMPARE(comma.size(), 1);
    QCOMPARE(comma.first().line, 3);
    QCOMPARE(comma.first().column, 1);

    // OneOf and paths: the problem carries the coercion path.
    const QList<VariableProblem> oneOf =
        checkVariables(*m_small, document, QString(),
                       u"{\"in\": {\"item\": {\"id\": \"1\", \"isbn\": \"x\"}, \"memberId\": \"m\"}}"_s);
    QCOMPARE(oneOf.size(), 1);
    QCOMPARE(oneOf.first().path, (QVariantList{u"in"_s, u"item"_s}));
    QCOMPARE(oneOf.first().column, 9); // the "item" member name
    QCOMPARE(oneOf.first().length, 6);
    QVERIFY(oneOf.first().message.endsWith(u"Exactly one key must be specified for OneOf type \"ItemRef\"."_s));
}

QTEST_MAIN(VariablesDiagnosticsTest)
#include "variablesdiagnostics_test.moc"
