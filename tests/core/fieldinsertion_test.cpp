// SPDX-License-Identifier: MIT
// Sextant: tests for planFieldInsertion() (schema browser → editor) against the fixture schemas.
#include <core/completion/fieldinsertion.h>
#include <core/language/parser.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>
#include <core/validation/validator.h>

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

namespace {

// Reads tests/fixtures/schemas/<name>/introspection.json, or its .gz (the GitHub schema) through gzip.
std::shared_ptr<const Schema> loadSchema(const QString &name)
{
    static QHash<QString, std::shared_ptr<const Schema>> cache;
    if (const auto it = cache.constFind(name); it != cache.cend())
        return *it;
    const QString base = QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/introspection.json"_s;
    QByteArray json;
    QFile plain(base);
    if (plain.open(QIODevice::ReadOnly)) {
        json = plain.readAll();
    } else {
        QProcess gunzip;
        gunzip.start(u"gzip"_s, {u"-dc"_s, base + u".gz"_s});
        if (gunzip.waitForFinished(60000) && gunzip.exitCode() == 0)
            json = gunzip.readAllStandardOutput();
    }
    auto schema = IntrospectionReader::read(json).schema;
    cache.insert(name, schema);
    return schema;
}

// Splits a document at its `|` cursor marker (-1 when there is none).
std::pair<QString, int> withCursor(const QString &marked)
{
    const qsizetype at = marked.indexOf(u'|');
    if (at < 0)
        return {marked, -1};
    return {QString(marked).remove(at, 1), int(at)};
}

QString errorsOf(const Schema &schema, const QString &document)
{
    const ParseResult parsed = Parser::parse(document, ParseMode::Strict);
    if (!parsed.isValid())
        return parsed.errors.first().message;
    QStringList messages;
    for (const ValidationError &error : Validator::validate(schema, *parsed.document))
        messages.append(error.message);
    return messages.join(u'\n');
}

} // namespace

class FieldInsertionTest final : public QObject
{
    Q_OBJECT

private slots:
    void insertions_data();
    void insertions();
    void refusals_data();
    void refusals();
    void editsAreInsertionsInOrder();

private:
    static void row(const char *name, const QString &schema, const QString &document, const QString &typeName,
                    const QString &fieldName, const QString &expected)
    {
        QTest::newRow(name) << schema << document << typeName << fieldName << expected;
    }
};

void FieldInsertionTest::insertions_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("document");  // `|` marks the cursor (none: -1)
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("expected"); // `|` marks the caret after the edits

    const QString small = u"small"_s;
    // Empty documents get a new operation.
    row("empty document", small, u""_s, u"Query"_s, u"serverTime"_s, u"query {\n  serverTime|\n}\n"_s);
    row("blank document keeps its comment", small, u"# scratch\n|"_s, u"Query"_s, u"viewer"_s,
        u"# scratch\n\nquery {\n  viewer {\n    id|\n  }\n}\n"_s);
    row("empty document, nested type", small, u""_s, u"Member"_s, u"email"_s,
        u"query {\n  viewer {\n    email|\n  }\n}\n"_s);
    row("empty document, mutation root", small, u""_s, u"Mutation"_s, u"deleteNode"_s,
        u"mutation ($id: ID!) {\n  deleteNode(id: $id)|\n}\n"_s);
    // Top level.
    row("top-level insert", small, u"query {\n  viewer {\n    id\n  }\n}\n"_s, u"Query"_s, u"serverTime"_s,
        u"query {\n  viewer {\n    id\n  }\n  serverTime|\n}\n"_s);
    row("top-level one-line", small, u"{ serverTime }"_s, u"Query"_s, u"viewer"_s,
        u"{ serverTime viewer { id| } }"_s);
    row("top-level keeps 4-space indentation and comments", small,
        u"query Q {\n    serverTime # now\n    # more to come\n}"_s, u"Query"_s, u"viewer"_s,
        u"query Q {\n    serverTime # now\n    # more to come\n    viewer {\n        id|\n    }\n}"_s);
    // Nested, at the cursor or in the first candidate.
    row("nested insert at cursor", small,
        u"query {\n  viewer {\n    id\n  }\n  member(id: \"7\") {\n    id|\n  }\n}"_s, u"Member"_s,
        u"displayName"_s,
        u"query {\n  viewer {\n    id\n  }\n  member(id: \"7\") {\n    id\n    displayName|\n  }\n}"_s);
    row("nested insert, cursor outside: first candidate", small,
        u"query {\n  viewer {\n    id\n  }\n  member(id: \"7\") {\n    id\n  }\n}\n|"_s, u"Member"_s,
        u"displayName"_s,
        u"query {\n  viewer {\n    id\n    displayName|\n  }\n  member(id: \"7\") {\n    id\n  }\n}\n"_s);
    row("second operation under the cursor", small,
        u"query A { viewer { id } }\n\nquery B { member(id: \"1\") { id| } }\n"_s, u"Member"_s, u"tier"_s,
        u"query A { viewer { id } }\n\nquery B { member(id: \"1\") { id tier| } }\n"_s);
    row("interface field into an implementing object", small, u"{ viewer { email } }"_s, u"Node"_s, u"id"_s,
        u"{ viewer { email id| } }"_s);
    // Paths through and past existing selections.
    row("path creation through existing selections", small,
        u"query {\n  viewer {\n    id\n  }\n}\n"_s, u"Loan"_s, u"status"_s,
        u"query {\n  viewer {\n    id\n    loans {\n      nodes {\n        status|\n      }\n    }\n  }\n}\n"_s);
    row("path extends the deepest existing selection", small,
        u"{\n  viewer {\n    loans {\n      totalCount\n    }\n  }\n}"_s, u"Loan"_s, u"dueAt"_s,
        u"{\n  viewer {\n    loans {\n      totalCount\n      nodes {\n        dueAt|\n      }\n    }\n  }\n}"_s);
    row("path from the root", small, u"{ serverTime }"_s, u"PageInfo"_s, u"endCursor"_s,
        u"{ serverTime books { loans { pageInfo { endCursor| } } } }"_s);
    // Duplicates.
    row("already selected: caret only", small, u"{ viewer { id displayName } }"_s, u"Member"_s, u"id"_s,
        u"{ viewer { id| displayName } }"_s);
    row("already selected root field", small, u"query {\n  serverTime\n}"_s, u"Query"_s, u"serverTime"_s,
        u"query {\n  serverTime|\n}"_s);
    row("response key taken by an alias", small, u"{ viewer: member(id: \"1\") { id } }"_s, u"Query"_s,
        u"viewer"_s, u"{ viewer: member(id: \"1\") { id } viewer2: viewer { id| } }"_s);
    // Required arguments become variables.
    row("required argument, anonymous operation", small, u"query {\n  viewer {\n    id\n  }\n}"_s, u"Query"_s,
        u"member"_s, u"query ($id: ID!) {\n  viewer {\n    id\n  }\n  member(id: $id) {\n    id|\n  }\n}"_s);
    row("required argument, named operation", small, u"query Q { serverTime }"_s, u"Query"_s, u"book"_s,
        u"query Q($ref: ItemRef!) { serverTime book(ref: $ref) { id| } }"_s);
    row("required argument, shorthand query", small, u"{ serverTime }"_s, u"Query"_s, u"search"_s,
        u"query ($text: String!) { serverTime search(text: $text) { __typename| } }"_s);
    row("required argument, name clash", small,
        u"query Q($id: ID!) {\n  node(id: $id) {\n    id\n  }\n}"_s, u"Query"_s, u"member"_s,
        u"query Q($id: ID!, $memberId: ID!) {\n  node(id: $id) {\n    id\n  }\n  member(id: $memberId) {\n    id|\n  }\n}"_s);
    row("required argument, name and prefixed name taken", small,
        u"query Q($id: ID!, $memberId: ID) { node(id: $id) { id } other: member(id: $memberId) { id } }"_s,
        u"Query"_s, u"member"_s,
        u"query Q($id: ID!, $memberId: ID, $id2: ID!) { node(id: $id) { id } other: member(id: $memberId) { id } "
        "member(id: $id2) { id| } }"_s);
    row("required argument, described operation with a directive", small,
        u"\"Doc\" query @trace { serverTime }"_s, u"Query"_s, u"member"_s,
        u"\"Doc\" query ($id: ID!) @trace { serverTime member(id: $id) { id| } }"_s);
    row("closing brace after the last selection", small, u"{\n  viewer {\n    id }\n}"_s, u"Member"_s,
        u"email"_s, u"{\n  viewer {\n    id\n    email| }\n}"_s);
    // Abstract parents get an inline fragment.
    row("union parent: inline fragment", small, u"{\n  search(text: \"x\") {\n    __typename\n  }\n}"_s, u"Book"_s,
        u"isbn"_s, u"{\n  search(text: \"x\") {\n    __typename\n    ... on Book {\n      isbn|\n    }\n  }\n}"_s);
    row("interface parent: inline fragment", small, u"{ node(id: \"1\") { id } }"_s, u"Magazine"_s, u"issue"_s,
        u"{ node(id: \"1\") { id ... on Magazine { issue| } } }"_s);
    row("existing inline fragment is merged into", small,
        u"{ search(text: \"x\") { ... on Book { title } } }"_s, u"Book"_s, u"isbn"_s,
        u"{ search(text: \"x\") { ... on Book { title isbn| } } }"_s);
    // Mutations and subscriptions.
    row("mutation root: new named operation after a query", small, u"query Q { serverTime }\n"_s, u"Mutation"_s,
        u"returnItem"_s,
        u"query Q { serverTime }\n\nmutation MyMutation($loanId: ID!) {\n  returnItem(loanId: $loanId) {\n    id|\n  }\n}\n"_s);
    row("mutation root: existing mutation", small,
        u"query Q { serverTime }\n\nmutation M {\n  deleteNode(id: \"1\")\n}\n"_s, u"Mutation"_s, u"checkout"_s,
        u"query Q { serverTime }\n\nmutation M($input: CheckoutInput!) {\n  deleteNode(id: \"1\")\n"
        "  checkout(input: $input) {\n    __typename|\n  }\n}\n"_s);
    row("path through a required argument and a union", small, u"mutation M { deleteNode(id: \"1\") }"_s,
        u"CheckoutError"_s, u"code"_s,
        u"mutation M($input: CheckoutInput!) { deleteNode(id: \"1\") checkout(input: $input) "
        "{ ... on CheckoutError { code| } } }"_s);
    row("subscription root in an empty document", small, u""_s, u"Subscription"_s, u"ticker"_s,
        u"subscription {\n  ticker|\n}\n"_s);

    const QString dagster = u"dagster"_s;
    row("dagster union result: inline fragment", dagster,
        u"query Runs {\n  runsOrError {\n    __typename\n  }\n}\n"_s, u"Runs"_s, u"results"_s,
        u"query Runs {\n  runsOrError {\n    __typename\n    ... on Runs {\n      results {\n        id|\n"
        "      }\n    }\n  }\n}\n"_s);
    row("dagster fragment then field", dagster,
        u"query Runs {\n  runsOrError {\n    ... on Runs {\n      results {\n        id\n      }\n    }\n  }\n}\n"_s,
        u"Run"_s, u"status"_s,
        u"query Runs {\n  runsOrError {\n    ... on Runs {\n      results {\n        id\n        status|\n"
        "      }\n    }\n  }\n}\n"_s);
    row("dagster required argument", dagster, u""_s, u"Query"_s, u"runOrError"_s,
        u"query ($runId: ID!) {\n  runOrError(runId: $runId) {\n    __typename|\n  }\n}\n"_s);

    const QString github = u"github"_s;
    row("github two required arguments", github, u""_s, u"Query"_s, u"repository"_s,
        u"query ($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    id|\n  }\n}\n"_s);
    row("github nested required argument", github,
        u"query ($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    id|\n  }\n}\n"_s,
        u"Repository"_s, u"issue"_s,
        u"query ($owner: String!, $name: String!, $number: Int!) {\n  repository(owner: $owner, name: $name) {\n"
        "    id\n    issue(number: $number) {\n      id|\n    }\n  }\n}\n"_s);
    row("github name clash prefixes the field", github,
        u"query Repo($name: String!) {\n  viewer {\n    login\n  }\n}"_s, u"Query"_s, u"organization"_s,
        u"query Repo($name: String!, $login: String!) {\n  viewer {\n    login\n  }\n"
        "  organization(login: $login) {\n    id|\n  }\n}"_s);
    row("github path through existing selection", github, u"{ viewer { login } }"_s, u"IssueComment"_s,
        u"bodyText"_s, u"{ viewer { login issueComments { nodes { bodyText| } } } }"_s);
    row("github path through viewer", github, u"{ viewer { login } }"_s, u"Repository"_s, u"nameWithOwner"_s,
        u"{ viewer { login repositories { nodes { nameWithOwner| } } } }"_s);
    row("github mutation root", github, u""_s, u"Mutation"_s, u"addStar"_s,
        u"mutation ($input: AddStarInput!) {\n  addStar(input: $input) {\n    __typename|\n  }\n}\n"_s);
}

void FieldInsertionTest::insertions()
{
    QFETCH(QString, schema);
    QFETCH(QString, document);
    QFETCH(QString, typeName);
    QFETCH(QString, fieldName);
    QFETCH(QString, expected);
    const auto loaded = loadSchema(schema);
    QVERIFY(loaded);
    const auto [text, cursor] = withCursor(document);
    const auto [expectedText, expectedCaret] = withCursor(expected);

    const FieldInsertion insertion = planFieldInsertion(*loaded, text, cursor, typeName, fieldName);
    QVERIFY2(insertion.message.isEmpty(), qPrintable(insertion.message));
    const QString result = applyTextEdits(text, insertion.edits);
    QCOMPARE(result, expectedText);
    QCOMPARE(insertion.cursorOffset, expectedCaret);

    // The user's text is all there, in order: every edit is a pure insertion.
    for (const TextEdit &edit : insertion.edits)
        QCOMPARE(edit.length, 0);
    // The result parses strictly and validates whenever the input did (a blank input counts as valid).
    if (text.trimmed().isEmpty() || text.trimmed().startsWith(u'#') || errorsOf(*loaded, text).isEmpty())
        QCOMPARE(errorsOf(*loaded, result), QString());
}

void FieldInsertionTest::refusals_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown type") << u"{ viewer { id } }"_s << u"Nope"_s << u"id"_s << u"Unknown type \"Nope\"."_s;
    QTest::newRow("unknown field") << u"{ viewer { id } }"_s << u"Member"_s << u"nope"_s
                                   << u"Type \"Member\" has no field \"nope\"."_s;
    QTest::newRow("input type") << u""_s << u"BookFilter"_s << u"and"_s
                                << u"Type \"BookFilter\" has no fields to select."_s;
    QTest::newRow("syntax error") << u"{ viewer { id }"_s << u"Query"_s << u"serverTime"_s
                                  << u"Fix the syntax error first: Syntax Error: Expected Name, found <EOF>."_s;
    QTest::newRow("second subscription root field")
        << u"subscription { ticker }"_s << u"Subscription"_s << u"loanEvents"_s
        << u"A subscription selects a single root field; add it to a new subscription operation."_s;
    QTest::newRow("anonymous operation blocks a new one")
        << u"{ serverTime }"_s << u"Mutation"_s << u"deleteNode"_s
        << u"Name the document's anonymous operation before adding a mutation to it."_s;
}

void FieldInsertionTest::refusals()
{
    QFETCH(QString, document);
    QFETCH(QString, typeName);
    QFETCH(QString, fieldName);
    QFETCH(QString, message);
    const auto schema = loadSchema(u"small"_s);
    QVERIFY(schema);
    const FieldInsertion insertion = planFieldInsertion(*schema, document, 0, typeName, fieldName);
    QCOMPARE(insertion.message, message);
    QVERIFY(insertion.edits.isEmpty());
    QCOMPARE(insertion.cursorOffset, -1);
}

void FieldInsertionTest::editsAreInsertionsInOrder()
{
    // Two edits (the variable list and the field), ascending and applied from the last: offsets stay original.
    const auto schema = loadSchema(u"small"_s);
    QVERIFY(schema);
    const QString document = u"query Q($x: Int) { books(first: $x) { id } }"_s;
    const FieldInsertion insertion = planFieldInsertion(*schema, document, 0, u"Query"_s, u"member"_s);
    QCOMPARE(insertion.edits.size(), 2);
    QVERIFY(insertion.edits.at(0).offset < insertion.edits.at(1).offset);
    QCOMPARE(insertion.edits.at(0), (TextEdit{15, 0, u", $id: ID!"_s}));
    QCOMPARE(applyTextEdits(document, insertion.edits),
             u"query Q($x: Int, $id: ID!) { books(first: $x) { id } member(id: $id) { id } }"_s);
}

QTEST_MAIN(FieldInsertionTest)
#include "fieldinsertion_test.moc"
