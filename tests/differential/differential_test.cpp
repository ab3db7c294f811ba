// SPDX-License-Identifier: MIT
// Sextant: differential test of the core parser, printer and validator against graphql-js 16.15.0.
#include "documentmutator.h"
#include "knowndifferences.h"
#include "referenceprocess.h"

#include <core/language/parser.h>
#include <core/language/printer.h>
#include <core/schema/introspectionreader.h>
#include <core/validation/validator.h>

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtTest/QTest>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Sextant;
using namespace Sextant::Differential;

namespace {

constexpr quint64 MutationSeed = 0x5e47a11d1ff0001ull;
constexpr int MutationCount = 40000;
constexpr int MinimumMutations = 10000;
constexpr int MutationBudgetMs = 120000; // a bound, not a target: 40,000 mutations take a few seconds
constexpr int BatchSize = 1000;
constexpr int BatchTimeoutMs = 60000;
constexpr int MaxReportedMismatches = 25;

const QStringList &schemaNames()
{
    static const QStringList names = {u"small"_s, u"dagster"_s, u"dagger"_s, u"github"_s};
    return names;
}

/** One document to compare; `schema` picks the schema for validation. */
struct Case
{
    QString id;
    QString schema;
    QString document;
};

QString definitionKindName(Core::Ast::NodeKind kind)
{
    using Core::Ast::NodeKind;
    switch (kind) {
    case NodeKind::OperationDefinition:
        return u"OperationDefinition"_s;
    case NodeKind::FragmentDefinition:
        return u"FragmentDefinition"_s;
    case NodeKind::SchemaDefinition:
        return u"SchemaDefinition"_s;
    case NodeKind::SchemaExtension:
        return u"SchemaExtension"_s;
    case NodeKind::DirectiveDefinition:
        return u"DirectiveDefinition"_s;
    case NodeKind::ScalarTypeDefinition:
        return u"ScalarTypeDefinition"_s;
    case NodeKind::ObjectTypeDefinition:
        return u"ObjectTypeDefinition"_s;
    case NodeKind::InterfaceTypeDefinition:
        return u"InterfaceTypeDefinition"_s;
    case NodeKind::UnionTypeDefinition:
        return u"UnionTypeDefinition"_s;
    case NodeKind::EnumTypeDefinition:
        return u"EnumTypeDefinition"_s;
    case NodeKind::InputObjectTypeDefinition:
        return u"InputObjectTypeDefinition"_s;
    case NodeKind::ScalarTypeExtension:
        return u"ScalarTypeExtension"_s;
    case NodeKind::ObjectTypeExtension:
        return u"ObjectTypeExtension"_s;
    case NodeKind::InterfaceTypeExtension:
        return u"InterfaceTypeExtension"_s;
    case NodeKind::UnionTypeExtension:
        return u"UnionTypeExtension"_s;
    case NodeKind::EnumTypeExtension:
        return u"EnumTypeExtension"_s;
    case NodeKind::InputObjectTypeExtension:
        return u"InputObjectTypeExtension"_s;
    default:
        return u"Node#"_s + QString::number(int(kind));
    }
}

QString definitionName(const Core::Ast::Definition *definition)
{
    using namespace Core::Ast;
    if (const auto *operation = astCast<OperationDefinition>(definition))
        return operation->name;
    if (const auto *fragment = astCast<FragmentDefinition>(definition))
        return fragment->name;
    if (const auto *directive = astCast<DirectiveDefinition>(definition))
        return directive->name;
    if (TypeDefinition::classof(definition->kind))
        return static_cast<const TypeDefinition *>(definition)->name;
    return {};
}

QString locationText(int line, int column)
{
    return u" @"_s + QString::number(line) + u':' + QString::number(column);
}

/** Our strict parse as one line: "<message> @line:column" or "OK <definitions>". */
QString renderOurParse(const QString &document)
{
    const Core::ParseResult result = Core::Parser::parse(document, Core::ParseMode::Strict);
    if (!result.errors.isEmpty()) {
        const Core::SyntaxError &error = result.errors.first();
        return error.message + locationText(error.location.line, error.location.column);
    }
    QStringList definitions;
    for (const Core::Ast::Definition *definition : result.document->definitions)
        definitions.append(definitionKindName(definition->kind) + u' ' + definitionName(definition)
                           + locationText(definition->loc.line, definition->loc.column));
    return u"OK "_s + definitions.join(u"; "_s);
}

/** graphql-js's answer to {"op":"parse"} rendered like renderOurParse(). */
QString renderTheirParse(const QJsonObject &answer)
{
    if (answer.contains(u"requestError"_s))
        return u"REQUEST ERROR "_s + answer.value(u"requestError"_s).toString();
    const QJsonArray errors = answer.value(u"errors"_s).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject error = errors.first().toObject();
        const QJsonObject location = error.value(u"locations"_s).toArray().first().toObject();
        return error.value(u"message"_s).toString()
               + locationText(location.value(u"line"_s).toInt(), location.value(u"column"_s).toInt());
    }
    QStringList definitions;
    for (const QJsonValue &value : answer.value(u"definitions"_s).toArray()) {
        const QJsonObject definition = value.toObject();
        definitions.append(definition.value(u"kind"_s).toString() + u' ' + definition.value(u"name"_s).toString()
                           + locationText(definition.value(u"line"_s).toInt(), definition.value(u"column"_s).toInt()));
    }
    return u"OK "_s + definitions.join(u"; "_s);
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/** The introspection JSON of a fixture schema (github's is gzipped, like the reference reads it). */
QByteArray readIntrospection(const QString &schema)
{
    const QString base = QStringLiteral(SEXTANT_FIXTURES_DIR) + u"/schemas/"_s + schema + u"/introspection.json"_s;
    if (schema != u"github"_s) {
        QFile file(base);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QProcess gunzip;
    gunzip.start(u"gzip"_s, {u"-dc"_s, base + u".gz"_s});
    if (!gunzip.waitForFinished(60000) || gunzip.exitCode() != 0)
        return {};
    return gunzip.readAllStandardOutput();
}

/** One validation error as one line: "<message> @line:column,line:column". */
QString renderError(const QString &message, const QList<std::pair<int, int>> &locations)
{
    QStringList where;
    for (const auto &[line, column] : locations)
        where.append(QString::number(line) + u':' + QString::number(column));
    return message + u" @"_s + where.join(u',');
}

QStringList renderTheirValidation(const QJsonObject &answer)
{
    QStringList errors;
    for (const QJsonValue &value : answer.value(u"errors"_s).toArray()) {
        const QJsonObject error = value.toObject();
        QList<std::pair<int, int>> locations;
        for (const QJsonValue &location : error.value(u"locations"_s).toArray())
            locations.append({location[u"line"_s].toInt(), location[u"column"_s].toInt()});
        errors.append(renderError(error.value(u"message"_s).toString(), locations));
    }
    return errors;
}

/** Items of @p from that are not in @p other, counting duplicates (multiset difference). */
QStringList missingFrom(const QStringList &from, QStringList other)
{
    QStringList missing;
    for (const QString &item : from) {
        if (!other.removeOne(item))
            missing.append(item);
    }
    return missing;
}

/** A document shortened and escaped for a failure report. */
QString excerpt(const QString &document)
{
    QString shown = document.left(300);
    if (document.size() > 300)
        shown += u"…"_s;
    return QString::fromLatin1(ReferenceProcess::jsonString(shown));
}

} // namespace

/**
 * Compares Sextant's core with graphql-js 16.15.0 (tests/reference/reference.mjs, one node process for the run) on
 * every validation vector, every query fixture and 40,000 seeded mutations of them (DocumentMutator):
 *  - parse: Core::Parser (strict) against parse(): the first syntax error's message and location, or for a valid
 *    document the kind, name and location of every definition;
 *  - print: printDocument() against print(parse()) on every document
 *    without comments that parses;
 *  - validate: Validator::validate() against validate() with
 *    buildClientSchema of the same introspection fixtures, on every document that parses.
 * A mismatch passes only when known_differences.json (explained in KNOWN_DIFFERENCES.md) allows it; the counts
 * go to the log. Skips when `node` is not installed; fails when graphql-js is not installed (`npm ci`).
 */
class DifferentialTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parseMatchesGraphqlJs();
    void printMatchesGraphqlJs();
    void validateMatchesGraphqlJs();
    void cleanupTestCase();

private:
    QList<Case> loadFixtureCases(QString *error) const;
    QList<Case> generateMutations(const QList<Case> &bases, int count) const;
    QList<QJsonObject> askReference(const QList<Case> &cases, const QString &op, const QElapsedTimer &clock);

    ReferenceProcess m_reference;
    KnownDifferences m_known;
    QList<Case> m_fixtureCases;
    QList<Case> m_mutations;
};

void DifferentialTest::initTestCase()
{
    const QString node = ReferenceProcess::nodeExecutable();
    if (node.isEmpty())
        QSKIP("node is not installed (scripts/test installs it): cannot run graphql-js, the reference");
    QVERIFY2(m_reference.start(node, QStringLiteral(SEXTANT_SOURCE_DIR "/tests/reference/reference.mjs")),
             qPrintable(m_reference.errorString()));
    QCOMPARE(m_reference.version(), u"16.15.0"_s);

    QString error;
    QVERIFY2(m_known.load(QStringLiteral(SEXTANT_SOURCE_DIR "/tests/differential/known_differences.json"), &error),
             qPrintable(error));
    m_fixtureCases = loadFixtureCases(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_fixtureCases.size() > 400);
    // Mutate the real documents only: mutations of the two nesting-depth cases would all be that known difference.
    const QList<Case> bases = m_fixtureCases.mid(0, m_fixtureCases.size() - 2);
    m_mutations = generateMutations(bases, MutationCount);
}

QList<Case> DifferentialTest::loadFixtureCases(QString *error) const
{
    QList<Case> cases;
    const QString fixtures = QStringLiteral(SEXTANT_FIXTURES_DIR);
    for (const QString &schema : schemaNames()) {
        QFile vectors(fixtures + u"/validation/"_s + schema + u".jsonl"_s);
        if (!vectors.open(QIODevice::ReadOnly)) {
            *error = u"cannot read "_s + vectors.fileName();
            return {};
        }
        while (!vectors.atEnd()) {
            const QByteArray line = vectors.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            cases.append({object.value(u"id"_s).toString(), schema, object.value(u"document"_s).toString()});
        }
        const QStringList dirs = {fixtures + u"/queries/"_s + schema,
                                  fixtures + u"/queries/_expected_failures/"_s + schema};
        for (const QString &dir : dirs) {
            const QStringList files = QDir(dir).entryList({u"*.graphql"_s}, QDir::Files, QDir::Name);
            for (const QString &file : files)
                cases.append({schema + u'/' + file, schema, readText(dir + u'/' + file)});
        }
    }
    // Deeper than Parser::MaxNestingDepth: graphql-js parses these, we stop (KNOWN_DIFFERENCES.md).
    cases.append({u"deep-list-value"_s, u"small"_s, u"{ f(a: "_s + QString(600, u'[') + QString(600, u']') + u") }"_s});
    cases.append({u"deep-selection-set"_s, u"small"_s, u"{"_s + u"a { "_s.repeated(600) + u"b"_s + QString(601, u'}')});
    return cases;
}

QList<Case> DifferentialTest::generateMutations(const QList<Case> &bases, int count) const
{
    DocumentMutator mutator(MutationSeed);
    QList<Case> mutations;
    mutations.reserve(count);
    for (int i = 0; i < count; ++i) {
        const Case &base = bases.at(qsizetype(mutator.below(quint64(bases.size()))));
        mutations.append(
            {u"mutation-"_s + QString::number(i) + u" of "_s + base.id, base.schema, mutator.mutate(base.document)});
    }
    return mutations;
}

QList<QJsonObject> DifferentialTest::askReference(const QList<Case> &cases, const QString &op,
                                                  const QElapsedTimer &clock)
{
    QList<QJsonObject> answers;
    answers.reserve(cases.size());
    for (qsizetype start = 0; start < cases.size(); start += BatchSize) {
        if (clock.hasExpired(MutationBudgetMs))
            break; // the caller reports how many cases were compared
        QList<QByteArray> requests;
        for (qsizetype i = start; i < qMin(cases.size(), start + BatchSize); ++i) {
            const Case &c = cases.at(i);
            requests.append("{\"op\":" + ReferenceProcess::jsonString(op)
                            + ",\"schema\":" + ReferenceProcess::jsonString(c.schema)
                            + ",\"document\":" + ReferenceProcess::jsonString(c.document) + '}');
        }
        const QList<QJsonObject> batch = m_reference.ask(requests, BatchTimeoutMs);
        if (batch.size() != requests.size())
            return {};
        answers += batch;
    }
    return answers;
}

void DifferentialTest::parseMatchesGraphqlJs()
{
    QElapsedTimer clock;
    clock.start();
    const QList<Case> cases = m_fixtureCases + m_mutations;

    const QList<QJsonObject> answers = askReference(cases, u"parse"_s, clock);
    QVERIFY2(!answers.isEmpty(), qPrintable(m_reference.errorString()));

    int compared = 0, comparedMutations = 0, matching = 0, known = 0, theirErrors = 0;
    QStringList unknown;
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const Case &c = cases.at(i);
        const QString ours = renderOurParse(c.document);
        const QString theirs = renderTheirParse(answers.at(i));
        ++compared;
        if (i >= m_fixtureCases.size())
            ++comparedMutations;
        if (!theirs.startsWith(u"OK "_s))
            ++theirErrors;
        if (ours == theirs) {
            ++matching;
        } else if (m_known.allow(u"parse"_s, ours, theirs)) {
            ++known;
        } else {
            unknown.append(c.id + u"\n      document: "_s + excerpt(c.document) + u"\n      ours:     "_s + ours
                           + u"\n      graphql:  "_s + theirs);
        }
    }
    qInfo("parse: %d cases compared (%lld fixtures, %d seeded mutations; %d with a syntax error in graphql-js) in "
          "%lld ms: %d identical, %d known differences, %lld unexpected mismatches",
          compared, qlonglong(m_fixtureCases.size()), comparedMutations, theirErrors, qlonglong(clock.elapsed()),
          matching, known, qlonglong(unknown.size()));
    for (const QString &mismatch : unknown.mid(0, MaxReportedMismatches))
        qWarning("mismatch %s", qPrintable(mismatch));
    QVERIFY2(comparedMutations >= MinimumMutations,
             qPrintable(u"only "_s + QString::number(comparedMutations) + u" mutations compared within the budget"_s));
    QVERIFY2(unknown.isEmpty(), qPrintable(QString::number(unknown.size())
                                           + u" parse results differ from graphql-js and are not listed in "
                                             "known_differences.json (first ones above)"_s));
}

void DifferentialTest::printMatchesGraphqlJs()
{
    QElapsedTimer clock;
    clock.start();
    // graphql-js print() drops comments and printDocument() keeps them (printer.h): compare what has none.
    QList<Case> cases;
    qsizetype fixtureCount = 0;
    for (const QList<Case> *source : {&m_fixtureCases, &m_mutations}) {
        for (const Case &c : *source) {
            if (!c.document.contains(u'#') && Core::Parser::parse(c.document, Core::ParseMode::Strict).isValid())
                cases.append(c);
        }
        if (source == &m_fixtureCases)
            fixtureCount = cases.size();
    }
    const QList<QJsonObject> answers = askReference(cases, u"print"_s, clock);
    QVERIFY2(!answers.isEmpty(), qPrintable(m_reference.errorString()));

    int identical = 0, known = 0;
    QStringList unknown;
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const Case &c = cases.at(i);
        QString error;
        const QString ours = Core::printDocument(c.document, {}, &error);
        const QString theirs = answers.at(i).contains(u"printed"_s) ? answers.at(i).value(u"printed"_s).toString()
                                                                    : renderTheirParse(answers.at(i));
        if (ours == theirs) {
            ++identical;
        } else if (m_known.allow(u"print"_s, ours, theirs)) {
            ++known;
        } else {
            unknown.append(c.id + u"\n      document: "_s + excerpt(c.document) + u"\n      ours:     "_s
                           + excerpt(ours.isEmpty() ? error : ours) + u"\n      graphql:  "_s + excerpt(theirs));
        }
    }
    qInfo("print: %lld documents without comments compared (%lld fixtures, %lld seeded mutations) in %lld ms: "
          "%d identical, %d known differences, %lld unexpected mismatches",
          qlonglong(answers.size()), qlonglong(fixtureCount), qlonglong(answers.size() - fixtureCount),
          qlonglong(clock.elapsed()), identical, known, qlonglong(unknown.size()));
    for (const QString &mismatch : unknown.mid(0, MaxReportedMismatches))
        qWarning("mismatch %s", qPrintable(mismatch));
    QCOMPARE(answers.size(), cases.size());
    QVERIFY2(unknown.isEmpty(), qPrintable(QString::number(unknown.size())
                                           + u" printed documents differ from graphql-js print() and are not listed in "
                                             "known_differences.json (first ones above)"_s));
}

void DifferentialTest::validateMatchesGraphqlJs()
{
    QElapsedTimer clock;
    clock.start();
    std::map<QString, std::shared_ptr<const Core::Schema>> schemas;
    for (const QString &name : schemaNames()) {
        const Core::IntrospectionReadResult read = Core::IntrospectionReader::read(readIntrospection(name));
        QVERIFY2(read.isValid(), qPrintable(name + u": "_s + read.error));
        schemas[name] = read.schema;
    }

    // Syntax errors are the parse comparison's business: validate what parses.
    QList<Case> cases;
    QList<Core::ParseResult> parsed;
    qsizetype fixtureCount = 0;
    for (const QList<Case> *source : {&m_fixtureCases, &m_mutations}) {
        for (const Case &c : *source) {
            Core::ParseResult result = Core::Parser::parse(c.document, Core::ParseMode::Strict);
            if (!result.isValid())
                continue;
            cases.append(c);
            parsed.append(std::move(result));
        }
        if (source == &m_fixtureCases)
            fixtureCount = cases.size();
    }
    const QList<QJsonObject> answers = askReference(cases, u"validate"_s, clock);
    QVERIFY2(!answers.isEmpty(), qPrintable(m_reference.errorString()));

    int compared = 0, identical = 0, known = 0, orderOnly = 0, withErrors = 0;
    qsizetype comparedMutations = 0;
    QStringList unknown;
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const Case &c = cases.at(i);
        const QJsonObject &answer = answers.at(i);
        ++compared;
        if (i >= fixtureCount)
            ++comparedMutations;
        if (answer.value(u"syntaxError"_s).toBool() || answer.contains(u"requestError"_s)) {
            unknown.append(c.id + u"\n      we parse it, graphql-js does not: "_s + renderTheirParse(answer));
            continue;
        }
        QStringList ours;
        for (const Core::ValidationError &error :
             Core::Validator::validate(*schemas.at(c.schema), *parsed.at(i).document)) {
            QList<std::pair<int, int>> locations;
            for (const Core::SourceLocation &location : error.locations)
                locations.append({location.line, location.column});
            ours.append(renderError(error.message, locations));
        }
        const QStringList theirs = renderTheirValidation(answer);
        if (!theirs.isEmpty())
            ++withErrors;
        if (ours == theirs) {
            ++identical;
            continue;
        }
        const QStringList extra = missingFrom(ours, theirs);
        const QStringList missing = missingFrom(theirs, ours);
        if (extra.isEmpty() && missing.isEmpty()) {
            if (m_known.allow(u"validate-order"_s, ours.join(u" | "_s), theirs.join(u" | "_s))) {
                ++known;
            } else {
                ++orderOnly;
                unknown.append(c.id + u"\n      document: "_s + excerpt(c.document)
                               + u"\n      same errors, other order"_s + u"\n      ours:     "_s + ours.join(u" | "_s)
                               + u"\n      graphql:  "_s + theirs.join(u" | "_s));
            }
            continue;
        }
        QStringList unexplained;
        for (const QString &error : extra) {
            if (!m_known.allow(u"validate"_s, error, QString()))
                unexplained.append(u"\n      only ours:    "_s + error);
        }
        for (const QString &error : missing) {
            if (!m_known.allow(u"validate"_s, QString(), error))
                unexplained.append(u"\n      only graphql: "_s + error);
        }
        if (unexplained.isEmpty())
            ++known;
        else
            unknown.append(c.id + u"\n      document: "_s + excerpt(c.document) + unexplained.join(QString()));
    }
    qInfo("validate: %d documents compared (%lld fixtures, %lld seeded mutations; %d with errors in graphql-js) "
          "in %lld ms: %d identical, %d known differences, %lld unexpected mismatches (%d in order only)",
          compared, qlonglong(fixtureCount), qlonglong(comparedMutations), withErrors, qlonglong(clock.elapsed()),
          identical, known, qlonglong(unknown.size()), orderOnly);
    for (const QString &mismatch : unknown.mid(0, MaxReportedMismatches))
        qWarning("mismatch %s", qPrintable(mismatch));
    QCOMPARE(compared, int(cases.size()));
    QVERIFY2(unknown.isEmpty(), qPrintable(QString::number(unknown.size())
                                           + u" validation results differ from graphql-js and are not listed in "
                                             "known_differences.json (first ones above)"_s));
}

void DifferentialTest::cleanupTestCase()
{
    for (const KnownDifferences::Entry &entry : m_known.entries())
        qInfo("known difference %s (%s): %d cases", qPrintable(entry.id), qPrintable(entry.op), entry.hits);
}

QTEST_GUILESS_MAIN(DifferentialTest)
#include "differential_test.moc"
