// SPDX-License-Identifier: MIT
// Sextant: RunController reports every sent run (outcome, status, duration, size) for the history, without secrets.
#include <app/endpoints/endpointbar.h>
#include <app/result/resultview.h>
#include <app/run/runcontroller.h>
#include <net/graphqlclient.h>
#include <store/historyentry.h>

#include "../support/fakehttpserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::App::EndpointBar;
using Sextant::App::ResultView;
using Sextant::App::RunController;
using Sextant::Net::EndpointProfile;
using Sextant::Net::GraphQLClient;
using Sextant::Net::GraphQLRequest;
using Sextant::Store::HistoryEntry;
using Sextant::Store::HistoryOutcome;

Q_DECLARE_METATYPE(Sextant::Store::HistoryOutcome)

namespace {

const QString daggerToken = u"Zq9daggertoken"_s;
const QString urlPassword = u"Zq9urlpassword"_s;
const QString headerSecret = u"Zq9headersecret"_s;
const QString variableSecret = u"Zq9variablesecret"_s;

QString allText(const HistoryEntry &entry)
{
    return entry.endpointKind + entry.endpointUrl + entry.operationName + entry.document + entry.variables
           + entry.headers + entry.message;
}

GraphQLRequest sampleRequest()
{
    GraphQLRequest request;
    request.query = u"query Versions($apiKey: String, $n: Int) { version }"_s;
    request.operationName = u"Versions"_s;
    request.variablesJson = "{\"apiKey\": \"" + variableSecret.toUtf8() + "\", \"n\": 12345678901234567890}";
    return request;
}

} // namespace

class RunControllerTest final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void recordsEachOutcome_data();
    void recordsEachOutcome();
    void daggerTokenIsNeverRecorded();
    void networkErrorIsRecorded();
    void stopIsRecordedAsCancelled();
    void localErrorIsNotRecorded();

private:
    struct Fixture
    {
        GraphQLClient client;
        ResultView resultView;
        EndpointBar endpointBar;
        RunController runner{&client, &resultView, &endpointBar};
    };
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<Fixture> m_fixture;
};

void RunControllerTest::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->isListening());
    m_fixture = std::make_unique<Fixture>();
}

void RunControllerTest::cleanup()
{
    m_fixture.reset();
    m_server.reset();
}

void RunControllerTest::recordsEachOutcome_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<HistoryOutcome>("outcome");
    QTest::newRow("ok") << 200 << QByteArray(R"({"data":{"version":"1.13"}})") << QByteArray("application/json")
                        << HistoryOutcome::Ok;
    QTest::newRow("GraphQL errors on 200") << 200 << QByteArray(R"({"data":null,"errors":[{"message":"boom"}]})")
                                           << QByteArray("application/json") << HistoryOutcome::GraphQLErrors;
    QTest::newRow("GraphQL errors on 500") << 500 << QByteArray(R"({"errors":[{"message":"down"}]})")
                                           << QByteArray("application/json") << HistoryOutcome::GraphQLErrors;
    QTest::newRow("HTML 502") << 502 << QByteArray("<html><body>Bad gateway</body></html>") << QByteArray("text/html")
                              << HistoryOutcome::HttpError;
    QTest::newRow("JSON that does not parse")
        << 200 << QByteArray(R"({"data":)") << QByteArray("application/json") << HistoryOutcome::HttpError;
}

void RunControllerTest::recordsEachOutcome()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(HistoryOutcome, outcome);
    m_server->setDefaultResponse(FakeHttpServer::json(status, body, contentType));

    EndpointProfile profile;
    profile.url = m_server->url();
    profile.url.setUserName(u"ann"_s);
    profile.url.setPassword(urlPassword);
    profile.headers = {{"Authorization", "Bearer " + headerSecret.toUtf8()}, {"X-Trace", "on"}};

    QSignalSpy recorded(&m_fixture->runner, &RunController::runRecorded);
    QSignalSpy finished(&m_fixture->runner, &RunController::finished);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(m_fixture->runner.start(profile, sampleRequest()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(m_server->requestCount(), 1);

    const auto entry = recorded.first().first().value<HistoryEntry>();
    QCOMPARE(entry.id, 0);
    QCOMPARE(entry.outcome, outcome);
    QCOMPARE(entry.httpStatus, status);
    QCOMPARE(entry.responseSize, body.size());
    QVERIFY(entry.durationMs >= 0);
    QVERIFY(entry.durationMs < 10000);
    QCOMPARE(entry.startedAt.timeSpec(), Qt::UTC);
    QVERIFY(entry.startedAt >= before.addMSecs(-1));
    QVERIFY(entry.startedAt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(entry.endpointKind, u"http"_s);
    QCOMPARE(entry.endpointUrl, m_server->url().toString());
    QCOMPARE(entry.operationName, u"Versions"_s);
    QCOMPARE(entry.document, sampleRequest().query);
    QCOMPARE(entry.variables, u"{\"apiKey\": \"••••••\", \"n\": 12345678901234567890}"_s);
    QCOMPARE(entry.headers, u"X-Trace: on"_s);
    QVERIFY(!entry.message.isEmpty());
    const QString text = allText(entry);
    for (const QString &secret : {urlPassword, headerSecret, variableSecret})
        QVERIFY2(!text.contains(secret), qPrintable(secret));
}

void RunControllerTest::daggerTokenIsNeverRecorded()
{
    m_server->setDefaultResponse(FakeHttpServer::json(200, R"({"data":{"container":{"id":"c1"}}})"));
    const EndpointProfile profile = EndpointProfile::daggerSession(m_server->port(), daggerToken);
    QSignalSpy recorded(&m_fixture->runner, &RunController::runRecorded);
    QVERIFY(m_fixture->runner.start(profile, sampleRequest()));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10000);
    // The token went out (Basic auth) but is nowhere in the record.
    QVERIFY(m_server->lastRequest().hasHeader("Authorization"));
    const auto entry = recorded.first().first().value<HistoryEntry>();
    QCOMPARE(entry.endpointKind, u"dagger-session"_s);
    QCOMPARE(entry.endpointUrl, u"http://127.0.0.1:%1/query"_s.arg(m_server->port()));
    QCOMPARE(entry.outcome, HistoryOutcome::Ok);
    QVERIFY(!allText(entry).contains(daggerToken));
    QVERIFY(!allText(entry).contains(QString::fromLatin1(GraphQLClient::daggerAuthorization(daggerToken))));
}

void RunControllerTest::networkErrorIsRecorded()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    EndpointProfile profile;
    profile.url = QUrl(u"http://127.0.0.1:%1/graphql"_s.arg(closedPort));
    QSignalSpy recorded(&m_fixture->runner, &RunController::runRecorded);
    QVERIFY(m_fixture->runner.start(profile, sampleRequest()));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10000);
    const auto entry = recorded.first().first().value<HistoryEntry>();
    QCOMPARE(entry.outcome, HistoryOutcome::NetworkError);
    QCOMPARE(entry.httpStatus, 0);
    QCOMPARE(entry.responseSize, 0);
    QVERIFY(!entry.message.isEmpty());
}

void RunControllerTest::stopIsRecordedAsCancelled()
{
    FakeHttpServer::Response never = FakeHttpServer::json(200, R"({"data":{}})");
    never.delayMs = -1;
    m_server->setDefaultResponse(never);
    EndpointProfile profile;
    profile.url = m_server->url();
    QSignalSpy recorded(&m_fixture->runner, &RunController::runRecorded);
    QSignalSpy finished(&m_fixture->runner, &RunController::finished);
    QVERIFY(m_fixture->runner.start(profile, sampleRequest()));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 10000);
    m_fixture->runner.stop();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.first().first().value<HistoryEntry>().outcome, HistoryOutcome::Cancelled);
    QVERIFY(!m_fixture->runner.isRunning());
}

void RunControllerTest::localErrorIsNotRecorded()
{
    QSignalSpy recorded(&m_fixture->runner, &RunController::runRecorded);
    QSignalSpy finished(&m_fixture->runner, &RunController::finished);
    m_fixture->runner.showLocalError(u"Variables: not a JSON object"_s);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(recorded.size(), 0);
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_MAIN(RunControllerTest)
#include "runcontroller_test.moc"
