// SPDX-License-Identifier: MIT
// Sextant: `sextant query` option parsing and the --var/--variables merge, in process.
#include <cli/queryoptions.h>

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

QTEST_GUILESS_MAIN(QueryOptionsTest)
#include "queryoptions_test.moc"
