// SPDX-License-Identifier: MIT
// Sextant: the validator against graphql-js 16.15 vectors and the real-world query fixtures.
#include <core/language/parser.h>
#include <core/schema/introspectionreader.h>
#include <core/validation/validator.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Sextant::Core;

namespace {

// Cases whose graphql-js output we knowingly do not reproduce: id -> reason. Empty is the goal.
const QHash<QString, QString> &knownDifferences()
{
    static const QHash<QString, QString> differences = {};
    return differences;
}

const QStringList &schemaNames()
{
    static const QStringList names = {u"github"_s, u"dagster"_s, u"dagger"_s, u"small"_s};
    return names;
}

// tests/fixtures/schemas/<name>/introspection.json, or its .gz (the GitHub schema) through gzip.
std::shared_ptr<const Schema> loadSchema(const QString &name)
{
    static std::map<QString, std::shared_ptr<const Schema>> cache;
    if (auto it = cache.find(name); it != cache.end())
        return it->second;
    const QString base = QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/introspection.json"_s;
    QByteArray json;
    if (QFile::exists(base)) {
        QFile file(base);
        if (file.open(QIODevice::ReadOnly))
            json = file.readAll();
    } else {
        QProcess gunzip;
        gunzip.start(u"gzip"_s, {u"-dc"_s, base + u".gz"_s});
        if (gunzip.waitForFinished(60000) && gunzip.exitCode() == 0)
            json = gunzip.readAllStandardOutput();
    }
    const IntrospectionReadResult result = IntrospectionReader::read(json);
    cache[name] = result.schema;
    return result.schema;
}

QList<ValidationError> parseAndValidate(const Schema &schema, const QString &document)
{
    const ParseResult parsed = Parser::parse(document, ParseMode::Strict);
    if (!parsed.isValid())
        return {{parsed.errors.first().message, {parsed.errors.first().location}}};
    return Validator::validate(schema, *parsed.document);
}

QString describe(const QList<ValidationError> &errors)
{
    QStringList lines;
    for (const ValidationError &error : errors) {
        QStringList locations;
        for (const SourceLocation &location : error.locations)
            locations.append(QString::number(location.line) + u':' + QString::number(location.column));
        lines.append(error.message + u" @" + locations.join(u' '));
    }
    return lines.join(u'\n');
}

} // namespace

class ValidationTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const QString &name : schemaNames())
            QVERIFY2(loadSchema(name), qPrintable(name));
    }

    void vectors_data()
    {
        QTest::addColumn<QString>("schemaName");
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("expected");
        int count = 0;
        for (const QString &name : schemaNames()) {
            QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/validation/") + name + u".jsonl"_s);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QList<QByteArray> lines = file.readAll().split('\n');
            for (const QByteArray &line : lines) {
                if (line.trimmed().isEmpty())
                    continue;
                const QJsonObject object = QJsonDocument::fromJson(line).object();
                QList<ValidationError> expected;
                for (const QJsonValue &error : object.value(u"errors"_s).toArray()) {
                    ValidationError e{error[u"message"_s].toString(), {}};
                    for (const QJsonValue &location : error[u"locations"_s].toArray())
                        e.locations.append({location[u"line"_s].toInt(), location[u"column"_s].toInt(), -1});
                    expected.append(e);
                }
                const QString id = object.value(u"id"_s).toString();
                QTest::newRow(qPrintable(id)) << name << object.value(u"document"_s).toString() << describe(expected);
                ++count;
            }
        }
        QCOMPARE(count, 473);
    }

    void vectors()
    {
        QFETCH(QString, schemaName);
        QFETCH(QString, document);
        QFETCH(QString, expected);
        const QString actual = describe(parseAndValidate(*loadSchema(schemaName), document));
        const QString id = QString::fromUtf8(QTest::currentDataTag());
        if (knownDifferences().contains(id))
            QEXPECT_FAIL("", qPrintable(knownDifferences().value(id)), Continue);
        QCOMPARE(actual, expected);
    }

    void queryFixtures_data()
    {
        QTest::addColumn<QString>("schemaName");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        const QString root = QStringLiteral(SEXTANT_FIXTURES_DIR "/queries/");
        for (const QString &name : schemaNames()) {
            for (const bool valid : {true, false}) {
                const QDir dir(root + (valid ? QString() : u"_expected_failures/"_s) + name);
                for (const QString &entry : dir.entryList({u"*.graphql"_s}, QDir::Files, QDir::Name))
                    QTest::newRow(qPrintable(name + u'/' + (valid ? u""_s : u"fail/"_s) + entry))
                        << name << dir.filePath(entry) << valid;
            }
        }
    }

    void queryFixtures()
    {
        QFETCH(QString, schemaName);
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<ValidationError> errors =
            parseAndValidate(*loadSchema(schemaName), QString::fromUtf8(file.readAll()));
        if (valid)
            QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
        else
            QVERIFY(!errors.isEmpty());
    }
};

QTEST_GUILESS_MAIN(ValidationTest)
#include "validation_test.moc"
