// SPDX-License-Identifier: MIT
// Sextant: GraphQLClient against FakeHttpServer — request shape, classification of bad replies, cancel, timeout,
// redirects.
#include <net/graphqlclient.h>

#include <support/fakehttpserver.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxyFactory>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;

namespace {

constexpr int callTimeoutMs = 10000;

GraphQLRequest simpleRequest()
{
    GraphQLRequest request;
    request.query = u"query Q($id: ID!) { node(id: $id) { id } }"_s;
    request.operationName = u"Q"_s;
    request.variablesJson = R"({"id":"QVBJcy5ndXJ1","big":12345678901234567890})";
    return request;
}

EndpointProfile genericProfile(const QUrl &url)
{
    EndpointProfile profile;
    profile.url = url;
    profile.timeoutMs = callTimeoutMs;
    return profile;
}

/// Runs one call to completion; nullopt when it did not finish in time or finished more than once.
std::optional<HttpResult> runCall(GraphQLClient &client, const EndpointProfile &endpoint,
                                  const GraphQLRequest &request = simpleRequest())
{
    QPointer<GraphQLCall> call = client.execute(endpoint, request);
    QSignalSpy spy(call.data(), &GraphQLCall::finished);
    if (!spy.wait(callTimeoutMs) || spy.count() != 1)
        return std::nullopt;
    return spy.at(0).at(0).value<HttpResult>();
}

quint16 unusedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort(); // closed again when server goes out of scope: nothing listens there
}

} // namespace

class GraphQLClientTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void requestShape();
    void requestOmitsEmptyMembers();
    void daggerBasicAuth();
    void userHeadersSent();
    void cleanResponse();
    void badReply_data();
    void badReply();
    void connectionRefused();
    void unresolvableHost();
    void closedMidBody();
    void tlsHandshakeFailure();
    void tlsHandshakeCut();
    void corruptGzip();
    void abortCancels();
    void timeoutTimesOut();
    void noTimeoutForDagger();
    void crossOriginRedirectNotFollowed();
    void sameOriginRedirectFollowed();
    void postRedirectTo302NotFollowed();
    void invalidUrl_data();
    void invalidUrl();
    void loopbackBypassesProxy();
    void progressReported();
};

void GraphQLClientTest::initTestCase()
{
    qRegisterMetaType<HttpResult>();
}

void GraphQLClientTest::requestShape()
{
    FakeHttpServer server;
    QVERIFY(server.isListening());
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);

    const FakeHttpServer::Request request = server.lastRequest();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/graphql"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(request.header("Accept"), QByteArray("application/graphql-response+json, application/json;q=0.9"));
    QVERIFY(!request.hasHeader("Authorization"));
    // Exactly the GoH keys, in order, variables verbatim (2^64-ish integer intact).
    QCOMPARE(request.body, QByteArray(R"({"query":"query Q($id: ID!) { node(id: $id) { id } }","operationName":"Q",)"
                                      R"("variables":{"id":"QVBJcy5ndXJ1","big":12345678901234567890}})"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.keys(), (QStringList{u"operationName"_s, u"query"_s, u"variables"_s}));
}

void GraphQLClientTest::requestOmitsEmptyMembers()
{
    GraphQLRequest request;
    request.query = u"{ a(s: \"quote \\\" backslash \\\\ tab\t é\") }"_s;
    const QByteArray escaped = R"({"query":"{ a(s: \"quote \\\" backslash \\\\ tab\t é\") }"})";
    QCOMPARE(request.toJsonBody(), escaped);
    request.variablesJson = "  null ";
    QCOMPARE(request.toJsonBody().contains("variables"), false);
    request.query = QString(QChar(0x01));
    const QByteArray control = R"({"query":"\u0001"})";
    QCOMPARE(request.toJsonBody(), control);
    // Round trip through a real JSON parser.
    request.query = u"line1\nline2 \"q\" \\ \u2028"_s;
    QCOMPARE(QJsonDocument::fromJson(request.toJsonBody()).object().value(u"query"_s).toString(), request.query);
}

void GraphQLClientTest::daggerBasicAuth()
{
    FakeHttpServer server;
    GraphQLClient client;
    EndpointProfile profile = EndpointProfile::daggerSession(server.port(), u"0b4d5a3e-token"_s);
    QCOMPARE(profile.url, server.url(u"/query"_s));
    QCOMPARE(profile.timeoutMs, 0);
    const auto result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    // Basic base64("token:"): token as user name, empty password, sent pre-emptively.
    QCOMPARE(server.lastRequest().header("Authorization"),
             QByteArray("Basic ") + QByteArray("0b4d5a3e-token:").toBase64());
    QCOMPARE(server.requestCount(), 1);
}

void GraphQLClientTest::userHeadersSent()
{
    FakeHttpServer server;
    GraphQLClient client;
    EndpointProfile profile = EndpointProfile::dagster(server.url());
    QString error;
    profile.headers = EndpointProfile::parseHeaders(u"Dagster-Cloud-Api-Token: abc\nX-Trace: 1 2 3"_s, &error);
    QVERIFY(error.isEmpty());
    QVERIFY(runCall(client, profile));
    QCOMPARE(server.lastRequest().header("Dagster-Cloud-Api-Token"), QByteArray("abc"));
    QCOMPARE(server.lastRequest().header("X-Trace"), QByteArray("1 2 3"));
    QVERIFY(!server.lastRequest().hasHeader("Authorization"));
}

void GraphQLClientTest::cleanResponse()
{
    FakeHttpServer server;
    const QByteArray body = R"({"data":{"z":1,"a":[1,2]}})";
    server.enqueue(FakeHttpServer::json(200, body, "application/json; charset=utf-8"));
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QVERIFY(result->isGraphQL());
    QCOMPARE(result->httpStatus, 200);
    QCOMPARE(result->reasonPhrase, QByteArray("OK"));
    QCOMPARE(result->contentType, QByteArray("application/json; charset=utf-8"));
    QCOMPARE(result->body, body);
    QVERIFY(result->message.isEmpty());
    QCOMPARE(result->responseHeader("content-length"), QByteArray::number(body.size()));
    QVERIFY(result->statusLine().startsWith(u"HTTP 200 OK · "_s));
    QVERIFY(result->statusLine().endsWith(u" ms · 26 B"_s));
}

void GraphQLClientTest::badReply_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("extraHeader"); // "Name: value" or empty
    QTest::addColumn<int>("endpointKind");
    QTest::addColumn<ResultKind>("expectedKind");
    QTest::addColumn<QString>("expectedMessage"); // fragment; empty = message must be empty

    const int generic = int(EndpointKind::GenericHttp);
    const int dagger = int(EndpointKind::DaggerSession);
    const int dagster = int(EndpointKind::Dagster);

    QTest::newRow("html 502 from a proxy")
        << 502 << QByteArray("text/html") << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>")
        << QByteArray() << generic << ResultKind::NotGraphQL
        << u"HTTP 502 Bad Gateway: the server returned an HTML page, not a GraphQL response"_s;
    QTest::newRow("html 200 on a wrong Dagster path")
        << 200 << QByteArray("text/html; charset=utf-8") << QByteArray("<!DOCTYPE html><html><head></head></html>")
        << QByteArray() << dagster << ResultKind::NotGraphQL
        << u"HTTP 200: the server returned an HTML page, not a GraphQL response — check the endpoint path (Dagster serves GraphQL at /graphql)"_s;
    QTest::newRow("non-JSON text 200") << 200 << QByteArray("text/plain") << QByteArray("hello world") << QByteArray()
                                       << generic << ResultKind::NotGraphQL
                                       << u"HTTP 200: the body is not JSON (text/plain): hello world"_s;
    QTest::newRow("invalid JSON labelled JSON")
        << 200 << QByteArray("application/json") << QByteArray(R"({"data": )") << QByteArray() << generic
        << ResultKind::NotGraphQL << u"HTTP 200: the body is not JSON (application/json): {\"data\":"_s;
    QTest::newRow("empty body 200") << 200 << QByteArray("application/json") << QByteArray() << QByteArray() << generic
                                    << ResultKind::NotGraphQL << u"HTTP 200: empty response body"_s;
    QTest::newRow("Dagger wrong token: 401, empty body, WWW-Authenticate Basic")
        << 401 << QByteArray() << QByteArray()
        << QByteArray(R"(WWW-Authenticate: Basic realm="Access to the Dagger engine session")") << dagger
        << ResultKind::NotGraphQL
        << u"HTTP 401 Unauthorized: the Dagger session token was rejected (check DAGGER_SESSION_TOKEN)"_s;
    QTest::newRow("generic 401") << 401 << QByteArray("text/plain") << QByteArray("denied")
                                 << QByteArray(R"(WWW-Authenticate: Bearer realm="x")") << generic
                                 << ResultKind::NotGraphQL
                                 << u"HTTP 401 Unauthorized: the server requires authentication (Bearer)"_s;
    QTest::newRow("Dagster 500 with partial data and errors")
        << 500 << QByteArray("application/json")
        << QByteArray(R"({"data":{"a":null},"errors":[{"message":"boom","path":["a"]}]})") << QByteArray() << dagster
        << ResultKind::GraphQLResponse << u"HTTP 500 Internal Server Error: the server returned a GraphQL response"_s;
    QTest::newRow("Dagster 400 validation error")
        << 400 << QByteArray("application/json")
        << QByteArray(
               R"({"data": null, "errors": [{"message": "Cannot query field 'x' on type 'Query'.", "locations": [{"line": 1, "column": 3}]}]})")
        << QByteArray() << dagster << ResultKind::GraphQLResponse << u"HTTP 400 Bad Request"_s;
    QTest::newRow("Dagster 400 text/plain for invalid JSON")
        << 400 << QByteArray("text/plain; charset=utf-8") << QByteArray("GraphQL request is invalid JSON:\n{\"query\"")
        << QByteArray() << dagster << ResultKind::NotGraphQL
        << u"HTTP 400 Bad Request: the body is not JSON (text/plain): GraphQL request is invalid JSON: {\"query\""_s;
    QTest::newRow("Dagster POST on a UI path: 405 text/plain")
        << 405 << QByteArray("text/plain; charset=utf-8") << QByteArray("Method Not Allowed") << QByteArray() << dagster
        << ResultKind::NotGraphQL
        << u"HTTP 405 Method Not Allowed: this URL does not serve GraphQL — check the endpoint path (text/plain): Method Not Allowed"_s;
    QTest::newRow("gqlgen 422 validation error")
        << 422 << QByteArray("application/json")
        << QByteArray(
               R"({"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}],"data":null})")
        << QByteArray() << dagger << ResultKind::GraphQLResponse << u"HTTP 422 Unprocessable Entity"_s;
    QTest::newRow("Dagger session error: JSON errors labelled text/plain, 503")
        << 503 << QByteArray("text/plain; charset=utf-8")
        << QByteArray(R"({"errors":[{"message":"session closing"}]})"
                      "\n")
        << QByteArray() << dagger << ResultKind::GraphQLResponse << u"HTTP 503 Service Unavailable"_s;
    QTest::newRow("Dagger proxy 502 text/plain")
        << 502 << QByteArray("text/plain; charset=utf-8") << QByteArray("client has closed: context canceled\n")
        << QByteArray() << dagger << ResultKind::NotGraphQL
        << u"HTTP 502 Bad Gateway: the body is not JSON (text/plain): client has closed: context canceled"_s;
    QTest::newRow("graphql-response+json 294 partial success")
        << 294 << QByteArray("application/graphql-response+json; charset=utf-8")
        << QByteArray(R"({"data":{"a":1,"b":null},"errors":[{"message":"b failed","path":["b"]}]})") << QByteArray()
        << generic << ResultKind::GraphQLResponse << QString();
    QTest::newRow("JSON that is not a GraphQL response")
        << 200 << QByteArray("application/json") << QByteArray(R"({"dagster_version":"1.13.27"})") << QByteArray()
        << dagster << ResultKind::NotGraphQL
        << u"HTTP 200: the JSON body has no \"data\" or \"errors\", so it is not a GraphQL response (application/json): {\"dagster_version\":\"1.13.27\"}"_s;
    QTest::newRow("403 empty") << 403 << QByteArray() << QByteArray() << QByteArray() << generic
                               << ResultKind::NotGraphQL << u"HTTP 403 Forbidden: the server refused access"_s;
}

void GraphQLClientTest::badReply()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, extraHeader);
    QFETCH(int, endpointKind);
    QFETCH(ResultKind, expectedKind);
    QFETCH(QString, expectedMessage);

    FakeHttpServer server;
    FakeHttpServer::Response response;
    response.status = status;
    if (!contentType.isEmpty())
        response.headers.append({"Content-Type", contentType});
    if (!extraHeader.isEmpty()) {
        const qsizetype colon = extraHeader.indexOf(':');
        response.headers.append({extraHeader.left(colon), extraHeader.mid(colon + 1).trimmed()});
    }
    response.body = body;
    server.enqueue(response);

    EndpointProfile profile = genericProfile(server.url());
    profile.kind = EndpointKind(endpointKind);
    if (profile.kind == EndpointKind::DaggerSession)
        profile.daggerToken = u"wrong-token"_s;

    GraphQLClient client;
    const auto result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->kind, expectedKind);
    QCOMPARE(result->httpStatus, status);
    QCOMPARE(result->body, body);
    if (expectedMessage.isEmpty())
        QVERIFY2(result->message.isEmpty(), qPrintable(result->message));
    else
        QVERIFY2(result->message.startsWith(expectedMessage), qPrintable(result->message));
    QVERIFY(!result->message.contains(u"wrong-token"_s));
}

void GraphQLClientTest::connectionRefused()
{
    const quint16 port = unusedPort();
    QVERIFY(port != 0);
    GraphQLClient client;
    QUrl url(u"http://127.0.0.1/graphql"_s);
    url.setPort(port);
    const auto result = runCall(client, genericProfile(url));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QCOMPARE(result->httpStatus, 0);
    QCOMPARE(result->message, u"Connection refused by 127.0.0.1:%1 — is the server running?"_s.arg(port));
    QVERIFY(result->statusLine().startsWith(u"No response · "_s));
}

void GraphQLClientTest::unresolvableHost()
{
    // ".invalid" never resolves (RFC 6761 §6.4). Only meaningful where resolution fails fast (offline CI):
    // give it a bounded time, then skip instead of waiting for a slow resolver.
    GraphQLClient client;
    QPointer<GraphQLCall> call =
        client.execute(genericProfile(QUrl(u"http://nonexistent.invalid/graphql"_s)), simpleRequest());
    QSignalSpy spy(call.data(), &GraphQLCall::finished);
    if (!spy.wait(5000)) {
        call->abort();
        QSKIP("name resolution of nonexistent.invalid did not fail within 5 s on this machine");
    }
    const auto result = spy.at(0).at(0).value<HttpResult>();
    QCOMPARE(result.kind, ResultKind::TransportError);
    QCOMPARE(result.message, u"Host not found: nonexistent.invalid — check the endpoint URL"_s);
}

void GraphQLClientTest::closedMidBody()
{
    FakeHttpServer server;
    FakeHttpServer::Response response =
        FakeHttpServer::json(200, QByteArray(R"({"data":{"s":")") + QByteArray(4000, 'x') + "\"}}");
    response.closeMidBody = true;
    server.enqueue(response);
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QVERIFY2(result->message.contains(u"closed the connection before the response was complete"_s),
             qPrintable(result->message));
}

void GraphQLClientTest::tlsHandshakeFailure()
{
    // https:// to a server that answers in plain text: the TLS handshake cannot succeed.
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
        while (QTcpSocket *socket = plain.nextPendingConnection()) {
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        }
    });
    QUrl url(u"https://127.0.0.1/graphql"_s);
    url.setPort(plain.serverPort());
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(url));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QCOMPARE(result->httpStatus, 0);
    QVERIFY2(result->message.startsWith(u"TLS handshake with 127.0.0.1:%1 failed: "_s.arg(plain.serverPort())),
             qPrintable(result->message));
}

void GraphQLClientTest::tlsHandshakeCut()
{
    // https:// to a server that reads the ClientHello and closes: not "closed without answering" but a TLS failure.
    QTcpServer cutter;
    QVERIFY(cutter.listen(QHostAddress::LocalHost, 0));
    connect(&cutter, &QTcpServer::newConnection, &cutter, [&cutter] {
        while (QTcpSocket *socket = cutter.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->close();
            });
        }
    });
    QUrl url(u"https://127.0.0.1/graphql"_s);
    url.setPort(cutter.serverPort());
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(url));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QVERIFY2(result->message.startsWith(u"TLS handshake with 127.0.0.1:%1 failed: "_s.arg(cutter.serverPort())),
             qPrintable(result->message));
}

void GraphQLClientTest::corruptGzip()
{
    FakeHttpServer server;
    FakeHttpServer::Response response = FakeHttpServer::json(
        200, QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) + QByteArray("not deflate data ").repeated(4));
    response.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    server.enqueue(response);
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QVERIFY2(result->message.contains(u"could not be decompressed: the gzip data is corrupt"_s), qPrintable(result->message));
    QVERIFY2(!result->message.contains(u"safety limit"_s), qPrintable(result->message));
}

void GraphQLClientTest::abortCancels()
{
    FakeHttpServer server;
    FakeHttpServer::Response never = FakeHttpServer::json(200, R"({"data":{}})");
    never.delayMs = -1;
    server.setDefaultResponse(never);
    GraphQLClient client;
    QPointer<GraphQLCall> call = client.execute(genericProfile(server.url()), simpleRequest());
    QSignalSpy finished(call.data(), &GraphQLCall::finished);
    QSignalSpy received(&server, &FakeHttpServer::requestReceived);
    QVERIFY(received.wait(callTimeoutMs));
    QVERIFY(call->isRunning());
    QVERIFY(call->elapsedMs() >= 0);

    call->abort();
    QCOMPARE(finished.count(), 1); // synchronously, from inside abort()
    QVERIFY(!call->isRunning());
    const auto result = finished.at(0).at(0).value<HttpResult>();
    QCOMPARE(result.kind, ResultKind::Cancelled);
    QCOMPARE(call->elapsedMs(), result.elapsedMs); // frozen once finished
    QVERIFY(result.statusLine().startsWith(u"Cancelled · "_s));
    call->abort();                                 // a second abort is a no-op
    QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), 5000); // deleteLater after finished
    QCOMPARE(finished.count(), 1);
}

void GraphQLClientTest::timeoutTimesOut()
{
    FakeHttpServer server;
    FakeHttpServer::Response never = FakeHttpServer::json(200, R"({"data":{}})");
    never.delayMs = -1;
    server.setDefaultResponse(never);
    GraphQLClient client;
    EndpointProfile profile = genericProfile(server.url());
    profile.timeoutMs = 300;
    const auto result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TimedOut);
    QVERIFY2(result->message.contains(u"timed out"_s), qPrintable(result->message));
    QVERIFY(result->elapsedMs >= 250);
}

void GraphQLClientTest::noTimeoutForDagger()
{
    // A Dagger build answers late; the profile has no timeout, so a reply after the generic one's window arrives.
    FakeHttpServer server;
    FakeHttpServer::Response late = FakeHttpServer::json(200, R"({"data":{"container":{"stdout":"ok"}}})");
    late.delayMs = 600;
    server.setDefaultResponse(late);
    GraphQLClient client;
    EndpointProfile profile = EndpointProfile::daggerSession(server.port(), u"t"_s);
    QCOMPARE(profile.timeoutMs, 0);
    const auto result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QVERIFY(result->elapsedMs >= 550);
}

void GraphQLClientTest::crossOriginRedirectNotFollowed()
{
    FakeHttpServer target;
    FakeHttpServer server;
    FakeHttpServer::Response redirect;
    redirect.status = 307;
    redirect.headers.append({"Location", target.url().toEncoded()});
    server.enqueue(redirect);

    GraphQLClient client;
    const auto result = runCall(client, EndpointProfile::daggerSession(server.port(), u"secret-token"_s));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::NotGraphQL);
    QCOMPARE(result->httpStatus, 307);
    QVERIFY2(result->message.startsWith(u"HTTP 307 Temporary Redirect: the server redirects to another origin ("_s
                                        + target.url().toString()),
             qPrintable(result->message));
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(target.requestCount(), 0); // the token never left the origin
}

void GraphQLClientTest::sameOriginRedirectFollowed()
{
    FakeHttpServer server;
    server.setHandler([&server](const FakeHttpServer::Request &request) {
        if (request.path == "/query") {
            FakeHttpServer::Response redirect;
            redirect.status = 308;
            redirect.headers.append({"Location", server.url(u"/v2/query"_s).toEncoded()});
            return redirect;
        }
        return FakeHttpServer::json(200, R"({"data":{"moved":true}})");
    });
    GraphQLClient client;
    const auto result = runCall(client, EndpointProfile::daggerSession(server.port(), u"tok"_s));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    const QByteArray moved = R"({"data":{"moved":true}})";
    QCOMPARE(result->body, moved);
    QCOMPARE(server.requestCount(), 2);
    const FakeHttpServer::Request second = server.requests().at(1);
    QCOMPARE(second.path, QByteArray("/v2/query"));
    QCOMPARE(second.header("Authorization"), GraphQLClient::daggerAuthorization(u"tok"_s));
    QCOMPARE(second.method, QByteArray("POST"));
    QCOMPARE(second.body, server.requests().at(0).body);
}

void GraphQLClientTest::postRedirectTo302NotFollowed()
{
    FakeHttpServer server;
    FakeHttpServer::Response redirect;
    redirect.status = 302;
    redirect.headers.append({QByteArray("Location"), QByteArray("/elsewhere")});
    server.enqueue(redirect);
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::NotGraphQL);
    QCOMPARE(result->httpStatus, 302);
    QVERIFY2(result->message.contains(u"would turn into a GET"_s), qPrintable(result->message));
    QCOMPARE(server.requestCount(), 1);
}

void GraphQLClientTest::invalidUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("empty") << QUrl() << u"Invalid endpoint URL"_s;
    QTest::newRow("relative") << QUrl(u"graphql"_s) << u"Invalid endpoint URL"_s;
    QTest::newRow("ftp") << QUrl(u"ftp://127.0.0.1/graphql"_s) << u"Unsupported URL scheme \"ftp\""_s;
}

void GraphQLClientTest::invalidUrl()
{
    QFETCH(QUrl, url);
    QFETCH(QString, expectedMessage);
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(url));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QVERIFY2(result->message.startsWith(expectedMessage), qPrintable(result->message));
}

void GraphQLClientTest::loopbackBypassesProxy()
{
    // A proxy that does not exist: any request routed through it would fail.
    const quint16 deadPort = unusedPort();
    const QByteArray proxy = "http://127.0.0.1:" + QByteArray::number(deadPort);
    const QByteArray savedHttp = qgetenv("http_proxy");
    const QByteArray savedNoProxy = qgetenv("no_proxy");
    qputenv("http_proxy", proxy);
    qunsetenv("no_proxy");
    const auto restore = qScopeGuard([&] {
        if (savedHttp.isEmpty())
            qunsetenv("http_proxy");
        else
            qputenv("http_proxy", savedHttp);
        if (!savedNoProxy.isEmpty())
            qputenv("no_proxy", savedNoProxy);
    });

    FakeHttpServer server;
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(server.requestCount(), 1);
}

void GraphQLClientTest::progressReported()
{
    FakeHttpServer server;
    const QByteArray body = QByteArray(R"({"data":{"s":")") + QByteArray(100000, 'y') + "\"}}";
    server.enqueue(FakeHttpServer::json(200, body));
    GraphQLClient client;
    QPointer<GraphQLCall> call = client.execute(genericProfile(server.url()), simpleRequest());
    QSignalSpy progress(call.data(), &GraphQLCall::progressed);
    QSignalSpy finished(call.data(), &GraphQLCall::finished);
    QVERIFY(finished.wait(callTimeoutMs));
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.constLast().at(0).toLongLong(), qint64(body.size()));
    QCOMPARE(finished.at(0).at(0).value<HttpResult>().body, body);
}

QTEST_GUILESS_MAIN(GraphQLClientTest)
#include "graphqlclient_test.moc"
