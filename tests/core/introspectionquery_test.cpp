// SPDX-License-Identifier: MIT
// Sextant: tests for the introspection query builder, the capability probe and the fallback ladder.
#include <core/schema/introspectionquery.h>

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Sextant::Core::IntrospectionOptions)

namespace {

QString readFixture(const QString &relativePath)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/") + relativePath);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

IntrospectionOptions minimal()
{
    IntrospectionOptions options;
    options.descriptions = false;
    return options;
}

// Answers to IntrospectionCapabilities. graphql-core 3.2.8 (Dagster) as printed by
// graphql_sync(build_schema("type Query { a: Int }"), probe); Dagger per PROTOCOLS.md §2.2 (dagql
// introspection: no isRepeatable, no isOneOf, extra non-standard `directives` fields); a graphql-js 15
// era server with the specifiedByUrl spelling and no input-value deprecation.
const char kGraphqlCoreProbe[] = R"({"data": {"t": {"fields": [{"name": "kind"}, {"name": "name"}, {"name": "description"},
 {"name": "specifiedByURL"}, {"name": "fields"}, {"name": "interfaces"}, {"name": "possibleTypes"}, {"name": "enumValues"},
 {"name": "inputFields"}, {"name": "ofType"}, {"name": "isOneOf"}]}, "d": {"fields": [{"name": "name"}, {"name": "description"},
 {"name": "isRepeatable"}, {"name": "locations"}, {"name": "args"}, {"name": "isDeprecated"}, {"name": "deprecationReason"}]},
 "s": {"fields": [{"name": "description"}, {"name": "types"}, {"name": "queryType"}, {"name": "mutationType"},
 {"name": "subscriptionType"}, {"name": "directives"}]}, "iv": {"fields": [{"name": "name"}, {"name": "description"},
 {"name": "type"}, {"name": "defaultValue"}, {"name": "isDeprecated"}, {"name": "deprecationReason"}]},
 "f": {"fields": [{"name": "name", "args": []}, {"name": "description", "args": []}, {"name": "args",
 "args": [{"name": "includeDeprecated"}]}, {"name": "type", "args": []}, {"name": "isDeprecated", "args": []},
 {"name": "deprecationReason", "args": []}]}}})";

const char kDaggerProbe[] = R"({"data":{"t":{"fields":[{"name":"kind"},{"name":"name"},{"name":"description"},
 {"name":"specifiedByURL"},{"name":"fields"},{"name":"interfaces"},{"name":"possibleTypes"},{"name":"enumValues"},
 {"name":"inputFields"},{"name":"ofType"},{"name":"directives"}]},"d":{"fields":[{"name":"name"},{"name":"description"},
 {"name":"locations"},{"name":"args"}]},"s":{"fields":[{"name":"description"},{"name":"types"},{"name":"queryType"},
 {"name":"mutationType"},{"name":"subscriptionType"},{"name":"directives"}]},"iv":{"fields":[{"name":"name"},
 {"name":"description"},{"name":"type"},{"name":"defaultValue"},{"name":"isDeprecated"},{"name":"deprecationReason"},
 {"name":"directives"}]},"f":{"fields":[{"name":"name","args":[]},{"name":"description","args":[]},{"name":"args",
 "args":[{"name":"includeDeprecated"}]},{"name":"type","args":[]},{"name":"isDeprecated","args":[]},
 {"name":"deprecationReason","args":[]},{"name":"directives","args":[]}]}}})";

const char kGraphqlJs15Probe[] = R"({"data":{"t":{"fields":[{"name":"kind"},{"name":"name"},{"name":"description"},
 {"name":"specifiedByUrl"},{"name":"fields"},{"name":"interfaces"},{"name":"possibleTypes"},{"name":"enumValues"},
 {"name":"inputFields"},{"name":"ofType"}]},"d":{"fields":[{"name":"name"},{"name":"description"},{"name":"isRepeatable"},
 {"name":"locations"},{"name":"args"}]},"s":{"fields":[{"name":"description"},{"name":"types"},{"name":"queryType"},
 {"name":"mutationType"},{"name":"subscriptionType"},{"name":"directives"}]},"iv":{"fields":[{"name":"name"},
 {"name":"description"},{"name":"type"},{"name":"defaultValue"}]},"f":{"fields":[{"name":"name","args":[]},
 {"name":"args","args":[]},{"name":"type","args":[]}]}}})";

} // namespace

class IntrospectionQueryTest final : public QObject
{
    Q_OBJECT

private slots:
    void matchesGraphqlJs_data();
    void matchesGraphqlJs();
    void optionalParts_data();
    void optionalParts();
    void typeDepth_data();
    void typeDepth();
    void capabilitiesQuery();
    void probe_data();
    void probe();
    void probeFailure_data();
    void probeFailure();
    void ladderFromFull();
    void ladderSkipsRepeats();
    void introspectionFieldError_data();
    void introspectionFieldError();
};

void IntrospectionQueryTest::matchesGraphqlJs_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<IntrospectionOptions>("options");

    IntrospectionOptions all = IntrospectionOptions::full();
    IntrospectionOptions depth3 = minimal();
    depth3.typeDepth = 3;
    QTest::newRow("default") << u"graphql-js-default.graphql"_s << IntrospectionOptions();
    QTest::newRow("all") << u"graphql-js-all.graphql"_s << all;
    QTest::newRow("no descriptions, depth 3") << u"graphql-js-minimal-depth3.graphql"_s << depth3;
}

void IntrospectionQueryTest::matchesGraphqlJs()
{
    QFETCH(QString, fixture);
    QFETCH(IntrospectionOptions, options);
    const QString expected = readFixture(u"schemas/introspection-query/"_s + fixture);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(introspectionQuery(options), expected);
}

void IntrospectionQueryTest::optionalParts_data()
{
    QTest::addColumn<IntrospectionOptions>("options");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    const QStringList core{u"query IntrospectionQuery"_s, u"fields(includeDeprecated: true)"_s,
                           u"enumValues(includeDeprecated: true)"_s, u"fragment TypeRef on __Type"_s,
                           u"defaultValue"_s, u"possibleTypes"_s};
    const QStringList optional{u"isOneOf"_s, u"specifiedByURL"_s, u"specifiedByUrl"_s, u"isRepeatable"_s,
                               u"args(includeDeprecated: true)"_s, u"inputFields(includeDeprecated: true)"_s,
                               u"description"_s};

    QTest::newRow("minimal") << minimal() << core << optional;

    IntrospectionOptions o = minimal();
    o.descriptions = true;
    QTest::newRow("descriptions") << o << core + QStringList{u"description"_s}
                                  << QStringList{u"isOneOf"_s, u"specifiedByURL"_s, u"isRepeatable"_s};
    o = minimal();
    o.oneOf = true;
    QTest::newRow("oneOf") << o << QStringList{u"isOneOf"_s} << QStringList{u"specifiedByURL"_s, u"description"_s};
    o = minimal();
    o.specifiedByUrl = true;
    QTest::newRow("specifiedByURL") << o << QStringList{u"specifiedByURL"_s} << QStringList{u"specifiedByUrl"_s, u"isOneOf"_s};
    o.specifiedByUrlLegacySpelling = true;
    QTest::newRow("specifiedByUrl (graphql-js 15)") << o << QStringList{u"specifiedByUrl"_s} << QStringList{u"specifiedByURL"_s};
    o = minimal();
    o.directiveIsRepeatable = true;
    QTest::newRow("isRepeatable") << o << QStringList{u"isRepeatable"_s} << QStringList{u"isOneOf"_s};
    o = minimal();
    o.inputValueDeprecation = true;
    QTest::newRow("inputValueDeprecation")
        << o
        << QStringList{u"args(includeDeprecated: true)"_s, u"inputFields(includeDeprecated: true)"_s,
                       u"defaultValue\n      isDeprecated\n      deprecationReason"_s}
        << QStringList{u"isOneOf"_s};
    o = minimal();
    o.schemaDescription = true; // graphql-js: schema description only when descriptions are on
    QTest::newRow("schemaDescription without descriptions") << o << core << QStringList{u"description"_s};
    o.descriptions = true;
    QTest::newRow("schemaDescription") << o << QStringList{u"__schema {\n        description\n"_s} << QStringList{};
}

void IntrospectionQueryTest::optionalParts()
{
    QFETCH(IntrospectionOptions, options);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const QString query = introspectionQuery(options);
    for (const QString &text : present)
        QVERIFY2(query.contains(text), qPrintable(text));
    for (const QString &text : absent)
        QVERIFY2(!query.contains(text), qPrintable(text));
}

void IntrospectionQueryTest::typeDepth_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("ofTypeCount");
    QTest::newRow("0") << 0 << 0;
    QTest::newRow("default 9") << 9 << 9;
    QTest::newRow("7 (graphql-js 15)") << 7 << 7;
    QTest::newRow("clamped to 100") << 500 << 100;
    QTest::newRow("negative") << -3 << 0;
}

void IntrospectionQueryTest::typeDepth()
{
    QFETCH(int, depth);
    QFETCH(int, ofTypeCount);
    IntrospectionOptions options;
    options.typeDepth = depth;
    const QString query = introspectionQuery(options);
    QCOMPARE(int(query.count(u"ofType {"_s)), ofTypeCount);
    QCOMPARE(query.count(u'{'), query.count(u'}'));
}

void IntrospectionQueryTest::capabilitiesQuery()
{
    const QString query = introspectionCapabilitiesQuery();
    QVERIFY(query.startsWith(u"query IntrospectionCapabilities {"_s));
    for (const QString &part : {u"t: __type(name: \"__Type\")"_s, u"d: __type(name: \"__Directive\")"_s,
                                u"s: __type(name: \"__Schema\")"_s, u"iv: __type(name: \"__InputValue\")"_s,
                                u"f: __type(name: \"__Field\") { fields { name args { name } } }"_s})
        QVERIFY2(query.contains(part), qPrintable(part));
    QCOMPARE(query.count(u'{'), query.count(u'}'));
    QVERIFY(!query.contains(u"__schema"_s));
}

void IntrospectionQueryTest::probe_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<IntrospectionOptions>("expected");

    QTest::newRow("graphql-core 3.2.8") << QByteArray(kGraphqlCoreProbe) << IntrospectionOptions::full();

    IntrospectionOptions dagger = IntrospectionOptions::full();
    dagger.oneOf = false;
    dagger.directiveIsRepeatable = false;
    QTest::newRow("dagger") << QByteArray(kDaggerProbe) << dagger;

    IntrospectionOptions js15;
    js15.specifiedByUrl = true;
    js15.specifiedByUrlLegacySpelling = true;
    js15.directiveIsRepeatable = true;
    js15.schemaDescription = true;
    QTest::newRow("graphql-js 15") << QByteArray(kGraphqlJs15Probe) << js15;

    // Input-value deprecation needs both parts: isDeprecated on __InputValue and the argument.
    QByteArray noArgument(kGraphqlCoreProbe);
    noArgument.replace(R"([{"name": "includeDeprecated"}])", "[]");
    IntrospectionOptions withoutInputDeprecation = IntrospectionOptions::full();
    withoutInputDeprecation.inputValueDeprecation = false;
    QTest::newRow("no includeDeprecated argument") << noArgument << withoutInputDeprecation;

    // A server that answers null for a lookup it does not know leaves that part off.
    QTest::newRow("directive lookup null")
        << QByteArray(R"({"data":{"t":{"fields":[{"name":"isOneOf"}]},"d":null,"s":null,"iv":null,"f":null}})")
        << [] {
               IntrospectionOptions o;
               o.oneOf = true;
               return o;
           }();
}

void IntrospectionQueryTest::probe()
{
    QFETCH(QByteArray, response);
    QFETCH(IntrospectionOptions, expected);
    bool ok = false;
    const IntrospectionOptions options = introspectionOptionsFromProbe(response, &ok);
    QVERIFY(ok);
    QCOMPARE(options.oneOf, expected.oneOf);
    QCOMPARE(options.specifiedByUrl, expected.specifiedByUrl);
    QCOMPARE(options.specifiedByUrlLegacySpelling, expected.specifiedByUrlLegacySpelling);
    QCOMPARE(options.directiveIsRepeatable, expected.directiveIsRepeatable);
    QCOMPARE(options.schemaDescription, expected.schemaDescription);
    QCOMPARE(options.inputValueDeprecation, expected.inputValueDeprecation);
    QVERIFY(options.descriptions);
    QCOMPARE(options.typeDepth, 9);
    QVERIFY(options == expected);
}

void IntrospectionQueryTest::probeFailure_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::newRow("not JSON") << QByteArray("Forbidden");
    QTest::newRow("errors only")
        << QByteArray(R"({"errors":[{"message":"Cannot query field \"__type\" on type \"Query\"."}]})");
    QTest::newRow("data null") << QByteArray(R"({"data":null,"errors":[{"message":"introspection disabled"}]})");
    QTest::newRow("__Type lookup null") << QByteArray(R"({"data":{"t":null}})");
    QTest::newRow("array") << QByteArray("[]");
}

void IntrospectionQueryTest::probeFailure()
{
    QFETCH(QByteArray, response);
    bool ok = true;
    const IntrospectionOptions options = introspectionOptionsFromProbe(response, &ok);
    QVERIFY(!ok);
    QVERIFY(options == IntrospectionOptions::full()); // the caller walks the ladder from the top
}

void IntrospectionQueryTest::ladderFromFull()
{
    IntrospectionOptions start = IntrospectionOptions::full();
    start.typeDepth = 12;
    const QList<IntrospectionOptions> ladder = introspectionFallbackLadder(start);
    QCOMPARE(ladder.size(), 5);
    QVERIFY(ladder.at(0) == start);

    QVERIFY(!ladder.at(1).oneOf);
    QVERIFY(ladder.at(1).inputValueDeprecation);

    QVERIFY(!ladder.at(2).oneOf);
    QVERIFY(!ladder.at(2).inputValueDeprecation);
    QVERIFY(ladder.at(2).specifiedByUrl && ladder.at(2).directiveIsRepeatable && ladder.at(2).schemaDescription);

    QVERIFY(!ladder.at(3).specifiedByUrl && !ladder.at(3).directiveIsRepeatable && !ladder.at(3).schemaDescription);
    QVERIFY(ladder.at(3).descriptions);

    IntrospectionOptions expectedMinimal = minimal();
    expectedMinimal.typeDepth = 12;
    QVERIFY(ladder.at(4) == expectedMinimal);

    // Each step asks for strictly less than the one before.
    for (qsizetype i = 1; i < ladder.size(); ++i)
        QVERIFY(introspectionQuery(ladder.at(i)).size() < introspectionQuery(ladder.at(i - 1)).size());
}

void IntrospectionQueryTest::ladderSkipsRepeats()
{
    bool ok = false;
    const IntrospectionOptions dagger = introspectionOptionsFromProbe(kDaggerProbe, &ok);
    QVERIFY(ok);
    const QList<IntrospectionOptions> ladder = introspectionFallbackLadder(dagger);
    QCOMPARE(ladder.size(), 4); // no "drop isOneOf" step: Dagger never had it
    QVERIFY(ladder.at(0) == dagger);
    QVERIFY(!ladder.at(1).inputValueDeprecation);
    QVERIFY(ladder.constLast() == minimal());

    QCOMPARE(introspectionFallbackLadder(minimal()).size(), 1);
    QCOMPARE(introspectionFallbackLadder(IntrospectionOptions()).size(), 2); // graphql-js defaults, then minimal
}

void IntrospectionQueryTest::introspectionFieldError_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("expected");
    QTest::newRow("graphql-js field") << u"Cannot query field \"isOneOf\" on type \"__Type\"."_s << true;
    QTest::newRow("graphql-js argument") << u"Unknown argument \"includeDeprecated\" on field \"__Field.args\"."_s << true;
    QTest::newRow("directive field") << u"Cannot query field \"isRepeatable\" on type \"__Directive\"."_s << true;
    QTest::newRow("gqlgen") << u"Cannot query field \"specifiedByURL\" on type \"__Type\"."_s << true;
    QTest::newRow("user field") << u"Cannot query field \"foo\" on type \"Query\"."_s << false;
    QTest::newRow("introspection disabled") << u"GraphQL introspection is not allowed by Apollo Server"_s << false;
    QTest::newRow("depth limit") << u"Query exceeds maximum depth of 10"_s << false;
}

void IntrospectionQueryTest::introspectionFieldError()
{
    QFETCH(QString, message);
    QFETCH(bool, expected);
    QCOMPARE(isIntrospectionFieldError(message), expected);
}

QTEST_GUILESS_MAIN(IntrospectionQueryTest)
#include "introspectionquery_test.moc"
