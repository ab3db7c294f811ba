// SPDX-License-Identifier: MIT
// Sextant: tests buildSchemaFromSdl() against the fixture SDLs and their graphql-js introspection.

#include <core/schema/introspectionreader.h>
#include <core/schema/sdlschemabuilder.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Sextant::Core;
using namespace Qt::StringLiterals;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString fixture(const QString &relative)
{
    return QStringLiteral(SEXTANT_FIXTURES_DIR "/") + relative;
}

QString describe(const InputValue &value)
{
    return value.name + u'|' + value.description + u'|' + value.type.toString() + u'|'
           + (value.hasDefaultValue ? u"= "_s + value.defaultValue : QString()) + u'|'
           + (value.isDeprecated ? u"deprecated: "_s + value.deprecationReason : QString());
}

// Everything introspection reports about a type, one line per member, for a readable QCOMPARE diff.
QStringList describe(const NamedType &type)
{
    QStringList lines{typeKindName(type.kind) + u' ' + type.name + u'|' + type.description + u'|' + type.specifiedByURL
                      + u'|' + (type.isOneOf ? u"oneOf"_s : QString()) + u"|implements " + type.interfaces.join(u',')
                      + u"|possible " + type.possibleTypes.join(u',')};
    for (const Field &field : type.fields) {
        lines << u"  field "_s + field.name + u'|' + field.description + u'|' + field.type.toString() + u'|'
                     + (field.isDeprecated ? u"deprecated: "_s + field.deprecationReason : QString());
        for (const InputValue &arg : field.args)
            lines << u"    arg "_s + describe(arg);
    }
    for (const InputValue &field : type.inputFields)
        lines << u"  input "_s + describe(field);
    for (const EnumValue &value : type.enumValues)
        lines << u"  value "_s + value.name + u'|' + value.description + u'|'
                     + (value.isDeprecated ? u"deprecated: "_s + value.deprecationReason : QString());
    return lines;
}

QStringList describe(const Directive &directive)
{
    QStringList lines{u"directive @"_s + directive.name + u'|' + directive.description + u'|'
                      + directive.locations.join(u',') + (directive.isRepeatable ? u"|repeatable"_s : QString())};
    for (const InputValue &arg : directive.args)
        lines << u"  arg "_s + describe(arg);
    return lines;
}

} // namespace

class SdlSchemaBuilderTest final : public QObject
{
    Q_OBJECT

private slots:
    void loadsFixture_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("typeCount");    // without __ types, from SOURCE.md
        QTest::addColumn<int>("allTypeCount"); // with __ types
        QTest::addColumn<QStringList>("warnings");
        QTest::newRow("small") << u"small"_s << 43 << 51 << QStringList();
        QTest::newRow("dagster") << u"dagster"_s << 523 << 531 << QStringList();
        QTest::newRow("dagger") << u"dagger"_s << 112 << 120 << QStringList();
        // SOURCE.md: "Built from the SDL (with assumeValidSDL): 1,636 types" counts the 8 __ types.
        QTest::newRow("github")
            << u"github"_s << 1628 << 1636
            << QStringList{
                   u"Field \"EnterpriseOwnerInfo.repositoryDeployKeySetting\" can only be defined once."_s,
                   u"Field \"EnterpriseOwnerInfo.repositoryDeployKeySettingOrganizations\" can only be defined once."_s};
    }

    void loadsFixture()
    {
        QFETCH(QString, name);
        QFETCH(int, typeCount);
        QFETCH(int, allTypeCount);
        QFETCH(QStringList, warnings);
        const QString sdl = readText(fixture(u"schemas/"_s + name + u"/schema.graphql"_s));
        QVERIFY(!sdl.isEmpty());
        QElapsedTimer timer;
        timer.start();
        const SdlBuildResult result = buildSchemaFromSdl(sdl);
        qInfo("%s: built from SDL in %lld ms", qPrintable(name), timer.elapsed());
        QVERIFY2(result.isValid(), qPrintable(result.error));
        QCOMPARE(result.schema->typeCount(), typeCount);
        QCOMPARE(result.schema->typeCount(true), allTypeCount);
        QCOMPARE(result.warnings, warnings);
        QCOMPARE(result.schema->warnings(), warnings);
        QVERIFY(result.schema->queryType());
    }

    void keepsFirstDuplicateDefinition()
    {
        const QString sdl = readText(fixture(u"schemas/github/schema.graphql"_s));
        const SdlBuildResult result = buildSchemaFromSdl(sdl);
        QVERIFY(result.isValid());
        const NamedType *owner = result.schema->type(u"EnterpriseOwnerInfo");
        QVERIFY(owner);
        const Field *field = owner->field(u"repositoryDeployKeySetting");
        QVERIFY(field);
        QVERIFY(!field->description.contains(u"team discussions"_s));
        int copies = 0;
        for (const Field &f : owner->fields)
            copies += f.name == u"repositoryDeployKeySetting" ? 1 : 0;
        QCOMPARE(copies, 1);
        QVERIFY(!result.schema->subscriptionType());
        QVERIFY(result.schema->directive(u"requiredCapabilities"));
    }

    // The SDL-built schema equals what introspectionFromSchema(buildSchema(sdl)) reports, in order.
    void matchesIntrospection_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("small") << u"small"_s;
        QTest::newRow("dagster") << u"dagster"_s;
        QTest::newRow("dagger") << u"dagger"_s;
    }

    void matchesIntrospection()
    {
        QFETCH(QString, name);
        const SdlBuildResult built = buildSchemaFromSdl(readText(fixture(u"schemas/"_s + name + u"/schema.graphql"_s)));
        QVERIFY2(built.isValid(), qPrintable(built.error));
        QFile json(fixture(u"schemas/"_s + name + u"/introspection.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const IntrospectionReadResult read = IntrospectionReader::read(json.readAll());
        QVERIFY2(read.isValid(), qPrintable(read.error));
        const Schema &sdl = *built.schema;
        const Schema &introspected = *read.schema;
        QCOMPARE(sdl.description(), introspected.description());
        QCOMPARE(sdl.queryTypeName(), introspected.queryTypeName());
        QCOMPARE(sdl.mutationTypeName(), introspected.mutationTypeName());
        QCOMPARE(sdl.subscriptionTypeName(), introspected.subscriptionTypeName());
        QStringList sdlNames, introspectedNames;
        for (const NamedType &type : sdl.types())
            sdlNames << type.name;
        for (const NamedType &type : introspected.types())
            introspectedNames << type.name;
        QCOMPARE(sdlNames, introspectedNames);
        for (qsizetype i = 0; i < sdl.types().size(); ++i)
            QCOMPARE(describe(sdl.types().at(i)), describe(introspected.types().at(i)));
        QCOMPARE(sdl.directives().size(), introspected.directives().size());
        for (qsizetype i = 0; i < sdl.directives().size(); ++i)
            QCOMPARE(describe(sdl.directives().at(i)), describe(introspected.directives().at(i)));
    }

    void buildsSmallDocuments_data()
    {
        QTest::addColumn<QString>("sdl");
        QTest::addColumn<QStringList>("types"); // without __ types, in graphql-js type-map order (checked with node)
        QTest::addColumn<QString>("checkPath"); // Type.field(arg) or Type.inputField
        QTest::addColumn<QString>("expectedDefault");
        QTest::newRow("only used scalars")
            << u"type Query { a: Int }"_s << QStringList{u"Query"_s, u"Int"_s, u"Boolean"_s, u"String"_s} << QString()
            << QString();
        QTest::newRow("extension merged")
            << u"type Query { a: Int } extend type Query { b: Float } scalar Unused"_s
            << QStringList{u"Query"_s, u"Int"_s, u"Float"_s, u"Unused"_s, u"Boolean"_s, u"String"_s} << QString()
            << QString();
        QTest::newRow("list default wraps a single value")
            << u"type Query { a(x: [Int] = 1): Int }"_s << QStringList{u"Query"_s, u"Int"_s, u"Boolean"_s, u"String"_s}
            << u"Query.a(x)"_s << u"[1]"_s;
        QTest::newRow("object default in field order with field defaults")
            << u"input O { a: Int = 3 b: String c: Float } type Query { f(o: O = {c: 1.0, b: \"\"\"x\"\"\"}): Int }"_s
            << QStringList{u"O"_s, u"Int"_s, u"String"_s, u"Float"_s, u"Query"_s, u"Boolean"_s} << u"Query.f(o)"_s
            << u"{a: 3, b: \"x\", c: 1}"_s;
        QTest::newRow("ID digits become Int")
            << u"type Query { f(id: ID = \"12\"): ID }"_s << QStringList{u"Query"_s, u"ID"_s, u"Boolean"_s, u"String"_s}
            << u"Query.f(id)"_s << u"12"_s;
    }

    void buildsSmallDocuments()
    {
        QFETCH(QString, sdl);
        QFETCH(QStringList, types);
        QFETCH(QString, checkPath);
        QFETCH(QString, expectedDefault);
        const SdlBuildResult result = buildSchemaFromSdl(sdl);
        QVERIFY2(result.isValid(), qPrintable(result.error));
        QStringList names;
        for (const NamedType &type : result.schema->types()) {
            if (!type.isIntrospectionType())
                names << type.name;
        }
        QCOMPARE(names, types);
        QCOMPARE(result.schema->directives().size(), 5);
        if (checkPath.isEmpty())
            return;
        const QString typeName = checkPath.section(u'.', 0, 0);
        const QString rest = checkPath.section(u'.', 1);
        const NamedType *type = result.schema->type(typeName);
        QVERIFY(type);
        const InputValue *value = nullptr;
        if (rest.contains(u'(')) {
            const Field *field = type->field(rest.section(u'(', 0, 0));
            QVERIFY(field);
            value = field->arg(rest.section(u'(', 1).chopped(1));
        } else {
            value = type->inputField(rest);
        }
        QVERIFY(value);
        QVERIFY(value->hasDefaultValue);
        QCOMPARE(value->defaultValue, expectedDefault);
    }

    void reportsProblems_data()
    {
        QTest::addColumn<QString>("sdl");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QStringList>("warnings");
        QTest::newRow("syntax error") << u"type Query {"_s << u"Syntax Error: Expected Name, found <EOF>. (1:13)"_s
                                      << QStringList();
        QTest::newRow("duplicate type") << u"type Query { a: Int } type Query { b: Int }"_s << QString()
                                        << QStringList{u"There can be only one type named \"Query\"."_s};
        QTest::newRow("duplicate enum value and arg")
            << u"enum E { A A } type Query { f(x: E, x: Int): E }"_s << QString()
            << QStringList{u"Enum value \"E.A\" can only be defined once."_s,
                           u"Argument \"Query.f(x:)\" can only be defined once."_s};
        QTest::newRow("unknown type") << u"type Query { a: Missing }"_s << QString()
                                      << QStringList{u"Unknown type \"Missing\"."_s};
        QTest::newRow("extension of nothing")
            << u"type Query { a: Int } extend type Nope { b: Int }"_s << QString()
            << QStringList{u"Cannot extend type \"Nope\" because it is not defined."_s};
    }

    void reportsProblems()
    {
        QFETCH(QString, sdl);
        QFETCH(QString, error);
        QFETCH(QStringList, warnings);
        const SdlBuildResult result = buildSchemaFromSdl(sdl);
        QCOMPARE(result.error, error);
        QCOMPARE(result.isValid(), error.isEmpty());
        QCOMPARE(result.warnings, warnings);
    }

    void readsDirectivesIntoTheModel()
    {
        const SdlBuildResult result = buildSchemaFromSdl(
            u"schema { query: Root } scalar U @specifiedBy(url: \"https://x\") input I @oneOf { a: Int b: Int }"
            " enum E { A @deprecated B @deprecated(reason: \"gone\") } type Root { u(i: I): U @deprecated e: E }"_s);
        QVERIFY2(result.isValid(), qPrintable(result.error));
        const Schema &schema = *result.schema;
        QCOMPARE(schema.queryTypeName(), u"Root"_s);
        QCOMPARE(schema.type(u"U")->specifiedByURL, u"https://x"_s);
        QVERIFY(schema.type(u"I")->isOneOf);
        QCOMPARE(schema.type(u"E")->enumValues.at(0).deprecationReason, u"No longer supported"_s);
        QCOMPARE(schema.type(u"E")->enumValues.at(1).deprecationReason, u"gone"_s);
        QVERIFY(schema.type(u"Root")->field(u"u")->isDeprecated);
        QVERIFY(!schema.type(u"Root")->field(u"e")->isDeprecated);
    }
};

QTEST_GUILESS_MAIN(SdlSchemaBuilderTest)
#include "sdlschemabuilder_test.moc"
