// SPDX-License-Identifier: MIT
// Sextant: the PROTOCOLS.md §1.8 classification as pure functions (media types, excerpts, big bodies).
#include <net/responseclassifier.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;

class ResponseClassifierTest final : public QObject
{
    Q_OBJECT

private slots:
    void mediaType_data();
    void mediaType();
    void statusText();
    void excerpt();
    void bigBodiesAreSniffed_data();
    void bigBodiesAreSniffed();
    void statusLine();
};

void ResponseClassifierTest::mediaType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("application/json") << QByteArray("application/json");
    QTest::newRow("charset") << QByteArray("application/graphql-response+json; charset=utf-8")
                             << QByteArray("application/graphql-response+json");
    QTest::newRow("case and spaces") << QByteArray("  Text/HTML ;charset=UTF-8") << QByteArray("text/html");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void ResponseClassifierTest::mediaType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, expected);
    QCOMPARE(ResponseClassifier::mediaType(contentType), expected);
}

void ResponseClassifierTest::statusText()
{
    QCOMPARE(ResponseClassifier::statusText(200, "OK"), u"HTTP 200"_s);
    QCOMPARE(ResponseClassifier::statusText(502, QByteArray()), u"HTTP 502 Bad Gateway"_s);
    QCOMPARE(ResponseClassifier::statusText(418, QByteArray()), u"HTTP 418"_s);
    QCOMPARE(ResponseClassifier::statusText(400, "Nope"), u"HTTP 400 Nope"_s);
}

void ResponseClassifierTest::excerpt()
{
    QCOMPARE(ResponseClassifier::excerpt("  a\n\n b\t c  "), u"a b c"_s);
    const QString cut = ResponseClassifier::excerpt(QByteArray(500, 'x'));
    QCOMPARE(cut.size(), 121);
    QVERIFY(cut.endsWith(u'…'));
    // A multi-byte character is never split.
    const QByteArray umlauts = QString(200, QChar(0x00fc)).toUtf8();
    QCOMPARE(ResponseClassifier::excerpt(umlauts), QString(120, QChar(0x00fc)) + u'…');
}

void ResponseClassifierTest::bigBodiesAreSniffed_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<ResultKind>("expectedKind");
    QTest::newRow("object") << QByteArray("\n {\"data\":") << ResultKind::GraphQLResponse;
    QTest::newRow("array") << QByteArray("[1,") << ResultKind::NotGraphQL;
    QTest::newRow("html") << QByteArray("<html>") << ResultKind::NotGraphQL;
}

void ResponseClassifierTest::bigBodiesAreSniffed()
{
    QFETCH(QByteArray, start);
    QFETCH(ResultKind, expectedKind);
    // Over the validation limit the body is not parsed (it is not even valid JSON here): only its first byte counts.
    HttpResult result;
    result.httpStatus = 200;
    result.contentType = "application/json";
    result.body = start + QByteArray(ResponseClassifier::maxValidatedBodySize + 1, ' ');
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.kind, expectedKind);

    // Under the limit the same junk is validated and rejected.
    result.body = start + QByteArray(100, ' ');
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.kind, ResultKind::NotGraphQL);
}

void ResponseClassifierTest::statusLine()
{
    HttpResult result;
    result.kind = ResultKind::GraphQLResponse;
    result.httpStatus = 200;
    result.reasonPhrase = "OK";
    result.elapsedMs = 42;
    result.body = QByteArray(1229, 'x');
    QCOMPARE(result.statusLine(), u"HTTP 200 OK · 42 ms · 1.2 KB"_s);
    result.body = QByteArray(512, 'x');
    QCOMPARE(result.statusLine(), u"HTTP 200 OK · 42 ms · 512 B"_s);
    result.body = QByteArray(3 * 1024 * 1024 + 400 * 1024, 'x');
    QCOMPARE(result.statusLine(), u"HTTP 200 OK · 42 ms · 3.4 MB"_s);

    HttpResult cancelled;
    cancelled.kind = ResultKind::Cancelled;
    cancelled.elapsedMs = 3;
    QCOMPARE(cancelled.statusLine(), u"Cancelled · 3 ms"_s);
    HttpResult timedOut;
    timedOut.kind = ResultKind::TimedOut;
    timedOut.elapsedMs = 60000;
    QCOMPARE(timedOut.statusLine(), u"Timed out · 60000 ms"_s);
}

QTEST_GUILESS_MAIN(ResponseClassifierTest)
#include "responseclassifier_test.moc"
