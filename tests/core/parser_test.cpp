// SPDX-License-Identifier: MIT
// Sextant: tests for the GraphQL parser (spec §2, §3, Appendix B; graphql-js 16 parse() behaviour).
#include <core/language/operationoutline.h>
#include <core/language/parser.h>

#include "syntaxerrorcases.h"

#include <QtCore/QDirIterator>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QMap>
#include <QtCore/QRandomGenerator>
#include <QtCore/QStringList>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Core;
using namespace Sextant::Core::Ast;

namespace {

QString readFixture(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

QString firstError(const ParseResult &result)
{
    if (result.errors.isEmpty())
        return QString();
    const SyntaxError &error = result.errors.first();
    return error.message + u" at "_s + QString::number(error.location.line) + u':'
           + QString::number(error.location.column);
}

// "Kind=count" for the definitions of a document, sorted by kind name.
QString definitionCounts(const Document &document)
{
    static const QMap<NodeKind, QString> names = {
        {NodeKind::OperationDefinition, u"OperationDefinition"_s},
        {NodeKind::FragmentDefinition, u"FragmentDefinition"_s},
        {NodeKind::SchemaDefinition, u"SchemaDefinition"_s},
        {NodeKind::DirectiveDefinition, u"DirectiveDefinition"_s},
        {NodeKind::ScalarTypeDefinition, u"ScalarTypeDefinition"_s},
        {NodeKind::ObjectTypeDefinition, u"ObjectTypeDefinition"_s},
        {NodeKind::InterfaceTypeDefinition, u"InterfaceTypeDefinition"_s},
        {NodeKind::UnionTypeDefinition, u"UnionTypeDefinition"_s},
        {NodeKind::EnumTypeDefinition, u"EnumTypeDefinition"_s},
        {NodeKind::InputObjectTypeDefinition, u"InputObjectTypeDefinition"_s},
    };
    QMap<QString, int> counts;
    for (const Definition *definition : document.definitions)
        ++counts[names.value(definition->kind, u"other"_s)];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(it.key() + u'=' + QString::number(it.value()));
    return parts.join(u' ');
}

QString operationNames(const Document &document)
{
    QStringList names;
    for (const OperationDefinition *operation : document.operations())
        names.append(operation->name.isEmpty() ? u"<anonymous>"_s : operation->name);
    return names.join(u',');
}

const Field *fieldAt(const SelectionSet *selectionSet, qsizetype index)
{
    if (!selectionSet || index >= selectionSet->selections.size())
        return nullptr;
    return astCast<Field>(selectionSet->selections[index]);
}

} // namespace

namespace Sextant::Core {
char *toString(const SourceLocation &location)
{
    const QByteArray text = QByteArray::number(location.line) + ':' + QByteArray::number(location.column) + " @"
                            + QByteArray::number(location.offset);
    return qstrdup(text.constData());
}
} // namespace Sextant::Core

class ParserTest final : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void expectedFailure();
    void syntaxErrors_data();
    void syntaxErrors();
    void executableAst();
    void typeSystemAst();
    void schemaFixtures_data();
    void schemaFixtures();
    void nestingDepth_data();
    void nestingDepth();
    void tolerantGarbage_data();
    void tolerantGarbage();
    void tolerantKeepsOperations_data();
    void tolerantKeepsOperations();
    void tolerantPartialAst();
    void outline();
};

void ParserTest::fixtures_data()
{
    QTest::addColumn<QString>("path");
    const QString root = QStringLiteral(SEXTANT_FIXTURES_DIR "/queries/");
    QStringList files;
    for (const QString &schema : {u"dagger"_s, u"dagster"_s, u"github"_s, u"small"_s}) {
        QDirIterator it(root + schema, {u"*.graphql"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    files.sort();
    for (const QString &file : std::as_const(files))
        QTest::newRow(qPrintable(file.mid(root.size()))) << file;
    if (files.isEmpty())
        QTest::newRow("no fixtures") << QString(); // fails in fixtures() instead of aborting on missing data
    QVERIFY2(files.size() >= 70, qPrintable(u"only %1 query fixtures found under "_s.arg(files.size()) + root));
}

void ParserTest::fixtures()
{
    QFETCH(QString, path);
    const QString source = readFixture(path);
    QVERIFY(!source.isEmpty());

    const ParseResult strict = Parser::parse(source);
    QVERIFY2(strict.isValid(), qPrintable(firstError(strict)));
    const Document &document = *strict.document;
    QVERIFY(!document.definitions.isEmpty());
    QVERIFY(!document.operations().isEmpty() || !document.fragments().isEmpty());
    int previousEnd = 0;
    for (const Definition *definition : document.definitions) {
        QVERIFY(definition->loc.isValid());
        QVERIFY(definition->loc.offset >= previousEnd);
        QVERIFY(definition->endOffset > definition->loc.offset);
        previousEnd = definition->endOffset;
    }
    QVERIFY(previousEnd <= source.size());
    for (const OperationDefinition *operation : document.operations()) {
        QVERIFY(operation->selectionSet);
        QVERIFY(!operation->selectionSet->selections.isEmpty());
        QCOMPARE(operation->endOffset, operation->selectionSet->endOffset);
        QCOMPARE(source.at(operation->endOffset - 1), u'}');
    }
    for (const FragmentDefinition *fragment : document.fragments()) {
        QVERIFY(!fragment->name.isEmpty());
        QVERIFY(fragment->typeCondition);
        QVERIFY(fragment->selectionSet);
    }

    const ParseResult tolerant = Parser::parse(source, ParseMode::Tolerant);
    QVERIFY2(tolerant.isValid(), qPrintable(firstError(tolerant)));
    QCOMPARE(tolerant.document->definitions.size(), document.definitions.size());
}

void ParserTest::expectedFailure()
{
    // Dagster's published STORE_METRICS_MUTATION has an empty selection set: `... on StoreMetricsSuccess{ }`.
    const QString source = readFixture(
        QStringLiteral(SEXTANT_FIXTURES_DIR "/queries/_expected_failures/dagster/client_store_metrics.graphql"));
    QVERIFY(!source.isEmpty());
    const ParseResult strict = Parser::parse(source);
    QCOMPARE(strict.errors.size(), 1);
    QCOMPARE(strict.errors.first().message, u"Syntax Error: Expected Name, found \"}\"."_s);
    QCOMPARE(strict.errors.first().location.line, 8);
    QCOMPARE(strict.errors.first().location.column, 5);
    QCOMPARE(strict.errors.first().location.offset, int(source.indexOf(u"    }")) + 4);
    QVERIFY(strict.document);

    // Tolerant mode reports the same single error and keeps the whole operation.
    const ParseResult tolerant = Parser::parse(source, ParseMode::Tolerant);
    QCOMPARE(tolerant.errors.size(), 1);
    QCOMPARE(tolerant.errors.first().message, strict.errors.first().message);
    QCOMPARE(tolerant.errors.first().location, strict.errors.first().location);
    QCOMPARE(operationNames(*tolerant.document), u"StoreMetrics"_s);
    const Field *storeMetrics = fieldAt(tolerant.document->operations().first()->selectionSet, 0);
    QVERIFY(storeMetrics);
    QCOMPARE(storeMetrics->name, u"storeMetrics"_s);
    QCOMPARE(storeMetrics->selectionSet->selections.size(), 4); // __typename and three inline fragments
}

void ParserTest::syntaxErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message"); // without the "Syntax Error: " prefix
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    addSyntaxErrorCases();
}

void ParserTest::syntaxErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);

    const ParseResult strict = Parser::parse(source);
    QCOMPARE(strict.errors.size(), 1);
    QCOMPARE(strict.errors.first().message, u"Syntax Error: "_s + message);
    QCOMPARE(strict.errors.first().location.line, line);
    QCOMPARE(strict.errors.first().location.column, column);
    QCOMPARE(strict.errors.first().location, locationAt(source, strict.errors.first().location.offset));
    QVERIFY(strict.document);

    // Tolerant mode starts with the same error.
    const ParseResult tolerant = Parser::parse(source, ParseMode::Tolerant);
    QVERIFY(!tolerant.errors.isEmpty());
    QCOMPARE(tolerant.errors.first().message, strict.errors.first().message);
    QCOMPARE(tolerant.errors.first().location, strict.errors.first().location);
}

void ParserTest::executableAst()
{
    const QString source = uR"("Fetch a user" query User($id: ID! = "1" @trace, $n: [[Int!]]) @live {
  me: user(id: $id, opts: {deep: [1, 2.5, "s", """b""", true, null, RED, $n]}) @include(if: true) {
    ...UserBits
    ... on Admin @skip(if: false) { level }
    ... { name }
  }
}
fragment UserBits on User { id }
{ shorthand }
)"_s;
    const ParseResult result = Parser::parse(source);
    QVERIFY2(result.isValid(), qPrintable(firstError(result)));
    const Document &document = *result.document;
    QCOMPARE(document.definitions.size(), 3);
    QCOMPARE(operationNames(document), u"User,<anonymous>"_s);
    QCOMPARE(document.fragments().size(), 1);
    QCOMPARE(document.fragment(u"UserBits"), document.fragments().first());
    QCOMPARE(document.operation(u"User"), document.operations().first());

    const OperationDefinition *user = document.operations().first();
    QCOMPARE(user->operation, OperationType::Query);
    QVERIFY(user->description && !user->description->block);
    QCOMPARE(user->description->value, u"Fetch a user"_s);
    QCOMPARE(user->loc, (SourceLocation{1, 1, 0}));
    QCOMPARE(user->nameOffset, int(source.indexOf(u"User(")));
    QVERIFY(!user->shorthand);
    QCOMPARE(user->variableDefinitions.size(), 2);
    const VariableDefinition *id = user->variableDefinitions[0];
    QCOMPARE(id->variable->name, u"id"_s);
    QCOMPARE(typeReferenceString(id->type), u"ID!"_s);
    QCOMPARE(astCast<StringValue>(id->defaultValue)->value, u"1"_s);
    QCOMPARE(id->directives.first()->name, u"trace"_s);
    QCOMPARE(typeReferenceString(user->variableDefinitions[1]->type), u"[[Int!]]"_s);
    QCOMPARE(namedTypeOf(user->variableDefinitions[1]->type)->name, u"Int"_s);
    QCOMPARE(user->directives.first()->name, u"live"_s);

    const Field *me = fieldAt(user->selectionSet, 0);
    QVERIFY(me);
    QCOMPARE(me->alias, u"me"_s);
    QCOMPARE(me->name, u"user"_s);
    QCOMPARE(me->responseKey(), u"me"_s);
    QCOMPARE(me->loc, (SourceLocation{2, 3, int(source.indexOf(u"me:"))}));
    QCOMPARE(me->endOffset, int(source.indexOf(u"  }\n}")) + 3);
    QCOMPARE(me->arguments.size(), 2);
    QCOMPARE(astCast<Variable>(me->arguments[0]->value)->name, u"id"_s);
    const auto *opts = astCast<ObjectValue>(me->arguments[1]->value);
    QVERIFY(opts);
    const auto *deep = astCast<ListValue>(opts->fields.first()->value);
    QVERIFY(deep);
    QStringList kinds;
    for (const Value *value : deep->values)
        kinds.append(QString::number(int(value->kind)));
    const QList<NodeKind> expectedKinds = {NodeKind::IntValue,    NodeKind::FloatValue,   NodeKind::StringValue,
                                           NodeKind::StringValue, NodeKind::BooleanValue, NodeKind::NullValue,
                                           NodeKind::EnumValue,   NodeKind::Variable};
    QCOMPARE(deep->values.size(), expectedKinds.size());
    for (qsizetype i = 0; i < expectedKinds.size(); ++i)
        QCOMPARE(deep->values[i]->kind, expectedKinds[i]);
    QVERIFY(astCast<StringValue>(deep->values[3])->block);
    QCOMPARE(astCast<EnumValue>(deep->values[6])->value, u"RED"_s);
    QCOMPARE(document.textOf(deep), u"[1, 2.5, \"s\", \"\"\"b\"\"\", true, null, RED, $n]");

    const SelectionSet *selections = me->selectionSet;
    QCOMPARE(selections->selections.size(), 3);
    QCOMPARE(astCast<FragmentSpread>(selections->selections[0])->name, u"UserBits"_s);
    const auto *admin = astCast<InlineFragment>(selections->selections[1]);
    QCOMPARE(admin->typeCondition->name, u"Admin"_s);
    QCOMPARE(admin->directives.first()->name, u"skip"_s);
    const auto *untyped = astCast<InlineFragment>(selections->selections[2]);
    QVERIFY(untyped && !untyped->typeCondition);

    QVERIFY(document.operations().last()->shorthand);
    QCOMPARE(document.fragments().first()->typeCondition->name, u"User"_s);
    QCOMPARE(document.endOffset, int(source.size()));
}

void ParserTest::typeSystemAst()
{
    const QString source = uR"("""
  The schema.
"""
schema @a { query: Q mutation: M }
extend schema { subscription: S }
"A scalar" scalar Date @specifiedBy(url: "https://example.com")
type Book implements & Node & Item @key(fields: "id") {
  "The id" id: ID!
  related(first: Int = 10 @deprecated, after: String): [Book!]! @cost(weight: 2)
}
interface Item implements Node { id: ID! }
union Result @u = | Book | Error
enum Color { "red" RED @deprecated(reason: "no") GREEN }
input Filter { and: [Filter!] = [] , limit: Int = 5 }
directive @cost(weight: Int!) repeatable on FIELD_DEFINITION | OBJECT
extend scalar Date @x
extend type Book implements Extra
extend interface Item @y
extend union Result = Other
extend enum Color { BLUE }
extend input Filter { or: [Filter!] }
)"_s;
    const ParseResult result = Parser::parse(source);
    QVERIFY2(result.isValid(), qPrintable(firstError(result)));
    const AstList<Definition> &definitions = result.document->definitions;
    QCOMPARE(definitions.size(), 15);

    const auto *schema = astCast<SchemaDefinition>(definitions[0]);
    QVERIFY(schema && schema->description && schema->description->block);
    QCOMPARE(schema->description->value, u"The schema."_s);
    QCOMPARE(schema->operationTypes.size(), 2);
    QCOMPARE(schema->operationTypes[1]->operation, OperationType::Mutation);
    QCOMPARE(schema->operationTypes[1]->type->name, u"M"_s);
    QVERIFY(!astCast<SchemaDefinition>(definitions[1]));
    QCOMPARE(astCast<SchemaExtension>(definitions[1])->operationTypes.first()->operation, OperationType::Subscription);

    QCOMPARE(astCast<ScalarTypeDefinition>(definitions[2])->description->value, u"A scalar"_s);
    const auto *book = astCast<ObjectTypeDefinition>(definitions[3]);
    QVERIFY(book && !book->isExtension());
    QCOMPARE(book->interfaces.size(), 2);
    QCOMPARE(book->interfaces[1]->name, u"Item"_s);
    QCOMPARE(book->fields.size(), 2);
    QCOMPARE(book->fields[0]->description->value, u"The id"_s);
    const FieldDefinition *related = book->fields[1];
    QCOMPARE(typeReferenceString(related->type), u"[Book!]!"_s);
    QCOMPARE(related->arguments.size(), 2);
    QCOMPARE(astCast<IntValue>(related->arguments[0]->defaultValue)->value, u"10"_s);
    QCOMPARE(related->arguments[0]->directives.first()->name, u"deprecated"_s);
    QCOMPARE(related->directives.first()->name, u"cost"_s);

    QCOMPARE(astCast<InterfaceTypeDefinition>(definitions[4])->interfaces.first()->name, u"Node"_s);
    QCOMPARE(astCast<UnionTypeDefinition>(definitions[5])->types.size(), 2);
    const auto *color = astCast<EnumTypeDefinition>(definitions[6]);
    QCOMPARE(color->values.size(), 2);
    QCOMPARE(color->values[0]->description->value, u"red"_s);
    QCOMPARE(color->values[0]->directives.first()->arguments.first()->name, u"reason"_s);
    const auto *filter = astCast<InputObjectTypeDefinition>(definitions[7]);
    QCOMPARE(filter->fields.size(), 2);
    QVERIFY(astCast<ListValue>(filter->fields[0]->defaultValue)->values.isEmpty());

    const auto *cost = astCast<DirectiveDefinition>(definitions[8]);
    QVERIFY(cost && cost->repeatable);
    QCOMPARE(cost->locations.size(), 2);
    QCOMPARE(cost->locations[1]->value, u"OBJECT"_s);

    const QList<NodeKind> extensions = {NodeKind::ScalarTypeExtension,    NodeKind::ObjectTypeExtension,
                                        NodeKind::InterfaceTypeExtension, NodeKind::UnionTypeExtension,
                                        NodeKind::EnumTypeExtension,      NodeKind::InputObjectTypeExtension};
    for (qsizetype i = 0; i < extensions.size(); ++i) {
        const auto *extension = astCast<TypeDefinition>(definitions[9 + i]);
        QVERIFY(extension);
        QCOMPARE(extension->kind, extensions[i]);
        QVERIFY(extension->isExtension());
        QVERIFY(!extension->description);
    }
    QVERIFY(!astCast<ObjectTypeDefinition>(definitions[10])); // exact kinds only
    QCOMPARE(static_cast<const ObjectTypeDefinition *>(definitions[10])->interfaces.first()->name, u"Extra"_s);
}

void ParserTest::schemaFixtures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("counts");
    QTest::addColumn<int>("queryFields");
    // Counts taken from graphql-js 16.15.0 parse() of the same files.
    QTest::newRow("small")
        << u"small"_s
        << u"DirectiveDefinition=4 EnumTypeDefinition=9 InputObjectTypeDefinition=5 InterfaceTypeDefinition=3 "
           "ObjectTypeDefinition=15 ScalarTypeDefinition=4 SchemaDefinition=1 UnionTypeDefinition=2"_s
        << 11;
    QTest::newRow("dagger")
        << u"dagger"_s
        << u"DirectiveDefinition=12 EnumTypeDefinition=18 InputObjectTypeDefinition=4 InterfaceTypeDefinition=3 "
           "ObjectTypeDefinition=80 ScalarTypeDefinition=3"_s
        << 35;
}

void ParserTest::schemaFixtures()
{
    QFETCH(QString, name);
    QFETCH(QString, counts);
    QFETCH(int, queryFields);
    const QString source = readFixture(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/schema.graphql"_s);
    QVERIFY(!source.isEmpty());
    const ParseResult result = Parser::parse(source);
    QVERIFY2(result.isValid(), qPrintable(firstError(result)));
    QCOMPARE(definitionCounts(*result.document), counts);

    const ObjectTypeDefinition *query = nullptr;
    for (const Definition *definition : result.document->definitions) {
        const auto *object = astCast<ObjectTypeDefinition>(definition);
        if (object && object->name == u"Query")
            query = object;
    }
    QVERIFY(query);
    QCOMPARE(query->fields.size(), queryFields);

    if (name == u"small") {
        const auto *schema = astCast<SchemaDefinition>(result.document->definitions.first());
        QVERIFY(schema && schema->description);
        QVERIFY(schema->description->value.startsWith(u"A small library-catalogue schema"));
        QVERIFY(schema->description->value.contains(u".\nIt deliberately"));
        for (const Definition *definition : result.document->definitions) {
            const auto *directive = astCast<DirectiveDefinition>(definition);
            if (directive && directive->name == u"label") {
                QVERIFY(directive->repeatable);
                QCOMPARE(directive->locations.size(), 10);
            }
            const auto *lendable = astCast<InterfaceTypeDefinition>(definition);
            if (lendable && lendable->name == u"Lendable") {
                QCOMPARE(lendable->interfaces.size(), 2);
                QCOMPARE(lendable->interfaces[0]->name, u"Timestamped"_s);
            }
        }
    }
}

void ParserTest::nestingDepth_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("valid");
    auto fields = [](int levels) -> QString { return u"{a"_s.repeated(levels) + QString(levels, u'}'); };
    auto lists = [](int levels) -> QString {
        return u"{ f(x: "_s + QString(levels, u'[') + QString(levels, u']') + u") }"_s;
    };
    auto types = [](int levels) -> QString {
        return u"query ($v: "_s + QString(levels, u'[') + u"Int"_s + QString(levels, u']') + u") { a }"_s;
    };
    QTest::newRow("512 selection sets") << fields(512) << true;
    QTest::newRow("513 selection sets") << fields(513) << false;
    QTest::newRow("511 list values") << lists(511) << true;
    QTest::newRow("600 list values") << lists(600) << false;
    QTest::newRow("512 list types") << types(512) << true;
    QTest::newRow("513 list types") << types(513) << false;
}

void ParserTest::nestingDepth()
{
    QFETCH(QString, source);
    QFETCH(bool, valid);
    for (ParseMode mode : {ParseMode::Strict, ParseMode::Tolerant}) {
        const ParseResult result = Parser::parse(source, mode);
        QCOMPARE(result.isValid(), valid);
        if (!valid)
            QCOMPARE(result.errors.first().message, u"Syntax Error: Exceeded the maximum nesting depth of 512."_s);
    }
}

void ParserTest::tolerantGarbage_data()
{
    QTest::addColumn<QString>("source");

    QRandomGenerator random(20261125);
    QString bytes(200000, Qt::Uninitialized);
    for (QChar &c : bytes)
        c = QChar(char16_t(random.bounded(0x10000)));
    QTest::newRow("random UTF-16 code units") << bytes;
    const QString alphabet = u"{}()[]:$@!=|&.\"#\n\t ,abcon1-5e\\u"_s;
    QString punctuation(200000, Qt::Uninitialized);
    for (QChar &c : punctuation)
        c = alphabet.at(random.bounded(int(alphabet.size())));
    QTest::newRow("random GraphQL characters") << punctuation;
    QTest::newRow("100k opening braces") << QString(100000, u'{');
    QTest::newRow("100k nested fields") << u"{a"_s.repeated(100000);
    QTest::newRow("100k nested list values") << u"{ f(x: "_s + QString(100000, u'[');
    QTest::newRow("100k nested object values") << u"{ f(x: "_s + u"{a:"_s.repeated(100000);
    QTest::newRow("100k nested list types") << u"query ($v: "_s + QString(100000, u'[');
    QTest::newRow("100k closing braces") << QString(100000, u'}');
    QTest::newRow("10k bad arguments") << u"{ a(x: ?) }\n"_s.repeated(10000);
    QTest::newRow("unterminated string") << u"{ a(x: \"abc"_s;
    QTest::newRow("unterminated block string") << u"{ a(x: \"\"\"abc\n  def"_s;
    QTest::newRow("unterminated everything") << u"query Q($a: [Int = {b: [\"\"\" ((( \"x"_s;
    QTest::newRow("only punctuation") << u"!$&()...:=@[]{|}"_s.repeated(5000);
    QTest::newRow("keywords only") << u"query mutation fragment on type extend schema directive "_s.repeated(5000);
}

void ParserTest::tolerantGarbage()
{
    QFETCH(QString, source);
    for (ParseMode mode : {ParseMode::Strict, ParseMode::Tolerant}) {
        QElapsedTimer timer;
        timer.start();
        const ParseResult result = Parser::parse(source, mode);
        QVERIFY2(timer.elapsed() < 20000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY(result.document);
        QVERIFY(!result.isValid());
        if (mode == ParseMode::Strict)
            QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.errors.size() <= Parser::MaxErrors);
        int previousOffset = -1;
        for (const SyntaxError &error : result.errors) {
            QVERIFY(error.message.startsWith(u"Syntax Error: "));
            QVERIFY(error.location.offset > previousOffset);
            QVERIFY(error.location.offset <= source.size());
            QCOMPARE(error.location, locationAt(source, error.location.offset));
            previousOffset = error.location.offset;
        }
    }
}

void ParserTest::tolerantKeepsOperations_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("operations");
    QTest::addColumn<QString>("fragments");
    QTest::addColumn<int>("errors");

    QTest::newRow("error inside the middle operation")
        << u"query A { a }\nquery B { b(x: }\nquery C { c }"_s << u"A,B,C"_s << QString() << 1;
    QTest::newRow("unclosed selection set")
        << u"query A {\n  a {\n    b\n\nquery B { c }\n"_s << u"A,B"_s << QString() << 1;
    QTest::newRow("fragment after an unclosed selection set")
        << u"query A { a {\nfragment F on T { b }\nquery C { c }"_s << u"A,C"_s << u"F"_s << 1;
    QTest::newRow("anonymous operation after an unclosed one")
        << u"query A { ...F\n{ b }"_s << u"A,<anonymous>"_s << QString() << 1;
    QTest::newRow("garbage between operations")
        << u"query A { a }\n)))\n{ b }\nmutation M { m }"_s << u"A,<anonymous>,M"_s << QString() << 1;
    QTest::newRow("bad variable definitions") << u"query A($x: ) { a }\nquery B { b }"_s << u"A,B"_s << QString() << 1;
    QTest::newRow("bad directive") << u"query A @ { a }\nquery B { b }"_s << u"A,B"_s << QString() << 1;
    QTest::newRow("unterminated string") << u"query A { a }\nquery B { b(x: \"oops) }\nquery C { c }"_s << u"A,B,C"_s
                                         << QString() << 1;
    QTest::newRow("missing brace at the end") << u"query A { a }\nquery B { b"_s << u"A,B"_s << QString() << 1;
    QTest::newRow("lexer error first") << u"? { a }"_s << u"<anonymous>"_s << QString() << 1;
    QTest::newRow("two independent errors")
        << u"query A { a(x: ) }\nquery B { b }\nquery C { c(: 1) }"_s << u"A,B,C"_s << QString() << 2;
    QTest::newRow("fragment without type condition")
        << u"fragment F on { a }\nquery Q { ...F }"_s << u"Q"_s << u"F"_s << 1;
}

void ParserTest::tolerantKeepsOperations()
{
    QFETCH(QString, source);
    QFETCH(QString, operations);
    QFETCH(QString, fragments);
    QFETCH(int, errors);

    const ParseResult result = Parser::parse(source, ParseMode::Tolerant);
    QCOMPARE(result.errors.size(), errors);
    QCOMPARE(operationNames(*result.document), operations);
    QStringList fragmentNames;
    for (const FragmentDefinition *fragment : result.document->fragments()) {
        fragmentNames.append(fragment->name);
        QVERIFY(fragment->selectionSet);
    }
    QCOMPARE(fragmentNames.join(u','), fragments);
    // Every operation keeps what was parsed of its selection set.
    for (const OperationDefinition *operation : result.document->operations()) {
        QVERIFY(operation->selectionSet);
        QVERIFY(!operation->selectionSet->selections.isEmpty());
    }

    const ParseResult strict = Parser::parse(source);
    QCOMPARE(strict.errors.size(), 1);
}

void ParserTest::tolerantPartialAst()
{
    // What an editor sees while the user types: completion needs the enclosing field and its arguments.
    const QString source = u"query Q($id: ID!) {\n  user(id: $id, filter: ) {\n    na"_s;
    const ParseResult result = Parser::parse(source, ParseMode::Tolerant);
    QCOMPARE(result.errors.size(), 2);
    QCOMPARE(result.errors[0].message, u"Syntax Error: Unexpected \")\"."_s);
    QCOMPARE(result.errors[1].message, u"Syntax Error: Expected Name, found <EOF>."_s);
    QCOMPARE(result.errors[1].location.offset, int(source.size()));
    const OperationDefinition *query = result.document->operations().first();
    QCOMPARE(query->name, u"Q"_s);
    QCOMPARE(query->variableDefinitions.size(), 1);
    const Field *user = fieldAt(query->selectionSet, 0);
    QVERIFY(user);
    QCOMPARE(user->name, u"user"_s);
    QCOMPARE(user->arguments.size(), 2);
    QCOMPARE(user->arguments[1]->name, u"filter"_s);
    QVERIFY(!user->arguments[1]->value); // missing in the source
    const Field *na = fieldAt(user->selectionSet, 0);
    QVERIFY(na);
    QCOMPARE(na->name, u"na"_s);
    QCOMPARE(query->endOffset, int(source.size()));
}

void ParserTest::outline()
{
    const QString source =
        u"# header\nquery First { a }\n\nmutation Second($x: Int) { b(x: $x) }\nfragment F on T { c }\n"
        "{ anonymous }\nsubscription Third { d"_s;
    const QList<OperationInfo> operations = outlineOperations(source);
    QCOMPARE(operations.size(), 4);
    QCOMPARE(operations[0].name, u"First"_s);
    QCOMPARE(operations[0].operation, OperationType::Query);
    QCOMPARE(operations[0].startOffset, int(source.indexOf(u"query First")));
    QCOMPARE(operations[0].endOffset, int(source.indexOf(u"a }")) + 3);
    QCOMPARE(operations[0].loc, (SourceLocation{2, 1, operations[0].startOffset}));
    QCOMPARE(operations[1].name, u"Second"_s);
    QCOMPARE(operations[1].operation, OperationType::Mutation);
    QCOMPARE(operations[1].loc.line, 4);
    QCOMPARE(operations[2].name, QString());
    QCOMPARE(operations[2].operation, OperationType::Query);
    QCOMPARE(operations[3].name, u"Third"_s); // unfinished, still listed
    QCOMPARE(operations[3].operation, OperationType::Subscription);
    QCOMPARE(operations[3].endOffset, int(source.size()));

    QCOMPARE(operationIndexAt(operations, 0), -1); // in the comment
    QCOMPARE(operationIndexAt(operations, operations[0].startOffset), 0);
    QCOMPARE(operationIndexAt(operations, operations[0].endOffset), 0);      // right after the closing brace
    QCOMPARE(operationIndexAt(operations, operations[0].endOffset + 1), -1); // on the blank line
    QCOMPARE(operationIndexAt(operations, int(source.indexOf(u"b(x"))), 1);
    QCOMPARE(operationIndexAt(operations, int(source.indexOf(u"c }"))), -1); // inside the fragment
    QCOMPARE(operationIndexAt(operations, int(source.indexOf(u"anonymous"))), 2);
    QCOMPARE(operationIndexAt(operations, int(source.size())), 3);
    QCOMPARE(operationIndexAt({}, 0), -1);
    QVERIFY(outlineOperations(u"type Query { a: Int }"_s).isEmpty());
    QVERIFY(outlineOperations(QString()).isEmpty());
}

QTEST_GUILESS_MAIN(ParserTest)
#include "parser_test.moc"
