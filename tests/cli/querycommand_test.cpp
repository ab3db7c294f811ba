// SPDX-License-Identifier: MIT
// Sextant: the `sextant query` executable end to end against FakeHttpServer — exit codes, stdout, stderr.
#include <support/fakehttpserver.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#endif
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int processTimeoutMs = 30000;

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString sextantBinary()
{
    return QStringLiteral(SEXTANT_BINARY_DIR "/sextant");
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DAGGER_SESSION_PORT", "DAGGER_SESSION_TOKEN", "http_proxy", "https_proxy", "HTTP_PROXY",
                             "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) {
        environment.remove(QString::fromLatin1(name));
    }
    return environment;
}

/// Runs the executable without blocking the event loop, so the in-process FakeHttpServer can answer.
Run runSextant(const QStringList &arguments, const QByteArray &standardInput,
               const QProcessEnvironment &environment = cleanEnvironment())
{
    Run run;
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(sextantBinary(), arguments);
    if (!process.waitForStarted(processTimeoutMs))
        return run;
    process.write(standardInput);
    process.closeWriteChannel();
    if (finished.isEmpty() && !finished.wait(processTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList queryArgs(const FakeHttpServer &server, const QStringList &more = {})
{
    return QStringList{u"query"_s, u"--endpoint"_s, server.url().toString()} + more;
}

QJsonObject requestJson(const FakeHttpServer &server)
{
    return QJsonDocument::fromJson(server.lastRequest().body).object();
}

} // namespace

class QueryCommandTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void version();
    void help();
    void successPrintsIndentedJsonInServerOrder();
    void responseErrorsExitOne_data();
    void responseErrorsExitOne();
    void rateLimitedShowsStatusAndRetryAfter();
    void failuresExitTwo_data();
    void failuresExitTwo();
    void transportErrorExitsTwo();
    void timeoutExitsTwo();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void variablesMerge();
    void variableFromPreviousResult();
    void daggerFromEnvironment();
    void headersAndOperation();
    void getFlagSendsGet();
    void tlsErrorShowsCertificateAndTrustFlagAcceptsIt();
};

void QueryCommandTest::initTestCase()
{
    QVERIFY2(QFileInfo(sextantBinary()).isExecutable(), qPrintable(sextantBinary() + u" is not built"_s));
}

void QueryCommandTest::version()
{
    for (const QString &flag : {u"--version"_s, u"-v"_s}) {
        const Run run = runSextant({flag}, {});
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("sextant " SEXTANT_VERSION "\n"));
    }
}

void QueryCommandTest::help()
{
    const Run run = runSextant({u"query"_s, u"--help"_s}, {});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Usage: sextant query"));
    QVERIFY(run.out.contains("--var NAME=VALUE"));
    QVERIFY(run.out.contains("VALUE is used as JSON when it is a JSON value"));
    QVERIFY(run.out.contains("--var NAME=@FILE:PATH"));
    QVERIFY(run.err.isEmpty());

    const Run top = runSextant({u"--help"_s}, {});
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.out.contains("sextant query [options]"));
}

void QueryCommandTest::successPrintsIndentedJsonInServerOrder()
{
    FakeHttpServer server;
    const QByteArray body = R"({"data":{"zeta":1,"alpha":{"big":12345678901234567890,"list":[true,null,"é\n"]}}})";
    server.enqueue(FakeHttpServer::json(200, body));
    const Run run = runSextant(queryArgs(server), "{ zeta alpha { big list } }\n");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QVERIFY(run.out.endsWith("}\n"));
    QVERIFY(run.out.contains("\n  \"data\": {\n    \"zeta\": 1,"));      // indented
    QVERIFY(run.out.indexOf("\"zeta\"") < run.out.indexOf("\"alpha\"")); // server order, not sorted
    QVERIFY(run.out.contains("12345678901234567890"));                   // exact digits
    const QByteArray escapedString = R"("é\n")";
    QVERIFY(run.out.contains(escapedString));
    QCOMPARE(QJsonDocument::fromJson(run.out), QJsonDocument::fromJson(body));
    QCOMPARE(requestJson(server).value(u"query"_s).toString(), u"{ zeta alpha { big list } }\n"_s);
    QVERIFY(!requestJson(server).contains(u"variables"_s));
    QVERIFY(!requestJson(server).contains(u"operationName"_s));
}

void QueryCommandTest::responseErrorsExitOne_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expectedErr");
    QTest::newRow("execution error, partial data")
        << 200 << QByteArray(R"({"data":{"a":null},"errors":[{"message":"boom","path":["a"]}]})")
        << QByteArray("sextant: the response has 1 error: boom\n");
    QTest::newRow("Dagster 400 validation, two errors")
        << 400
        << QByteArray(
               R"({"data": null, "errors": [{"message": "Cannot query field 'x' on type 'Query'."}, {"message": "second"}]})")
        << QByteArray("sextant: HTTP 400 Bad Request: the response has 2 errors: Cannot query field 'x' on type "
                      "'Query'.\n");
    QTest::newRow("gqlgen 422") << 422 << QByteArray(R"({"errors":[{"message":"Unknown type \"Foo\"."}],"data":null})")
                                << QByteArray("sextant: HTTP 422 Unprocessable Entity: the response has 1 error: "
                                              "Unknown type \"Foo\".\n");
}

void QueryCommandTest::responseErrorsExitOne()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expectedErr);
    FakeHttpServer server;
    server.enqueue(FakeHttpServer::json(status, body));
    const Run run = runSextant(queryArgs(server), "{ a }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, expectedErr);
    QCOMPARE(QJsonDocument::fromJson(run.out), QJsonDocument::fromJson(body)); // the response is still printed
}

void QueryCommandTest::rateLimitedShowsStatusAndRetryAfter()
{
    FakeHttpServer server;
    FakeHttpServer::Response response = FakeHttpServer::json(429, R"({"errors":[{"message":"rate limit exceeded"}]})");
    response.reason = "Too Many Requests";
    response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("120")));
    server.enqueue(response);
    const Run run = runSextant(queryArgs(server), "{ a }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QByteArray("sextant: HTTP 429 Too Many Requests: the response has 1 error: rate limit exceeded — "
                                 "retry after 120 s\n"));
}

void QueryCommandTest::failuresExitTwo_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expectedErr");
    QTest::newRow("HTML 502")
        << 502 << QByteArray("text/html") << QByteArray("<html><body>Bad gateway</body></html>")
        << QByteArray("sextant: HTTP 502 Bad Gateway: the server returned an HTML page, not a GraphQL response\n");
    QTest::newRow("empty 200") << 200 << QByteArray("application/json") << QByteArray()
                               << QByteArray("sextant: HTTP 200: empty response body\n");
    QTest::newRow("text 200") << 200 << QByteArray("text/plain") << QByteArray("pong")
                              << QByteArray("sextant: HTTP 200: the body is not JSON (text/plain): pong\n");
}

void QueryCommandTest::failuresExitTwo()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expectedErr);
    FakeHttpServer server;
    server.enqueue(FakeHttpServer::text(status, body, contentType));
    const Run run = runSextant(queryArgs(server), "{ a }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, expectedErr);
    QVERIFY(run.out.isEmpty());
}

void QueryCommandTest::transportErrorExitsTwo()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString url = u"http://127.0.0.1:%1/graphql"_s.arg(port);
    const Run run = runSextant({u"query"_s, u"--endpoint"_s, url}, "{ a }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(QString::fromUtf8(run.err),
             u"sextant: Connection refused by 127.0.0.1:%1 — is the server running?\n"_s.arg(port));
    QVERIFY(run.out.isEmpty());
}

void QueryCommandTest::timeoutExitsTwo()
{
    FakeHttpServer server;
    FakeHttpServer::Response never = FakeHttpServer::json(200, "{}");
    never.delayMs = -1;
    server.setDefaultResponse(never);
    const Run run = runSextant(queryArgs(server, {u"--timeout"_s, u"0.3"_s}), "{ a }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("sextant: No response from 127.0.0.1:"), run.err.constData());
    QVERIFY(run.err.contains("timed out"));
}

void QueryCommandTest::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("standardInput");
    QTest::addColumn<QByteArray>("expectedErr");
    QTest::newRow("empty stdin") << QStringList{u"--dagster"_s} << QByteArray()
                                 << QByteArray("sextant: no GraphQL document on standard input\n");
    QTest::newRow("blank stdin") << QStringList{u"--dagster"_s} << QByteArray(" \n\t\n")
                                 << QByteArray("sextant: no GraphQL document on standard input\n");
    QTest::newRow("no endpoint")
        << QStringList() << QByteArray("{ a }")
        << QByteArray("sextant: no endpoint: use --endpoint URL, --dagster or --dagger (see sextant query --help)\n");
    QTest::newRow("dagger without environment")
        << QStringList{u"--dagger"_s} << QByteArray("{ a }")
        << QByteArray(
               "sextant: --dagger needs DAGGER_SESSION_PORT and DAGGER_SESSION_TOKEN (run inside `dagger run`)\n");
    QTest::newRow("bad --var") << QStringList{u"--dagster"_s, u"--var"_s, u"x"_s} << QByteArray("{ a }")
                               << QByteArray("sextant: --var expects NAME=VALUE, got \"x\"\n");
    QTest::newRow("--variables array") << QStringList{u"--dagster"_s, u"--variables"_s, u"[]"_s} << QByteArray("{ a }")
                                       << QByteArray("sextant: --variables must be a JSON object, got array\n");
    QTest::newRow("--var from a missing file")
        << QStringList{u"--dagster"_s, u"--var"_s, u"id=@no-such-previous.json:data.git.branch.tree.id"_s}
        << QByteArray("{ a }")
        << QByteArray("sextant: --var id: cannot read \"no-such-previous.json\": No such file or directory\n");
    QTest::newRow("unknown option") << QStringList{u"--nope"_s} << QByteArray("{ a }")
                                    << QByteArray("sextant: Unknown option 'nope'. (see sextant query --help)\n");
}

void QueryCommandTest::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, standardInput);
    QFETCH(QByteArray, expectedErr);
    const Run run = runSextant(QStringList{u"query"_s} + arguments, standardInput);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, expectedErr);
    QVERIFY(run.out.isEmpty());
}

void QueryCommandTest::variablesMerge()
{
    FakeHttpServer server;
    const Run run =
        runSextant(queryArgs(server, {u"--variables"_s, uR"({"a":1,"b":"x","big":12345678901234567890})"_s, u"--var"_s,
                                      u"b=2"_s, u"--var"_s, u"c=hello"_s, u"--var"_s, u"d=[1,\"x\"]"_s,
                                      u"--var=e=true"_s, u"--var"_s, u"f=007"_s, u"--var"_s, u"g=\"42\""_s}),
                   "query Q($a: Int) { a }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QByteArray body = server.lastRequest().body;
    const QByteArray expected =
        R"(,"variables":{"a":1,"b":2,"big":12345678901234567890,"c":"hello","d":[1,"x"],"e":true,"f":"007","g":"42"}})";
    QVERIFY2(body.endsWith(expected), body.constData());
}

void QueryCommandTest::variableFromPreviousResult()
{
    // Dagger ID chaining (PROTOCOLS.md §5.3): save one result, feed its tree ID to the next query.
    FakeHttpServer server;
    server.enqueue(FakeHttpServer::json(200, R"({"data":{"git":{"branch":{"tree":{"id":"RGlyZWN0b3J5OnNyYw=="}}}}})"));
    const Run first = runSextant(queryArgs(server), R"({ git(url: "x") { branch(name: "main") { tree { id } } } })");
    QVERIFY(first.finished);
    QCOMPARE(first.exitCode, 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString previous = dir.filePath(u"previous.json"_s);
    QFile file(previous);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(first.out), first.out.size());
    file.close();

    server.enqueue(FakeHttpServer::json(200, R"({"data":{"container":{"id":"C1"}}})"));
    const Run second = runSextant(
        queryArgs(server, {u"--var"_s, u"directoryId=@"_s + previous + u":data.git.branch.tree.id"_s}),
        R"(query($directoryId: DirectoryID!) { container { withDirectory(path: "/src", directory: $directoryId) { id } } })");
    QVERIFY(second.finished);
    QCOMPARE(second.exitCode, 0);
    const QByteArray body = server.lastRequest().body;
    QVERIFY2(body.endsWith(R"(,"variables":{"directoryId":"RGlyZWN0b3J5OnNyYw=="}})"), body.constData());
}

void QueryCommandTest::daggerFromEnvironment()
{
    FakeHttpServer server;
    server.enqueue(FakeHttpServer::json(200, R"({"data":{"container":{"id":"Y29udGFpbmVy"}}})"));
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(u"DAGGER_SESSION_PORT"_s, QString::number(server.port()));
    environment.insert(u"DAGGER_SESSION_TOKEN"_s, u"9c1e-session-token"_s);
    const Run run = runSextant({u"query"_s, u"--dagger"_s}, "{ container { id } }", environment);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("Y29udGFpbmVy"));
    QCOMPARE(server.lastRequest().path, QByteArray("/query"));
    QCOMPARE(server.lastRequest().header("Authorization"), "Basic " + QByteArray("9c1e-session-token:").toBase64());

    // A port without a token is refused before any request.
    environment.remove(u"DAGGER_SESSION_TOKEN"_s);
    const Run refused = runSextant({u"query"_s, u"--dagger"_s}, "{ container { id } }", environment);
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(refused.err, QByteArray("sextant: DAGGER_SESSION_TOKEN must be set when DAGGER_SESSION_PORT is set\n"));
    QCOMPARE(server.requestCount(), 1);
}

void QueryCommandTest::headersAndOperation()
{
    FakeHttpServer server;
    const Run run = runSextant(queryArgs(server, {u"--header"_s, u"X-Team: sextant"_s, u"--header"_s,
                                                  u"Authorization: Bearer abc"_s, u"--operation"_s, u"B"_s}),
                               "query A { a } query B { b }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(server.lastRequest().header("X-Team"), QByteArray("sextant"));
    QCOMPARE(server.lastRequest().header("Authorization"), QByteArray("Bearer abc"));
    QCOMPARE(requestJson(server).value(u"operationName"_s).toString(), u"B"_s);

    const Run positional = runSextant(queryArgs(server, {u"A"_s}), "query A { a } query B { b }");
    QCOMPARE(positional.exitCode, 0);
    QCOMPARE(requestJson(server).value(u"operationName"_s).toString(), u"A"_s);
}

void QueryCommandTest::getFlagSendsGet()
{
    FakeHttpServer server;
    Run run = runSextant(queryArgs(server, {u"--get"_s}), "{ a(x: \"1+1\") }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(server.lastRequest().method, QByteArray("GET"));
    QCOMPARE(server.lastRequest().path, QByteArray("/graphql?query=%7B%20a%28x%3A%20%221%2B1%22%29%20%7D"));
    run = runSextant(queryArgs(server, {u"--get"_s}), "mutation { a }");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(server.lastRequest().method, QByteArray("POST"));
}

void QueryCommandTest::tlsErrorShowsCertificateAndTrustFlagAcceptsIt()
{
#if QT_CONFIG(ssl)
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QFile certFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/tls/selfsigned.crt"));
    QFile keyFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/tls/selfsigned.key"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(certFile.readAll(), QSsl::Pem);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslServer server;
    server.setSslConfiguration(configuration);
    QHash<QSslSocket *, QByteArray> buffers;
    connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&] {
        while (auto *socket = qobject_cast<QSslSocket *>(server.nextPendingConnection())) {
            connect(socket, &QSslSocket::readyRead, socket, [&buffers, socket] {
                QByteArray &buffer = buffers[socket];
                buffer += socket->readAll();
                const qsizetype end = buffer.indexOf("\r\n\r\n");
                const qsizetype lengthAt = buffer.toLower().indexOf("content-length:");
                if (end < 0 || lengthAt < 0)
                    return;
                const qsizetype length =
                    buffer.mid(lengthAt + 15, buffer.indexOf('\r', lengthAt) - lengthAt - 15).trimmed().toLongLong();
                if (buffer.size() < end + 4 + length)
                    return;
                const QByteArray body = R"({"data":{"secure":true}})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString url = u"https://127.0.0.1:%1/graphql"_s.arg(server.serverPort());
    const QString fingerprint =
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());

    Run run = runSextant({u"query"_s, u"--endpoint"_s, url}, "{ secure }");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QByteArray("sextant: TLS error from 127.0.0.1:" + QByteArray::number(server.serverPort()))),
             run.err.constData());
    QVERIFY2(run.err.contains(QByteArray("SHA-256 " + fingerprint.toLatin1())), run.err.constData());
    QVERIFY2(run.err.contains(QByteArray("add --trust-certificate " + fingerprint.toLatin1())), run.err.constData());
    QVERIFY(run.out.isEmpty());

    run = runSextant({u"query"_s, u"--endpoint"_s, url, u"--trust-certificate"_s, fingerprint}, "{ secure }");
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("\"secure\": true"));
#else
    QSKIP("Qt without TLS");
#endif
}

QTEST_GUILESS_MAIN(QueryCommandTest)
#include "querycommand_test.moc"
