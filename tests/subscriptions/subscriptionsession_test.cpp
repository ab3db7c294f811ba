// SPDX-License-Identifier: MIT
// Sextant: Net::SubscriptionSession against the real graphql-ws and subscriptions-transport-ws reference servers.
#include <net/subscriptionsession.h>

#include <support/serverprocess.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Net::EndpointProfile;
using Sextant::Net::GraphQLRequest;
using Sextant::Net::SubscriptionEnd;
using Sextant::Net::SubscriptionProtocol;
using Sextant::Net::SubscriptionSession;
using Sextant::Net::SubscriptionWireProtocol;

namespace {

constexpr int ServerStartMs = 30000;
constexpr int FinishMs = 20000;

const QString TransportServer = u"tests/reference/graphql_ws_server.mjs"_s;
const QString LegacyServer = u"tests/reference/legacy_ws_server.mjs"_s;

/// One session run to its end: the payloads received (compact JSON) and how it ended.
struct Run
{
    QList<QByteArray> payloads;
    SubscriptionEnd end;
    bool finished = false;
    SubscriptionWireProtocol protocol = SubscriptionWireProtocol::GraphQLTransportWs;
};

EndpointProfile profileFor(const ServerProcess &server, SubscriptionProtocol protocol = SubscriptionProtocol::Auto)
{
    EndpointProfile profile;
    profile.url = server.url(u"/graphql"_s);
    profile.subscriptionProtocol = protocol;
    return profile;
}

GraphQLRequest request(const QString &query, const QByteArray &variables = {})
{
    GraphQLRequest r;
    r.query = query;
    r.variablesJson = variables;
    return r;
}

/// Runs @p session until finished (bounded); @p stopAfter > 0 calls stop() once that many payloads arrived.
Run runSession(SubscriptionSession &session, const EndpointProfile &profile, const GraphQLRequest &req,
               int stopAfter = 0)
{
    Run run;
    QObject::connect(&session, &SubscriptionSession::connected, &session,
                     [&](SubscriptionWireProtocol p) { run.protocol = p; });
    QObject::connect(&session, &SubscriptionSession::message, &session,
                     [&](const QDateTime &at, const QByteArray &json) {
                         Q_ASSERT(at.timeSpec() == Qt::UTC);
                         run.payloads.append(json);
                         if (stopAfter > 0 && run.payloads.size() == stopAfter)
                             session.stop();
                     });
    QObject::connect(&session, &SubscriptionSession::finished, &session, [&](const SubscriptionEnd &end) {
        run.end = end;
        run.finished = true;
    });
    if (!session.start(profile, req))
        return run;
    QTest::qWaitFor([&] { return run.finished; }, FinishMs);
    return run;
}

int intAt(const QByteArray &payload, const QString &field)
{
    return QJsonDocument::fromJson(payload).object().value(u"data"_s).toObject().value(field).toInt(-1);
}

} // namespace

class SubscriptionSessionTest final : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_transport;
    ServerProcess m_legacy;

    int stoppedCount(const ServerProcess &server, SubscriptionProtocol protocol)
    {
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(server, protocol), request(u"{ stoppedCount }"_s));
        if (run.end.reason != SubscriptionEnd::Reason::Completed || run.payloads.size() != 1)
            return -1;
        return intAt(run.payloads.first(), u"stoppedCount"_s);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_transport.start(TransportServer, {}, ServerStartMs, &error), qPrintable(error));
        QVERIFY2(m_legacy.start(LegacyServer, {}, ServerStartMs, &error), qPrintable(error));
    }

    void offeredSubprotocols()
    {
        EndpointProfile generic;
        QCOMPARE(SubscriptionSession::offeredSubprotocols(generic),
                 (QStringList{u"graphql-transport-ws"_s, u"graphql-ws"_s}));
        const EndpointProfile dagster = EndpointProfile::dagster();
        QCOMPARE(SubscriptionSession::offeredSubprotocols(dagster), QStringList{u"graphql-ws"_s});
        generic.subscriptionProtocol = SubscriptionProtocol::GraphQLTransportWs;
        QCOMPARE(SubscriptionSession::offeredSubprotocols(generic), QStringList{u"graphql-transport-ws"_s});
    }

    void transportWsCountdownCompletes()
    {
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_transport),
                                   request(u"subscription C($n: Int!) { countdown(from: $n, delayMs: 10) }"_s,
                                           R"({"n":3})"));
        QVERIFY(run.finished);
        QCOMPARE(run.protocol, SubscriptionWireProtocol::GraphQLTransportWs);
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Completed);
        QCOMPARE(run.payloads.size(), 4);
        QCOMPARE(run.end.messageCount, 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(intAt(run.payloads.at(i), u"countdown"_s), 3 - i);
        QVERIFY2(run.end.message.contains(u"completed"_s), qPrintable(run.end.message));
        QVERIFY(!run.end.isFailure());
    }

    void transportWsStopSendsComplete()
    {
        const int before = stoppedCount(m_transport, SubscriptionProtocol::Auto);
        QVERIFY(before >= 0);
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_transport), request(u"subscription { forever }"_s), 3);
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Stopped);
        QCOMPARE(run.payloads.size(), 3);
        QVERIFY(!run.end.isFailure());
        // The server closed the source stream because it received `complete` (bounded wait).
        QVERIFY(QTest::qWaitFor([&] { return stoppedCount(m_transport, SubscriptionProtocol::Auto) > before; },
                                10000));
    }

    void transportWsValidationError()
    {
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_transport), request(u"subscription { nope }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::ServerError);
        QVERIFY2(run.end.message.contains(u"Cannot query field \"nope\""_s), qPrintable(run.end.message));
        QCOMPARE(run.payloads.size(), 1);
        const QJsonObject payload = QJsonDocument::fromJson(run.payloads.first()).object();
        QVERIFY(payload.value(u"errors"_s).isArray());
        QVERIFY(run.end.isFailure());
    }

    void transportWsFieldErrorInStream()
    {
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_transport), request(u"subscription { failing }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Completed);
        QCOMPARE(run.payloads.size(), 2);
        QCOMPARE(intAt(run.payloads.at(0), u"failing"_s), 1);
        const QJsonObject second = QJsonDocument::fromJson(run.payloads.at(1)).object();
        QVERIFY(second.value(u"errors"_s).toArray().size() == 1);
    }

    void transportWsQueryOverSocket()
    {
        // A query over the socket: one next, then complete; the payload is passed on as sent.
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_transport), request(u"{ hello }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Completed);
        QCOMPARE(run.payloads, QList<QByteArray>{QByteArrayLiteral(R"({"data":{"hello":"world"}})")});
    }

    void forcedLegacyAgainstTransportServer()
    {
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_transport, SubscriptionProtocol::GraphQLWs),
                                   request(u"subscription { forever }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Closed);
        QCOMPARE(run.end.closeCode, 4406);
        QVERIFY2(run.end.message.contains(u"Subprotocol Not Acceptable"_s), qPrintable(run.end.message));
        QVERIFY(run.payloads.isEmpty());
    }

    void authorizationHeaderOnHandshake()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(TransportServer, {u"--require-auth"_s, u"Bearer good"_s}, ServerStartMs, &error),
                 qPrintable(error));
        EndpointProfile profile = profileFor(server);
        profile.headers = {{"Authorization", "Bearer bad"}};
        {
            SubscriptionSession session;
            const Run run = runSession(session, profile, request(u"subscription { countdown(from: 1) }"_s));
            QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Closed);
            QCOMPARE(run.end.closeCode, 4403);
            QVERIFY2(run.end.message.contains(u"4403 Forbidden"_s), qPrintable(run.end.message));
            QVERIFY(!run.end.message.contains(u"Bearer"_s));
        }
        profile.headers = {{"Authorization", "Bearer good"}};
        SubscriptionSession session;
        const Run run = runSession(session, profile, request(u"subscription { countdown(from: 1) }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Completed);
        QCOMPARE(run.payloads.size(), 2);
    }

    void neverAcknowledged()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(TransportServer, {u"--hostile"_s, u"never-ack"_s}, ServerStartMs, &error),
                 qPrintable(error));
        SubscriptionSession session;
        session.setAckTimeoutMs(1000);
        const Run run = runSession(session, profileFor(server), request(u"subscription { forever }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Timeout);
        QCOMPARE(run.end.message,
                 u"the server never acknowledged the connection (connection_ack) within 1 s"_s);
    }

    void keepAlivePingWithoutPong()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(TransportServer, {u"--hostile"_s, u"ack-only"_s}, ServerStartMs, &error),
                 qPrintable(error));
        SubscriptionSession session;
        session.setKeepAliveMs(300);
        const Run run = runSession(session, profileFor(server), request(u"subscription { forever }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Timeout);
        QCOMPARE(run.end.message, u"the server stopped answering: no pong within 0.3 s of a ping"_s);
    }

    void keepAlivePingAnswered()
    {
        // graphql-ws answers pings: a quiet subscription (countdown with long delays) survives several ping rounds.
        SubscriptionSession session;
        session.setKeepAliveMs(100);
        const Run run = runSession(session, profileFor(m_transport),
                                   request(u"subscription { countdown(from: 1, delayMs: 700) }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Completed);
        QCOMPARE(run.payloads.size(), 2);
    }

    void hostileCloseCodes_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("4400") << 4400 << u"Bad Request"_s;
        QTest::newRow("4401") << 4401 << u"Unauthorized"_s;
        QTest::newRow("4403") << 4403 << u"Forbidden"_s;
        QTest::newRow("4429") << 4429 << u"Too Many Initialisation Requests"_s;
    }

    void hostileCloseCodes()
    {
        QFETCH(int, code);
        QFETCH(QString, words);
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(TransportServer, {u"--hostile"_s, u"close:"_s + QString::number(code)}, ServerStartMs,
                              &error),
                 qPrintable(error));
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(server), request(u"subscription { forever }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Closed);
        QCOMPARE(run.end.closeCode, code);
        QVERIFY2(run.end.message.contains(QString::number(code) + u' ' + words), qPrintable(run.end.message));
        QVERIFY2(run.end.message.contains(u"hostile close"_s), qPrintable(run.end.message)); // the server's reason
    }

    void droppedWithoutCloseFrameIs1006()
    {
        // A server that accepts the upgrade, then resets the TCP connection when connection_init arrives: QWebSocket
        // reports closeCode() 1000 for that, but no close frame came, so it is 1006 (RFC 6455 §7.1.5).
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, &server, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                auto *upgraded = new bool(false);
                connect(socket, &QObject::destroyed, socket, [upgraded] { delete upgraded; });
                connect(socket, &QTcpSocket::readyRead, socket, [socket, upgraded] {
                    if (*upgraded) {
                        socket->abort(); // the first frame (connection_init): drop without a close frame
                        return;
                    }
                    const QByteArray request = socket->readAll();
                    const int keyAt = request.toLower().indexOf("sec-websocket-key:");
                    if (keyAt < 0)
                        return;
                    const int end = request.indexOf("\r\n", keyAt);
                    const QByteArray key = request.mid(keyAt + 18, end - keyAt - 18).trimmed();
                    const QByteArray guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; // RFC 6455 §1.3
                    const QByteArray accept =
                        QCryptographicHash::hash(QByteArray(key + guid), QCryptographicHash::Sha1).toBase64();
                    *upgraded = true;
                    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                  "Sec-WebSocket-Protocol: graphql-transport-ws\r\nSec-WebSocket-Accept: "
                                  + accept + "\r\n\r\n");
                });
            }
        });
        EndpointProfile profile;
        profile.url = QUrl(u"http://127.0.0.1:%1/graphql"_s.arg(server.serverPort()));
        profile.subscriptionProtocol = SubscriptionProtocol::GraphQLTransportWs;
        SubscriptionSession session;
        const Run run = runSession(session, profile, request(u"subscription { forever }"_s));
        QVERIFY(run.finished);
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Closed);
        QCOMPARE(run.end.closeCode, 1006);
        QVERIFY2(run.end.message.contains(u"without a close frame (1006 abnormal closure)"_s),
                 qPrintable(run.end.message));
        QVERIFY2(!run.end.message.contains(u"1000"_s), qPrintable(run.end.message));
    }

    void legacyAutoFallsBackAndCompletes()
    {
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_legacy),
                                   request(u"subscription { countdown(from: 2, delayMs: 10) }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Completed);
        QCOMPARE(run.protocol, SubscriptionWireProtocol::GraphQLWs);
        QCOMPARE(run.payloads.size(), 3);
        QCOMPARE(intAt(run.payloads.at(2), u"countdown"_s), 0);
    }

    void legacyStopSendsStop()
    {
        const int before = stoppedCount(m_legacy, SubscriptionProtocol::GraphQLWs);
        QVERIFY(before >= 0);
        SubscriptionSession session;
        GraphQLRequest req = request(u"subscription Forever { forever }"_s);
        req.operationName = u"Forever"_s;
        const Run run = runSession(session, profileFor(m_legacy, SubscriptionProtocol::GraphQLWs), req, 2);
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Stopped);
        QCOMPARE(run.payloads.size(), 2);
        QVERIFY(QTest::qWaitFor([&] { return stoppedCount(m_legacy, SubscriptionProtocol::GraphQLWs) > before; },
                                10000));
    }

    void legacyValidationErrorAsData()
    {
        // subscriptions-transport-ws 0.11 reports validation errors as one `data` {errors} and then `complete`
        // (Dagster sends `error` instead; DagsterSubscriptionTest covers that shape).
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_legacy, SubscriptionProtocol::GraphQLWs),
                                   request(u"subscription { nope }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Completed);
        QCOMPARE(run.payloads.size(), 1);
        const QJsonArray errors =
            QJsonDocument::fromJson(run.payloads.first()).object().value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().toObject().value(u"message"_s).toString().contains(u"nope"_s));
    }

    void forcedTransportAgainstLegacyServer()
    {
        SubscriptionSession session;
        const Run run = runSession(session, profileFor(m_legacy, SubscriptionProtocol::GraphQLTransportWs),
                                   request(u"subscription { forever }"_s));
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::Closed);
        QCOMPARE(run.end.closeCode, 1002);
        QVERIFY2(run.end.message.contains(u"does not speak graphql-transport-ws"_s), qPrintable(run.end.message));
    }

    void refusedConnection()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        EndpointProfile profile;
        profile.url = QUrl(u"http://127.0.0.1:%1/graphql"_s.arg(port));
        SubscriptionSession session;
        const Run run = runSession(session, profile, request(u"subscription { forever }"_s));
        QVERIFY(run.finished);
        QCOMPARE(run.end.reason, SubscriptionEnd::Reason::TransportError);
        QVERIFY2(run.end.message.startsWith(u"could not open the WebSocket to ws://127.0.0.1:"_s),
                 qPrintable(run.end.message));
        QVERIFY2(run.end.message.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(run.end.message));
    }

    void invalidUrl()
    {
        EndpointProfile profile;
        profile.url = QUrl(u"ftp://example.org/graphql"_s);
        SubscriptionSession session;
        bool finishedDuringStart = false;
        bool inStart = true;
        connect(&session, &SubscriptionSession::finished, this, [&] { finishedDuringStart = inStart; });
        QSignalSpy finished(&session, &SubscriptionSession::finished);
        QVERIFY(session.start(profile, request(u"subscription { forever }"_s)));
        inStart = false;
        QVERIFY(finished.wait(5000));
        QVERIFY(!finishedDuringStart);
        const auto end = finished.first().first().value<SubscriptionEnd>();
        QCOMPARE(end.reason, SubscriptionEnd::Reason::TransportError);
        QVERIFY2(end.message.contains(u"Invalid subscription URL"_s), qPrintable(end.message));
        QVERIFY(!session.start(profile, request(u"subscription { forever }"_s))); // not reusable
    }

    void isSubscriptionRequest()
    {
        QVERIFY(SubscriptionSession::isSubscriptionRequest(request(u"subscription { forever }"_s)));
        QVERIFY(!SubscriptionSession::isSubscriptionRequest(request(u"{ hello }"_s)));
        GraphQLRequest both = request(u"query Q { hello } subscription S { forever }"_s);
        QVERIFY(!SubscriptionSession::isSubscriptionRequest(both)); // several operations, none named
        both.operationName = u"S"_s;
        QVERIFY(SubscriptionSession::isSubscriptionRequest(both));
        both.operationName = u"Q"_s;
        QVERIFY(!SubscriptionSession::isSubscriptionRequest(both));
    }

    void describeCloseCodes()
    {
        QCOMPARE(SubscriptionSession::describeCloseCode(4403, {}),
                 u"4403 Forbidden: the server rejected the connection (authentication or authorization)"_s);
        QCOMPARE(SubscriptionSession::describeCloseCode(4999, u"  odd  "_s), u"4999 (\"odd\")"_s);
    }
};

QTEST_GUILESS_MAIN(SubscriptionSessionTest)
#include "subscriptionsession_test.moc"
