// SPDX-License-Identifier: MIT
// Sextant: runs the exported snippets (bash+curl, Python, Node.js) against the Dagger session stand-in and Dagster.
#include <net/codeexport.h>

#include <support/serverprocess.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;

namespace {

/// Skips the current test function when the runtime of a language is missing (bash+curl, node; Python is the venv's).
bool runtimeMissing(CodeLanguage language)
{
    if (language == CodeLanguage::Curl)
        return QStandardPaths::findExecutable(u"curl"_s).isEmpty() || QStandardPaths::findExecutable(u"bash"_s).isEmpty();
    if (language == CodeLanguage::JavaScriptFetch)
        return QStandardPaths::findExecutable(u"node"_s).isEmpty();
    return false;
}

// Everything a shell, Python, JavaScript, Rust or PHP string could get wrong, and non-ASCII beyond the BMP.
const QString tricky = u"it's \"quoted\" \\back\\slash $HOME ${PATH} `whoami` '\\'' ü 🚀 \\n tab\there\nline two"_s;

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class CodeExportRunTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void daggerSnippets_data();
    void daggerSnippets();
    void daggerWithoutTokenIsRefused();
    void dagsterSnippets_data();
    void dagsterSnippets();
    void dagsterClientMethods();
    void dagsterCurlGet();
    void rustSyntax();
    void phpSyntax();

private:
    Outcome run(CodeLanguage language, const QString &snippet, const QString &name);
    QProcessEnvironment environment() const;
    EndpointProfile daggerProfile() const;
    EndpointProfile dagsterProfile() const;

    ServerProcess m_dagger;
    ServerProcess m_dagster;
    QTemporaryDir m_dir;
    QString m_token;
    bool m_withToken = true;
};

void CodeExportRunTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_token = u"e2e-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    QVERIFY2(m_dagger.start(u"tests/servers/dagger_session.py"_s, {u"--port"_s, u"0"_s, u"--token"_s, m_token}, 60000,
                            &error),
             qPrintable(error));
    QVERIFY2(m_dagster.start(u"tests/servers/dagster_server.py"_s, {}, 240000, &error), qPrintable(error));
}

void CodeExportRunTest::cleanupTestCase()
{
    m_dagger.stop();
    m_dagster.stop();
}

QProcessEnvironment CodeExportRunTest::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"http_proxy"_s, u"https_proxy"_s, u"HTTP_PROXY"_s, u"HTTPS_PROXY"_s, u"ALL_PROXY"_s,
                                u"all_proxy"_s})
        env.remove(name);
    env.insert(u"NO_PROXY"_s, u"127.0.0.1,localhost"_s);
    env.remove(u"DAGGER_SESSION_TOKEN"_s);
    if (m_withToken)
        env.insert(u"DAGGER_SESSION_TOKEN"_s, m_token);
    env.insert(u"DAGGER_SESSION_PORT"_s, QString::number(m_dagger.port()));
    env.insert(u"SEXTANT_X_API_KEY"_s, u"from-the-environment"_s);
    return env;
}

Outcome CodeExportRunTest::run(CodeLanguage language, const QString &snippet, const QString &name)
{
    const QString path = m_dir.filePath(name + u'.' + CodeExport::fileSuffix(language));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(snippet.toUtf8());
    file.close();

    QString program;
    switch (language) {
    case CodeLanguage::Curl: program = u"bash"_s; break;
    case CodeLanguage::PythonRequests:
    case CodeLanguage::PythonDagsterClient: program = ServerProcess::pythonPath(); break;
    case CodeLanguage::JavaScriptFetch: program = u"node"_s; break;
    default: return {};
    }
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_dir.path());
    process.start(program, {path});
    Outcome outcome;
    if (!process.waitForStarted(10000))
        return outcome;
    process.closeWriteChannel();
    if (!process.waitForFinished(90000)) {
        process.kill();
        process.waitForFinished(5000);
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    return outcome;
}

EndpointProfile CodeExportRunTest::daggerProfile() const
{
    EndpointProfile profile = EndpointProfile::daggerSession(m_dagger.port(), m_token);
    profile.headers = {{"X-Api-Key", "s3cr3t-header-value"}, {"X-Trace", "plain 'value' $x"}};
    return profile;
}

EndpointProfile CodeExportRunTest::dagsterProfile() const
{
    EndpointProfile profile = EndpointProfile::dagster(m_dagster.url(u"/graphql"_s));
    profile.headers = {{"X-Api-Key", "s3cr3t-header-value"}};
    return profile;
}

void CodeExportRunTest::daggerSnippets_data()
{
    QTest::addColumn<int>("language");
    QTest::newRow("curl") << int(CodeLanguage::Curl);
    QTest::newRow("python") << int(CodeLanguage::PythonRequests);
    QTest::newRow("javascript") << int(CodeLanguage::JavaScriptFetch);
}

void CodeExportRunTest::daggerSnippets()
{
    QFETCH(int, language);
    const auto lang = CodeLanguage(language);
    if (runtimeMissing(lang))
        QSKIP("the language's runtime (curl and bash, or node) is not installed");
    GraphQLRequest request;
    // A literal string with the same characters (GraphQL escapes) and a comment full of quotes.
    request.query = u"# it's a \"comment\" with `backticks`, $HOME, \\ and '\\'' ü 🚀\n"
                    u"query Tricky($s: String!) {\n"
                    u"  fromVariable: directory { withNewFile(path: \"v.txt\", contents: $s) {\n"
                    u"    file(path: \"v.txt\") { contents } } }\n"
                    u"  literal: directory { withNewFile(path: \"l.txt\", contents: \"it's \\\"q\\\" \\\\ $HOME `x` ü 🚀\") {\n"
                    u"    file(path: \"l.txt\") { contents } } }\n"
                    u"}\n"
                    u"query Other { defaultPlatform }\n"_s;
    request.operationName = u"Tricky"_s;
    request.variablesJson = "{\"s\": " + GraphQLRequest::jsonString(tricky) + "}";

    const QString snippet = CodeExport::generate(lang, daggerProfile(), request);
    QVERIFY2(!snippet.contains(m_token), "the session token is in the snippet");
    QVERIFY2(!snippet.contains(u"s3cr3t-header-value"_s), "a credential header's value is in the snippet");

    const Outcome outcome = run(lang, snippet, u"dagger-"_s + CodeExport::languageId(lang));
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    QJsonParseError parseError;
    const QJsonDocument reply = QJsonDocument::fromJson(outcome.out, &parseError);
    QVERIFY2(reply.isObject(), outcome.out.constData());
    const QJsonObject data = reply.object().value(u"data"_s).toObject();
    QVERIFY2(!reply.object().contains(u"errors"_s), outcome.out.constData());
    QCOMPARE(data.value(u"fromVariable"_s)[u"withNewFile"_s][u"file"_s][u"contents"_s].toString(), tricky);
    QCOMPARE(data.value(u"literal"_s)[u"withNewFile"_s][u"file"_s][u"contents"_s].toString(),
             u"it's \"q\" \\ $HOME `x` ü 🚀"_s);
}

void CodeExportRunTest::daggerWithoutTokenIsRefused()
{
    // The snippet really authenticates with the environment's token: without it the session answers 401.
    GraphQLRequest request;
    request.query = u"{ defaultPlatform }"_s;
    m_withToken = false;
    const Outcome outcome = run(CodeLanguage::PythonRequests,
                                CodeExport::generate(CodeLanguage::PythonRequests, daggerProfile(), request),
                                u"dagger-no-token"_s);
    m_withToken = true;
    QVERIFY(outcome.exitCode != 0); // os.environ["DAGGER_SESSION_TOKEN"] raises KeyError
    QVERIFY2(outcome.err.contains("DAGGER_SESSION_TOKEN"), outcome.err.constData());

    const QString curl = CodeExport::generate(CodeLanguage::Curl, daggerProfile(), request);
    QProcessEnvironment env = environment();
    env.insert(u"DAGGER_SESSION_TOKEN"_s, u"wrong"_s);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(u"bash"_s, {u"-c"_s, curl.section(u'\n', 1).trimmed() + u" -w '%{http_code}' -o /dev/null"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.readAllStandardOutput().trimmed(), QByteArray("401"));
}

void CodeExportRunTest::dagsterSnippets_data()
{
    QTest::addColumn<int>("language");
    QTest::newRow("curl") << int(CodeLanguage::Curl);
    QTest::newRow("python") << int(CodeLanguage::PythonRequests);
    QTest::newRow("python-dagster") << int(CodeLanguage::PythonDagsterClient);
    QTest::newRow("javascript") << int(CodeLanguage::JavaScriptFetch);
}

void CodeExportRunTest::dagsterSnippets()
{
    QFETCH(int, language);
    const auto lang = CodeLanguage(language);
    if (runtimeMissing(lang))
        QSKIP("the language's runtime (curl and bash, or node) is not installed");
    GraphQLRequest request;
    request.query = u"# it's a \"comment\" with `backticks`, $HOME, \\ and '\\'' ü 🚀\n"
                    u"query Other { version }\n"
                    u"query Tricky($s: String!) {\n  version\n  run: __type(name: \"Run\") { name }\n"
                    u"  missing: __type(name: $s) { name }\n}\n"_s;
    request.operationName = u"Tricky"_s;
    request.variablesJson = "{\"s\": " + GraphQLRequest::jsonString(tricky) + "}";

    const QString snippet = CodeExport::generate(lang, dagsterProfile(), request);
    QVERIFY(!snippet.contains(u"s3cr3t-header-value"_s));
    const Outcome outcome = run(lang, snippet, u"dagster-"_s + CodeExport::languageId(lang));
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    const QJsonDocument reply = QJsonDocument::fromJson(outcome.out);
    QVERIFY2(reply.isObject(), outcome.out.constData());
    QVERIFY2(!reply.object().contains(u"errors"_s), outcome.out.constData());
    const QJsonObject data = reply.object().value(u"data"_s).toObject();
    QVERIFY2(!data.value(u"version"_s).toString().isEmpty(), outcome.out.constData());
    QCOMPARE(data.value(u"run"_s)[u"name"_s].toString(), u"Run"_s);
    QVERIFY(data.contains(u"missing"_s));
    QVERIFY(data.value(u"missing"_s).isNull());
}

void CodeExportRunTest::dagsterClientMethods()
{
    const EndpointProfile profile = dagsterProfile();
    const QString location = m_dagster.value(u"LOCATION"_s);
    const QString repository = m_dagster.value(u"REPOSITORY"_s);
    QVERIFY(!location.isEmpty());

    // launchRun → submit_job_execution, which prints the new run's id.
    GraphQLRequest launch;
    launch.query = u"mutation Launch($executionParams: ExecutionParams!) {\n"
                   u"  launchRun(executionParams: $executionParams) { __typename ... on LaunchRunSuccess { run { runId } } }\n}\n"_s;
    launch.variablesJson = QJsonDocument(QJsonObject{
                                             {u"executionParams"_s,
                                              QJsonObject{{u"selector"_s,
                                                           QJsonObject{{u"repositoryLocationName"_s, location},
                                                                       {u"repositoryName"_s, repository},
                                                                       {u"jobName"_s, u"quick_job"_s}}},
                                                          {u"runConfigData"_s, QJsonObject{}},
                                                          {u"executionMetadata"_s,
                                                           QJsonObject{{u"tags"_s, QJsonArray{QJsonObject{
                                                                                       {u"key"_s, u"sextant"_s},
                                                                                       {u"value"_s, tricky}}}}}}}}})
                               .toJson();
    const QString launchSnippet = CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, launch);
    QVERIFY2(launchSnippet.contains(u"client.submit_job_execution("_s), qPrintable(launchSnippet));
    Outcome outcome = run(CodeLanguage::PythonDagsterClient, launchSnippet, u"dagster-launch"_s);
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    const QString runId = QString::fromUtf8(outcome.out).trimmed();
    QVERIFY2(!QUuid::fromString(runId).isNull(), outcome.out.constData());

    // runOrError(runId:) → get_run_status, which prints a DagsterRunStatus value.
    GraphQLRequest status;
    status.query = u"query Status($runId: ID!) { runOrError(runId: $runId) { __typename ... on Run { status } } }"_s;
    status.variablesJson = "{\"runId\": \"" + runId.toUtf8() + "\"}";
    const QString statusSnippet = CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, status);
    QVERIFY(statusSnippet.contains(u"client.get_run_status("_s));
    outcome = run(CodeLanguage::PythonDagsterClient, statusSnippet, u"dagster-status"_s);
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    const QStringList statuses{u"QUEUED"_s,   u"NOT_STARTED"_s, u"STARTING"_s, u"STARTED"_s,
                               u"SUCCESS"_s,  u"FAILURE"_s,     u"CANCELING"_s, u"CANCELED"_s, u"MANAGED"_s};
    QVERIFY2(statuses.contains(QString::fromUtf8(outcome.out).trimmed()), outcome.out.constData());

    // reloadRepositoryLocation with a literal argument → reload_repository_location.
    GraphQLRequest reload;
    reload.query = u"mutation { reloadRepositoryLocation(repositoryLocationName: "_s
        + QString::fromUtf8(GraphQLRequest::jsonString(location)) + u") { __typename } }"_s;
    const QString reloadSnippet = CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, reload);
    QVERIFY(reloadSnippet.contains(u"client.reload_repository_location("_s));
    outcome = run(CodeLanguage::PythonDagsterClient, reloadSnippet, u"dagster-reload"_s);
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    QVERIFY2(outcome.out.startsWith("SUCCESS"), outcome.out.constData());

    // A single operation the client has no method for → _execute (internal, commented as such).
    GraphQLRequest other;
    other.query = u"{ version }"_s;
    const QString otherSnippet = CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, other);
    QVERIFY(otherSnippet.contains(u"client._execute(query, None)"_s));
    QVERIFY(otherSnippet.contains(u"internal method"_s));
    outcome = run(CodeLanguage::PythonDagsterClient, otherSnippet, u"dagster-execute"_s);
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    QVERIFY(!QJsonDocument::fromJson(outcome.out)[u"data"_s][u"version"_s].toString().isEmpty());
}

void CodeExportRunTest::dagsterCurlGet()
{
    // A profile that sends queries as GET (PROTOCOLS.md §1.4): the curl snippet uses -G --data-urlencode.
    EndpointProfile profile = dagsterProfile();
    profile.useGetForQueries = true;
    GraphQLRequest request;
    request.query = u"query Tricky($s: String!) { version t: __type(name: $s) { name } }"_s;
    request.operationName = u"Tricky"_s;
    request.variablesJson = "{\"s\": " + GraphQLRequest::jsonString(tricky) + "}";
    const QString snippet = CodeExport::generate(CodeLanguage::Curl, profile, request);
    QVERIFY(snippet.contains(u" -G"_s));
    const Outcome outcome = run(CodeLanguage::Curl, snippet, u"dagster-get"_s);
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    const QJsonObject reply = QJsonDocument::fromJson(outcome.out).object();
    QVERIFY2(!reply.value(u"data"_s)[u"version"_s].toString().isEmpty(), outcome.out.constData());
    QVERIFY(!reply.contains(u"errors"_s));
}

void CodeExportRunTest::rustSyntax()
{
    // No gql_client crate offline: the Rust snippet is checked for syntax only (rustfmt parses it).
    const QString rustfmt = QStandardPaths::findExecutable(u"rustfmt"_s);
    if (rustfmt.isEmpty())
        QSKIP("rustfmt is not installed: the Rust snippet's syntax cannot be checked here");
    GraphQLRequest request;
    request.query = u"query Tricky($s: String!) {\n  # \"# and \"## in a comment\n  __type(name: $s) { name }\n}\n"_s;
    request.variablesJson = "{\"s\": " + GraphQLRequest::jsonString(tricky)
        + ", \"n\": [1, 2.5, -3e2, true, null, {}], \"big\": 123456789012345678901234}";
    for (const EndpointProfile &profile : {daggerProfile(), dagsterProfile()}) {
        for (const QByteArray &variables : {request.variablesJson, QByteArray("{\"s\": \"x\", \"o\": {\"a\": [{}]}}")}) {
            GraphQLRequest variant = request;
            variant.variablesJson = variables;
            const QString path = m_dir.filePath(u"snippet.rs"_s);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            const QString snippet = CodeExport::generate(CodeLanguage::RustGqlClient, profile, variant);
            QVERIFY(!snippet.contains(m_token));
            file.write(snippet.toUtf8());
            file.close();
            QProcess process;
            process.start(rustfmt, {u"--edition"_s, u"2021"_s, u"--emit"_s, u"stdout"_s, path});
            QVERIFY(process.waitForFinished(60000));
            QVERIFY2(process.exitCode() == 0, QByteArray(process.readAllStandardError() + '\n' + snippet.toUtf8()).constData());
        }
    }
}

void CodeExportRunTest::phpSyntax()
{
    const QString php = QStandardPaths::findExecutable(u"php"_s);
    if (php.isEmpty())
        QSKIP("php is not installed on this machine: the PHP snippet cannot be linted or run here");
    GraphQLRequest request;
    request.query = tricky;
    request.variablesJson = "{\"s\": " + GraphQLRequest::jsonString(tricky) + "}";
    const QString path = m_dir.filePath(u"snippet.php"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(CodeExport::generate(CodeLanguage::Php, daggerProfile(), request).toUtf8());
    file.close();
    QProcess process;
    process.start(php, {u"-l"_s, path});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardOutput().constData());
}

QTEST_GUILESS_MAIN(CodeExportRunTest)
#include "codeexport_run_test.moc"
