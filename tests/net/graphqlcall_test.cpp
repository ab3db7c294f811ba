// SPDX-License-Identifier: MIT
// Sextant: GraphQLCall receiving a multi-megabyte body from FakeHttpServer: throttled progress, padded body, Stop.
#include <core/response/responsedocument.h>
#include <net/graphqlclient.h>
#include <support/fakehttpserver.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;
using Sextant::Core::ResponseDocument;

namespace {

constexpr int callTimeoutMs = 20000;

GraphQLRequest listRequest()
{
    GraphQLRequest request;
    request.query = u"{ runs { id } }"_s;
    return request;
}

EndpointProfile profileFor(const QUrl &url)
{
    EndpointProfile profile;
    profile.url = url;
    profile.timeoutMs = callTimeoutMs;
    return profile;
}

// {"data":{"runs":[{"id":"run-0","n":0},...]}} of at least @p minBytes.
QByteArray bigResponse(qsizetype minBytes)
{
    QByteArray body = R"({"data":{"runs":[)";
    body.reserve(minBytes + 64);
    for (int i = 0; body.size() < minBytes; ++i) {
        if (i)
            body += ',';
        body += R"({"id":"run-)" + QByteArray::number(i) + R"(","n":)" + QByteArray::number(i) + '}';
    }
    body += "]}}";
    return body;
}

struct Progress
{
    qint64 received;
    qint64 total;
    qint64 atMs;
};

} // namespace

/// Receiving big bodies: progress every ~50 ms at most, padding for the parser, Stop mid-transfer.
class GraphQLCallTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void largeBodyWithProgress();
    void stopMidTransfer();
};

void GraphQLCallTest::initTestCase()
{
    qRegisterMetaType<HttpResult>();
}

void GraphQLCallTest::largeBodyWithProgress()
{
    FakeHttpServer server;
    QVERIFY(server.isListening());
    const QByteArray body = bigResponse(8 * 1024 * 1024);
    server.setDefaultResponse(FakeHttpServer::json(200, body));

    GraphQLClient client;
    QPointer<GraphQLCall> call = client.execute(profileFor(server.url()), listRequest());
    QVERIFY(call);
    QList<Progress> progress;
    QElapsedTimer clock;
    clock.start();
    connect(call, &GraphQLCall::progressed, this,
            [&](qint64 received, qint64 total) { progress.append({received, total, clock.elapsed()}); });
    QSignalSpy finished(call.data(), &GraphQLCall::finished);
    QVERIFY(finished.wait(callTimeoutMs));
    QCOMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<HttpResult>();
    QCOMPARE(result.kind, ResultKind::GraphQLResponse);
    QCOMPARE(result.body.size(), body.size());
    QVERIFY(result.body == body);
    // Room for simdjson's read-ahead, so the parser needs no second copy of the body.
    QVERIFY2(result.body.capacity() - result.body.size() >= ResponseDocument::requiredPadding,
             qPrintable(QString::number(result.body.capacity() - result.body.size())));
    const auto document = ResponseDocument::parse(result.body);
    QVERIFY(document);
    QVERIFY(document->bytes().constData() == result.body.constData()); // parsed in place, not copied

    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().received, body.size());
    for (qsizetype i = 0; i < progress.size(); ++i) {
        QCOMPARE(progress.at(i).total, body.size()); // the Content-Length
        if (i == 0)
            continue;
        QVERIFY(progress.at(i).received > progress.at(i - 1).received);
        // Throttled: only the final report may follow the previous one sooner than the interval.
        if (i + 1 < progress.size())
            QVERIFY2(progress.at(i).atMs - progress.at(i - 1).atMs >= GraphQLCall::progressInterval - 5,
                     qPrintable(u"%1 ms apart"_s.arg(progress.at(i).atMs - progress.at(i - 1).atMs)));
    }
}

void GraphQLCallTest::stopMidTransfer()
{
    FakeHttpServer server;
    QVERIFY(server.isListening());
    const QByteArray body = bigResponse(16 * 1024 * 1024);
    server.setDefaultResponse(FakeHttpServer::json(200, body));

    GraphQLClient client;
    QPointer<GraphQLCall> call = client.execute(profileFor(server.url()), listRequest());
    QVERIFY(call);
    qint64 receivedAtStop = -1;
    // Stop on the first progress report: bytes have arrived, the rest of the 16 MB has not been read yet.
    connect(call, &GraphQLCall::progressed, this, [&](qint64 received, qint64) {
        if (receivedAtStop < 0 && call) {
            receivedAtStop = received;
            call->abort();
        }
    });
    QSignalSpy finished(call.data(), &GraphQLCall::finished);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, callTimeoutMs);
    QCOMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<HttpResult>();
    QCOMPARE(result.kind, ResultKind::Cancelled);
    QVERIFY(receivedAtStop > 0);
    QVERIFY2(receivedAtStop < body.size(), qPrintable(QString::number(receivedAtStop)));
    // The call deletes itself after finishing.
    QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), 5000);
}

QTEST_GUILESS_MAIN(GraphQLCallTest)
#include "graphqlcall_test.moc"
