// SPDX-License-Identifier: MIT
// Sextant: Run with an environment: {{name}} substituted in URL, headers and variables; unknown names stop it.
#include <app/run/requestpreparation.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class RequestEnvironmentTest final : public QObject
{
    Q_OBJECT

private slots:
    void substitutes();
    void problems_data();
    void problems();
    void jsonErrorPointsIntoTheTypedText();
    void oldOverloadUnchanged();
    void endpointOnly();

private:
    static App::RequestInputs inputs();
};

namespace {
const QString Token = u"tok-\"9\\x-31"_s; // never printed
}

App::RequestInputs RequestEnvironmentTest::inputs()
{
    App::RequestInputs in;
    in.document = u"query Q($id: ID) { node(id: $id) { id } }"_s;
    in.urlText = u"{{baseUrl}}/graphql"_s;
    in.headersText = u"Authorization: Bearer {{ token }}\nX-Trace: {{trace}}-{{trace}}"_s;
    in.variablesText = u"{\"id\": \"{{id}}\", \"first\": {{pageSize}}, \"note\": \"{{token}}\"}"_s;
    in.operationAtCursor = 0;
    App::RequestEnvironment environment;
    environment.name = u"Staging"_s;
    environment.values = {{u"baseUrl"_s, u"http://127.0.0.1:4000"_s},
                          {u"token"_s, Token},
                          {u"trace"_s, u"t1"_s},
                          {u"id"_s, u"42"_s},
                          {u"pageSize"_s, u"20"_s}};
    in.environment = environment;
    return in;
}

void RequestEnvironmentTest::substitutes()
{
    const App::PreparedRequest prepared = App::prepareRequest(inputs());
    QVERIFY2(prepared.isValid(), qPrintable(prepared.problem.message));
    QCOMPARE(prepared.url, u"http://127.0.0.1:4000/graphql"_s);
    QCOMPARE(prepared.headers.size(), 2);
    QCOMPARE(prepared.headers[0].first, QByteArray("Authorization"));
    QVERIFY2(prepared.headers[0].second == (u"Bearer "_s + Token).toUtf8(), "the token was not substituted");
    QCOMPARE(prepared.headers[1].second, QByteArray("t1-t1"));
    const QJsonObject variables = QJsonDocument::fromJson(prepared.request.variablesJson).object();
    QCOMPARE(variables.value("id"_L1).toString(), u"42"_s);  // "{{id}}" stays a string
    QCOMPARE(variables.value("first"_L1).toInt(), 20);       // {{pageSize}} outside a string is a number
    QVERIFY(variables.value("note"_L1).toString() == Token); // JSON-escaped, so it parses back exactly
    QCOMPARE(prepared.request.query, inputs().document);     // the document is never substituted
}

void RequestEnvironmentTest::problems_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<bool>("withEnvironment");
    QTest::addColumn<QStringList>("unread");
    QTest::addColumn<int>("input");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QString url = u"{{baseUrl}}/graphql"_s;
    QTest::newRow("unknown in URL")
        << u"http://{{host}}/graphql"_s << QString() << QString() << true << QStringList()
        << int(App::RequestInput::Url)
        << u"{{host}} in the URL, column 8 is not defined in the environment \u201cStaging\u201d. Nothing was sent."_s
        << 1 << 8;
    QTest::newRow("unknown in headers") << url << u"A: 1\nB: x {{nope}}"_s << QString() << true << QStringList()
                                        << int(App::RequestInput::Headers)
                                        << u"{{nope}} in Headers, line 2, column 6 is not defined"_s << 2 << 6;
    QTest::newRow("unknown in variables, others listed")
        << url << QString() << u"{\n  \"a\": \"{{x}}\",\n  \"b\": {{y}}\n}"_s << true << QStringList()
        << int(App::RequestInput::Variables)
        << u"{{x}} in Variables, line 2, column 9 is not defined in the environment \u201cStaging\u201d. Also unknown: {{y}} (Variables, line 3, column 8). Nothing was sent."_s
        << 2 << 9;
    QTest::newRow("URL first, then headers")
        << u"{{a}}"_s << u"X: {{b}}"_s << QString() << true << QStringList() << int(App::RequestInput::Url)
        << u"Also unknown: {{b}} (Headers, line 1, column 4)."_s << 1 << 1;
    QTest::newRow("no environment selected")
        << url << QString() << QString() << false << QStringList() << int(App::RequestInput::Url)
        << u"{{baseUrl}} in the URL, column 1 needs an environment"_s << 1 << 1;
    QTest::newRow("secret not read yet")
        << url << u"Authorization: Bearer {{token}}"_s << QString() << true << QStringList{u"token"_s}
        << int(App::RequestInput::Headers)
        << u"is a secret of the environment \u201cStaging\u201d whose value is not available"_s << 1 << 23;
    QTest::newRow("line break into a header") << url << u"X-A: {{multi}}"_s << QString() << true << QStringList()
                                              << int(App::RequestInput::Headers) << u"holds a line break"_s << 1 << 6;
    QTest::newRow("not an http URL after substitution")
        << u"{{scheme}}://x"_s << QString() << QString() << true << QStringList() << int(App::RequestInput::Url)
        << u"not an http(s) URL once the environment"_s << 1 << 1;
    QTest::newRow("empty URL") << QString() << QString() << QString() << true << QStringList()
                               << int(App::RequestInput::Url) << u"Enter an endpoint URL"_s << 1 << 1;
}

void RequestEnvironmentTest::problems()
{
    QFETCH(QString, url);
    QFETCH(QString, headers);
    QFETCH(QString, variables);
    QFETCH(bool, withEnvironment);
    QFETCH(QStringList, unread);
    QFETCH(int, input);
    QFETCH(QString, messageContains);
    QFETCH(int, line);
    QFETCH(int, column);
    App::RequestInputs in = inputs();
    in.urlText = url;
    in.headersText = headers;
    in.variablesText = variables;
    in.environment->values.insert(u"multi"_s, u"a\r\nX-Injected: 1"_s);
    in.environment->values.insert(u"scheme"_s, u"ftp"_s);
    in.environment->unreadSecrets = unread;
    if (!withEnvironment)
        in.environment.reset();
    const App::PreparedRequest prepared = App::prepareRequest(in);
    QVERIFY(!prepared.isValid());
    QCOMPARE(int(prepared.problem.input), input);
    QVERIFY2(prepared.problem.message.contains(messageContains), qPrintable(prepared.problem.message));
    QVERIFY(prepared.problem.message.endsWith(u"Nothing was sent."_s));
    QVERIFY(!prepared.problem.message.contains(Token));
    QCOMPARE(prepared.problem.line, line);
    QCOMPARE(prepared.problem.column, column);
    QVERIFY(prepared.request.query.isEmpty());
    QVERIFY(prepared.headers.isEmpty());
}

void RequestEnvironmentTest::jsonErrorPointsIntoTheTypedText()
{
    // {{pageSize}} holds text that is not JSON: the error is reported where the reference was typed.
    App::RequestInputs in = inputs();
    in.environment->values.insert(u"pageSize"_s, u"twenty"_s);
    in.variablesText = u"{\n  \"id\": \"{{id}}\",\n  \"first\": {{pageSize}}\n}"_s;
    const App::PreparedRequest prepared = App::prepareRequest(in);
    QCOMPARE(int(prepared.problem.input), int(App::RequestInput::Variables));
    QVERIFY2(prepared.problem.message.contains(u"once the environment is substituted"_s),
             qPrintable(prepared.problem.message));
    QCOMPARE(prepared.problem.line, 3);
    QCOMPARE(prepared.problem.column, 12);
}

void RequestEnvironmentTest::oldOverloadUnchanged()
{
    // The five-argument overload does not substitute: references pass through as typed.
    const App::PreparedRequest prepared = App::prepareRequest(u"{ a }"_s, u"{\"t\": \"{{x}}\"}"_s, u"X: {{y}}"_s, 0, 0);
    QVERIFY(prepared.isValid());
    QCOMPARE(prepared.request.variablesJson, QByteArray("{\"t\": \"{{x}}\"}"));
    QVERIFY(prepared.url.isEmpty());
}

void RequestEnvironmentTest::endpointOnly()
{
    // What Reload schema sends: URL and headers substituted; the variables and the document are not looked at.
    const App::RequestInputs in = inputs();
    App::PreparedRequest prepared = App::prepareEndpoint(in.urlText, in.headersText, in.environment);
    QVERIFY2(prepared.isValid(), qPrintable(prepared.problem.message));
    QCOMPARE(prepared.url, u"http://127.0.0.1:4000/graphql"_s);
    QCOMPARE(prepared.headers.size(), 2);
    QVERIFY(prepared.request.query.isEmpty());

    prepared = App::prepareEndpoint(in.urlText, u"X: {{gone}}"_s, in.environment);
    QCOMPARE(int(prepared.problem.input), int(App::RequestInput::Headers));
    QVERIFY(prepared.problem.message.startsWith(u"{{gone}} in Headers, line 1, column 4"_s));
    prepared = App::prepareEndpoint(in.urlText, u"no colon"_s, in.environment);
    QCOMPARE(int(prepared.problem.input), int(App::RequestInput::Headers));
    prepared = App::prepareEndpoint(in.urlText, QString(), std::nullopt);
    QCOMPARE(int(prepared.problem.input), int(App::RequestInput::Url));
    QVERIFY(prepared.problem.message.contains(u"needs an environment"_s));
}

QTEST_GUILESS_MAIN(RequestEnvironmentTest)
#include "requestenvironment_test.moc"
