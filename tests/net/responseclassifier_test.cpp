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
    void classifyPerMediaType_data();
    void classifyPerMediaType();
    void almostJsonBodiesSayWhy_data();
    void almostJsonBodiesSayWhy();
    void retryAfter();
    void emptyChunkedBodyNamesTheTransfer();
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

void ResponseClassifierTest::classifyPerMediaType_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<ResultKind>("expectedKind");
    QTest::addColumn<bool>("probably");
    QTest::addColumn<QString>("expectedMessage"); // prefix; empty = message must be empty

    const QByteArray goh = "application/graphql-response+json; charset=utf-8";
    const QByteArray data = R"({"data":{"a":1}})";
    const QByteArray partial = R"({"data":{"a":1,"b":null},"errors":[{"message":"b failed","path":["b"]}]})";
    const QByteArray requestError = R"({"errors":[{"message":"Syntax Error: Expected Name, found <EOF>."}]})";
    const QByteArray post = "POST", get = "GET";

    QTest::newRow("goh 200") << 200 << goh << data << post << ResultKind::GraphQLResponse << false << QString();
    QTest::newRow("goh 294 partial success")
        << 294 << goh << partial << post << ResultKind::GraphQLResponse << false << QString();
    QTest::newRow("goh 400 request error") << 400 << goh << requestError << post << ResultKind::GraphQLResponse
                                           << false << u"HTTP 400 Bad Request: GraphQL request error"_s;
    QTest::newRow("goh 422 validation") << 422 << goh << requestError << post << ResultKind::GraphQLResponse << false
                                        << u"HTTP 422 Unprocessable Content: GraphQL request error"_s;
    QTest::newRow("goh 500 any status") << 500 << goh << partial << post << ResultKind::GraphQLResponse << false
                                        << u"HTTP 500 Internal Server Error: GraphQL request error"_s;
    QTest::newRow("goh label on a non-GraphQL body")
        << 502 << goh << QByteArray(R"({"error":"upstream"})") << post << ResultKind::NotGraphQL << false
        << u"HTTP 502 Bad Gateway: the body is labelled application/graphql-response+json but is not a GraphQL response"_s;
    QTest::newRow("json 200") << 200 << QByteArray("application/json") << data << post << ResultKind::GraphQLResponse
                              << false << QString();
    QTest::newRow("vendor +json 201") << 201 << QByteArray("application/vnd.x+json") << data << post
                                      << ResultKind::GraphQLResponse << false << QString();
    QTest::newRow("legacy json 400 probably GraphQL")
        << 400 << QByteArray("application/json") << requestError << post << ResultKind::GraphQLResponse << true
        << u"HTTP 400 Bad Request: the server returned a GraphQL response with an error status (probably GraphQL: application/json"_s;
    QTest::newRow("text/plain 200 with GraphQL body")
        << 200 << QByteArray("text/plain") << data << post << ResultKind::GraphQLResponse << true << QString();
    QTest::newRow("406") << 406 << QByteArray("text/plain") << QByteArray("Not Acceptable") << post
                         << ResultKind::NotGraphQL << false
                         << u"HTTP 406 Not Acceptable: the server cannot answer with application/graphql-response+json or application/json"_s;
    QTest::newRow("415") << 415 << QByteArray("text/plain") << QByteArray("Unsupported Media Type") << post
                         << ResultKind::NotGraphQL << false
                         << u"HTTP 415 Unsupported Media Type: the server does not accept the request's Content-Type application/json"_s;
    QTest::newRow("405 after GET") << 405 << QByteArray() << QByteArray() << get << ResultKind::NotGraphQL << false
                                   << u"HTTP 405 Method Not Allowed: the server does not accept GET for this request — turn off \"GET for queries\""_s;
    QTest::newRow("405 after POST keeps the path advice")
        << 405 << QByteArray("text/plain") << QByteArray("Method Not Allowed") << post << ResultKind::NotGraphQL
        << false << u"HTTP 405 Method Not Allowed: this URL does not serve GraphQL — check the endpoint path"_s;
    QTest::newRow("414 after GET") << 414 << QByteArray("text/html") << QByteArray("<html>too long</html>") << get
                                   << ResultKind::NotGraphQL << false
                                   << u"HTTP 414 URI Too Long: the URL is too long for a GET request — turn off \"GET for queries\""_s;
    QTest::newRow("413") << 413 << QByteArray() << QByteArray() << post << ResultKind::NotGraphQL << false
                         << u"HTTP 413 Content Too Large: the request body is too large for the server"_s;
    QTest::newRow("431") << 431 << QByteArray() << QByteArray() << post << ResultKind::NotGraphQL << false
                         << u"HTTP 431 Request Header Fields Too Large: the request headers are too large"_s;
}

void ResponseClassifierTest::classifyPerMediaType()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, method);
    QFETCH(ResultKind, expectedKind);
    QFETCH(bool, probably);
    QFETCH(QString, expectedMessage);
    HttpResult result;
    result.httpStatus = status;
    result.contentType = contentType;
    result.body = body;
    result.requestMethod = method;
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.kind, expectedKind);
    QCOMPARE(result.probablyGraphQL, probably);
    if (expectedMessage.isEmpty())
        QVERIFY2(result.message.isEmpty(), qPrintable(result.message));
    else
        QVERIFY2(result.message.startsWith(expectedMessage), qPrintable(result.message));
    if (status == 294) {
        QCOMPARE(ResponseClassifier::statusText(294, {}), u"HTTP 294 Partial Success"_s);
        result.elapsedMs = 5;
        QVERIFY(result.statusLine().startsWith(u"HTTP 294 Partial Success · 5 ms"_s));
    }
}

void ResponseClassifierTest::almostJsonBodiesSayWhy_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedPhrase");
    QTest::newRow("null") << QByteArray("null") << u"a JSON null, not a GraphQL response (no \"data\" or \"errors\""_s;
    QTest::newRow("number") << QByteArray(" 42\n") << u"a JSON number, not a GraphQL response (no \"data\""_s;
    QTest::newRow("array") << QByteArray("[1,2,3]") << u"a JSON array, not a GraphQL response (no \"data\""_s;
    QTest::newRow("object") << QByteArray(R"({"ok":true})") << u"the JSON body has no \"data\" or \"errors\""_s;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"data\":{\"s\":\"a\xff\xfe\"}}") << u"not valid UTF-8 at byte "_s;
    QTest::newRow("deep nesting") << (QByteArray("{\"data\":") + QByteArray(5000, '[') + QByteArray(5000, ']') + '}')
                                  << u"nested too deep"_s;
    QTest::newRow("not JSON at all") << QByteArray("nope") << u"the body is not JSON"_s;
}

void ResponseClassifierTest::almostJsonBodiesSayWhy()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedPhrase);
    HttpResult result;
    result.httpStatus = 200;
    result.contentType = "application/json";
    result.body = body;
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.kind, ResultKind::NotGraphQL);
    QVERIFY2(result.message.startsWith(u"HTTP 200: "_s), qPrintable(result.message));
    QVERIFY2(result.message.contains(expectedPhrase), qPrintable(result.message));
}

void ResponseClassifierTest::retryAfter()
{
    const QDateTime now(QDate(2026, 11, 26), QTime(0, 0, 0), Qt::UTC);
    HttpResult result;
    QCOMPARE(ResponseClassifier::retryAfter(result, now), QString());
    result.responseHeaders = {{"Retry-After", "120"}};
    QCOMPARE(ResponseClassifier::retryAfter(result, now), u"retry after 120 s"_s);
    result.responseHeaders = {{"retry-after", "Thu, 26 Nov 2026 00:05:00 GMT"}};
    QCOMPARE(ResponseClassifier::retryAfter(result, now), u"retry after 300 s (2026-11-26 00:05:00 UTC)"_s);
    result.responseHeaders = {{"Retry-After", "soon"}};
    QCOMPARE(ResponseClassifier::retryAfter(result, now), QString());

    // classify() appends it to every message: a GraphQL error body on 429 and a plain-text 503.
    result.responseHeaders = {{"Retry-After", "120"}};
    result.httpStatus = 429;
    result.contentType = "application/json";
    result.body = R"({"errors":[{"message":"rate limit exceeded"}]})";
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.kind, ResultKind::GraphQLResponse);
    QVERIFY2(result.message.startsWith(u"HTTP 429 Too Many Requests: "_s), qPrintable(result.message));
    QVERIFY2(result.message.endsWith(u" — retry after 120 s"_s), qPrintable(result.message));
    result.httpStatus = 503;
    result.contentType = "text/plain";
    result.body = "Service Unavailable\n";
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.kind, ResultKind::NotGraphQL);
    QVERIFY2(result.message.startsWith(u"HTTP 503 Service Unavailable: the body is not JSON"_s), qPrintable(result.message));
    QVERIFY2(result.message.endsWith(u" — retry after 120 s"_s), qPrintable(result.message));
    // A clean 2xx GraphQL response has no message, so nothing to append to.
    result.httpStatus = 200;
    result.contentType = "application/json";
    result.body = R"({"data":{"ok":true}})";
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.message, QString());
}

void ResponseClassifierTest::emptyChunkedBodyNamesTheTransfer()
{
    HttpResult result;
    result.httpStatus = 200;
    result.contentType = "application/json";
    result.finalUrl = QUrl(u"http://127.0.0.1:4000/graphql"_s);
    result.responseHeaders = {{"Transfer-Encoding", "chunked"}};
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.kind, ResultKind::NotGraphQL);
    QCOMPARE(result.message, u"HTTP 200: empty response body — the chunked transfer from 127.0.0.1:4000 ended before "
                             u"any data (a malformed chunk size or an empty answer)"_s);
    result.responseHeaders.clear();
    ResponseClassifier::classify(result, EndpointProfile());
    QCOMPARE(result.message, u"HTTP 200: empty response body"_s);
}

QTEST_GUILESS_MAIN(ResponseClassifierTest)
#include "responseclassifier_test.moc"
