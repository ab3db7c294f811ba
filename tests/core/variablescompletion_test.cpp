// SPDX-License-Identifier: MIT
// Sextant: the JSON cursor context and variables completion, over the small and Dagster fixture schemas.
#include <core/completion/jsoncursor.h>
#include <core/completion/variablescompletion.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>

#include <QFile>
#include <QTest>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

namespace {

// Dagster operations over the real webserver schema: an optional input object with enums and lists, and a
// required nested one.
const QString DagsterDocument = u"query Runs($filter: RunsFilter, $cursor: String, $limit: Int) {\n"
                                u"  runsOrError(filter: $filter, cursor: $cursor, limit: $limit) { __typename }\n"
                                u"}\n"
                                u"mutation Launch($executionParams: ExecutionParams!) {\n"
                                u"  launchPipelineExecution(executionParams: $executionParams) { __typename }\n"
                                u"}\n"_s;

const QString SmallDocument = u"query Q($first: Int, $in: CheckoutInput!, $ids: [ID!]!, $b: Boolean!, $c: Boolean, "
                              u"$f: Format, \"The filter.\" $filter: BookFilter = {}) { viewer { displayName } }"_s;

// Splits "text with a | cursor" into the text and the cursor offset.
std::pair<QString, int> withCursor(const QString &marked)
{
    const int cursor = int(marked.indexOf(u'|'));
    Q_ASSERT(cursor >= 0);
    return {QString(marked).remove(cursor, 1), cursor};
}

QStringList labels(const QList<CompletionItem> &items)
{
    QStringList out;
    for (const CompletionItem &item : items)
        out << item.label;
    return out;
}

const QStringList RunStatusValues{u"\"QUEUED\""_s,   u"\"NOT_STARTED\""_s, u"\"MANAGED\""_s,
                                  u"\"STARTING\""_s, u"\"STARTED\""_s,     u"\"SUCCESS\""_s,
                                  u"\"FAILURE\""_s,  u"\"CANCELING\""_s,   u"\"CANCELED\""_s};

} // namespace

class VariablesCompletionTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void context_data();
    void context();
    void labels_data();
    void labels();
    void insertion_data();
    void insertion();

private:
    std::shared_ptr<const Schema> load(const QString &name);
    std::shared_ptr<const Schema> m_small;
    std::shared_ptr<const Schema> m_dagster;
};

std::shared_ptr<const Schema> VariablesCompletionTest::load(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/introspection.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return IntrospectionReader::read(file.readAll()).schema;
}

void VariablesCompletionTest::initTestCase()
{
    m_small = load(u"small"_s);
    m_dagster = load(u"dagster"_s);
    QVERIFY(m_small);
    QVERIFY(m_dagster);
}

void VariablesCompletionTest::context_data()
{
    QTest::addColumn<QString>("marked");
    QTest::addColumn<int>("position");
    QTest::addColumn<QVariantList>("path");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<int>("replaceStart");
    QTest::addColumn<int>("replaceLength");
    QTest::addColumn<bool>("colonFollows");
    QTest::addColumn<QStringList>("existingKeys");

    const int none = int(JsonCursorPosition::None);
    const int name = int(JsonCursorPosition::MemberName);
    const int value = int(JsonCursorPosition::Value);
    QTest::newRow("empty text: the root value")
        << u"|"_s << value << QVariantList() << QString() << false << 0 << 0 << false << QStringList();
    QTest::newRow("after {") << u"{|}"_s << name << QVariantList() << QString() << false << 1 << 0 << false
                             << QStringList();
    QTest::newRow("unfinished quoted name")
        << u"{\"inp|"_s << name << QVariantList() << u"inp"_s << true << 1 << 4 << false << QStringList();
    QTest::newRow("inside a finished name, keys after the cursor")
        << u"{\"a\": 1, \"in|put\": 2, \"z\": {\"y\": 3}}"_s << name << QVariantList() << u"in"_s << true << 9 << 7
        << true << QStringList{u"a"_s, u"z"_s};
    QTest::newRow("unfinished name stops at the line end")
        << u"{\n  \"a\": 1,\n  \"b|\n  \"c\": 2\n}"_s << name << QVariantList() << u"b"_s << true << 14 << 2 << false
        << QStringList{u"a"_s, u"c"_s};
    QTest::newRow("bare word at a name") << u"{ li|}"_s << name << QVariantList() << u"li"_s << false << 2 << 2 << false
                                         << QStringList();
    QTest::newRow("value after a colon") << u"{\"filter\": |}"_s << value << QVariantList{u"filter"_s} << QString()
                                         << false << 11 << 0 << false << QStringList{u"filter"_s};
    QTest::newRow("nested name") << u"{\"input\": {\"x\": 1, |"_s << name << QVariantList{u"input"_s} << QString()
                                 << false << 19 << 0 << false << QStringList{u"x"_s};
    QTest::newRow("third list element, quoted prefix")
        << u"{\"input\": {\"tags\": [\"a\", \"b\", \"c|\"]}}"_s << value << QVariantList{u"input"_s, u"tags"_s, 2}
        << u"c"_s << true << 30 << 3 << false << QStringList();
    QTest::newRow("object in a list") << u"{\"f\": {\"tags\": [{}, {\"key\": \"a\", |}]}}"_s << name
                                      << QVariantList{u"f"_s, u"tags"_s, 1} << QString() << false << 33 << 0 << false
                                      << QStringList{u"key"_s};
    QTest::newRow("word value") << u"{\"b\": tr|ue}"_s << value << QVariantList{u"b"_s} << u"tr"_s << false << 6 << 4
                                << false << QStringList{u"b"_s};
    QTest::newRow("after a complete name")
        << u"{\"filter\"|}"_s << none << QVariantList() << QString() << false << 9 << 0 << false << QStringList();
    QTest::newRow("missing comma before a new name")
        << u"{\"a\": 1\n \"b|"_s << name << QVariantList() << u"b"_s << true << 9 << 2 << false << QStringList{u"a"_s};
    QTest::newRow("stray bracket closes the nearest object")
        << u"{\"a\": {\"x\": [1, 2}, \"b\": |"_s << value << QVariantList{u"b"_s} << QString() << false << 25 << 0
        << false << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("past the root value") << u"{} |"_s << none << QVariantList() << QString() << false << 3 << 0 << false
                                         << QStringList();
    QTest::newRow("escaped key") << u"{\"a\\\"b\": 1, |}"_s << name << QVariantList() << QString() << false << 12 << 0
                                 << false << QStringList{u"a\"b"_s};
}

void VariablesCompletionTest::context()
{
    QFETCH(QString, marked);
    QFETCH(int, position);
    QFETCH(QVariantList, path);
    QFETCH(QString, prefix);
    QFETCH(bool, quoted);
    QFETCH(int, replaceStart);
    QFETCH(int, replaceLength);
    QFETCH(bool, colonFollows);
    QFETCH(QStringList, existingKeys);
    const auto [text, cursor] = withCursor(marked);
    const JsonCursorContext context = jsonCursorContext(text, cursor);
    QCOMPARE(int(context.position), position);
    QCOMPARE(context.path, path);
    if (position == int(JsonCursorPosition::None))
        return;
    QCOMPARE(context.prefix, prefix);
    QCOMPARE(context.isQuoted, quoted);
    QCOMPARE(context.replaceStart, replaceStart);
    QCOMPARE(context.replaceLength, replaceLength);
    QCOMPARE(context.colonFollows, colonFollows);
    QCOMPARE(context.existingKeys, existingKeys);
}

void VariablesCompletionTest::labels_data()
{
    QTest::addColumn<bool>("dagster");
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<QString>("marked");
    QTest::addColumn<QStringList>("expected");

    const QStringList runsFilterFields{u"runIds"_s,       u"pipelineName"_s, u"tags"_s,          u"statuses"_s,
                                       u"snapshotId"_s,   u"updatedAfter"_s, u"updatedBefore"_s, u"createdBefore"_s,
                                       u"createdAfter"_s, u"mode"_s};
    QTest::newRow("variables of the named operation")
        << true << u"Runs"_s << u"{|}"_s << QStringList{u"filter"_s, u"cursor"_s, u"limit"_s};
    QTest::newRow("empty name: the first operation")
        << true << QString() << u"{\n  |\n}"_s << QStringList{u"filter"_s, u"cursor"_s, u"limit"_s};
    QTest::newRow("the mutation") << true << u"Launch"_s << u"{|"_s << QStringList{u"executionParams"_s};
    QTest::newRow("required variables first")
        << false << QString() << u"{|}"_s
        << QStringList{u"in"_s, u"ids"_s, u"b"_s, u"first"_s, u"c"_s, u"f"_s, u"filter"_s};
    QTest::newRow("present variables are left out")
        << true << u"Runs"_s << u"{\"filter\": {}, |}"_s << QStringList{u"cursor"_s, u"limit"_s};
    QTest::newRow("also those after the cursor")
        << true << u"Runs"_s << u"{|, \"limit\": 5}"_s << QStringList{u"filter"_s, u"cursor"_s};
    QTest::newRow("typed quoted prefix") << true << u"Runs"_s << u"{\"li|"_s << QStringList{u"limit"_s};
    QTest::newRow("typed bare prefix") << true << u"Runs"_s << u"{cu|}"_s << QStringList{u"cursor"_s};
    QTest::newRow("input fields") << true << u"Runs"_s << u"{\"filter\": {|}}"_s << runsFilterFields;
    QTest::newRow("input fields while typing")
        << true << u"Runs"_s << u"{\"filter\": {\"sta|"_s << QStringList{u"statuses"_s};
    QTest::newRow("input fields left out when present")
        << true << u"Runs"_s << u"{\"filter\": {\"runIds\": [], \"mode\": \"x\", \"t|\"}}"_s
        << QStringList{u"tags"_s,          u"statuses"_s,      u"snapshotId"_s,  u"updatedAfter"_s,
                       u"updatedBefore"_s, u"createdBefore"_s, u"createdAfter"_s};
    QTest::newRow("required input fields first")
        << true << u"Launch"_s << u"{\"executionParams\": {|}}"_s
        << QStringList{u"selector"_s,          u"runConfigData"_s, u"mode"_s,
                       u"executionMetadata"_s, u"stepKeys"_s,      u"preset"_s};
    QTest::newRow("nested required fields")
        << true << u"Launch"_s << u"{\"executionParams\": {\"selector\": {|"_s
        << QStringList{u"repositoryName"_s, u"repositoryLocationName"_s, u"pipelineName"_s,       u"jobName"_s,
                       u"solidSelection"_s, u"assetSelection"_s,         u"assetCheckSelection"_s};
    QTest::newRow("list of input objects: the item's fields")
        << true << u"Launch"_s << u"{\"executionParams\": {\"executionMetadata\": {\"tags\": [{\"|"_s
        << QStringList{u"key"_s, u"value"_s};
    QTest::newRow("second list element leaves out its own keys only")
        << true << u"Runs"_s << u"{\"filter\": {\"tags\": [{\"key\": \"a\"}, {\"key\": \"b\", |}]}}"_s
        << QStringList{u"value"_s};
    QTest::newRow("a single object for a list")
        << true << u"Runs"_s << u"{\"filter\": {\"tags\": {|}}}"_s << QStringList{u"key"_s, u"value"_s};
    QTest::newRow("deprecated input fields last")
        << false << QString() << u"{\"in\": {|}}"_s
        << QStringList{u"item"_s, u"memberId"_s, u"days"_s, u"note"_s, u"express"_s};
    QTest::newRow("enum values in a list")
        << true << u"Runs"_s << u"{\"filter\": {\"statuses\": [|]}}"_s << RunStatusValues;
    QTest::newRow("enum value being typed")
        << true << u"Runs"_s << u"{\"filter\": {\"statuses\": [\"QUEUED\", \"SU|\"]}}"_s
        << QStringList{u"\"SUCCESS\""_s};
    QTest::newRow("enum value typed without quotes")
        << true << u"Runs"_s << u"{\"filter\": {\"statuses\": [FAIL|"_s << QStringList{u"\"FAILURE\""_s};
    QTest::newRow("a list value: starter, item values, null")
        << true << u"Runs"_s << u"{\"filter\": {\"statuses\": |}}"_s
        << (QStringList{u"[]"_s} << RunStatusValues << u"null"_s);
    QTest::newRow("nullable enum with a deprecated value")
        << false << QString() << u"{\"f\": |}"_s << QStringList{u"\"HARDCOVER\""_s, u"\"PAPERBACK\""_s, u"\"EBOOK\""_s,
                                                                u"\"AUDIOBOOK\""_s, u"\"CASSETTE\""_s,  u"null"_s};
    QTest::newRow("input object value") << true << u"Runs"_s << u"{\"filter\": |"_s << QStringList{u"{}"_s, u"null"_s};
    QTest::newRow("required input object value")
        << true << u"Launch"_s << u"{\"executionParams\": |}"_s << QStringList{u"{}"_s};
    QTest::newRow("Boolean!") << false << QString() << u"{\"b\": |}"_s << QStringList{u"true"_s, u"false"_s};
    QTest::newRow("Boolean") << false << QString() << u"{\"c\": f|}"_s << QStringList{u"false"_s};
    QTest::newRow("nullable String") << true << u"Runs"_s << u"{\"cursor\": |}"_s << QStringList{u"null"_s};
    QTest::newRow("list of ID!") << false << QString() << u"{\"ids\": |}"_s << QStringList{u"[]"_s};
    QTest::newRow("root value") << true << u"Runs"_s << u"|"_s << QStringList{u"{}"_s};
    QTest::newRow("unknown variable") << true << u"Runs"_s << u"{\"nope\": {|}}"_s << QStringList();
    QTest::newRow("unknown field") << true << u"Runs"_s << u"{\"filter\": {\"nope\": |}}"_s << QStringList();
    QTest::newRow("index into a non-list") << true << u"Runs"_s << u"{\"filter\": [|]}"_s << QStringList();
    QTest::newRow("fields of a scalar") << true << u"Runs"_s << u"{\"limit\": {|}}"_s << QStringList();
    QTest::newRow("custom scalar value") << true << u"Launch"_s << u"{\"executionParams\": {\"runConfigData\": |}}"_s
                                         << QStringList{u"null"_s};
    QTest::newRow("after a complete name") << true << u"Runs"_s << u"{\"filter\"|}"_s << QStringList();
    QTest::newRow("inside a number") << true << u"Runs"_s << u"{\"limit\": 5|}"_s << QStringList();
    QTest::newRow("unknown operation") << true << u"Nope"_s << u"{|}"_s << QStringList();
}

void VariablesCompletionTest::labels()
{
    QFETCH(bool, dagster);
    QFETCH(QString, operationName);
    QFETCH(QString, marked);
    QFETCH(QStringList, expected);
    const auto [text, cursor] = withCursor(marked);
    const Schema &schema = dagster ? *m_dagster : *m_small;
    const QString document = dagster ? DagsterDocument : SmallDocument;
    QCOMPARE(::labels(completeVariables(schema, document, operationName, text, cursor)), expected);
}

void VariablesCompletionTest::insertion_data()
{
    QTest::addColumn<bool>("dagster");
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<QString>("marked");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("documentation");
    QTest::addColumn<bool>("deprecated");
    QTest::addColumn<QString>("insertText");
    QTest::addColumn<int>("caret");

    QTest::newRow("variable: name, colon, caret after")
        << true << u"Runs"_s << u"{|}"_s << 0 << u"filter"_s << u"RunsFilter"_s << QString() << false
        << u"\"filter\": "_s << 10;
    QTest::newRow("required variable type")
        << true << u"Launch"_s << u"{|}"_s << 0 << u"executionParams"_s << u"ExecutionParams!"_s << QString() << false
        << u"\"executionParams\": "_s << 19;
    QTest::newRow("variable description") << false << QString() << u"{\"fil|"_s << 0 << u"filter"_s << u"BookFilter"_s
                                          << u"The filter."_s << false << u"\"filter\": "_s << 10;
    QTest::newRow("colon already there: the name only") << true << u"Runs"_s << u"{\"li|\": 5}"_s << 0 << u"limit"_s
                                                        << u"Int"_s << QString() << false << u"\"limit\""_s << 7;
    QTest::newRow("input field with documentation, deprecated")
        << false << QString() << u"{\"in\": {\"exp|"_s << 0 << u"express"_s << u"Boolean"_s
        << u"Legacy flag, ignored."_s << true << u"\"express\": "_s << 11;
    QTest::newRow("enum value") << true << u"Runs"_s << u"{\"filter\": {\"statuses\": [\"SUC|"_s << 0
                                << u"\"SUCCESS\""_s << u"RunStatus"_s << QString() << false << u"\"SUCCESS\""_s << 9;
    QTest::newRow("deprecated enum value") << false << QString() << u"{\"f\": \"CAS|\"}"_s << 0 << u"\"CASSETTE\""_s
                                           << u"Format"_s << u""_s << true << u"\"CASSETTE\""_s << 10;
    QTest::newRow("object starter: caret inside") << true << u"Runs"_s << u"{\"filter\": |}"_s << 0 << u"{}"_s
                                                  << u"RunsFilter"_s << QString() << false << u"{}"_s << 1;
    QTest::newRow("list starter: caret inside") << true << u"Runs"_s << u"{\"filter\": {\"runIds\": |"_s << 0 << u"[]"_s
                                                << u"[String]"_s << QString() << false << u"[]"_s << 1;
    QTest::newRow("null") << true << u"Runs"_s << u"{\"filter\": {\"runIds\": nu|"_s << 0 << u"null"_s << u"[String]"_s
                          << QString() << false << u"null"_s << 4;
}

void VariablesCompletionTest::insertion()
{
    QFETCH(bool, dagster);
    QFETCH(QString, operationName);
    QFETCH(QString, marked);
    QFETCH(int, index);
    QFETCH(QString, label);
    QFETCH(QString, detail);
    QFETCH(QString, documentation);
    QFETCH(bool, deprecated);
    QFETCH(QString, insertText);
    QFETCH(int, caret);
    const auto [text, cursor] = withCursor(marked);
    const QList<CompletionItem> items = completeVariables(
        dagster ? *m_dagster : *m_small, dagster ? DagsterDocument : SmallDocument, operationName, text, cursor);
    QVERIFY(index < items.size());
    const CompletionItem &item = items[index];
    QCOMPARE(item.label, label);
    QCOMPARE(item.detail, detail);
    QCOMPARE(item.documentation, documentation);
    QCOMPARE(item.isDeprecated, deprecated);
    QCOMPARE(item.insertText, insertText);
    QCOMPARE(item.cursorOffsetInInsert, caret);
}

QTEST_MAIN(VariablesCompletionTest)
#include "variablescompletion_test.moc"
