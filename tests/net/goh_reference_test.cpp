// SPDX-License-Identifier: MIT
// Sextant: GraphQLClient against graphql-http 1.23.1, the GraphQL over HTTP reference server
// (tests/reference/graphql_http_server.mjs), for the client-relevant parts of PROTOCOLS.md §1.
#include <net/graphqlclient.h>

#include <support/serverprocess.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;

namespace {

constexpr int callTimeoutMs = 15000;

GraphQLRequest request(const QString &query, const QString &operationName = {}, const QByteArray &variables = {})
{
    GraphQLRequest r;
    r.query = query;
    r.operationName = operationName;
    r.variablesJson = variables;
    return r;
}

QJsonObject json(const HttpResult &result)
{
    return QJsonDocument::fromJson(result.body).object();
}

QString firstError(const HttpResult &result)
{
    return json(result).value(u"errors"_s).toArray().at(0).toObject().value(u"message"_s).toString();
}

} // namespace

class GohReferenceTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void postQuery();
    void getQueryWithTrickyCharacters();
    void mutationNeverOverGet();
    void parseError();
    void validationError();
    void variableOfWrongType();
    void unknownOperationName();
    void acceptHeaderSentExactly();

private:
    std::optional<HttpResult> run(const GraphQLRequest &graphqlRequest, bool useGet = false);

    std::unique_ptr<ServerProcess> m_server;
    GraphQLClient m_client;
};

void GohReferenceTest::initTestCase()
{
    qRegisterMetaType<HttpResult>();
    m_server = std::make_unique<ServerProcess>();
    QString error;
    if (!m_server->start(u"tests/reference/graphql_http_server.mjs"_s, {}, 30000, &error))
        QFAIL(qPrintable(u"graphql_http_server.mjs did not start: "_s + error));
}

void GohReferenceTest::cleanupTestCase()
{
    m_server.reset();
}

std::optional<HttpResult> GohReferenceTest::run(const GraphQLRequest &graphqlRequest, bool useGet)
{
    EndpointProfile profile;
    profile.url = m_server->url(u"/graphql"_s);
    profile.timeoutMs = callTimeoutMs;
    profile.useGetForQueries = useGet;
    QPointer<GraphQLCall> call = m_client.execute(profile, graphqlRequest);
    QSignalSpy spy(call.data(), &GraphQLCall::finished);
    if (!spy.wait(callTimeoutMs) || spy.count() != 1)
        return std::nullopt;
    return spy.at(0).at(0).value<HttpResult>();
}

void GohReferenceTest::postQuery()
{
    const auto result = run(request(u"{ hello(name: \"Ada\") method }"_s));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(result->httpStatus, 200);
    QVERIFY(result->contentType.startsWith("application/graphql-response+json"));
    QVERIFY(result->message.isEmpty());
    QVERIFY(!result->probablyGraphQL);
    const QJsonObject data = json(*result).value(u"data"_s).toObject();
    QCOMPARE(data.value(u"hello"_s).toString(), u"Hello, Ada!"_s);
    QCOMPARE(data.value(u"method"_s).toString(), u"POST"_s);
}

void GohReferenceTest::getQueryWithTrickyCharacters()
{
    const QString name = u"1+1 & b=c #d %20 é ✓"_s;
    const auto result = run(request(u"query Greet($n: String) { hello(name: $n) method }"_s, u"Greet"_s,
                                    GraphQLRequest::jsonString(name).prepend("{\"n\":").append('}')),
                            true);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(result->requestMethod, QByteArray("GET"));
    const QJsonObject data = json(*result).value(u"data"_s).toObject();
    QCOMPARE(data.value(u"method"_s).toString(), u"GET"_s);
    QCOMPARE(data.value(u"hello"_s).toString(), u"Hello, "_s + name + u'!');

    // The same characters inside the document itself.
    const auto inline_ = run(request(u"{ hello(name: \"a+b&c=d#e é\") }"_s), true);
    QVERIFY(inline_);
    QCOMPARE(inline_->kind, ResultKind::GraphQLResponse);
    QCOMPARE(json(*inline_).value(u"data"_s).toObject().value(u"hello"_s).toString(), u"Hello, a+b&c=d#e é!"_s);
}

void GohReferenceTest::mutationNeverOverGet()
{
    // graphql-http answers a mutation over GET with 405; the client must send it as POST instead.
    const auto result = run(request(u"mutation { bump method }"_s), true);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(result->httpStatus, 200);
    QCOMPARE(result->requestMethod, QByteArray("POST"));
    const QJsonObject data = json(*result).value(u"data"_s).toObject();
    QCOMPARE(data.value(u"method"_s).toString(), u"POST"_s);
    QVERIFY(data.value(u"bump"_s).toInt() >= 1);
}

void GohReferenceTest::parseError()
{
    const auto result = run(request(u"{ hello("_s));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse); // graphql-response+json: GraphQL whatever the status
    QCOMPARE(result->httpStatus, 400);
    QVERIFY(!result->probablyGraphQL);
    QVERIFY(!json(*result).contains(u"data"_s)); // a request error: no data
    QVERIFY2(firstError(*result).startsWith(u"Syntax Error"_s), qPrintable(firstError(*result)));
    QVERIFY2(result->message.startsWith(u"HTTP 400 Bad Request: GraphQL request error"_s), qPrintable(result->message));
}

void GohReferenceTest::validationError()
{
    const auto result = run(request(u"{ nope }"_s));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QVERIFY2(result->httpStatus == 400 || result->httpStatus == 422, qPrintable(QString::number(result->httpStatus)));
    QVERIFY(!json(*result).contains(u"data"_s));
    QVERIFY2(firstError(*result).contains(u"Cannot query field \"nope\""_s), qPrintable(firstError(*result)));
}

void GohReferenceTest::variableOfWrongType()
{
    const auto result = run(request(u"query ($n: String) { hello(name: $n) }"_s, {}, R"({"n":5})"));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QVERIFY(!json(*result).contains(u"data"_s));
    QVERIFY2(firstError(*result).contains(u"got invalid value 5"_s), qPrintable(firstError(*result)));
}

void GohReferenceTest::unknownOperationName()
{
    const auto result = run(request(u"query A { hello }"_s, u"B"_s), true);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(result->requestMethod, QByteArray("POST")); // undetermined operation: never GET
    QVERIFY(result->httpStatus >= 400);
    QVERIFY(!json(*result).contains(u"data"_s));
    QVERIFY(!firstError(*result).isEmpty());
}

void GohReferenceTest::acceptHeaderSentExactly()
{
    for (const bool useGet : {false, true}) {
        const auto result = run(request(u"{ header(name: \"accept\") }"_s), useGet);
        QVERIFY(result);
        QCOMPARE(result->kind, ResultKind::GraphQLResponse);
        QCOMPARE(json(*result).value(u"data"_s).toObject().value(u"header"_s).toString().toUtf8(),
                 GraphQLClient::acceptHeader.toByteArray());
    }
}

QTEST_GUILESS_MAIN(GohReferenceTest)
#include "goh_reference_test.moc"
