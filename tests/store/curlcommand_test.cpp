// SPDX-License-Identifier: MIT
// Sextant: curl command lines copied from real tools (Chrome bash/cmd, Postman, Altair, Dagger docs) → SavedRequest.
#include <store/collectionimport.h>
#include <store/curlcommand.h>

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Store;

namespace {

const QString fixtures = QStringLiteral(SEXTANT_FIXTURES_DIR "/import/curl/");

QString fixture(const QString &name)
{
    QFile file(fixtures + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QJsonDocument json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8());
}

const QString chromeHeaders = u"accept: */*\naccept-language: en-US,en;q=0.9\ncookie: {{cookie}}\n"
                              "origin: http://127.0.0.1:3000\nreferer: http://127.0.0.1:3000/runs\n"
                              "user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                              "Chrome/131.0.0.0 Safari/537.36"_s;
const QString latestRuns =
    u"query LatestRuns($limit: Int) {\n  runsOrError(limit: $limit) {\n    __typename\n"
    "    ... on Runs {\n      results {\n        runId\n        status\n      }\n    }\n  }\n}"_s;

} // namespace

class CurlCommandTest final : public QObject
{
    Q_OBJECT

private slots:
    void parsesRealCommandLines_data();
    void parsesRealCommandLines();
    void rejectsWhatIsNotAGraphQLRequest_data();
    void rejectsWhatIsNotAGraphQLRequest();
    void splitsLikeTheShell_data();
    void splitsLikeTheShell();
    void recognizesCurlCommandLines_data();
    void recognizesCurlCommandLines();
};

void CurlCommandTest::parsesRealCommandLines_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("variables"); // compared as JSON
    QTest::addColumn<QString>("headers");

    const QString chromeVariables = u"{\"limit\":5,\"note\":\"it's 100% done\"}"_s;
    QTest::newRow("Chrome: Copy as cURL (bash), $'…' body")
        << fixture(u"chrome-bash.txt"_s) << u"LatestRuns"_s << latestRuns << u"LatestRuns"_s
        << u"http://127.0.0.1:3000/graphql?op=LatestRuns"_s << u"dagster"_s << chromeVariables << chromeHeaders;
    QTest::newRow("Chrome: Copy as cURL (cmd), ^ escapes and CRLF")
        << fixture(u"chrome-cmd.txt"_s) << u"LatestRuns"_s << latestRuns << u"LatestRuns"_s
        << u"http://127.0.0.1:3000/graphql?op=LatestRuns"_s << u"dagster"_s << chromeVariables << chromeHeaders;
    const QString assetKeys = u"query AssetKeys($prefix: [String!]) {\n  assetsOrError(prefix: $prefix) {\n"
                              "    __typename\n  }\n}"_s;
    QTest::newRow("Altair: Copy as cURL (POST)")
        << fixture(u"altair-post.txt"_s) << u"AssetKeys"_s << assetKeys << QString()
        << u"http://127.0.0.1:3000/graphql"_s << u"dagster"_s << u"{\"prefix\":[\"sales\"]}"_s
        << u"Accept: application/json\nOrigin: altair://-\nAuthorization: Bearer {{token}}"_s;
    QTest::newRow("Altair: Copy as cURL (GET with ?query=)")
        << fixture(u"altair-get.txt"_s) << u"AssetKeys"_s << assetKeys << QString()
        << u"http://localhost:4000/graphql"_s << u"http"_s << u"{\"prefix\":[\"sales\"]}"_s
        << u"Accept: application/json\nOrigin: altair://-"_s;
    QTest::newRow("Postman: code snippet (--location --header --data)")
        << fixture(u"postman-snippet.txt"_s) << u"RunStatus"_s
        << u"query RunStatus($runId: ID!) {\n  runOrError(runId: $runId) {\n    __typename\n  }\n}"_s << QString()
        << u"http://127.0.0.1:3000/graphql"_s << u"dagster"_s << u"{\"runId\":\"f3a1\"}"_s
        << u"Authorization: Bearer {{token}}"_s;
    QTest::newRow("Dagger docs: -u $DAGGER_SESSION_TOKEN: and \\\" escapes")
        << fixture(u"dagger-docs.txt"_s) << u"curl request"_s
        << u"{container{from(address:\"alpine:latest\"){withExec(args:[\"uname\",\"-a\"]){stdout}}}}"_s << QString()
        << u"http://127.0.0.1:{{DAGGER_SESSION_PORT}}/query"_s << u"dagger-session"_s << QString() << QString();
    QTest::newRow("Dagger docs verbatim: #!/bin/sh, dagger run sh -c '…'")
        << fixture(u"dagger-run.txt"_s) << u"curl request"_s
        << u"{container{from(address:\"alpine:latest\"){withExec(args:[\"uname\",\"-a\"]){stdout}}}}"_s << QString()
        << u"http://127.0.0.1:{{DAGGER_SESSION_PORT}}/query"_s << u"dagger-session"_s << QString() << QString();
    QTest::newRow("Dagger: one line piped to jq")
        << fixture(u"dagger-inline.txt"_s) << u"curl request"_s
        << u"{ container { from(address: \"alpine\") { withExec(args: [\"uname\"]) { stdout } } } }"_s << QString()
        << u"http://127.0.0.1:{{DAGGER_SESSION_PORT}}/query"_s << u"dagger-session"_s << QString() << QString();
    QTest::newRow("PowerShell backticks, -u user:pass")
        << fixture(u"powershell.txt"_s) << u"curl request"_s << u"{ version }"_s << QString()
        << u"https://api.example.com/graphql"_s << u"http"_s << QString() << u"Authorization: Basic {{basicAuth}}"_s;
    QTest::newRow("application/graphql body, scheme-less URL")
        << u"curl -H 'Content-Type: application/graphql' -d 'query V { version }' localhost:3000/graphql"_s << u"V"_s
        << u"query V { version }"_s << QString() << u"http://localhost:3000/graphql"_s << u"dagster"_s << QString()
        << QString();
    QTest::newRow("prompt, --json, shell variable in a credential header")
        << u"$ curl 'http://127.0.0.1:3000/graphql' -H \"Authorization: Bearer $TOKEN\" --json '{\"query\":\"{ version }\",\"operationName\":null}'"_s
        << u"curl request"_s << u"{ version }"_s << QString() << u"http://127.0.0.1:3000/graphql"_s << u"dagster"_s
        << QString() << u"Authorization: Bearer {{TOKEN}}"_s;
    QTest::newRow("clustered short options, -XPOST, form body")
        << u"curl -sSL -XPOST http://localhost:8080/graphql -d 'query=%7B%20version%20%7D&operationName='"_s
        << u"curl request"_s << u"{ version }"_s << QString() << u"http://localhost:8080/graphql"_s << u"http"_s
        << QString() << QString();
    QTest::newRow("-G with --data-urlencode, other URL parameters kept")
        << u"curl -G 'https://api.example.com/graphql?tenant=a' --data-urlencode 'query={ version }' -H 'X-Api-Key: k-8f14e45fceea167a'"_s
        << u"curl request"_s << u"{ version }"_s << QString() << u"https://api.example.com/graphql?tenant=a"_s
        << u"http"_s << QString() << u"X-Api-Key: {{xApiKey}}"_s;
    QTest::newRow("GraphiQL-style GET: + as space, %2B kept, & encoded in --data-urlencode")
        << u"curl -G 'http://127.0.0.1:3000/graphql?query=query+Q(%24n%3A+Int)+%7B+add(n%3A+%24n%2B1)+%7D' --data-urlencode 'variables={\"n\":\"a&b\"}'"_s
        << u"Q"_s << u"query Q($n: Int) { add(n: $n+1) }"_s << QString() << u"http://127.0.0.1:3000/graphql"_s
        << u"dagster"_s << u"{\"n\":\"a&b\"}"_s << QString();
    QTest::newRow("credentials in the URL: user info and token parameters")
        << u"curl 'https://ada:pa55w0rd@api.example.com/graphql?tenant=a&access_token=8f14e45fceea167a&api-key={{key}}' -d '{\"query\":\"{ version }\"}'"_s
        << u"curl request"_s << u"{ version }"_s << QString()
        << u"https://api.example.com/graphql?tenant=a&access_token={{accessToken}}&api-key={{key}}"_s << u"http"_s
        << QString() << u"Authorization: Basic {{basicAuth}}"_s;
    QTest::newRow("-u with an explicit Authorization header: the header wins")
        << u"curl -u ada:pa55w0rd -H 'Authorization: Bearer {{jwt}}' -d '{\"query\":\"{ version }\"}' https://api.example.com/graphql"_s
        << u"curl request"_s << u"{ version }"_s << QString() << u"https://api.example.com/graphql"_s << u"http"_s
        << QString() << u"Authorization: Bearer {{jwt}}"_s;
    QTest::newRow("--url, --oauth2-bearer, -b cookie")
        << u"curl --url https://api.example.com/graphql --oauth2-bearer 8f14e45fceea167a -b 'sid=8f14e45fceea167a' -H 'content-type: application/json' -d '{\"query\":\"query Q($a: Int) { f(a: $a) }\",\"variables\":{\"a\":1}}'"_s
        << u"Q"_s << u"query Q($a: Int) { f(a: $a) }"_s << QString() << u"https://api.example.com/graphql"_s
        << u"http"_s << u"{\"a\":1}"_s << u"Authorization: Bearer {{token}}\nCookie: {{cookie}}"_s;
    QTest::newRow("several -d joined with &, operationName picks the operation")
        << u"curl http://x.example/graphql -d 'query=query A { a } query B { b }' -d 'operationName=B'"_s << u"B"_s
        << u"query A { a } query B { b }"_s << u"B"_s << u"http://x.example/graphql"_s << u"http"_s << QString()
        << QString();
}

void CurlCommandTest::parsesRealCommandLines()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, name);
    QFETCH(QString, document);
    QFETCH(QString, operationName);
    QFETCH(QString, url);
    QFETCH(QString, kind);
    QFETCH(QString, variables);
    QFETCH(QString, headers);

    QVERIFY(!commandLine.isEmpty());
    QVERIFY(looksLikeCurlCommand(commandLine));
    QString error = u"unset"_s;
    const auto request = parseCurlCommand(commandLine, &error);
    QVERIFY2(request, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(request->name, name);
    QCOMPARE(request->document, document);
    QCOMPARE(request->operationName, operationName);
    QCOMPARE(request->endpointUrl, url);
    QCOMPARE(request->endpointKind, kind);
    if (variables.isEmpty())
        QCOMPARE(request->variables, QString());
    else
        QCOMPARE(json(request->variables), json(variables));
    QCOMPARE(request->headers, headers);
    for (const QString &secret : {u"8f14e45fceea167a"_s, u"pa55w0rd"_s}) {
        QVERIFY2(!QString(request->headers + request->endpointUrl + request->variables).contains(secret),
                 qPrintable(request->headers));
    }
}

void CurlCommandTest::rejectsWhatIsNotAGraphQLRequest_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("message");
    QTest::newRow("JSON without query") << u"curl https://api.example.com/users -d '{\"name\":\"ada\"}'"_s
                                        << u"not a GraphQL request (no \"query\" string)"_s;
    QTest::newRow("not JSON") << u"curl https://x.example/graphql -d 'hello'"_s << u"the body is not JSON"_s;
    QTest::newRow("batched") << u"curl http://x.example/graphql -d '[{\"query\":\"{a}\"}]'"_s << u"batched"_s;
    QTest::newRow("multipart") << u"curl -F file=@a.png https://x.example/graphql"_s << u"multipart"_s;
    QTest::newRow("body from a file") << u"curl -d @body.json https://x.example/graphql"_s << u"read from a file"_s;
    QTest::newRow("no body, no ?query=") << u"curl https://x.example/graphql"_s << u"no GraphQL query"_s;
    QTest::newRow("no URL") << u"curl -X POST -d '{\"query\":\"{a}\"}'"_s << u"no URL"_s;
    QTest::newRow("missing value") << u"curl https://x.example/graphql -H"_s << u"the option -H needs a value"_s;
    QTest::newRow("unterminated quote") << u"curl 'https://x.example/graphql"_s << u"unterminated ' quote"_s;
    QTest::newRow("unterminated cmd quote")
        << u"curl ^\"https://x.example/graphql ^\n -d x"_s << u"unterminated \" quote"_s;
    QTest::newRow("not curl") << u"wget https://x.example/graphql"_s << u"not a curl command line"_s;
    QTest::newRow("empty") << QString() << u"not a curl command line"_s;
    QTest::newRow("empty query") << u"curl -d '{\"query\":\"  \"}' https://x.example/graphql"_s << u"empty"_s;
    QTest::newRow("GET with a body") << u"curl -X GET -d '{\"query\":\"{a}\"}' https://x.example/graphql"_s
                                     << u"use -G"_s;
}

void CurlCommandTest::rejectsWhatIsNotAGraphQLRequest()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parseCurlCommand(commandLine, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!parseCurlCommand(commandLine, nullptr)); // no error pointer: no crash
}

void CurlCommandTest::splitsLikeTheShell_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("quotes and continuation")
        << u"curl 'a b' \"c\\\"d\" e\\ f \\\n  g"_s << QStringList{u"curl"_s, u"a b"_s, u"c\"d"_s, u"e f"_s, u"g"_s};
    QTest::newRow("ANSI-C") << u"curl $'t\\tq\\'\\x41\\u00e9\\101\\n'"_s
                            << QStringList{u"curl"_s, u"t\tq'A\u00e9A\n"_s};
    QTest::newRow("variables") << u"curl \"$HOST/x\" ${PORT:-1} '$LITERAL' \\$NOT"_s
                               << QStringList{u"curl"_s, u"{{HOST}}/x"_s, u"{{PORT}}"_s, u"$LITERAL"_s, u"$NOT"_s};
    QTest::newRow("comment and pipe") << u"curl a # comment\n | jq"_s << QStringList{u"curl"_s, u"a"_s};
    QTest::newRow("cmd") << u"curl ^\"a b^\" ^\n  -H ^\"x: ^\\^\"y^\\^\"^\" ^%^PATH^%"_s
                         << QStringList{u"curl"_s, u"a b"_s, u"-H"_s, u"x: \"y\""_s, u"%PATH%"_s};
    QTest::newRow("cmd, old doubled quotes")
        << u"curl \"a \"\"q\"\" b\" ^\n -d x"_s << QStringList{u"curl"_s, u"a \"q\" b"_s, u"-d"_s, u"x"_s};
}

void CurlCommandTest::splitsLikeTheShell()
{
    QFETCH(QString, commandLine);
    QFETCH(QStringList, words);
    QString error;
    const auto split = CurlCommand::splitCommandLine(commandLine, &error);
    QVERIFY2(split, qPrintable(error));
    QCOMPARE(*split, words);
}

void CurlCommandTest::recognizesCurlCommandLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("curl");
    QTest::newRow("plain") << u"curl https://x"_s << true;
    QTest::newRow("leading space and prompt") << u"  $ curl -s x"_s << true;
    QTest::newRow("windows exe") << u"curl.exe ^\n -d x"_s << true;
    QTest::newRow("path") << u"/usr/bin/curl x"_s << true;
    QTest::newRow("shebang and dagger run") << u"#!/bin/sh\ndagger run --progress=plain sh -c 'curl -s x'"_s << true;
    QTest::newRow("a query") << u"query { curl }"_s << false;
    QTest::newRow("curly") << u"curly x"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void CurlCommandTest::recognizesCurlCommandLines()
{
    QFETCH(QString, text);
    QFETCH(bool, curl);
    QCOMPARE(looksLikeCurlCommand(text), curl);
}

QTEST_GUILESS_MAIN(CurlCommandTest)
#include "curlcommand_test.moc"
