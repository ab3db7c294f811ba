// SPDX-License-Identifier: MIT
// Sextant: GraphQL over HTTP done right — GET for queries, gzip, redirects across origins, cookies per profile and
// trusted TLS certificates, against FakeHttpServer and a QSslServer on 127.0.0.1.
#include <net/certificatetrust.h>
#include <net/cookiestore.h>
#include <net/graphqlclient.h>

#include <support/fakehttpserver.h>

#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#endif

#include <array>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;

namespace {

constexpr int callTimeoutMs = 15000;

EndpointProfile genericProfile(const QUrl &url)
{
    EndpointProfile profile;
    profile.url = url;
    profile.timeoutMs = callTimeoutMs;
    return profile;
}

GraphQLRequest request(const QString &query, const QString &operationName = {}, const QByteArray &variables = {})
{
    GraphQLRequest r;
    r.query = query;
    r.operationName = operationName;
    r.variablesJson = variables;
    return r;
}

std::optional<HttpResult> runCall(GraphQLClient &client, const EndpointProfile &endpoint,
                                  const GraphQLRequest &graphqlRequest = request(u"{ a }"_s))
{
    QPointer<GraphQLCall> call = client.execute(endpoint, graphqlRequest);
    QSignalSpy spy(call.data(), &GraphQLCall::finished);
    if (!spy.wait(callTimeoutMs) || spy.count() != 1)
        return std::nullopt;
    return spy.at(0).at(0).value<HttpResult>();
}

/// application/x-www-form-urlencoded as WHATWG URLSearchParams reads it ('+' is a space).
QHash<QString, QString> formDecode(const QByteArray &query)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        QByteArray name = pair.left(equals), value = pair.mid(equals + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return out;
}

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data)
        crc = table[(crc ^ quint8(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

/// RFC 1952 gzip from qCompress's zlib stream (4-byte length, 2-byte zlib header, deflate, 4-byte Adler-32).
QByteArray gzip(const QByteArray &data)
{
    const QByteArray zlib = qCompress(data, 9);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
    out += zlib.mid(6, zlib.size() - 6 - 4);
    const quint32 crc = crc32(data);
    const auto size = quint32(data.size());
    for (int i = 0; i < 4; ++i)
        out += char((crc >> (8 * i)) & 0xFF);
    for (int i = 0; i < 4; ++i)
        out += char((size >> (8 * i)) & 0xFF);
    return out;
}

#if QT_CONFIG(ssl)
/// A TLS HTTP/1.1 server on 127.0.0.1 answering every request with one GraphQL response.
class TlsServer final
{
public:
    explicit TlsServer(const QString &name)
    {
        QFile certFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/tls/") + name + u".crt"_s);
        QFile keyFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/tls/") + name + u".key"_s);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return;
        certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(configuration);
        QObject::connect(&server, &QSslServer::pendingConnectionAvailable, &server, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(server.nextPendingConnection())) {
                QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
                    buffers[socket] += socket->readAll();
                    const QByteArray &buffer = buffers[socket];
                    const qsizetype end = buffer.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const qsizetype lengthAt = buffer.toLower().indexOf("content-length:");
                    const qsizetype length =
                        lengthAt < 0 ? 0 : buffer.mid(lengthAt + 15, buffer.indexOf('\r', lengthAt) - lengthAt - 15)
                                               .trimmed()
                                               .toLongLong();
                    if (buffer.size() < end + 4 + length)
                        return;
                    ++requests;
                    const QByteArray body = R"({"data":{"secure":true}})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
        listening = server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(u"https://127.0.0.1:%1/graphql"_s.arg(server.serverPort())); }
    QString hostPort() const { return u"127.0.0.1:%1"_s.arg(server.serverPort()); }

    QSslServer server;
    QSslCertificate certificate;
    QHash<QSslSocket *, QByteArray> buffers;
    int requests = 0;
    bool listening = false;
};
#endif

} // namespace

class GraphQLHttpTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void selectedOperationType_data();
    void selectedOperationType();
    void getEncodesEveryCharacter();
    void mutationStaysPost();
    void getUrlTooLong();
    void getRefusedWith405();
    void gzipBody();
    void gzipBomb();
    void crossOriginRedirectWithoutCredentials();
    void crossOriginGetAfter302();
    void crossOriginPost303NotFollowed();
    void redirectLoopBounded();
    void sameOriginChainKeepsPostAndCredentials();
    void credentialHeaderNames();
    void cookiesPerProfile();
    void cookieNeverCrossesOrigin();
    void responseHeadersForNotGraphQL();
    void fingerprintParsing();
    void tlsUntrustedShowsCertificate();
    void tlsTrustedCertificateOnly();
};

void GraphQLHttpTest::initTestCase()
{
    qRegisterMetaType<HttpResult>();
}

void GraphQLHttpTest::selectedOperationType_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<int>("expected"); // -1 undetermined
    QTest::newRow("shorthand") << u"{ a }"_s << QString() << int(Sextant::Core::OperationType::Query);
    QTest::newRow("mutation") << u"mutation { a }"_s << QString() << int(Sextant::Core::OperationType::Mutation);
    QTest::newRow("subscription") << u"subscription S { a }"_s << QString()
                                  << int(Sextant::Core::OperationType::Subscription);
    QTest::newRow("named of two") << u"query A { a } mutation B { b }"_s << u"B"_s
                                  << int(Sextant::Core::OperationType::Mutation);
    QTest::newRow("two without a name") << u"query A { a } mutation B { b }"_s << QString() << -1;
    QTest::newRow("unknown name") << u"query A { a }"_s << u"Z"_s << -1;
    QTest::newRow("no operation") << u"fragment F on Q { a }"_s << QString() << -1;
}

void GraphQLHttpTest::selectedOperationType()
{
    QFETCH(QString, query);
    QFETCH(QString, operationName);
    QFETCH(int, expected);
    const auto type = request(query, operationName).selectedOperationType();
    QCOMPARE(type ? int(*type) : -1, expected);
}

void GraphQLHttpTest::getEncodesEveryCharacter()
{
    FakeHttpServer server;
    server.setDefaultResponse(FakeHttpServer::json(200, R"({"data":{"a":1}})"));
    EndpointProfile profile = genericProfile(server.url());
    profile.useGetForQueries = true;
    const QString document = u"query Q($s: String) { a(x: \"1+1 & b=c #d é ✓ 100%\", s: $s) }"_s;
    const QByteArray variables = R"({"s":"ü+ &="})";
    GraphQLClient client;
    const auto result = runCall(client, profile, request(document, u"Q"_s, variables));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(result->requestMethod, QByteArray("GET"));
    QCOMPARE(server.requestCount(), 1);
    const FakeHttpServer::Request sent = server.lastRequest();
    QCOMPARE(sent.method, QByteArray("GET"));
    QVERIFY(sent.body.isEmpty());
    QVERIFY(!sent.hasHeader("Content-Type"));
    QCOMPARE(sent.header("Accept"), GraphQLClient::acceptHeader.toByteArray());
    QVERIFY(sent.path.startsWith("/graphql?query="));
    const QByteArray query = sent.path.mid(sent.path.indexOf('?') + 1);
    QVERIFY2(!query.contains('+') && !query.contains('#') && !query.contains(' '), query.constData());
    QVERIFY(query.contains("%2B"));
    const auto params = formDecode(query);
    QCOMPARE(params.value(u"query"_s), document);
    QCOMPARE(params.value(u"operationName"_s), u"Q"_s);
    QCOMPARE(params.value(u"variables"_s).toUtf8(), variables);
    QCOMPARE(params.size(), 3);
}

void GraphQLHttpTest::mutationStaysPost()
{
    FakeHttpServer server;
    server.setDefaultResponse(FakeHttpServer::json(200, R"({"data":{"bump":1}})"));
    EndpointProfile profile = genericProfile(server.url());
    profile.useGetForQueries = true;
    GraphQLClient client;
    for (const auto &r : {request(u"mutation { bump }"_s), request(u"query A { a } mutation B { bump }"_s, u"B"_s),
                          request(u"query A { a } query B { b }"_s)}) {
        const auto result = runCall(client, profile, r);
        QVERIFY(result);
        QCOMPARE(result->requestMethod, QByteArray("POST"));
        QCOMPARE(server.lastRequest().method, QByteArray("POST"));
        QCOMPARE(server.lastRequest().path, QByteArray("/graphql"));
    }
}

void GraphQLHttpTest::getUrlTooLong()
{
    FakeHttpServer server;
    EndpointProfile profile = genericProfile(server.url());
    profile.useGetForQueries = true;
    GraphQLClient client;
    const auto result = runCall(client, profile, request(u"{ a(x: \""_s + QString(9000, u'x') + u"\") }"_s));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QVERIFY2(result->message.contains(u"GET request URL"_s) && result->message.contains(u"as POST"_s),
             qPrintable(result->message));
    QCOMPARE(server.requestCount(), 0);
}

void GraphQLHttpTest::getRefusedWith405()
{
    FakeHttpServer server;
    server.enqueue(FakeHttpServer::text(405, "Method Not Allowed"));
    server.enqueue(FakeHttpServer::text(414, "URI Too Long"));
    EndpointProfile profile = genericProfile(server.url());
    profile.useGetForQueries = true;
    GraphQLClient client;
    auto result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::NotGraphQL);
    QVERIFY2(result->message.startsWith(u"HTTP 405 Method Not Allowed: the server does not accept GET"_s),
             qPrintable(result->message));
    result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->httpStatus, 414);
    QVERIFY2(result->message.contains(u": the URL is too long for a GET request — turn off \"GET for queries\""_s),
             qPrintable(result->message));
}

void GraphQLHttpTest::gzipBody()
{
    FakeHttpServer server;
    const QByteArray json = R"({"data":{"text":")" + QByteArray(5000, 'z') + R"("}})";
    FakeHttpServer::Response response = FakeHttpServer::json(200, gzip(json));
    response.headers.append({QByteArray("Content-Encoding"), QByteArray("gzip")});
    server.enqueue(response);
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(result->body, json);
    QVERIFY(server.lastRequest().header("Accept-Encoding").contains("gzip"));
}

void GraphQLHttpTest::gzipBomb()
{
    FakeHttpServer server;
    FakeHttpServer::Response response =
        FakeHttpServer::json(200, gzip("{\"data\":{\"a\":\"" + QByteArray(32 * 1024 * 1024, 'a')));
    response.headers.append({QByteArray("Content-Encoding"), QByteArray("gzip")});
    server.enqueue(response);
    GraphQLClient client;
    client.setDecompressedSafetyThresholdBytes(1024 * 1024);
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QVERIFY2(result->message.contains(u"decompression safety limit"_s), qPrintable(result->message));
}

void GraphQLHttpTest::crossOriginRedirectWithoutCredentials()
{
    FakeHttpServer target;
    target.setDefaultResponse(FakeHttpServer::json(200, R"({"data":{"moved":true}})"));
    FakeHttpServer origin;
    FakeHttpServer::Response setCookie = FakeHttpServer::json(200, R"({"data":{}})");
    setCookie.headers.append({QByteArray("Set-Cookie"), QByteArray("sid=s3cr3t; Path=/")});
    origin.enqueue(setCookie);
    FakeHttpServer::Response redirect;
    redirect.status = 307;
    redirect.headers.append({"Location", target.url(u"/other"_s).toEncoded()});
    origin.enqueue(redirect);

    EndpointProfile profile = genericProfile(origin.url());
    profile.allowCrossOriginRedirects = true;
    profile.headers = {{"Authorization", "Bearer abc"}, {"X-Api-Key", "k1"}, {"X-Auth-User", "me"},
                       {"X-Session-Token", "t"}, {"X-Trace", "trace-1"}};
    GraphQLClient client;
    QVERIFY(runCall(client, profile));
    QCOMPARE(client.cookieStore()->cookies(profile.profileKey()).size(), 1);

    const auto result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(result->body, QByteArray(R"({"data":{"moved":true}})"));
    QCOMPARE(result->redirectCount, 1);
    QCOMPARE(result->finalUrl, target.url(u"/other"_s));
    QCOMPARE(origin.requestCount(), 2);
    QCOMPARE(origin.lastRequest().header("Cookie"), QByteArray("sid=s3cr3t"));
    QCOMPARE(origin.lastRequest().header("Authorization"), QByteArray("Bearer abc"));
    QCOMPARE(target.requestCount(), 1);
    const FakeHttpServer::Request hop = target.lastRequest();
    QCOMPARE(hop.method, QByteArray("POST")); // 307 keeps method and body
    QCOMPARE(hop.body, origin.lastRequest().body);
    QCOMPARE(hop.path, QByteArray("/other"));
    for (const char *name : {"Authorization", "Cookie", "X-Api-Key", "X-Auth-User", "X-Session-Token"})
        QVERIFY2(!hop.hasHeader(name), name);
    QCOMPARE(hop.header("X-Trace"), QByteArray("trace-1"));
    QCOMPARE(hop.header("Accept"), GraphQLClient::acceptHeader.toByteArray());
}

void GraphQLHttpTest::crossOriginGetAfter302()
{
    FakeHttpServer target;
    target.setDefaultResponse(FakeHttpServer::json(200, R"({"data":{"a":2}})"));
    FakeHttpServer origin;
    FakeHttpServer::Response redirect;
    redirect.status = 302;
    QUrl location = target.url();
    location.setQuery(u"query=%7Ba%7D"_s, QUrl::StrictMode);
    redirect.headers.append({"Location", location.toEncoded()});
    origin.enqueue(redirect);
    EndpointProfile profile = genericProfile(origin.url());
    profile.allowCrossOriginRedirects = true;
    profile.useGetForQueries = true;
    profile.kind = EndpointKind::DaggerSession;
    profile.daggerToken = u"tok"_s;
    GraphQLClient client;
    const auto result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(target.lastRequest().method, QByteArray("GET"));
    QCOMPARE(target.lastRequest().path, QByteArray("/graphql?query=%7Ba%7D"));
    QVERIFY(!target.lastRequest().hasHeader("Authorization"));
    QCOMPARE(origin.lastRequest().header("Authorization"), GraphQLClient::daggerAuthorization(u"tok"_s));
}

void GraphQLHttpTest::crossOriginPost303NotFollowed()
{
    FakeHttpServer target;
    FakeHttpServer origin;
    FakeHttpServer::Response redirect;
    redirect.status = 303;
    redirect.headers.append({"Location", target.url().toEncoded()});
    origin.enqueue(redirect);
    EndpointProfile profile = genericProfile(origin.url());
    profile.allowCrossOriginRedirects = true;
    GraphQLClient client;
    const auto result = runCall(client, profile);
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::NotGraphQL);
    QCOMPARE(result->httpStatus, 303);
    QVERIFY2(result->message.contains(u"would turn into a GET and lose the document"_s), qPrintable(result->message));
    QCOMPARE(target.requestCount(), 0);
}

void GraphQLHttpTest::redirectLoopBounded()
{
    FakeHttpServer server;
    server.setHandler([&server](const FakeHttpServer::Request &) {
        FakeHttpServer::Response redirect;
        redirect.status = 307;
        redirect.headers.append({"Location", server.url(u"/again"_s).toEncoded()});
        return redirect;
    });
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QVERIFY2(result->kind == ResultKind::NotGraphQL,
             qPrintable(result->message + u" after %1 requests, %2 redirects"_s.arg(server.requestCount()).arg(result->redirectCount)));
    QVERIFY2(result->message.contains(u"more than 10 redirects"_s), qPrintable(result->message + u" after %1 requests, %2 redirects"_s.arg(server.requestCount()).arg(result->redirectCount)));
    QCOMPARE(server.requestCount(), GraphQLClient::maxRedirects + 1);
}

void GraphQLHttpTest::sameOriginChainKeepsPostAndCredentials()
{
    FakeHttpServer server;
    server.setHandler([&server](const FakeHttpServer::Request &r) {
        FakeHttpServer::Response redirect;
        if (r.path == "/graphql" || r.path == "/b") {
            redirect.status = r.path == "/graphql" ? 307 : 308;
            redirect.headers.append({QByteArray("Location"),
                                     server.url(r.path == "/graphql" ? u"/b"_s : u"/c"_s).toEncoded()});
            return redirect;
        }
        return FakeHttpServer::json(200, R"({"data":{"c":true}})");
    });
    EndpointProfile profile = genericProfile(server.url());
    profile.headers = {{"Authorization", "Bearer same-origin"}};
    GraphQLClient client;
    const auto result = runCall(client, profile);
    QVERIFY(result);
    QVERIFY2(result->kind == ResultKind::GraphQLResponse, qPrintable(result->message));
    QCOMPARE(result->redirectCount, 2);
    QCOMPARE(result->finalUrl, server.url(u"/c"_s));
    QCOMPARE(server.requestCount(), 3);
    for (const FakeHttpServer::Request &r : server.requests()) {
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.body, server.requests().constFirst().body);
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer same-origin"));
    }
}

void GraphQLHttpTest::credentialHeaderNames()
{
    for (const char *name : {"Authorization", "proxy-authorization", "COOKIE", "X-Api-Key", "X-Auth", "Api-Token",
                             "X-Client-Secret", "X-Password", "Dagger-Auth"})
        QVERIFY2(GraphQLClient::isCredentialHeader(name), name);
    for (const char *name : {"Accept", "Content-Type", "X-Trace", "User-Agent", "X-Request-Id"})
        QVERIFY2(!GraphQLClient::isCredentialHeader(name), name);
}

void GraphQLHttpTest::cookiesPerProfile()
{
    FakeHttpServer server;
    server.setHandler([](const FakeHttpServer::Request &r) {
        FakeHttpServer::Response response = FakeHttpServer::json(200, R"({"data":{}})");
        if (!r.hasHeader("Cookie"))
            response.headers.append({"Set-Cookie", "session=" + r.header("X-Who") + "; Path=/; HttpOnly"});
        return response;
    });
    EndpointProfile alice = genericProfile(server.url());
    alice.headers = {{"X-Who", "alice"}};
    EndpointProfile bob = genericProfile(server.url(u"/graphql/"_s));
    bob.headers = {{"X-Who", "bob"}};
    QVERIFY(alice.profileKey() != bob.profileKey());

    GraphQLClient client;
    QSignalSpy changed(client.cookieStore(), &CookieStore::changed);
    QVERIFY(runCall(client, alice));
    QCOMPARE(changed.count(), 1);
    QVERIFY(runCall(client, alice));
    QCOMPARE(server.lastRequest().header("Cookie"), QByteArray("session=alice"));
    QVERIFY(runCall(client, bob));
    QVERIFY(!server.lastRequest().hasHeader("Cookie")); // bob does not see alice's cookie on the same server
    QVERIFY(runCall(client, bob));
    QCOMPARE(server.lastRequest().header("Cookie"), QByteArray("session=bob"));
    QVERIFY(runCall(client, alice));
    QCOMPARE(server.lastRequest().header("Cookie"), QByteArray("session=alice"));

    const auto cookies = client.cookieStore()->cookies(alice.profileKey());
    QCOMPARE(cookies.size(), 1);
    QCOMPARE(cookies.first().value(), QByteArray("alice"));
    client.cookieStore()->clear(alice.profileKey());
    QVERIFY(client.cookieStore()->cookies(alice.profileKey()).isEmpty());
    QCOMPARE(client.cookieStore()->cookies(bob.profileKey()).size(), 1);

    GraphQLClient other; // another client has its own store
    QVERIFY(runCall(other, bob));
    QVERIFY(!server.lastRequest().hasHeader("Cookie"));
}

void GraphQLHttpTest::cookieNeverCrossesOrigin()
{
    // 127.0.0.1 on two ports: RFC 6265 cookies ignore ports, origins do not.
    FakeHttpServer target;
    FakeHttpServer::Response targetResponse = FakeHttpServer::json(200, R"({"data":{}})");
    targetResponse.headers.append({QByteArray("Set-Cookie"), QByteArray("planted=1; Path=/")});
    target.setDefaultResponse(targetResponse);
    FakeHttpServer origin;
    FakeHttpServer::Response setCookie = FakeHttpServer::json(200, R"({"data":{}})");
    setCookie.headers.append({QByteArray("Set-Cookie"), QByteArray("sid=mine; Path=/")});
    origin.enqueue(setCookie);
    FakeHttpServer::Response redirect;
    redirect.status = 308;
    redirect.headers.append({"Location", target.url().toEncoded()});
    origin.enqueue(redirect);
    origin.setDefaultResponse(FakeHttpServer::json(200, R"({"data":{}})"));
    EndpointProfile profile = genericProfile(origin.url());
    profile.allowCrossOriginRedirects = true;
    GraphQLClient client;
    QVERIFY(runCall(client, profile));
    const auto redirected = runCall(client, profile);
    QVERIFY(redirected);
    QCOMPARE(redirected->kind, ResultKind::GraphQLResponse);
    QCOMPARE(target.requestCount(), 1);
    QVERIFY(!target.lastRequest().hasHeader("Cookie"));
    // The target's Set-Cookie is not kept either: it would go back to the origin (same host, other port).
    QVERIFY(runCall(client, profile));
    QCOMPARE(origin.lastRequest().header("Cookie"), QByteArray("sid=mine"));
    QCOMPARE(client.cookieStore()->cookies(profile.profileKey()).size(), 1);
}

void GraphQLHttpTest::responseHeadersForNotGraphQL()
{
    FakeHttpServer server;
    FakeHttpServer::Response page = FakeHttpServer::text(502, "<html>bad gateway</html>", "text/html");
    page.headers.append({QByteArray("X-Served-By"), QByteArray("proxy-7")});
    server.enqueue(page);
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::NotGraphQL);
    QCOMPARE(result->responseHeader("x-served-by"), QByteArray("proxy-7"));
    QCOMPARE(result->responseHeader("Content-Type"), QByteArray("text/html"));
}

void GraphQLHttpTest::fingerprintParsing()
{
    const QByteArray digest = QByteArray::fromHex("c382818aed6fadbc141b65fe4fb5ba41bc25de3863345ad7ce38267b9820b8ed");
    QCOMPARE(CertificateTrust::parseFingerprint(
                 u"C3:82:81:8A:ED:6F:AD:BC:14:1B:65:FE:4F:B5:BA:41:BC:25:DE:38:63:34:5A:D7:CE:38:26:7B:98:20:B8:ED"_s),
             digest);
    QCOMPARE(CertificateTrust::parseFingerprint(
                 u"c382818aed6fadbc141b65fe4fb5ba41bc25de3863345ad7ce38267b9820b8ed"_s),
             digest);
    QVERIFY(CertificateTrust::parseFingerprint(u"C3:82"_s).isEmpty());
    QVERIFY(CertificateTrust::parseFingerprint(u"zz"_s + QString(62, u'0')).isEmpty());
    QCOMPARE(TlsFailure::hexWithColons(digest).size(), 32 * 3 - 1);

    CertificateTrust trust;
    QSignalSpy changed(&trust, &CertificateTrust::changed);
    QVERIFY(trust.trust(u"Example.COM:443"_s, digest));
    QVERIFY(trust.isTrusted(u"example.com:443"_s, digest));
    QVERIFY(!trust.isTrusted(u"example.com:8443"_s, digest));
    QVERIFY(!trust.trust(u"example.com:443"_s, QByteArray("short")));
    QCOMPARE(trust.entries().size(), 1);
    trust.untrust(u"example.com:443"_s, digest);
    QVERIFY(trust.entries().isEmpty());
    QCOMPARE(changed.count(), 2);
}

void GraphQLHttpTest::tlsUntrustedShowsCertificate()
{
#if QT_CONFIG(ssl)
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    TlsServer server(u"selfsigned"_s);
    QVERIFY(server.listening);
    QVERIFY(!server.certificate.isNull());
    GraphQLClient client;
    const auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QVERIFY(result->tls.has_value());
    const TlsFailure &tls = *result->tls;
    QCOMPARE(tls.hostPort, server.hostPort());
    QCOMPARE(tls.sha256, server.certificate.digest(QCryptographicHash::Sha256));
    QCOMPARE(tls.subjectCommonName, u"127.0.0.1"_s);
    QVERIFY(tls.selfSigned);
    QVERIFY(!tls.errors.isEmpty());
    QVERIFY(tls.notBefore.isValid() && tls.notAfter > tls.notBefore);
    QCOMPARE(result->message, tls.message());
    QVERIFY2(result->message.startsWith(u"TLS error from "_s + server.hostPort() + u": "_s),
             qPrintable(result->message));
    QVERIFY2(result->message.contains(u"certificate CN=127.0.0.1 issued by itself (self-signed)"_s),
             qPrintable(result->message));
    QVERIFY2(result->message.endsWith(u"SHA-256 "_s + tls.sha256Hex()), qPrintable(result->message));
    QCOMPARE(server.requests, 0);
#else
    QSKIP("Qt without TLS");
#endif
}

void GraphQLHttpTest::tlsTrustedCertificateOnly()
{
#if QT_CONFIG(ssl)
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    TlsServer server(u"selfsigned"_s);
    QVERIFY(server.listening);
    TlsServer other(u"other"_s);
    QVERIFY(other.listening);
    CertificateTrust trust;
    GraphQLClient client;
    client.setCertificateTrust(&trust);
    const QByteArray digest = server.certificate.digest(QCryptographicHash::Sha256);

    // Trusted for another port only, or another certificate for this port: still refused.
    trust.trust(other.hostPort(), digest);
    trust.trust(server.hostPort(), other.certificate.digest(QCryptographicHash::Sha256));
    auto result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);
    QVERIFY(result->tls);
    result = runCall(client, genericProfile(other.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::TransportError);

    trust.trust(server.hostPort(), digest);
    result = runCall(client, genericProfile(server.url()));
    QVERIFY(result);
    QCOMPARE(result->kind, ResultKind::GraphQLResponse);
    QCOMPARE(result->body, QByteArray(R"({"data":{"secure":true}})"));
    QVERIFY(!result->tls);
    QCOMPARE(server.requests, 1);
#else
    QSKIP("Qt without TLS");
#endif
}

QTEST_GUILESS_MAIN(GraphQLHttpTest)
#include "graphqlhttp_test.moc"
