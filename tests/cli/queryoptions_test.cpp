// SPDX-License-Identifier: MIT
// Sextant: `sextant query` option parsing and the --var/--variables merge, in process.
#include <cli/queryoptions.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Cli::QueryOptions;
using Sextant::Net::EndpointKind;

class QueryOptionsTest final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void mergeVariables_data();
    void mergeVariables();
    void endpoints();
    void errors_data();
    void errors();
    void operationAndTimeout();
    void variableReferences_data();
    void variableReferences();
    void variableReferenceErrors_data();
    void variableReferenceErrors();
    void httpFlags();
    void httpFlagErrors();

private:
    QTemporaryDir m_dir;
    QString writePrevious(const QByteArray &json, const QString &name = u"previous.json"_s);
};

void QueryOptionsTest::init()
{
    qunsetenv("DAGGER_SESSION_PORT");
    qunsetenv("DAGGER_SESSION_TOKEN");
}

void QueryOptionsTest::mergeVariables_data()
{
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("nothing") << QByteArray() << QStringList() << QByteArray();
    QTest::newRow("empty object kept") << QByteArray(" {} ") << QStringList() << QByteArray("{}");
    QTest::newRow("object order and big ints kept")
        << QByteArray(R"({ "z": 1, "a": 12345678901234567890, "n": {"x": [1, 2.50]} })") << QStringList()
        << QByteArray(R"({"z":1,"a":12345678901234567890,"n":{"x":[1,2.50]}})");
    QTest::newRow("var kinds")
        << QByteArray() << QStringList{u"s=hello"_s,     u"n=42"_s,        u"b=true"_s,   u"z=null"_s,
                                       u"l=[1,\"x\"]"_s, u"o={\"k\":1}"_s, u"q=\"42\""_s, u"lead=007"_s,
                                       u"e="_s,          u"sp= 5 "_s,      u"eq=a=b"_s,   u"big=98765432109876543210"_s,
                                       u"u=Zoë"_s}
        << QByteArray(R"({"s":"hello","n":42,"b":true,"z":null,"l":[1,"x"],"o":{"k":1},"q":"42","lead":"007",)"
                      R"("e":"","sp":5,"eq":"a=b","big":98765432109876543210,"u":"Zoë"})");
    QTest::newRow("var overrides in place, new keys appended")
        << QByteArray(R"({"a":1,"b":"x","c":3})") << QStringList{u"b=2"_s, u"d=hello"_s}
        << QByteArray(R"({"a":1,"b":2,"c":3,"d":"hello"})");
    QTest::newRow("later var wins") << QByteArray() << QStringList{u"a=1"_s, u"a=2"_s} << QByteArray(R"({"a":2})");
}

void QueryOptionsTest::mergeVariables()
{
    QFETCH(QByteArray, variables);
    QFETCH(QStringList, vars);
    QFETCH(QByteArray, expected);
    QString error;
    QCOMPARE(QueryOptions::mergeVariables(variables, vars, &error), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void QueryOptionsTest::endpoints()
{
    QString error;
    auto options = QueryOptions::parse({u"--dagster"_s}, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->endpoint.kind, EndpointKind::Dagster);
    QCOMPARE(options->endpoint.url, QUrl(u"http://127.0.0.1:3000/graphql"_s));

    options = QueryOptions::parse(
        {u"--endpoint"_s, u"https://api.example.com/graphql"_s, u"--header"_s, u"Authorization: Bearer x"_s}, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->endpoint.kind, EndpointKind::GenericHttp);
    QCOMPARE(options->endpoint.url, QUrl(u"https://api.example.com/graphql"_s));
    QCOMPARE(options->endpoint.headers.size(), 1);
    QCOMPARE(options->endpoint.headers.at(0).second, QByteArray("Bearer x"));

    qputenv("DAGGER_SESSION_PORT", "40001");
    qputenv("DAGGER_SESSION_TOKEN", "tok");
    options = QueryOptions::parse({u"--dagger"_s}, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->endpoint.kind, EndpointKind::DaggerSession);
    QCOMPARE(options->endpoint.url, QUrl(u"http://127.0.0.1:40001/query"_s));
    QCOMPARE(options->endpoint.timeoutMs, 0);

    options = QueryOptions::parse({u"-h"_s}, &error);
    QVERIFY(options && options->showHelp);
}

void QueryOptionsTest::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("no endpoint") << QStringList() << u"no endpoint: use --endpoint URL, --dagster or --dagger"_s;
    QTest::newRow("two endpoints") << QStringList{u"--dagster"_s, u"--endpoint=http://x/graphql"_s}
                                   << u"choose only one of --endpoint, --dagster and --dagger"_s;
    QTest::newRow("dagger unset") << QStringList{u"--dagger"_s}
                                  << u"--dagger needs DAGGER_SESSION_PORT and DAGGER_SESSION_TOKEN"_s;
    QTest::newRow("bad url") << QStringList{u"--endpoint"_s, u"localhost:3000"_s}
                             << u"invalid endpoint URL \"localhost:3000\""_s;
    QTest::newRow("bad var") << QStringList{u"--dagster"_s, u"--var"_s, u"novalue"_s}
                             << u"--var expects NAME=VALUE, got \"novalue\""_s;
    QTest::newRow("var without name") << QStringList{u"--dagster"_s, u"--var"_s, u"=1"_s}
                                      << u"--var expects NAME=VALUE"_s;
    QTest::newRow("variables not JSON") << QStringList{u"--dagster"_s, u"--variables"_s, u"{a:1}"_s}
                                        << u"--variables is not valid JSON"_s;
    QTest::newRow("variables not an object")
        << QStringList{u"--dagster"_s, u"--variables"_s, u"[1]"_s} << u"--variables must be a JSON object, got array"_s;
    QTest::newRow("bad header") << QStringList{u"--dagster"_s, u"--header"_s, u"NoColon"_s}
                                << u"invalid --header \"NoColon\": expected \"Name: value\""_s;
    QTest::newRow("comment header") << QStringList{u"--dagster"_s, u"--header"_s, u"# x: y"_s}
                                    << u"invalid --header \"# x: y\": expected \"Name: value\""_s;
    QTest::newRow("bad timeout") << QStringList{u"--dagster"_s, u"--timeout"_s, u"soon"_s}
                                 << u"--timeout expects a number of seconds (0 = no timeout), got \"soon\""_s;
    QTest::newRow("negative timeout") << QStringList{u"--dagster"_s, u"--timeout"_s, u"-1"_s} << u"--timeout expects"_s;
    QTest::newRow("unknown option") << QStringList{u"--dagster"_s, u"--frobnicate"_s}
                                    << u"Unknown option 'frobnicate'"_s;
    QTest::newRow("two positionals") << QStringList{u"--dagster"_s, u"A"_s, u"B"_s} << u"unexpected argument \"B\""_s;
}

void QueryOptionsTest::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedError);
    QString error;
    QVERIFY(!QueryOptions::parse(arguments, &error));
    QVERIFY2(error.startsWith(expectedError), qPrintable(error));
}

void QueryOptionsTest::operationAndTimeout()
{
    QString error;
    auto options = QueryOptions::parse({u"--dagster"_s, u"Launch"_s, u"--timeout"_s, u"2.5"_s}, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->request.operationName, u"Launch"_s);
    QCOMPARE(options->endpoint.timeoutMs, 2500);
    options = QueryOptions::parse({u"--dagster"_s, u"--operation"_s, u"Other"_s, u"--timeout=0"_s}, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->request.operationName, u"Other"_s);
    QCOMPARE(options->endpoint.timeoutMs, 0);
    QVERIFY(options->request.query.isEmpty());
    QVERIFY(options->request.variablesJson.isEmpty());
}

QString QueryOptionsTest::writePrevious(const QByteArray &json, const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size())
        return {};
    return path;
}

namespace {

// A saved `sextant query --dagger` result (PROTOCOLS.md §5.3): the tree ID feeds the next query.
const QByteArray kPrevious = R"({
  "data": {
    "git": {"branch": {"tree": {"id": "RGlyZWN0b3J5OjE="}}},
    "runsOrError": {"results": [{"runId": "r0"}, {"runId": "r1", "n": 12345678901234567890}]},
    "a b": {"list": [true, null, {"k": [1, 2.50]}]}
  }
})";

} // namespace

void QueryOptionsTest::variableReferences_data()
{
    QTest::addColumn<QString>("var");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("dagger id") << u"id=@%1:data.git.branch.tree.id"_s << QByteArray(R"({"id":"RGlyZWN0b3J5OjE="})");
    QTest::newRow("list index") << u"runId=@%1:data.runsOrError.results[1].runId"_s
                                << QByteArray(R"({"runId":"r1"})");
    QTest::newRow("big number exact") << u"n=@%1:data.runsOrError.results[1].n"_s
                                      << QByteArray(R"({"n":12345678901234567890})");
    QTest::newRow("quoted key, object value") << uR"(o=@%1:data["a b"].list[2])"_s
                                              << QByteArray(R"({"o":{"k":[1,2.50]}})");
    QTest::newRow("whole file") << u"all=@%1"_s
                                << QByteArray(R"({"all":{"data":{"git":{"branch":{"tree":{"id":"RGlyZWN0b3J5OjE="}}},)"
                                              R"("runsOrError":{"results":[{"runId":"r0"},{"runId":"r1","n":)"
                                              R"(12345678901234567890}]},"a b":{"list":[true,null,{"k":[1,2.50]}]}}}})");
}

void QueryOptionsTest::variableReferences()
{
    QFETCH(QString, var);
    QFETCH(QByteArray, expected);
    QVERIFY(m_dir.isValid());
    const QString file = writePrevious(kPrevious);
    QVERIFY(!file.isEmpty());
    QString error;
    const auto options = QueryOptions::parse({u"--dagster"_s, u"--var"_s, var.arg(file)}, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->request.variablesJson, expected);

    // A file name with a colon in it still splits at the right colon.
    const QString colonFile = writePrevious(kPrevious, u"run:1.json"_s);
    QVERIFY(!colonFile.isEmpty());
    const auto again = QueryOptions::parse({u"--dagster"_s, u"--var"_s, var.arg(colonFile)}, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->request.variablesJson, expected);
}

void QueryOptionsTest::variableReferenceErrors_data()
{
    QTest::addColumn<QString>("var");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("missing file") << u"id=@%1/missing.json:data.id"_s
                                  << u"--var id: cannot read \"%1/missing.json\": No such file or directory"_s;
    QTest::newRow("bad path") << u"id=@%1/previous.json:data..git"_s
                              << u"--var id: bad path \"data..git\": expected a name at character 6"_s;
    QTest::newRow("member not found")
        << u"id=@%1/previous.json:data.git.branch.commit.id"_s
        << u"--var id: path data.git.branch.commit.id not found in \"%1/previous.json\": data.git.branch has no member \"commit\""_s;
    QTest::newRow("index out of range")
        << u"id=@%1/previous.json:data.runsOrError.results[5].runId"_s
        << u"--var id: path data.runsOrError.results[5].runId not found in \"%1/previous.json\": data.runsOrError.results has no index 5 (2 items)"_s;
    QTest::newRow("index into object")
        << u"id=@%1/previous.json:data.git[0]"_s
        << u"--var id: path data.git[0] not found in \"%1/previous.json\": data.git is object, not a list to index with [0]"_s;
    QTest::newRow("member of scalar")
        << u"id=@%1/previous.json:data.runsOrError.results[0].runId.x"_s
        << u"--var id: path data.runsOrError.results[0].runId.x not found in \"%1/previous.json\": data.runsOrError.results[0].runId is string, not an object with \"x\""_s;
    QTest::newRow("empty path") << u"id=@%1/previous.json:"_s
                                << u"--var id: empty path after \"%1/previous.json:\""_s;
    QTest::newRow("not json") << u"id=@%1/notjson.txt:data"_s << u"--var id: \"%1/notjson.txt\" is not valid JSON: "_s;
    QTest::newRow("no file") << u"id=@"_s << u"--var id: expected @FILE or @FILE:PATH"_s;
}

void QueryOptionsTest::variableReferenceErrors()
{
    QFETCH(QString, var);
    QFETCH(QString, expectedError);
    QVERIFY(m_dir.isValid());
    QVERIFY(!writePrevious(kPrevious).isEmpty());
    QVERIFY(!writePrevious("not json", u"notjson.txt"_s).isEmpty());
    QString error;
    const QString dir = m_dir.path();
    QVERIFY(!QueryOptions::parse({u"--dagster"_s, u"--var"_s, var.contains(u"%1"_s) ? var.arg(dir) : var}, &error));
    const QString expected = expectedError.contains(u"%1"_s) ? expectedError.arg(dir) : expectedError;
    QVERIFY2(error.startsWith(expected), qPrintable(error + u"\n  expected: "_s + expected));
    QVERIFY(!error.contains(u'\n'));
}

void QueryOptionsTest::httpFlags()
{
    QString error;
    auto options = QueryOptions::parse({u"--endpoint"_s, u"https://127.0.0.1:8443/graphql"_s}, &error);
    QVERIFY2(options, qPrintable(error));
    QVERIFY(!options->endpoint.useGetForQueries);
    QVERIFY(!options->endpoint.allowCrossOriginRedirects);
    QVERIFY(options->trustedCertificates.isEmpty());

    const QString colons =
        u"C3:82:81:8A:ED:6F:AD:BC:14:1B:65:FE:4F:B5:BA:41:BC:25:DE:38:63:34:5A:D7:CE:38:26:7B:98:20:B8:ED"_s;
    const QString plain = u"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"_s;
    options = QueryOptions::parse({u"--endpoint"_s, u"https://127.0.0.1:8443/graphql"_s, u"--get"_s,
                                   u"--allow-cross-origin-redirects"_s, u"--trust-certificate"_s, colons,
                                   u"--trust-certificate="_s + plain, u"--timeout"_s, u"0"_s},
                                  &error);
    QVERIFY2(options, qPrintable(error));
    QVERIFY(options->endpoint.useGetForQueries);
    QVERIFY(options->endpoint.allowCrossOriginRedirects);
    QCOMPARE(options->endpoint.timeoutMs, 0);
    QCOMPARE(options->trustedCertificates.size(), 2);
    QCOMPARE(options->trustedCertificates.at(0).toHex(), QByteArray("c382818aed6fadbc141b65fe4fb5ba41bc25de3863345ad7ce38267b9820b8ed"));
    QCOMPARE(options->trustedCertificates.at(1).toHex(), plain.toLatin1());

    const QString help = QueryOptions::helpText();
    for (const QString &flag : {u"--get"_s, u"--allow-cross-origin-redirects"_s, u"--trust-certificate SHA256"_s,
                                u"--timeout SECONDS"_s})
        QVERIFY2(help.contains(flag), qPrintable(flag));
}

void QueryOptionsTest::httpFlagErrors()
{
    QString error;
    QVERIFY(!QueryOptions::parse({u"--dagster"_s, u"--trust-certificate"_s, u"AB:CD"_s}, &error));
    QVERIFY2(error.startsWith(u"--trust-certificate expects a SHA-256 fingerprint"_s), qPrintable(error));
    QVERIFY(!QueryOptions::parse({u"--dagster"_s, u"--trust-certificate"_s}, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(QueryOptionsTest)
#include "queryoptions_test.moc"
