// SPDX-License-Identifier: MIT
// Sextant: a real Dagster webserver's pipelineRunLogs subscription (legacy graphql-ws, PROTOCOLS.md §4.4) while a
// demo run progresses, and Dagster's `error` object for an invalid subscription.
#include <net/graphqlclient.h>
#include <net/subscriptionsession.h>

#include <support/serverprocess.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Net::EndpointProfile;
using Sextant::Net::GraphQLRequest;
using Sextant::Net::SubscriptionEnd;
using Sextant::Net::SubscriptionSession;
using Sextant::Net::SubscriptionWireProtocol;

namespace {

const QString LogsSubscription = uR"(subscription Logs($runId: ID!) {
  pipelineRunLogs(runId: $runId) {
    __typename
    ... on PipelineRunLogsSubscriptionSuccess {
      messages { __typename ... on MessageEvent { message eventType timestamp } }
      hasMorePastEvents
    }
    ... on PipelineRunLogsSubscriptionFailure { message missingRunId }
  }
})"_s;

} // namespace

class DagsterSubscriptionTest final : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_dagster;
    EndpointProfile m_profile;

    QJsonObject post(const QString &query, const QJsonObject &variables)
    {
        Sextant::Net::GraphQLClient client;
        GraphQLRequest request;
        request.query = query;
        request.variablesJson = QJsonDocument(variables).toJson(QJsonDocument::Compact);
        auto *call = client.execute(m_profile, request);
        QSignalSpy finished(call, &Sextant::Net::GraphQLCall::finished);
        if (!finished.wait(60000))
            return {};
        const auto result = finished.first().first().value<Sextant::Net::HttpResult>();
        return QJsonDocument::fromJson(result.body).object().value(u"data"_s).toObject();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_dagster.start(u"tests/servers/dagster_server.py"_s, {}, 180000, &error), qPrintable(error));
        m_profile = EndpointProfile::dagster(m_dagster.url(u"/graphql"_s));
    }

    void runLogsArriveWhileTheRunProgresses()
    {
        const QJsonObject launched =
            post(uR"(mutation L($loc: String!, $repo: String!) {
                   launchRun(executionParams: {selector: {repositoryLocationName: $loc, repositoryName: $repo,
                                                           jobName: "slow_job"}}) {
                     __typename ... on LaunchRunSuccess { run { runId } } ... on Error { message } } })"_s,
                 {{u"loc"_s, m_dagster.value(u"LOCATION"_s)}, {u"repo"_s, m_dagster.value(u"REPOSITORY"_s)}})
                .value(u"launchRun"_s)
                .toObject();
        QCOMPARE(launched.value(u"__typename"_s).toString(), u"LaunchRunSuccess"_s);
        const QString runId = launched.value(u"run"_s).toObject().value(u"runId"_s).toString();
        QVERIFY(!runId.isEmpty());

        SubscriptionSession session;
        QList<QJsonObject> payloads;
        QStringList messages;
        SubscriptionWireProtocol protocol = SubscriptionWireProtocol::GraphQLTransportWs;
        connect(&session, &SubscriptionSession::connected, this, [&](SubscriptionWireProtocol p) { protocol = p; });
        connect(&session, &SubscriptionSession::message, this, [&](const QDateTime &, const QByteArray &json) {
            const QJsonObject logs =
                QJsonDocument::fromJson(json).object().value(u"data"_s).toObject().value(u"pipelineRunLogs"_s)
                    .toObject();
            payloads << logs;
            for (const auto &event : logs.value(u"messages"_s).toArray())
                messages << event.toObject().value(u"message"_s).toString();
        });
        QSignalSpy finished(&session, &SubscriptionSession::finished);
        GraphQLRequest request;
        request.query = LogsSubscription;
        request.operationName = u"Logs"_s;
        request.variablesJson = QJsonDocument(QJsonObject{{u"runId"_s, runId}}).toJson(QJsonDocument::Compact);
        QVERIFY(session.start(m_profile, request));

        // slow_job logs "still running" every few seconds: wait (bounded) until such an event streamed in.
        QVERIFY2(QTest::qWaitFor([&] {
                     return !finished.isEmpty()
                            || messages.filter(u"slow_job still running"_s).size() >= 1;
                 }, 90000),
                 qPrintable(messages.join(u" | "_s)));
        QVERIFY2(finished.isEmpty(), qPrintable(finished.isEmpty() ? QString()
                                                                   : finished.first().first().value<SubscriptionEnd>().message));
        QCOMPARE(protocol, SubscriptionWireProtocol::GraphQLWs);
        QVERIFY(!payloads.isEmpty());
        QCOMPARE(payloads.first().value(u"__typename"_s).toString(), u"PipelineRunLogsSubscriptionSuccess"_s);
        const int before = session.messageCount();
        QVERIFY(before >= 1);

        session.stop();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<SubscriptionEnd>().reason, SubscriptionEnd::Reason::Stopped);
        QTest::qWait(500);
        QCOMPARE(session.messageCount(), before);

        post(u"mutation T($id: String!) { terminateRun(runId: $id) { __typename } }"_s, {{u"id"_s, runId}});
    }

    void invalidSubscriptionGetsDagsterErrorObject()
    {
        SubscriptionSession session;
        QList<QByteArray> payloads;
        connect(&session, &SubscriptionSession::message, this,
                [&](const QDateTime &, const QByteArray &json) { payloads << json; });
        QSignalSpy finished(&session, &SubscriptionSession::finished);
        GraphQLRequest request;
        request.query = u"subscription { noSuchField }"_s;
        QVERIFY(session.start(m_profile, request));
        QVERIFY(finished.wait(30000));
        const auto end = finished.first().first().value<SubscriptionEnd>();
        QCOMPARE(end.reason, SubscriptionEnd::Reason::ServerError);
        QVERIFY2(end.message.contains(u"noSuchField"_s), qPrintable(end.message));
        QCOMPARE(payloads.size(), 1);
        // Dagster's legacy `error` payload is one object; the session hands it on as {"errors":[…]}.
        QCOMPARE(QJsonDocument::fromJson(payloads.first()).object().value(u"errors"_s).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(DagsterSubscriptionTest)
#include "dagstersubscription_test.moc"
