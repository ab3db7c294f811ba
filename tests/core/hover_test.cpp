// SPDX-License-Identifier: MIT
// Sextant: hoverAt() against the small, Dagster and Dagger schemas, plus every cursor offset of the fixtures.
#include <core/completion/hover.h>
#include <core/schema/introspectionreader.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Sextant::Core;

namespace {

std::shared_ptr<const Schema> loadSchema(const QString &name)
{
    static std::map<QString, std::shared_ptr<const Schema>> cache;
    if (auto it = cache.find(name); it != cache.end())
        return it->second;
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/introspection.json"_s);
    QByteArray json;
    if (file.open(QIODevice::ReadOnly))
        json = file.readAll();
    const IntrospectionReadResult result = IntrospectionReader::read(json);
    cache[name] = result.schema;
    return result.schema;
}

// One line per coordinate kind; any name the kind does not use is reported so a stray value fails.
QString describe(const SchemaCoordinate &c)
{
    QString text;
    QStringList used;
    switch (c.kind) {
    case SchemaElementKind::None:
        text = u"None"_s;
        break;
    case SchemaElementKind::Type:
        text = u"Type "_s + c.typeName;
        used = {c.typeName};
        break;
    case SchemaElementKind::Field:
        text = u"Field "_s + c.typeName + u'.' + c.fieldName;
        used = {c.typeName, c.fieldName};
        break;
    case SchemaElementKind::Argument:
        text = u"Argument "_s + c.typeName + u'.' + c.fieldName + u'(' + c.argumentName + u":)"_s;
        used = {c.typeName, c.fieldName, c.argumentName};
        break;
    case SchemaElementKind::EnumValue:
        text = u"EnumValue "_s + c.typeName + u'.' + c.enumValue;
        used = {c.typeName, c.enumValue};
        break;
    case SchemaElementKind::Directive:
        text = u"Directive @"_s + c.directiveName;
        used = {c.directiveName};
        break;
    case SchemaElementKind::DirectiveArgument:
        text = u"DirectiveArgument @"_s + c.directiveName + u'(' + c.argumentName + u":)"_s;
        used = {c.directiveName, c.argumentName};
        break;
    case SchemaElementKind::InputField:
        text = u"InputField "_s + c.typeName + u'.' + c.fieldName;
        used = {c.typeName, c.fieldName};
        break;
    case SchemaElementKind::Variable:
        text = u"Variable $"_s + c.argumentName + u": "_s + c.typeName;
        used = {c.argumentName, c.typeName};
        break;
    }
    const int nonEmpty = int(!c.typeName.isEmpty()) + int(!c.fieldName.isEmpty()) + int(!c.argumentName.isEmpty())
                         + int(!c.enumValue.isEmpty()) + int(!c.directiveName.isEmpty());
    if (nonEmpty != used.size())
        text += u" (stray names)"_s;
    return text;
}

QStringList fixtureFiles(const QString &set)
{
    QDir dir(QStringLiteral(SEXTANT_FIXTURES_DIR "/queries/") + set);
    QStringList paths;
    for (const QString &name : dir.entryList({u"*.graphql"_s}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace

class HoverTest final : public QObject
{
    Q_OBJECT

private slots:
    void hover_data();
    void hover();
    void everyOffsetOfFixtures_data();
    void everyOffsetOfFixtures();
    void garbage();
    void metaFieldDescriptions();
};

void HoverTest::hover_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("text"); // '|' marks the cursor
    QTest::addColumn<QString>("coordinate");
    QTest::addColumn<QString>("signature");         // substring of HoverInfo::signature
    QTest::addColumn<QString>("deprecationReason"); // null: not deprecated
    QTest::addColumn<QString>("token");             // text of [startOffset, endOffset)

    const QString none;
    auto row = [](const char *name, const QString &schema, const QString &text, const QString &coordinate,
                  const QString &signature, const QString &reason, const QString &token) {
        QTest::newRow(name) << schema << text << coordinate << signature << reason << token;
    };
    const QString small = u"small"_s;

    // Fields, aliases, meta fields
    row("root field, deprecated", small, u"{ allB|ooks { title } }"_s, u"Field Query.allBooks"_s,
        u"Query.allBooks: [Book]"_s, u"Use `books` with pagination."_s, u"allBooks"_s);
    row("cursor at token start", small, u"{ |allBooks { title } }"_s, u"Field Query.allBooks"_s, u"allBooks"_s,
        u"Use `books` with pagination."_s, u"allBooks"_s);
    row("cursor just after token", small, u"{ allBooks { title| } }"_s, u"Field Book.title"_s,
        u"Book.title: String!"_s, none, u"title"_s);
    row("nested field", small, u"{ books { tit|le } }"_s, u"Field Book.title"_s, u"Book.title: String!"_s, none,
        u"title"_s);
    row("field with arguments", small, u"{ boo|ks { id } }"_s, u"Field Query.books"_s,
        u"Query.books(first: Int = 20, after: String, filter: BookFilter, orderBy: [BookOrder!]): [Book!]!"_s, none,
        u"books"_s);
    row("aliased field: name part", small, u"{ b: bo|oks { id } }"_s, u"Field Query.books"_s, u"Query.books("_s,
        none, u"books"_s);
    row("aliased field: alias part", small, u"{ b|b: books { id } }"_s, u"None"_s, QString(), none, QString());
    row("deprecated field", small, u"{ allBooks { gen|re } }"_s, u"Field Book.genre"_s, u"Book.genre: Genre"_s,
        u"Use `genres`."_s, u"genre"_s);
    row("deprecated field, default reason", small, u"{ node(id: \"1\") { ... on Dvd { reg|ion } } }"_s,
        u"Field Dvd.region"_s, u"Dvd.region: Int"_s, u"No longer supported"_s, u"region"_s);
    row("__typename on a union", small, u"{ search(text: \"x\") { __type|name } }"_s,
        u"Field SearchResult.__typename"_s, u"SearchResult.__typename: String!"_s, none, u"__typename"_s);
    row("__schema", small, u"{ __sch|ema { queryType { name } } }"_s, u"Field Query.__schema"_s,
        u"Query.__schema: __Schema!"_s, none, u"__schema"_s);
    row("field of __type", small, u"{ __type(name: \"Book\") { fie|lds(includeDeprecated: true) { name } } }"_s,
        u"Field __Type.fields"_s, u"fields(includeDeprecated: Boolean = false)"_s, none, u"fields"_s);
    row("subscription field", small, u"subscription { tic|ker(intervalMs: 5) }"_s, u"Field Subscription.ticker"_s,
        u"Subscription.ticker(intervalMs: Int = 1000): DateTime!"_s, none, u"ticker"_s);
    row("unknown field", small, u"{ nope|Field }"_s, u"None"_s, QString(), none, QString());
    row("unclosed document", small, u"{ allBooks { tit|le "_s, u"Field Book.title"_s, u"Book.title"_s, none,
        u"title"_s);

    // Arguments
    row("argument with default", small, u"{ allBooks { rating(sc|ale: 3) } }"_s, u"Argument Book.rating(scale:)"_s,
        u"Book.rating(scale: Int = 5)"_s, none, u"scale"_s);
    row("deprecated argument", small, u"{ allBooks { rating(prec|ise: true) } }"_s,
        u"Argument Book.rating(precise:)"_s, u"precise: Boolean"_s, u"Always precise now."_s, u"precise"_s);
    row("deprecated mutation argument", small, u"mutation { returnItem(loanId: \"1\", dam|aged: true) { id } }"_s,
        u"Argument Mutation.returnItem(damaged:)"_s, u"Mutation.returnItem(damaged: Boolean)"_s,
        u"Use condition."_s, u"damaged"_s);
    row("__type argument", small, u"{ __type(na|me: \"Book\") { name } }"_s, u"Argument Query.__type(name:)"_s,
        u"Query.__type(name: String!)"_s, none, u"name"_s);
    row("string value", small, u"{ search(text: \"ab|c\") { __typename } }"_s, u"None"_s, QString(), none,
        QString());

    // Values: enum values and input object fields
    row("deprecated input field", small, u"{ books(filter: {title|Like: \"x\"}) { id } }"_s,
        u"InputField BookFilter.titleLike"_s, u"BookFilter.titleLike: String"_s, u"Use titleContains."_s,
        u"titleLike"_s);
    row("deprecated enum value in list", small, u"{ books(filter: {formats: [CASS|ETTE]}) { id } }"_s,
        u"EnumValue Format.CASSETTE"_s, u"Format.CASSETTE"_s, u"No longer stocked."_s, u"CASSETTE"_s);
    row("enum in list of input objects", small, u"{ books(orderBy: [{field: TIT|LE}]) { id } }"_s,
        u"EnumValue BookField.TITLE"_s, u"BookField.TITLE"_s, none, u"TITLE"_s);
    row("input field in nested list", small, u"{ books(filter: {and: [{gen|res: [POETRY]}]}) { id } }"_s,
        u"InputField BookFilter.genres"_s, u"BookFilter.genres: [Genre!]"_s, none, u"genres"_s);
    row("enum in nested list", small, u"{ books(filter: {and: [{genres: [POE|TRY]}]}) { id } }"_s,
        u"EnumValue Genre.POETRY"_s, u"Genre.POETRY"_s, none, u"POETRY"_s);
    row("deprecated input field in mutation", small,
        u"mutation { checkout(input: {item: {id: \"1\"}, memberId: \"2\", expr|ess: true}) { __typename } }"_s,
        u"InputField CheckoutInput.express"_s, u"CheckoutInput.express: Boolean"_s,
        u"All checkouts are express now."_s, u"express"_s);
    row("enum default of a variable", small, u"query Q($c: Color = PI|NK) { viewer { id } }"_s,
        u"EnumValue Color.PINK"_s, u"Color.PINK"_s, none, u"PINK"_s);

    // Types and variables
    row("type in variable definition", small, u"query Q($r: Item|Ref!) { book(ref: $r) { id } }"_s,
        u"Type ItemRef"_s, u"input ItemRef"_s, none, u"ItemRef"_s);
    row("variable usage", small, u"query Q($r: ItemRef!) { book(ref: $|r) { id } }"_s,
        u"Variable $r: ItemRef"_s, u"$r: ItemRef!"_s, none, u"$r"_s);
    row("variable definition", small, u"query Q($r|: [ID!]!) { nodes(ids: $r) { id } }"_s,
        u"Variable $r: ID"_s, u"$r: [ID!]!"_s, none, u"$r"_s);
    row("undeclared variable", small, u"query Q { book(ref: $n|ope) { id } }"_s, u"None"_s, QString(), none,
        QString());
    row("inline fragment type condition", small, u"{ search(text: \"x\") { ... on Bo|ok { title } } }"_s,
        u"Type Book"_s, u"type Book implements Lendable"_s, none, u"Book"_s);
    row("fragment type condition", small, u"fragment F on Mem|ber { id }"_s, u"Type Member"_s, u"type Member"_s,
        none, u"Member"_s);
    row("unicode before the token", small, u"# Zoë 🚀 中文\n{ allBooks { gen|res } }"_s, u"Field Book.genres"_s,
        u"Book.genres: [Genre!]!"_s, none, u"genres"_s);

    // Directives
    row("directive", small, u"{ viewer @incl|ude(if: true) { id } }"_s, u"Directive @include"_s,
        u"directive @include(if: Boolean!)"_s, none, u"@include"_s);
    row("directive argument", small, u"{ viewer @include(i|f: true) { id } }"_s,
        u"DirectiveArgument @include(if:)"_s, u"@include(if: Boolean!)"_s, none, u"if"_s);
    row("directive argument with default", small, u"{ viewer { displayName @highlight(co|lor: GREEN) } }"_s,
        u"DirectiveArgument @highlight(color:)"_s, u"@highlight(color: Color = YELLOW)"_s, none, u"color"_s);
    row("enum in directive argument", small, u"{ viewer { displayName @highlight(color: GRE|EN) } }"_s,
        u"EnumValue Color.GREEN"_s, u"Color.GREEN"_s, none, u"GREEN"_s);
    row("operation directive argument", small, u"query Q @trace(t|ag: \"x\") { viewer { id } }"_s,
        u"DirectiveArgument @trace(tag:)"_s, u"@trace(tag: String)"_s, none, u"tag"_s);
    row("unknown directive's argument", small, u"{ viewer { loans(first: 1) @nope(fi|rst: 2) { totalCount } } }"_s,
        u"None"_s, QString(), none, QString());

    // Outside anything
    row("whitespace", small, u"{ books { id }  |  }"_s, u"None"_s, QString(), none, QString());
    row("operation keyword", small, u"que|ry Q { viewer { id } }"_s, u"None"_s, QString(), none, QString());
    row("empty document", small, u"|"_s, u"None"_s, QString(), none, QString());

    // Dagster and Dagger
    const QString dagster = u"dagster"_s;
    row("dagster root field", dagster, u"{ runsOr|Error { __typename } }"_s, u"Field Query.runsOrError"_s,
        u"Query.runsOrError(filter: RunsFilter, cursor: String, limit: Int): RunsOrError!"_s, none,
        u"runsOrError"_s);
    row("dagster argument", dagster, u"{ runsOrError(fil|ter: {statuses: [SUCCESS]}) { __typename } }"_s,
        u"Argument Query.runsOrError(filter:)"_s, u"Query.runsOrError(filter: RunsFilter)"_s, none, u"filter"_s);
    row("dagster enum value", dagster, u"{ runsOrError(filter: {statuses: [SUCC|ESS]}) { __typename } }"_s,
        u"EnumValue RunStatus.SUCCESS"_s, u"RunStatus.SUCCESS"_s, none, u"SUCCESS"_s);
    row("dagster input field", dagster, u"{ runsOrError(filter: {stat|uses: [SUCCESS]}) { __typename } }"_s,
        u"InputField RunsFilter.statuses"_s, u"RunsFilter.statuses: [RunStatus!]"_s, none, u"statuses"_s);
    row("dagster union member", dagster, u"{ runsOrError { ... on Ru|ns { count } } }"_s, u"Type Runs"_s,
        u"type Runs"_s, none, u"Runs"_s);
    const QString dagger = u"dagger"_s;
    row("dagger argument", dagger,
        u"{ container { from(address: \"alpine\") { withExec(ar|gs: [\"uname\"]) { stdout } } } }"_s,
        u"Argument Container.withExec(args:)"_s, u"Container.withExec(args: [String!]!)"_s, none, u"args"_s);
    row("dagger deprecated field", dagger, u"{ git(url: \"x\") { ref(name: \"main\") { com|mit } } }"_s,
        u"Field GitRef.commit"_s, u"GitRef.commit: String!"_s, u"Use \"commitSHA\" instead."_s, u"commit"_s);
}

void HoverTest::hover()
{
    QFETCH(QString, schema);
    QFETCH(QString, text);
    QFETCH(QString, coordinate);
    QFETCH(QString, signature);
    QFETCH(QString, deprecationReason);
    QFETCH(QString, token);

    const std::shared_ptr<const Schema> loaded = loadSchema(schema);
    QVERIFY(loaded);
    const int cursor = int(text.indexOf(u'|'));
    QVERIFY(cursor >= 0);
    text.remove(cursor, 1);

    const HoverInfo info = hoverAt(*loaded, text, cursor);
    QCOMPARE(describe(info.coordinate), coordinate);
    QCOMPARE(info.isValid(), coordinate != u"None"_s);
    if (!info.isValid()) {
        QCOMPARE(info.startOffset, -1);
        QCOMPARE(info.endOffset, -1);
        QVERIFY(info.signature.isEmpty());
        return;
    }
    QVERIFY2(info.signature.contains(signature), qPrintable(info.signature));
    QCOMPARE(info.isDeprecated, !deprecationReason.isNull());
    QCOMPARE(info.deprecationReason, deprecationReason.isNull() ? QString() : deprecationReason);
    QCOMPARE(text.mid(info.startOffset, info.endOffset - info.startOffset), token);
}

void HoverTest::everyOffsetOfFixtures_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("path");
    for (const QString &set : {u"small"_s, u"dagster"_s, u"dagger"_s}) {
        for (const QString &path : fixtureFiles(set))
            QTest::newRow(qPrintable(set + u'/' + QFileInfo(path).fileName())) << set << path;
    }
}

// Every cursor position of every fixture: never crashes, a valid hover covers the cursor and names a
// token of the text, and the fixtures (valid queries) do give hovers.
void HoverTest::everyOffsetOfFixtures()
{
    QFETCH(QString, schema);
    QFETCH(QString, path);
    const std::shared_ptr<const Schema> loaded = loadSchema(schema);
    QVERIFY(loaded);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());

    int valid = 0;
    for (int offset = -1; offset <= text.size() + 1; ++offset) {
        const HoverInfo info = hoverAt(*loaded, text, offset);
        if (!info.isValid())
            continue;
        ++valid;
        QVERIFY2(info.startOffset >= 0 && info.startOffset <= offset && offset <= info.endOffset
                     && info.endOffset <= text.size(),
                 qPrintable(u"offset %1: [%2, %3)"_s.arg(offset).arg(info.startOffset).arg(info.endOffset)));
        QVERIFY(!info.signature.isEmpty());
        QVERIFY(info.isDeprecated || info.deprecationReason.isEmpty());
    }
    QVERIFY2(valid > 0, qPrintable(path));
}

// Random and truncated input at every offset: nothing crashes and ranges stay inside the text.
void HoverTest::garbage()
{
    const std::shared_ptr<const Schema> schema = loadSchema(u"small"_s);
    QVERIFY(schema);
    const QString alphabet = u"{}()[]:$@!=.,\"\\ \n\tabqueryfragmentonBook_0123456789#…🚀"_s;
    QList<QString> inputs = {u"{"_s,
                             u"}"_s,
                             u"@"_s,
                             u"$"_s,
                             u"..."_s,
                             u"query ($"_s,
                             u"{ books(filter: {and: [{and: [{"_s,
                             u"{ allBooks @include(if: "_s,
                             u"fragment on on on { ... on }"_s,
                             u"\"\"\"unterminated"_s,
                             QString(600, u'{'),
                             QString(600, u'[')};
    QRandomGenerator random(20261125); // fixed seed: reproducible
    for (int i = 0; i < 150; ++i) {
        QString text;
        const int length = int(random.bounded(1, 60));
        for (int j = 0; j < length; ++j)
            text.append(alphabet.at(int(random.bounded(int(alphabet.size())))));
        inputs.append(text);
    }
    // Truncations of a query using every kind of token.
    const QString full = u"query Q($r: ItemRef!, $c: Color = PINK) @trace(tag: \"x\") { a: book(ref: $r) { "
                         u"title @highlight(color: $c) ... on Book { rating(precise: true) } } "
                         u"books(filter: {formats: [CASSETTE], and: [{titleLike: \"d\"}]}) { __typename } }"_s;
    for (qsizetype cut = 0; cut <= full.size(); cut += 3)
        inputs.append(full.left(cut));

    int checked = 0;
    for (const QString &text : std::as_const(inputs)) {
        for (int offset = 0; offset <= text.size(); ++offset) {
            const HoverInfo info = hoverAt(*schema, text, offset);
            ++checked;
            if (info.isValid())
                QVERIFY(info.startOffset >= 0 && info.startOffset <= offset && info.endOffset <= text.size());
            else
                QCOMPARE(info.startOffset, -1);
        }
    }
    QVERIFY(checked > 1000);
    QVERIFY(!hoverAt(*schema, full, -5).isValid());
    QVERIFY(!hoverAt(*schema, full, int(full.size()) + 5).isValid());
}

void HoverTest::metaFieldDescriptions()
{
    // graphql-js 16's descriptions of the meta fields (type/introspection.js).
    const std::shared_ptr<const Schema> schema = loadSchema(u"small"_s);
    QVERIFY(schema);
    const QString text = u"{ __typename __schema { queryType { name } } __type(name: \"Book\") { name } }"_s;
    QCOMPARE(hoverAt(*schema, text, int(text.indexOf(u"__typename"_s)) + 3).description,
             u"The name of the current Object type at runtime."_s);
    QCOMPARE(hoverAt(*schema, text, int(text.indexOf(u"__schema"_s)) + 3).description,
             u"Access the current type schema of this server."_s);
    QCOMPARE(hoverAt(*schema, text, int(text.indexOf(u"__type("_s)) + 3).description,
             u"Request the type information of a single type."_s);
}

QTEST_GUILESS_MAIN(HoverTest)
#include "hover_test.moc"
