// SPDX-License-Identifier: MIT
// Sextant: tests for readGraphQLResponse(): errors, locations, paths and tolerance (GraphQL spec §7).
#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;
using NodeId = ResponseDocument::NodeId;
using DocumentPtr = std::shared_ptr<const ResponseDocument>;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/responses/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

DocumentPtr parseOrFail(const QByteArray &bytes)
{
    ResponseDocument::ParseError error;
    DocumentPtr doc = ResponseDocument::parse(bytes, &error);
    if (!doc)
        qWarning("unexpected parse error: %s", qPrintable(error.message));
    return doc;
}

} // namespace

class GraphQLResponseTest final : public QObject
{
    Q_OBJECT

private slots:
    void graphqlErrors();
    void tolerantErrors_data();
    void tolerantErrors();
    void streamPayloads();
};

void GraphQLResponseTest::graphqlErrors()
{
    const DocumentPtr doc = parseOrFail(readFixture(u"partial_data_with_errors.json"_s));
    QVERIFY(doc);
    const auto response = Sextant::Core::readGraphQLResponse(*doc);
    QCOMPARE(response.errors.size(), 2);
    const Sextant::Core::ResponseError &first = response.errors.at(0);
    QCOMPARE(first.message, u"Repository location \"ml_pipelines\" failed to load: grpc UNAVAILABLE"_s);
    QCOMPARE(first.locations.size(), 1);
    QCOMPARE(first.locations.at(0).line, 6);
    QCOMPARE(first.locations.at(0).column, 9);
    QCOMPARE(first.path, QVariantList({u"repositoriesOrError"_s, u"nodes"_s, 1, u"location"_s}));
    QCOMPARE(first.pathString, u"repositoriesOrError.nodes[1].location"_s);
    QCOMPARE(
        first.extensionsJson,
        QByteArray(
            R"({"code":"DAGSTER_LOCATION_ERROR","retryable":true,"details":{"host":"ml-code-server:4000","attempts":3}})"));
    QVERIFY(first.json.startsWith("{\n  \"message\": "));
    const Sextant::Core::ResponseError &second = response.errors.at(1);
    QCOMPARE(second.pathString, u"repositoriesOrError.nodes[2].jobs[0].name"_s);
    QVERIFY(second.extensionsJson.isEmpty());

    // GitHub's non-standard top-level "type" is kept in the error's JSON for display.
    const DocumentPtr github = parseOrFail(readFixture(u"github_style_error_type_top_level.json"_s));
    QVERIFY(github);
    const auto githubResponse = Sextant::Core::readGraphQLResponse(*github);
    QCOMPARE(githubResponse.errors.size(), 1);
    QVERIFY(githubResponse.errors.at(0).json.contains(R"("type": "NOT_FOUND")"));
    QCOMPARE(githubResponse.errors.at(0).path, QVariantList({u"repository"_s}));

    const DocumentPtr dagger = parseOrFail(readFixture(u"null_bubbling_data_null.json"_s));
    QVERIFY(dagger);
    const auto daggerResponse = Sextant::Core::readGraphQLResponse(*dagger);
    QVERIFY(daggerResponse.dataIsNull);
    QVERIFY(daggerResponse.errors.at(0).extensionsJson.startsWith(R"({"_type":"EXEC_ERROR","cmd":["uname","-z"])"));
}

void GraphQLResponseTest::tolerantErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("errorCount");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("locations"); // "line:column;..."
    QTest::addColumn<QString>("pathString");

    QTest::newRow("missing message") << QByteArray(R"({"errors":[{"path":["a",0]}]})") << 1 << QString() << QString()
                                     << u"a[0]"_s;
    QTest::newRow("locations not a list")
        << QByteArray(R"({"errors":[{"message":"m","locations":{"line":2,"column":3}}]})") << 1 << u"m"_s << u"2:3"_s
        << QString();
    QTest::newRow("locations garbage") << QByteArray(R"({"errors":[{"message":"m","locations":"nowhere"}]})") << 1
                                       << u"m"_s << QString() << QString();
    QTest::newRow("bad location entries") << QByteArray(
        R"({"errors":[{"message":"m","locations":[{"line":0,"column":1},{"line":1.5,"column":1},{"line":"3","column":4},5,{"line":7,"column":8}]}]})")
                                          << 1 << u"m"_s << u"7:8"_s << QString();
    QTest::newRow("unknown keys") << QByteArray(
        R"({"errors":[{"type":"NOT_FOUND","message":"gone","extra":{"x":[1]}}]})")
                                  << 1 << u"gone"_s << QString() << QString();
    QTest::newRow("message not a string") << QByteArray(R"({"errors":[{"message":{"text":"x"}}]})") << 1
                                          << uR"({"text":"x"})"_s << QString() << QString();
    QTest::newRow("errors is an object") << QByteArray(R"({"errors":{"message":"single"}})") << 1 << u"single"_s
                                         << QString() << QString();
    QTest::newRow("errors entry is a string")
        << QByteArray(R"({"errors":["plain text"]})") << 1 << u"plain text"_s << QString() << QString();
    QTest::newRow("errors null") << QByteArray(R"({"data":{},"errors":null})") << 0 << QString() << QString()
                                 << QString();
    QTest::newRow("path with odd steps") << QByteArray(R"({"errors":[{"message":"m","path":["a b",2,true]}]})") << 1
                                         << u"m"_s << QString() << uR"(["a b"][2].true)"_s;
}

void GraphQLResponseTest::tolerantErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, errorCount);
    QFETCH(QString, message);
    QFETCH(QString, locations);
    QFETCH(QString, pathString);

    const DocumentPtr doc = parseOrFail(json);
    QVERIFY(doc);
    const auto response = Sextant::Core::readGraphQLResponse(*doc);
    QCOMPARE(response.errors.size(), errorCount);
    if (errorCount == 0)
        return;
    const Sextant::Core::ResponseError &error = response.errors.at(0);
    QCOMPARE(error.message, message);
    QStringList actualLocations;
    for (const Sextant::Core::SourceLocation &location : error.locations)
        actualLocations.append(QString::number(location.line) + QLatin1Char(':') + QString::number(location.column));
    QCOMPARE(actualLocations.join(QLatin1Char(';')), locations);
    QCOMPARE(error.pathString, pathString);
    QVERIFY(!error.json.isEmpty());
}

void GraphQLResponseTest::streamPayloads()
{
    const QList<QByteArray> lines = readFixture(u"subscription_stream_small.jsonl"_s).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QStringList names;
    for (const QByteArray &line : lines) {
        const DocumentPtr doc = parseOrFail(line);
        QVERIFY(doc);
        const NodeId name = doc->nodeAtPath({u"data"_s, u"loanEvents"_s, u"member"_s, u"displayName"_s});
        if (doc->kind(name) == JsonKind::String)
            names.append(doc->stringValue(name));
    }
    QCOMPARE(names, QStringList({u"Zoë"_s, u"Þór"_s}));
    const DocumentPtr last = parseOrFail(lines.last());
    const auto response = Sextant::Core::readGraphQLResponse(*last);
    QVERIFY(response.dataIsNull);
    QCOMPARE(response.errors.size(), 1);
    QCOMPARE(response.errors.at(0).pathString, u"loanEvents"_s);
}

QTEST_GUILESS_MAIN(GraphQLResponseTest)
#include "graphqlresponse_test.moc"
