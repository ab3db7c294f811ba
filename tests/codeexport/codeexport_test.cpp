// SPDX-License-Identifier: MIT
// Sextant: the text of exported snippets: languages per endpoint kind, quoting, secrets as environment variables.
#include <net/codeexport.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;

namespace {

const QString token = u"tok-6f1e-SECRET"_s;

EndpointProfile dagger()
{
    EndpointProfile profile = EndpointProfile::daggerSession(41234, token);
    profile.headers = {{"Authorization", "Bearer hdr-SECRET-1"},
                       {"Cookie", "sid=hdr-SECRET-2"},
                       {"X-Api-Key", "hdr-SECRET-3"},
                       {"X-My-Session-Id", "hdr-SECRET-4"},
                       {"X-Trace", "trace-7"}};
    return profile;
}

EndpointProfile generic()
{
    EndpointProfile profile;
    profile.url = QUrl(u"https://user:pw-SECRET@example.test/api/graphql"_s);
    profile.headers = {{"Authorization", "Basic hdr-SECRET-1"}, {"X-Trace", "it's $x"}};
    return profile;
}

QList<CodeLanguage> allLanguages()
{
    return {CodeLanguage::Curl,          CodeLanguage::PythonRequests, CodeLanguage::PythonDagsterClient,
            CodeLanguage::JavaScriptFetch, CodeLanguage::RustGqlClient, CodeLanguage::Php};
}

/// The single-quoted shell words of a line, unquoted ('\'' joins), as bash reads them.
QString shellUnquote(const QString &word)
{
    QString out;
    bool quoted = false;
    for (qsizetype i = 0; i < word.size(); ++i) {
        const QChar c = word[i];
        if (c == u'\'') {
            quoted = !quoted;
        } else if (!quoted && c == u'\\' && i + 1 < word.size()) {
            out += word[++i];
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

class CodeExportTest final : public QObject
{
    Q_OBJECT

private slots:
    void languagesPerKind();
    void ids();
    void credentialHeaders();
    void noSecretInAnySnippet();
    void curlDagger();
    void curlQuotesAnyDocument();
    void curlGenericKeepsUrlAndBody();
    void pythonRequests();
    void pythonStringsAreEscaped();
    void javascriptFetch();
    void javascriptBigIntegersSendExactBody();
    void rustGqlClient();
    void php();
    void dagsterClientMethodMapping();
    void dagsterClientFallbacks();
    void unparsableVariables();
    void credentialQueryParameters();
    void curlGetForQueries();
};

void CodeExportTest::languagesPerKind()
{
    QVERIFY(CodeExport::languagesFor(EndpointKind::Dagster).contains(CodeLanguage::PythonDagsterClient));
    QVERIFY(!CodeExport::languagesFor(EndpointKind::DaggerSession).contains(CodeLanguage::PythonDagsterClient));
    QVERIFY(!CodeExport::languagesFor(EndpointKind::GenericHttp).contains(CodeLanguage::PythonDagsterClient));
    QCOMPARE(CodeExport::languagesFor(EndpointKind::GenericHttp).size(), 5);
    QCOMPARE(CodeExport::languagesFor(EndpointKind::GenericHttp).first(), CodeLanguage::Curl);
}

void CodeExportTest::ids()
{
    for (CodeLanguage language : allLanguages()) {
        QCOMPARE(CodeExport::languageFromId(CodeExport::languageId(language)), language);
        QVERIFY(!CodeExport::languageName(language).isEmpty());
        QVERIFY(!CodeExport::fileSuffix(language).isEmpty());
    }
    QVERIFY(!CodeExport::languageFromId(u"cobol"_s));
    QCOMPARE(CodeExport::languageName(CodeLanguage::PythonRequests), u"Python (requests)"_s);
}

void CodeExportTest::credentialHeaders()
{
    for (const QByteArray name : {"Authorization", "proxy-authorization", "Cookie", "X-Api-Key", "X-Auth-Token",
                                  "Client-Secret", "X-Password", "apikey", "X-Session"})
        QVERIFY2(CodeExport::isCredentialHeader(name), name.constData());
    for (const QByteArray name : {"Accept", "X-Trace", "User-Agent", "X-Request-Id", "Content-Language"})
        QVERIFY2(!CodeExport::isCredentialHeader(name), name.constData());
    QCOMPARE(CodeExport::placeholderName("Authorization"), u"SEXTANT_AUTHORIZATION"_s);
    QCOMPARE(CodeExport::placeholderName("X-Api-Key"), u"SEXTANT_X_API_KEY"_s);
    QCOMPARE(CodeExport::placeholderName("x.weird key"), u"SEXTANT_X_WEIRD_KEY"_s);
}

void CodeExportTest::noSecretInAnySnippet()
{
    GraphQLRequest request;
    request.query = u"query Q($id: ID!) { node(id: $id) { id } }"_s;
    request.operationName = u"Q"_s;
    request.variablesJson = R"({"id": "1"})";
    for (const EndpointProfile &profile : {dagger(), generic(), EndpointProfile::dagster()}) {
        for (CodeLanguage language : allLanguages()) {
            const QString snippet = CodeExport::generate(language, profile, request);
            QVERIFY2(!snippet.contains(u"SECRET"_s), qPrintable(snippet));
            QVERIFY(!snippet.contains(token));
            QVERIFY(snippet.contains(u"node(id: $id)"_s) || snippet.contains(u"node(id: \\$id)"_s));
            if (profile.kind == EndpointKind::DaggerSession)
                QVERIFY2(snippet.contains(u"DAGGER_SESSION_TOKEN"_s), qPrintable(snippet));
            if (profile.headers.size() > 1) {
                QVERIFY2(snippet.contains(u"SEXTANT_AUTHORIZATION"_s), qPrintable(snippet));
                QVERIFY2(snippet.contains(u"X-Trace"_s), qPrintable(snippet)); // plain headers are copied
            }
        }
    }
}

void CodeExportTest::curlDagger()
{
    GraphQLRequest request;
    request.query = u"{ defaultPlatform }"_s;
    const QString snippet = CodeExport::generate(CodeLanguage::Curl, dagger(), request);
    QVERIFY2(snippet.contains(u"-u \"$DAGGER_SESSION_TOKEN:\""_s), qPrintable(snippet));
    QVERIFY2(snippet.contains(u"\"http://127.0.0.1:${DAGGER_SESSION_PORT}/query\""_s), qPrintable(snippet));
    QVERIFY(snippet.contains(u"-H 'Content-Type: application/json'"_s));
    QVERIFY(snippet.contains(u"-H 'Accept: application/graphql-response+json, application/json;q=0.9'"_s));
    QVERIFY(snippet.contains(u"-H \"Authorization: $SEXTANT_AUTHORIZATION\""_s));
    QVERIFY(snippet.contains(u"-H \"Cookie: $SEXTANT_COOKIE\""_s));
    QVERIFY(snippet.contains(u"-H \"X-My-Session-Id: $SEXTANT_X_MY_SESSION_ID\""_s));
    QVERIFY(snippet.contains(u"-H 'X-Trace: trace-7'"_s));
    QVERIFY(snippet.contains(u"--data-binary '{\"query\":\"{ defaultPlatform }\"}'"_s));
    QVERIFY(!snippet.contains(u"--max-time"_s)); // Dagger sessions have no timeout
    QVERIFY(snippet.contains(u"# Set SEXTANT_AUTHORIZATION to the value of the Authorization header"_s));
}

void CodeExportTest::curlQuotesAnyDocument()
{
    GraphQLRequest request;
    request.query = u"# it's \"x\" `y` $HOME \\ ü 🚀\n{ a(s: \"'\\\\'\") }"_s;
    request.variablesJson = R"({"v": "'; rm -rf / #"})";
    const QString snippet = CodeExport::generate(CodeLanguage::Curl, generic(), request);
    const QString dataLine = snippet.section(u"--data-binary "_s, 1).section(u" \\\n"_s, 0, 0);
    QCOMPARE(shellUnquote(dataLine).toUtf8(), request.toJsonBody());
    // Only '\'' sequences leave the quotes.
    QVERIFY(dataLine.startsWith(u'\'') && dataLine.endsWith(u'\''));
}

void CodeExportTest::curlGenericKeepsUrlAndBody()
{
    GraphQLRequest request;
    request.query = u"{ a }"_s;
    const QString snippet = CodeExport::generate(CodeLanguage::Curl, generic(), request);
    QVERIFY2(snippet.contains(u"'https://example.test/api/graphql'"_s), qPrintable(snippet));
    QVERIFY(snippet.contains(u"--max-time 60"_s));
    QVERIFY(snippet.contains(u"user name and password in the endpoint URL were left out"_s));
    QVERIFY(snippet.contains(u"-H 'X-Trace: it'\\''s $x'"_s));
    QVERIFY(!snippet.contains(u"DAGGER"_s));
}

void CodeExportTest::pythonRequests()
{
    GraphQLRequest request;
    request.query = u"query Q {\n  a\n}"_s;
    request.operationName = u"Q"_s;
    request.variablesJson = R"({"n": 1, "f": 2.5e3, "t": true, "z": null, "l": [], "o": {}, "big": 123456789012345678901})";
    const QString snippet = CodeExport::generate(CodeLanguage::PythonRequests, dagger(), request);
    QVERIFY2(snippet.contains(u"\"query\": \"\"\"query Q {\n  a\n}\"\"\""_s), qPrintable(snippet));
    QVERIFY(snippet.contains(u"\"operationName\": \"Q\""_s));
    QVERIFY(snippet.contains(u"\"t\": True"_s));
    QVERIFY(snippet.contains(u"\"z\": None"_s));
    QVERIFY(snippet.contains(u"\"f\": 2.5e3"_s));
    QVERIFY(snippet.contains(u"\"o\": {}"_s));
    QVERIFY(snippet.contains(u"\"big\": 123456789012345678901"_s));
    QVERIFY(snippet.contains(u"auth=(os.environ[\"DAGGER_SESSION_TOKEN\"], \"\")"_s));
    QVERIFY(snippet.contains(u"\"http://127.0.0.1:\" + os.environ[\"DAGGER_SESSION_PORT\"] + \"/query\""_s));
    QVERIFY(snippet.contains(u"\"Authorization\": os.environ[\"SEXTANT_AUTHORIZATION\"],  # credential"_s));
    QVERIFY(snippet.contains(u"timeout=None"_s));
}

void CodeExportTest::pythonStringsAreEscaped()
{
    GraphQLRequest request;
    request.query = u"{ a(s: \"\\\"\\\"\\\"\") } # \"\"\" \\ \r\x01 ü"_s; // one line: a plain "…" string
    const QString snippet = CodeExport::generate(CodeLanguage::PythonRequests, generic(), request);
    QVERIFY2(snippet.contains(u"\"query\": \"{ a(s: \\\"\\\\\\\"\\\\\\\"\\\\\\\"\\\") } # \\\"\\\"\\\" \\\\ \\r\\x01 ü\""_s),
             qPrintable(snippet));
    request.query += u"\n\"\"\""_s; // several lines: """…""" with every " escaped
    const QString triple = CodeExport::generate(CodeLanguage::PythonRequests, generic(), request);
    QVERIFY2(triple.contains(u"# \\\"\\\"\\\" \\\\ \\r\\x01 ü\n\\\"\\\"\\\"\"\"\""_s), qPrintable(triple));
}

void CodeExportTest::javascriptFetch()
{
    GraphQLRequest request;
    request.query = u"query Q {\n  a # `tick` ${x} \\ \r\n}"_s;
    request.operationName = u"Q"_s;
    request.variablesJson = R"({"s": "a\u2028b", "o": {"k": [1, false]}})";
    const QString snippet = CodeExport::generate(CodeLanguage::JavaScriptFetch, dagger(), request);
    QVERIFY2(snippet.contains(u"query: `query Q {\n  a # \\`tick\\` \\${x} \\\\ \\r\n}`"_s), qPrintable(snippet));
    QVERIFY(snippet.contains(u"operationName: \"Q\""_s));
    QVERIFY(snippet.contains(u"\"s\": \"a\\u2028b\""_s));
    QVERIFY(snippet.contains(u"Authorization: \"Basic \" + btoa(`${process.env.DAGGER_SESSION_TOKEN}:`)"_s));
    QVERIFY(snippet.contains(u"\"X-Api-Key\": process.env.SEXTANT_X_API_KEY, // credential"_s));
    QVERIFY(snippet.contains(u"process.env.DAGGER_SESSION_PORT"_s));
    QVERIFY(!snippet.contains(u"AbortSignal.timeout"_s));
    QVERIFY(CodeExport::generate(CodeLanguage::JavaScriptFetch, generic(), request)
                .contains(u"AbortSignal.timeout(60000)"_s));
}

void CodeExportTest::javascriptBigIntegersSendExactBody()
{
    GraphQLRequest request;
    request.query = u"{ a }"_s;
    request.variablesJson = R"({"id": 9007199254740993})";
    const QString snippet = CodeExport::generate(CodeLanguage::JavaScriptFetch, generic(), request);
    QVERIFY2(snippet.contains(u"const body = \"{\\\"query\\\":\\\"{ a }\\\",\\\"variables\\\":{\\\"id\\\": 9007199254740993}}\";"_s),
             qPrintable(snippet));
}

void CodeExportTest::rustGqlClient()
{
    GraphQLRequest request;
    request.query = u"query {\n  a(s: \"x\\\"#y\")\n}"_s;
    request.variablesJson = R"({"s": "q\"\\", "l": [1, {"a": null}]})";
    const QString snippet = CodeExport::generate(CodeLanguage::RustGqlClient, dagger(), request);
    QVERIFY2(snippet.contains(u"let query = r##\"query {\n  a(s: \"x\\\"#y\")\n}\"##;"_s), qPrintable(snippet));
    QVERIFY(snippet.contains(u"serde_json::json!({"_s));
    QVERIFY(snippet.contains(u"\"s\": \"q\\\"\\\\\""_s));
    QVERIFY(snippet.contains(u"std::env::var(\"DAGGER_SESSION_TOKEN\")?"_s));
    QVERIFY(snippet.contains(u"std::env::var(\"SEXTANT_COOKIE\")?"_s));
    QVERIFY(snippet.contains(u".query_with_vars::<serde_json::Value, _>(query, variables)"_s));
    QVERIFY(snippet.contains(u"Client::new_with_config(ClientConfig {"_s));
}

void CodeExportTest::php()
{
    GraphQLRequest request;
    request.query = u"{ a(s: \"it's \\\\ x\") }"_s;
    request.operationName = u"Op'1"_s;
    request.variablesJson = R"({"o": {}})";
    const QString snippet = CodeExport::generate(CodeLanguage::Php, dagger(), request);
    QVERIFY(snippet.startsWith(u"<?php\n"_s));
    QVERIFY2(snippet.contains(u"$query = '{ a(s: \"it\\'s \\\\\\\\ x\") }';"_s), qPrintable(snippet));
    QVERIFY(snippet.contains(u"$payload['operationName'] = 'Op\\'1';"_s));
    QVERIFY(snippet.contains(u"json_decode('{\"o\": {}}', false, 512, JSON_THROW_ON_ERROR)"_s));
    QVERIFY(snippet.contains(u"CURLOPT_USERPWD => getenv('DAGGER_SESSION_TOKEN') . ':'"_s));
    QVERIFY(snippet.contains(u"'Authorization: ' . getenv('SEXTANT_AUTHORIZATION'), // credential"_s));
    QVERIFY(snippet.contains(u"curl_init($url)"_s));
    QVERIFY(snippet.contains(u"CURLOPT_HTTPHEADER => $headers"_s));
}

void CodeExportTest::dagsterClientMethodMapping()
{
    const EndpointProfile profile = EndpointProfile::dagster(QUrl(u"http://127.0.0.1:3000/graphql"_s));
    GraphQLRequest status;
    status.query = u"query S($id: ID!) { runOrError(runId: $id) { __typename } }"_s;
    status.variablesJson = R"({"id": "abc"})";
    QString snippet = CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, status);
    QVERIFY2(snippet.contains(u"client = DagsterGraphQLClient(\"127.0.0.1\", port_number=3000, timeout=60)"_s),
             qPrintable(snippet));
    QVERIFY(snippet.contains(u"status = client.get_run_status(\"abc\")"_s));

    GraphQLRequest terminate;
    terminate.query = u"mutation { terminateRun(runId: \"r-1\") { __typename } }"_s;
    QVERIFY(CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, terminate)
                .contains(u"client.terminate_run(\"r-1\")"_s));

    GraphQLRequest launch;
    launch.query = u"mutation L { launchRun(executionParams: {selector: {jobName: \"quick_job\", "
                   u"repositoryLocationName: \"loc\", repositoryName: \"__repository__\"}, runConfigData: $c, "
                   u"executionMetadata: {tags: [{key: \"k\", value: \"v\"}]}}) { __typename } }"_s;
    launch.variablesJson = R"({"c": {"ops": {"greet": {"config": {"repeat": 2}}}}})";
    snippet = CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, launch);
    QVERIFY2(snippet.contains(u"run_id = client.submit_job_execution(\n    \"quick_job\",\n"
                              u"    repository_location_name=\"loc\",\n    repository_name=\"__repository__\",\n"_s),
             qPrintable(snippet));
    QVERIFY(snippet.contains(u"run_config={\n        \"ops\": {"_s));
    QVERIFY(snippet.contains(u"tags={\"k\": \"v\"}"_s));

    // Another path than /graphql: the client gets a transport of its own.
    EndpointProfile prefixed = EndpointProfile::dagster(QUrl(u"https://dagster.test/prefix/graphql"_s));
    QVERIFY(CodeExport::generate(CodeLanguage::PythonDagsterClient, prefixed, status)
                .contains(u"DagsterGraphQLClient(\"dagster.test\", use_https=True, path_prefix=\"/prefix\""_s));
    EndpointProfile odd = EndpointProfile::dagster(QUrl(u"http://127.0.0.1:3000/gql"_s));
    QVERIFY(CodeExport::generate(CodeLanguage::PythonDagsterClient, odd, status)
                .contains(u"transport=RequestsHTTPTransport(url=\"http://127.0.0.1:3000/gql\""_s));
}

void CodeExportTest::dagsterClientFallbacks()
{
    const EndpointProfile profile = EndpointProfile::dagster();
    GraphQLRequest request;
    // Unknown variable value, extra selection, a selector the client cannot express: the document is sent as is.
    for (const QString &query :
         {u"query S($id: ID!) { runOrError(runId: $id) { __typename } }"_s,
          u"{ version runOrError(runId: \"x\") { __typename } }"_s,
          u"mutation { launchRun(executionParams: {selector: {jobName: \"j\", assetSelection: []}}) { __typename } }"_s}) {
        request.query = query;
        const QString snippet = CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, request);
        QVERIFY2(snippet.contains(u"data = client._execute(query, None)"_s), qPrintable(snippet));
        QVERIFY(snippet.contains(u"internal method"_s));
    }
    request.query = u"query A { version } query B { version }"_s;
    request.operationName = u"B"_s;
    const QString snippet = CodeExport::generate(CodeLanguage::PythonDagsterClient, profile, request);
    QVERIFY2(snippet.contains(u"client._client.execute(gql(query), variable_values=None, operation_name=\"B\")"_s),
             qPrintable(snippet));
}

void CodeExportTest::unparsableVariables()
{
    GraphQLRequest request;
    request.query = u"{ a }"_s;
    request.variablesJson = "{\"a\": 1,}";
    QVERIFY(CodeExport::generate(CodeLanguage::PythonRequests, generic(), request)
                .contains(u"\"variables\": json.loads(\"{\\\"a\\\": 1,}\")"_s));
    QVERIFY(CodeExport::generate(CodeLanguage::JavaScriptFetch, generic(), request).contains(u"const body = \""_s));
    request.variablesJson = "  null ";
    QVERIFY(!CodeExport::generate(CodeLanguage::PythonRequests, generic(), request).contains(u"variables"_s));
}

void CodeExportTest::credentialQueryParameters()
{
    EndpointProfile profile;
    profile.url = QUrl(u"https://api.test:8443/graphql?tenant=a%20b&access_token=q-SECRET&x=$y"_s);
    GraphQLRequest request;
    request.query = u"{ a }"_s;
    const QString curl = CodeExport::generate(CodeLanguage::Curl, profile, request);
    QVERIFY2(curl.contains(u"\"https://api.test:8443/graphql?tenant=a%20b&access_token=${SEXTANT_QUERY_ACCESS_TOKEN}&x=\\$y\""_s),
             qPrintable(curl));
    QVERIFY(curl.contains(u"Set SEXTANT_QUERY_ACCESS_TOKEN (the URL parameter access_token, URL-encoded)"_s));
    for (CodeLanguage language : allLanguages()) {
        const QString snippet = CodeExport::generate(language, profile, request);
        QVERIFY2(!snippet.contains(u"SECRET"_s), qPrintable(snippet));
        QVERIFY2(snippet.contains(u"SEXTANT_QUERY_ACCESS_TOKEN"_s), qPrintable(snippet));
    }
    QVERIFY(CodeExport::generate(CodeLanguage::PythonRequests, profile, request)
                .contains(u"url = \"https://api.test:8443/graphql?tenant=a%20b&access_token=\" + "
                          u"os.environ[\"SEXTANT_QUERY_ACCESS_TOKEN\"] + \"&x=$y\""_s));
    QVERIFY(CodeExport::generate(CodeLanguage::RustGqlClient, profile, request)
                .contains(u"let endpoint = [\"https://api.test:8443/graphql?tenant=a%20b&access_token=\".to_string(), "
                          u"std::env::var(\"SEXTANT_QUERY_ACCESS_TOKEN\")?, \"&x=$y\".to_string()].concat();"_s));
}

void CodeExportTest::curlGetForQueries()
{
    EndpointProfile profile = generic();
    profile.useGetForQueries = true;
    GraphQLRequest request;
    request.query = u"query Q($n: Int) { a(n: $n) } mutation M { b }"_s;
    request.operationName = u"Q"_s;
    request.variablesJson = R"({"n": 1})";
    const QString get = CodeExport::generate(CodeLanguage::Curl, profile, request);
    QVERIFY2(get.contains(u"curl -sS --max-time 60 -G"_s), qPrintable(get));
    QVERIFY(get.contains(u"--data-urlencode 'query=query Q($n: Int) { a(n: $n) } mutation M { b }'"_s));
    QVERIFY(get.contains(u"--data-urlencode 'operationName=Q'"_s));
    QVERIFY(get.contains(u"--data-urlencode 'variables={\"n\": 1}'"_s));
    QVERIFY(!get.contains(u"--data-binary"_s));
    QVERIFY(!get.contains(u"Content-Type"_s));
    request.operationName = u"M"_s; // mutations stay POST
    const QString post = CodeExport::generate(CodeLanguage::Curl, profile, request);
    QVERIFY(!post.contains(u" -G"_s));
    QVERIFY(post.contains(u"--data-binary"_s));
}

QTEST_GUILESS_MAIN(CodeExportTest)
#include "codeexport_test.moc"
