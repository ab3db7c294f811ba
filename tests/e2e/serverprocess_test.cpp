// SPDX-License-Identifier: MIT
// Sextant: tests ServerProcess (tests/support) against the real Python test servers it is meant to start.
#include <support/serverprocess.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

/**
 * Starts tests/servers/dagger_session.py and tests/servers/dagster_server.py through ServerProcess, talks to
 * them over 127.0.0.1 to prove the reported port is the live one, and checks the failure paths (missing script,
 * early exit, timeout) and that stopping really ends the server. Main thread; every wait is bounded.
 */
class ServerProcessTest final : public QObject
{
    Q_OBJECT

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    static Reply post(const QUrl &url, const QByteArray &body, const QByteArray &authorization)
    {
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization"_ba, authorization);
        std::unique_ptr<QNetworkReply> reply(body.isNull() ? manager.get(request) : manager.post(request, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(30000))
            return {};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->error()};
    }

    static bool portAcceptsConnections(quint16 port)
    {
        QTcpSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.connectToHost(u"127.0.0.1"_s, port);
        return socket.waitForConnected(3000);
    }

private Q_SLOTS:
    void startsTheDaggerSessionAndReadsItsPort()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(u"tests/servers/dagger_session.py"_s, {u"--port"_s, u"0"_s, u"--token"_s, u"t0k3n"_s},
                              60000, &error),
                 qPrintable(error));
        QVERIFY(server.isRunning());
        QVERIFY(server.port() > 0);
        QCOMPARE(server.value(u"PORT"_s), QString::number(server.port()));
        QCOMPARE(server.url(u"/query"_s).toString(), u"http://127.0.0.1:%1/query"_s.arg(server.port()));

        const Reply ok = post(server.url(u"/query"_s), R"({"query":"{ defaultPlatform }"})"_ba,
                              "Basic "_ba + "t0k3n:"_ba.toBase64());
        QCOMPARE(ok.status, 200);
        QCOMPARE(QJsonDocument::fromJson(ok.body).object().value(u"data"_s).toObject().value(u"defaultPlatform"_s),
                 QJsonValue(u"linux/amd64"_s));

        const Reply denied = post(server.url(u"/query"_s), R"({"query":"{ defaultPlatform }"})"_ba, {});
        QCOMPARE(denied.status, 401);
        QVERIFY(denied.body.isEmpty());
    }

    void stopEndsTheServer()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(u"tests/servers/dagger_session.py"_s, {u"--token"_s, u"x"_s}, 60000, &error),
                 qPrintable(error));
        const quint16 port = server.port();
        QVERIFY(portAcceptsConnections(port));
        server.stop();
        QVERIFY(!server.isRunning());
        QCOMPARE(server.port(), quint16(0));
        QVERIFY(server.value(u"PORT"_s).isEmpty());
        QVERIFY(!portAcceptsConnections(port));
    }

    void reportsAMissingScript()
    {
        ServerProcess server;
        QString error;
        QVERIFY(!server.start(u"tests/servers/no_such_server.py"_s, {}, 5000, &error));
        QVERIFY2(error.contains(u"not found"_s), qPrintable(error));
        QCOMPARE(server.port(), quint16(0));
        QVERIFY(!server.isRunning());
    }

    void reportsAnEarlyExit()
    {
        ServerProcess server;
        QString error;
        // No token: the script refuses to start (argparse exits with status 2 and a usage message on stderr).
        QVERIFY(!server.start(u"tests/servers/dagger_session.py"_s, {u"--token"_s, QString()}, 60000, &error));
        QVERIFY2(error.contains(u"exited with code 2"_s), qPrintable(error));
        QVERIFY(!server.isRunning());
    }

    void reportsATimeoutAndStopsTheServer()
    {
        ServerProcess server;
        QString error;
        // Python cannot start and import graphql-core within 1 ms, so the header cannot arrive in time.
        QVERIFY(!server.start(u"tests/servers/dagger_session.py"_s, {u"--token"_s, u"x"_s}, 1, &error));
        QVERIFY2(error.contains(u"did not print PORT="_s), qPrintable(error));
        QVERIFY(!server.isRunning());
    }

    void startsTheDagsterWebserver()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(u"tests/servers/dagster_server.py"_s, {}, 180000, &error), qPrintable(error));
        QCOMPARE(server.value(u"LOCATION"_s), u"definitions.py"_s);
        QCOMPARE(server.value(u"REPOSITORY"_s), u"__repository__"_s);
        QCOMPARE(server.value(u"URL"_s), server.url(u"/graphql"_s).toString());

        const Reply info = post(server.url(u"/server_info"_s), QByteArray(), {});
        QCOMPARE(info.status, 200);
        QVERIFY(QJsonDocument::fromJson(info.body).object().contains(u"dagster_webserver_version"_s));
    }
};

QTEST_GUILESS_MAIN(ServerProcessTest)
#include "serverprocess_test.moc"
