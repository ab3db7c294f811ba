// SPDX-License-Identifier: MIT
// Sextant: tests for TypeRef, Schema and IntrospectionReader against the fixture schemas.
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>
#include <core/schema/typeref.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <functional>
#include <thread>
#include <vector>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

namespace {

// Reads tests/fixtures/schemas/<name>/introspection.json, or its .gz (the GitHub schema) through gzip.
QByteArray loadSchemaFixture(const QString &name)
{
    const QString base = QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/introspection.json"_s;
    QFile plain(base);
    if (plain.open(QIODevice::ReadOnly))
        return plain.readAll();
    QProcess gunzip;
    gunzip.start(u"gzip"_s, {u"-dc"_s, base + u".gz"_s});
    if (!gunzip.waitForFinished(60000) || gunzip.exitCode() != 0)
        return {};
    return gunzip.readAllStandardOutput();
}

// Applies `edit` to every object in a JSON tree (depth first, children before the object itself).
QJsonValue transformObjects(const QJsonValue &value, const std::function<void(QJsonObject &)> &edit)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = transformObjects(array.at(i), edit);
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = transformObjects(it.value(), edit);
        edit(object);
        return object;
    }
    return value;
}

QJsonObject schemaObject(const QByteArray &fixture)
{
    return QJsonDocument::fromJson(fixture).object().value("data"_L1).toObject().value("__schema"_L1).toObject();
}

QByteArray wrapSchema(const QJsonObject &schema, bool inData = true)
{
    const QJsonObject root = inData ? QJsonObject{{u"data"_s, QJsonObject{{u"__schema"_s, schema}}}}
                                    : QJsonObject{{u"__schema"_s, schema}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

int countKind(const Schema &schema, TypeKind kind)
{
    int count = 0;
    for (const NamedType &type : schema.types())
        count += !type.isIntrospectionType() && type.kind == kind;
    return count;
}

} // namespace

class IntrospectionTest final : public QObject
{
    Q_OBJECT

private slots:
    void typeRefParse_data();
    void typeRefParse();
    void typeRefParseRejects_data();
    void typeRefParseRejects();
    void typeRefFactories();

    void fixtureSchemas_data();
    void fixtureSchemas();
    void dagsterSpotChecks();
    void smallSpotChecks();
    void daggerHasNoMutation();
    void concurrentReads();

    void unwrappedSchema();
    void errorsAlongsideData();
    void missingOptionalFields();
    void shallowTypeRef();
    void undefinedTypeReference();
    void badInput_data();
    void badInput();
};

void IntrospectionTest::typeRefParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("printed");
    QTest::addColumn<QString>("named");
    QTest::addColumn<int>("wrappers");
    QTest::addColumn<bool>("nonNull");
    QTest::addColumn<bool>("list");

    QTest::newRow("named") << u"Run"_s << u"Run"_s << u"Run"_s << 0 << false << false;
    QTest::newRow("non-null") << u"Int!"_s << u"Int!"_s << u"Int"_s << 1 << true << false;
    QTest::newRow("list") << u"[Run]"_s << u"[Run]"_s << u"Run"_s << 1 << false << true;
    QTest::newRow("non-null list of non-null") << u"[Run!]!"_s << u"[Run!]!"_s << u"Run"_s << 3 << true << false;
    QTest::newRow("nested") << u"[[String!]!]!"_s << u"[[String!]!]!"_s << u"String"_s << 5 << true << false;
    QTest::newRow("ignored tokens") << u" [ Int ! ] ,"_s << u"[Int!]"_s << u"Int"_s << 2 << false << true;
    QTest::newRow("underscore name") << u"__Type"_s << u"__Type"_s << u"__Type"_s << 0 << false << false;
}

void IntrospectionTest::typeRefParse()
{
    QFETCH(QString, text);
    QFETCH(QString, printed);
    QFETCH(QString, named);
    QFETCH(int, wrappers);
    QFETCH(bool, nonNull);
    QFETCH(bool, list);

    const TypeRef ref = TypeRef::parse(text);
    QVERIFY(ref.isValid());
    QCOMPARE(ref.toString(), printed);
    QCOMPARE(ref.namedType(), named);
    QCOMPARE(ref.wrapperCount(), wrappers);
    QCOMPARE(ref.isNonNull(), nonNull);
    QCOMPARE(ref.isList(), list);
    QCOMPARE(TypeRef::parse(ref.toString()), ref);

    // Stripping every wrapper ends at the named type, and one more step is invalid.
    TypeRef inner = ref;
    for (int i = 0; i < wrappers; ++i)
        inner = inner.ofType();
    QVERIFY(inner.isNamed());
    QCOMPARE(inner, TypeRef::named(named));
    QVERIFY(!inner.ofType().isValid());
}

void IntrospectionTest::typeRefParseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("unclosed list") << u"[Int"_s;
    QTest::newRow("double bang") << u"Int!!"_s;
    QTest::newRow("empty list") << u"[]"_s;
    QTest::newRow("leading digit") << u"1Int"_s;
    QTest::newRow("trailing junk") << u"Int x"_s;
    QTest::newRow("extra bracket") << u"[Int]]"_s;
    QTest::newRow("too deep") << QString(40, u'[') + u"Int"_s + QString(40, u']');
}

void IntrospectionTest::typeRefParseRejects()
{
    QFETCH(QString, text);
    const TypeRef ref = TypeRef::parse(text);
    QVERIFY(!ref.isValid());
    QVERIFY(ref.toString().isEmpty());
}

void IntrospectionTest::typeRefFactories()
{
    const TypeRef run = TypeRef::named(u"Run"_s);
    const TypeRef built = TypeRef::nonNull(TypeRef::list(TypeRef::nonNull(run)));
    QCOMPARE(built.toString(), u"[Run!]!"_s);
    QCOMPARE(built.nullable().toString(), u"[Run!]"_s);
    QCOMPARE(built.ofType().ofType().toString(), u"Run!"_s);
    bool ok = false;
    QCOMPARE(built.wrapperKind(&ok), TypeKind::NonNull);
    QVERIFY(ok);
    QCOMPARE(built.ofType().wrapperKind(&ok), TypeKind::List);
    QVERIFY(ok);
    run.wrapperKind(&ok);
    QVERIFY(!ok);
    QVERIFY(!TypeRef::nonNull(built).isValid()); // NonNull of NonNull
    QVERIFY(!TypeRef::list(TypeRef()).isValid());
    QVERIFY(!TypeRef::named(QString()).isValid());
    QVERIFY(!TypeRef().isValid());
    QCOMPARE(typeKindName(TypeKind::InputObject), u"INPUT_OBJECT"_s);
    QCOMPARE(typeKindFromName(u"NON_NULL", &ok), TypeKind::NonNull);
    QVERIFY(ok);
    typeKindFromName(u"TABLE", &ok);
    QVERIFY(!ok);
}

void IntrospectionTest::fixtureSchemas_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("types");
    QTest::addColumn<int>("typesWithIntrospection");
    QTest::addColumn<QList<int>>("kindCounts"); // objects, interfaces, unions, enums, input objects, scalars
    QTest::addColumn<QStringList>("roots");     // query, mutation, subscription ("" when absent)

    // Numbers from each tests/fixtures/schemas/<name>/SOURCE.md.
    QTest::newRow("small") << u"small"_s << 43 << 51 << QList<int>{15, 3, 2, 9, 5, 9}
                           << QStringList{u"Query"_s, u"Mutation"_s, u"Subscription"_s};
    QTest::newRow("dagster") << u"dagster"_s << 523 << 531 << QList<int>{343, 27, 81, 35, 28, 9}
                             << QStringList{u"Query"_s, u"Mutation"_s, u"Subscription"_s};
    QTest::newRow("dagger") << u"dagger"_s << 112 << 120 << QList<int>{80, 3, 0, 18, 4, 7}
                            << QStringList{u"Query"_s, QString(), QString()};
    QTest::newRow("github") << u"github"_s << 1598 << 1606 << QList<int>{907, 45, 43, 226, 360, 17}
                            << QStringList{u"Query"_s, u"Mutation"_s, QString()};
}

void IntrospectionTest::fixtureSchemas()
{
    QFETCH(QString, name);
    QFETCH(int, types);
    QFETCH(int, typesWithIntrospection);
    QFETCH(QList<int>, kindCounts);
    QFETCH(QStringList, roots);

    const QByteArray json = loadSchemaFixture(name);
    QVERIFY2(!json.isEmpty(), "fixture missing");
    QElapsedTimer timer;
    timer.start();
    const IntrospectionReadResult result = IntrospectionReader::read(json);
    const qint64 elapsed = timer.elapsed();
    qInfo("%s: %lld bytes read in %lld ms", qPrintable(name), qint64(json.size()), elapsed);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.schema);
    const Schema &schema = *result.schema;
    QVERIFY2(schema.warnings().isEmpty(), qPrintable(schema.warnings().join(u'\n')));
    QCOMPARE(result.truncatedTypeRefs, 0);

    QCOMPARE(schema.typeCount(), types);
    QCOMPARE(schema.typeCount(true), typesWithIntrospection);
    QCOMPARE(schema.types().size(), qsizetype(typesWithIntrospection));
    const QList<int> actual{countKind(schema, TypeKind::Object),      countKind(schema, TypeKind::Interface),
                            countKind(schema, TypeKind::Union),       countKind(schema, TypeKind::Enum),
                            countKind(schema, TypeKind::InputObject), countKind(schema, TypeKind::Scalar)};
    QCOMPARE(actual, kindCounts);

    QCOMPARE(schema.queryTypeName(), roots.at(0));
    QCOMPARE(schema.mutationTypeName(), roots.at(1));
    QCOMPARE(schema.subscriptionTypeName(), roots.at(2));
    QVERIFY(schema.queryType());
    QCOMPARE(schema.queryType()->kind, TypeKind::Object);
    QCOMPARE(schema.mutationType() != nullptr, !roots.at(1).isEmpty());
    QCOMPARE(schema.subscriptionType() != nullptr, !roots.at(2).isEmpty());

    // Every type is found by name, at its own position; the built-in directives are there.
    for (qsizetype i = 0; i < schema.types().size(); ++i) {
        const NamedType &type = schema.types().at(i);
        QCOMPARE(schema.type(type.name), &type);
        QCOMPARE(schema.typeIndex(type.name), i);
    }
    QVERIFY(!schema.type(u"NoSuchType"));
    QVERIFY(schema.type(u"__Schema"));
    QVERIFY(schema.type(u"__Schema")->isIntrospectionType());
    QVERIFY(schema.directive(u"skip"));
    QVERIFY(schema.directive(u"include"));
    QVERIFY(schema.directive(u"deprecated"));
    QCOMPARE(schema.directive(u"skip")->args.at(0).type.toString(), u"Boolean!"_s);
}

void IntrospectionTest::dagsterSpotChecks()
{
    const IntrospectionReadResult result = IntrospectionReader::read(loadSchemaFixture(u"dagster"_s));
    QVERIFY2(result.schema, qPrintable(result.error));
    const Schema &schema = *result.schema;

    const Field *runsOrError = schema.queryType()->field(u"runsOrError");
    QVERIFY(runsOrError);
    QCOMPARE(runsOrError->type.toString(), u"RunsOrError!"_s);
    QCOMPARE(runsOrError->signature(), u"runsOrError(filter: RunsFilter, cursor: String, limit: Int): RunsOrError!"_s);
    QCOMPARE(runsOrError->args.size(), 3);
    QVERIFY(runsOrError->arg(u"filter"));
    QCOMPARE(runsOrError->arg(u"filter")->type, TypeRef::named(u"RunsFilter"_s));

    const NamedType *union_ = schema.type(runsOrError->type.namedType());
    QVERIFY(union_);
    QCOMPARE(union_->kind, TypeKind::Union);
    QCOMPARE(union_->possibleTypes, (QStringList{u"Runs"_s, u"InvalidPipelineRunsFilterError"_s, u"PythonError"_s}));
    QCOMPARE(union_->signature(), u"union RunsOrError = Runs | InvalidPipelineRunsFilterError | PythonError"_s);
    QVERIFY(schema.isPossibleType(u"RunsOrError", u"PythonError"));
    QVERIFY(!schema.isPossibleType(u"RunsOrError", u"Run"));
    QCOMPARE(schema.type(u"RunsFilter")->kind, TypeKind::InputObject);
    QVERIFY(schema.type(u"RunsFilter")->inputField(u"pipelineName"));
    QVERIFY(!schema.type(u"RunsFilter")->inputField(u"jobName")); // SOURCE.md caveat
}

void IntrospectionTest::smallSpotChecks()
{
    const IntrospectionReadResult result = IntrospectionReader::read(loadSchemaFixture(u"small"_s));
    QVERIFY2(result.schema, qPrintable(result.error));
    const Schema &schema = *result.schema;

    QVERIFY(schema.description().startsWith(u"A small library-catalogue schema"_s));
    QVERIFY(schema.type(u"ItemRef")->isOneOf);
    QVERIFY(!schema.type(u"CheckoutInput")->isOneOf);
    QCOMPARE(schema.type(u"DateTime")->specifiedByURL, u"https://datatracker.ietf.org/doc/html/rfc3339"_s);
    QVERIFY(schema.type(u"JSON")->specifiedByURL.isEmpty());

    const EnumValue *cassette = schema.type(u"Format")->enumValue(u"CASSETTE");
    QVERIFY(cassette);
    QVERIFY(cassette->isDeprecated);
    QCOMPARE(cassette->deprecationReason, u"No longer stocked."_s);
    QVERIFY(!schema.type(u"Format")->enumValue(u"EBOOK")->isDeprecated);

    const Directive *label = schema.directive(u"label");
    QVERIFY(label);
    QVERIFY(label->isRepeatable);
    QVERIFY(!schema.directive(u"computed")->isRepeatable);
    QVERIFY(label->locations.contains(u"INPUT_FIELD_DEFINITION"_s));
    QCOMPARE(schema.directive(u"computed")->signature(), u"directive @computed(cost: Int = 1) on FIELD_DEFINITION"_s);

    // Deprecated arguments and input fields (input-value deprecation), defaults including objects.
    const Field *rating = schema.type(u"Book")->field(u"rating");
    QVERIFY(rating->arg(u"precise")->isDeprecated);
    QCOMPARE(rating->arg(u"precise")->deprecationReason, u"Always precise now."_s);
    QVERIFY(schema.type(u"BookFilter")->inputField(u"titleLike")->isDeprecated);
    const InputValue *orderBy = schema.type(u"Author")->field(u"books")->arg(u"orderBy");
    QVERIFY(orderBy->hasDefaultValue);
    QCOMPARE(orderBy->defaultValue, u"{field: TITLE, direction: ASC}"_s);
    QVERIFY(!schema.type(u"Author")->field(u"books")->arg(u"filter")->hasDefaultValue);
    QCOMPARE(schema.queryType()->field(u"matrix")->signature(), u"matrix(rows: [[Int!]!]!): [[Int!]!]!"_s);
    QCOMPARE(schema.type(u"Book")->field(u"pages")->type.toString(), u"[[String]!]"_s);

    // Deprecated field, interfaces implementing interfaces, unicode descriptions.
    const Field *allBooks = schema.queryType()->field(u"allBooks");
    QVERIFY(allBooks->isDeprecated);
    QCOMPARE(allBooks->deprecationReason, u"Use `books` with pagination."_s);
    QCOMPARE(schema.type(u"Lendable")->interfaces, (QStringList{u"Timestamped"_s, u"Node"_s}));
    QVERIFY(schema.type(u"Author")->field(u"bio")->description.contains(u"Zoë, Þór, 中文, 🚀"_s));
    QVERIFY(schema.isPossibleType(u"Node", u"Book"));
    QVERIFY(schema.isPossibleType(u"Node", u"Lendable")); // interface implementing an interface
    QVERIFY(!schema.isPossibleType(u"Lendable", u"Author"));
}

void IntrospectionTest::daggerHasNoMutation()
{
    const IntrospectionReadResult result = IntrospectionReader::read(loadSchemaFixture(u"dagger"_s));
    QVERIFY2(result.schema, qPrintable(result.error));
    QVERIFY(result.schema->mutationTypeName().isEmpty());
    QVERIFY(!result.schema->mutationType());
    QVERIFY(!result.schema->subscriptionType());
    QVERIFY(!result.schema->type(u"Float"));
    QVERIFY(result.schema->directive(u"expectedType"));
}

void IntrospectionTest::concurrentReads()
{
    // One Schema shared by several threads that only read it (the contract of std::shared_ptr<const Schema>).
    const std::shared_ptr<const Schema> schema = IntrospectionReader::read(loadSchemaFixture(u"dagster"_s)).schema;
    QVERIFY(schema);
    std::vector<int> found(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&schema, &found, t] {
            for (int round = 0; round < 20; ++round) {
                for (const NamedType &type : schema->types()) {
                    const NamedType *again = schema->type(type.name);
                    found[t] += again == &type && (type.fields.isEmpty() || again->field(type.fields.constLast().name));
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int count : found)
        QCOMPARE(count, 20 * 531);
}

void IntrospectionTest::unwrappedSchema()
{
    const QByteArray fixture = loadSchemaFixture(u"small"_s);
    const IntrospectionReadResult result = IntrospectionReader::read(wrapSchema(schemaObject(fixture), false));
    QVERIFY2(result.schema, qPrintable(result.error));
    QCOMPARE(result.schema->typeCount(), 43);
    QVERIFY(result.schema->warnings().isEmpty());
}

void IntrospectionTest::errorsAlongsideData()
{
    QJsonObject root{{u"data"_s, QJsonObject{{u"__schema"_s, schemaObject(loadSchemaFixture(u"small"_s))}}},
                     {u"errors"_s, QJsonArray{QJsonObject{{u"message"_s, u"Deprecated introspection field used"_s}}}}};
    const IntrospectionReadResult result = IntrospectionReader::read(QJsonDocument(root).toJson());
    QVERIFY2(result.schema, qPrintable(result.error));
    QCOMPARE(result.schema->typeCount(), 43);
    QCOMPARE(result.schema->warnings().size(), 1);
    QVERIFY(result.schema->warnings().constFirst().contains(u"Deprecated introspection field used"_s));
}

void IntrospectionTest::missingOptionalFields()
{
    // What an older server answers to a graphql-js 15 style query: no schema description, the
    // specifiedByUrl spelling, no isOneOf / isRepeatable / input-value deprecation, "" descriptions.
    QJsonObject schema = schemaObject(loadSchemaFixture(u"small"_s));
    schema.remove(u"description"_s);
    const QJsonValue stripped = transformObjects(schema, [](QJsonObject &object) {
        object.remove(u"isOneOf"_s);
        object.remove(u"isRepeatable"_s);
        if (object.contains(u"specifiedByURL"_s))
            object.insert(u"specifiedByUrl"_s, object.take(u"specifiedByURL"_s));
        if (object.contains(u"defaultValue"_s)) { // an __InputValue
            object.remove(u"isDeprecated"_s);
            object.remove(u"deprecationReason"_s);
        }
        if (object.value(u"description"_s).isNull())
            object.insert(u"description"_s, u""_s);
    });
    const IntrospectionReadResult result = IntrospectionReader::read(wrapSchema(stripped.toObject()));
    QVERIFY2(result.schema, qPrintable(result.error));
    const Schema &read = *result.schema;
    QVERIFY2(read.warnings().isEmpty(), qPrintable(read.warnings().join(u'\n')));
    QCOMPARE(read.typeCount(), 43);
    QVERIFY(read.description().isEmpty());
    QCOMPARE(read.type(u"URL")->specifiedByURL, u"https://url.spec.whatwg.org/"_s);
    QVERIFY(!read.type(u"ItemRef")->isOneOf);
    QVERIFY(!read.directive(u"label")->isRepeatable);
    QVERIFY(!read.type(u"BookFilter")->inputField(u"titleLike")->isDeprecated);
    QVERIFY(read.type(u"PageInfo")->description.isEmpty());
    // Field and enum-value deprecation are core introspection and still read.
    QVERIFY(read.queryType()->field(u"allBooks")->isDeprecated);
    QVERIFY(read.type(u"Format")->enumValue(u"CASSETTE")->isDeprecated);
}

void IntrospectionTest::shallowTypeRef()
{
    // Query.matrix: [[Int!]!]! cut after two wrappers, as a depth-limited TypeRef fragment would.
    const QJsonValue shallow = transformObjects(schemaObject(loadSchemaFixture(u"small"_s)), [](QJsonObject &object) {
        if (object.value(u"name"_s) != u"matrix"_s || !object.contains(u"type"_s))
            return;
        QJsonObject type = object.value(u"type"_s).toObject();
        QJsonObject list = type.value(u"ofType"_s).toObject();
        list.insert(u"ofType"_s, QJsonValue::Null);
        type.insert(u"ofType"_s, list);
        object.insert(u"type"_s, type);
    });
    const IntrospectionReadResult result = IntrospectionReader::read(wrapSchema(shallow.toObject()));
    QVERIFY2(result.schema, qPrintable(result.error));
    QCOMPARE(result.truncatedTypeRefs, 1);
    QCOMPARE(result.schema->warnings().size(), 1);
    QVERIFY(result.schema->warnings().constFirst().contains(u"Query.matrix"_s));
    QVERIFY(result.schema->warnings().constFirst().contains(u"too shallow"_s));
    const Field *matrix = result.schema->queryType()->field(u"matrix");
    QVERIFY(matrix);
    QVERIFY(!matrix->type.isValid());
    QCOMPARE(matrix->arg(u"rows")->type.toString(), u"[[Int!]!]!"_s);
}

void IntrospectionTest::undefinedTypeReference()
{
    const QByteArray json = R"({"__schema":{"queryType":{"name":"Query"},"types":[
        {"kind":"OBJECT","name":"Query","fields":[{"name":"a","args":[],"type":{"kind":"OBJECT","name":"Missing","ofType":null}}],
         "interfaces":[]},
        {"kind":"WIDGET","name":"Odd"}, {"kind":"SCALAR"}, 42],"directives":[]}})";
    const IntrospectionReadResult result = IntrospectionReader::read(json);
    QVERIFY2(result.schema, qPrintable(result.error));
    QCOMPARE(result.schema->typeCount(true), 1);
    const QStringList warnings = result.schema->warnings();
    QCOMPARE(warnings.size(), 4);
    QVERIFY(warnings.join(u'\n').contains(u"unknown kind \"WIDGET\""_s));
    QVERIFY(warnings.join(u'\n').contains(u"without a name"_s));
    QVERIFY(warnings.join(u'\n').contains(u"a number"_s));
    QVERIFY(warnings.join(u'\n').contains(u"Query.a refers to the undefined type \"Missing\""_s));
}

void IntrospectionTest::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected"); // substrings of the error

    QTest::newRow("empty") << QByteArray("  \n") << QStringList{u"Empty input"_s};
    QTest::newRow("not JSON") << QByteArray("<html>502 Bad Gateway</html>") << QStringList{u"Not JSON"_s, u"offset 1"_s};
    QTest::newRow("truncated JSON") << QByteArray(R"({"data":{"__schema":{"types":[)")
                                    << QStringList{u"Not JSON"_s, u"offset"_s};
    QTest::newRow("array") << QByteArray("[1,2]") << QStringList{u"got an array"_s};
    QTest::newRow("no __schema") << QByteArray(R"({"data":{"__type":{}}})") << QStringList{u"No \"__schema\""_s};
    QTest::newRow("data null") << QByteArray(R"({"data":null})") << QStringList{u"\"data\" is null"_s};
    QTest::newRow("__schema null with errors")
        << QByteArray(R"({"data":{"__schema":null},"errors":[{"message":"GraphQL introspection is not allowed"}]})")
        << QStringList{u"__schema is null (introspection disabled?)"_s, u"GraphQL introspection is not allowed"_s};
    QTest::newRow("errors only")
        << QByteArray(R"({"errors":[{"message":"Cannot query field \"isOneOf\" on type \"__Type\"."}]})")
        << QStringList{u"errors and no schema"_s, u"isOneOf"_s};
    QTest::newRow("__schema not an object") << QByteArray(R"({"__schema":"yes"})") << QStringList{u"__schema is a string"_s};
    QTest::newRow("types missing") << QByteArray(R"({"__schema":{"queryType":{"name":"Query"}}})")
                                   << QStringList{u"__schema.types is missing"_s};
}

void IntrospectionTest::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    const IntrospectionReadResult result = IntrospectionReader::read(json);
    QVERIFY(!result.schema);
    QVERIFY(!result.isValid());
    for (const QString &part : expected)
        QVERIFY2(result.error.contains(part), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(IntrospectionTest)
#include "introspection_test.moc"
