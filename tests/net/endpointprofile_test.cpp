// SPDX-License-Identifier: MIT
// Sextant: EndpointProfile factories, the Dagger session environment and the header text format.
#include <net/endpointprofile.h>

#include <QDebug>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;

namespace {

constexpr char unset[] = "<unset>";

void setOrUnset(const char *name, const QByteArray &value)
{
    if (value == unset)
        qunsetenv(name);
    else
        qputenv(name, value);
}

QString headersToString(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QStringList parts;
    for (const auto &header : headers)
        parts << QString::fromUtf8(header.first + '=' + header.second);
    return parts.join(u'|');
}

} // namespace

class EndpointProfileTest final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void factories();
    void kindIdsRoundTrip();
    void kindNames();
    void sessionFromEnvironment_data();
    void sessionFromEnvironment();
    void parseHeaders_data();
    void parseHeaders();
    void tokenNeverPrinted();

private:
    QByteArray m_savedPort;
    QByteArray m_savedToken;
    bool m_hadPort = false;
    bool m_hadToken = false;
};

void EndpointProfileTest::init()
{
    m_hadPort = qEnvironmentVariableIsSet("DAGGER_SESSION_PORT");
    m_hadToken = qEnvironmentVariableIsSet("DAGGER_SESSION_TOKEN");
    m_savedPort = qgetenv("DAGGER_SESSION_PORT");
    m_savedToken = qgetenv("DAGGER_SESSION_TOKEN");
}

void EndpointProfileTest::cleanup()
{
    setOrUnset("DAGGER_SESSION_PORT", m_hadPort ? m_savedPort : QByteArray(unset));
    setOrUnset("DAGGER_SESSION_TOKEN", m_hadToken ? m_savedToken : QByteArray(unset));
}

void EndpointProfileTest::factories()
{
    const EndpointProfile dagster = EndpointProfile::dagster();
    QCOMPARE(dagster.kind, EndpointKind::Dagster);
    QCOMPARE(dagster.url, QUrl(u"http://127.0.0.1:3000/graphql"_s));
    QCOMPARE(dagster.timeoutMs, 60000);
    QVERIFY(dagster.headers.isEmpty());
    QCOMPARE(EndpointProfile::dagster(QUrl(u"http://h:9/prefix/graphql"_s)).url, QUrl(u"http://h:9/prefix/graphql"_s));

    const EndpointProfile dagger = EndpointProfile::daggerSession(40123, u"tok"_s);
    QCOMPARE(dagger.kind, EndpointKind::DaggerSession);
    QCOMPARE(dagger.url, QUrl(u"http://127.0.0.1:40123/query"_s));
    QCOMPARE(dagger.daggerToken, u"tok"_s);
    QCOMPARE(dagger.timeoutMs, 0);

    const EndpointProfile generic;
    QCOMPARE(generic.kind, EndpointKind::GenericHttp);
    QCOMPARE(generic.timeoutMs, 60000);
}

void EndpointProfileTest::kindNames()
{
    QCOMPARE(EndpointProfile::kindName(EndpointKind::Dagster), u"Dagster webserver"_s);
    QCOMPARE(EndpointProfile::kindName(EndpointKind::DaggerSession), u"Dagger session"_s);
    QCOMPARE(EndpointProfile::kindName(EndpointKind::GenericHttp), u"GraphQL over HTTP"_s);
}

void EndpointProfileTest::sessionFromEnvironment_data()
{
    QTest::addColumn<QByteArray>("port");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("expectProfile");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QString>("expectedError"); // fragment; empty = no error

    QTest::newRow("both set") << QByteArray("41234") << QByteArray("3f1c-uuid") << true
                              << u"http://127.0.0.1:41234/query"_s << QString();
    QTest::newRow("port with spaces") << QByteArray(" 8080 ") << QByteArray("t") << true
                                      << u"http://127.0.0.1:8080/query"_s << QString();
    QTest::newRow("both unset") << QByteArray(unset) << QByteArray(unset) << false << QString() << QString();
    QTest::newRow("empty port") << QByteArray("") << QByteArray("t") << false << QString() << QString();
    QTest::newRow("token only") << QByteArray(unset) << QByteArray("t") << false << QString() << QString();
    QTest::newRow("port without token") << QByteArray("41234") << QByteArray(unset) << false << QString()
                                        << u"DAGGER_SESSION_TOKEN must be set when DAGGER_SESSION_PORT is set"_s;
    QTest::newRow("port with empty token")
        << QByteArray("41234") << QByteArray("") << false << QString() << u"DAGGER_SESSION_TOKEN must be set"_s;
    QTest::newRow("port not a number") << QByteArray("abc") << QByteArray("t") << false << QString()
                                       << u"DAGGER_SESSION_PORT is not a valid port number: \"abc\""_s;
    QTest::newRow("port zero") << QByteArray("0") << QByteArray("t") << false << QString()
                               << u"DAGGER_SESSION_PORT is not a valid port number: \"0\""_s;
    QTest::newRow("port too large") << QByteArray("65536") << QByteArray("t") << false << QString()
                                    << u"not a valid port number"_s;
    QTest::newRow("negative port") << QByteArray("-1") << QByteArray("t") << false << QString()
                                   << u"not a valid port number"_s;
}

void EndpointProfileTest::sessionFromEnvironment()
{
    QFETCH(QByteArray, port);
    QFETCH(QByteArray, token);
    QFETCH(bool, expectProfile);
    QFETCH(QString, expectedUrl);
    QFETCH(QString, expectedError);

    setOrUnset("DAGGER_SESSION_PORT", port);
    setOrUnset("DAGGER_SESSION_TOKEN", token);
    QString error = u"stale"_s;
    const auto profile = EndpointProfile::daggerSessionFromEnvironment(&error);
    QCOMPARE(profile.has_value(), expectProfile);
    if (expectedError.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(expectedError), qPrintable(error));
    if (profile) {
        QCOMPARE(profile->kind, EndpointKind::DaggerSession);
        QCOMPARE(profile->url, QUrl(expectedUrl));
        QCOMPARE(profile->daggerToken, QString::fromUtf8(token));
        QCOMPARE(profile->timeoutMs, 0);
    }
    // The error pointer is optional.
    QCOMPARE(EndpointProfile::daggerSessionFromEnvironment().has_value(), expectProfile);
}

void EndpointProfileTest::parseHeaders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // "Name=value|Name=value"
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("one") << u"Authorization: Bearer abc"_s << u"Authorization=Bearer abc"_s << QString();
    QTest::newRow("comments, blank lines, CRLF, spaces")
        << u"# auth for staging\r\n\r\n  X-A :  1 \r\nX-B:two:parts\n   \n#X-C: no"_s << u"X-A=1|X-B=two:parts"_s
        << QString();
    QTest::newRow("empty value allowed") << u"X-Empty:"_s << u"X-Empty="_s << QString();
    QTest::newRow("utf-8 value") << u"X-Name: Zoë"_s << u"X-Name=Zoë"_s << QString();
    QTest::newRow("no colon") << u"X-A: 1\nnot a header"_s << QString()
                              << u"Line 2: expected \"Name: value\", got \"not a header\""_s;
    QTest::newRow("empty name") << u"# c\n\n: value"_s << QString() << u"Line 3: the header name before ':' is empty"_s;
    QTest::newRow("space in name") << u"X Y: 1"_s << QString()
                                   << u"Line 1: the header name \"X Y\" contains the character ' '"_s;
    QTest::newRow("non-ASCII name") << u"X-A: 1\nX-A: 2\nÜber: 3"_s << QString()
                                    << u"Line 3: the header name \"Über\""_s;
    QTest::newRow("control char in value")
        << u"X-A: a\u0001b"_s << QString() << u"Line 1: the value of \"X-A\" contains a control character"_s;
}

void EndpointProfileTest::parseHeaders()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, expectedError);
    QString error = u"stale"_s;
    const auto headers = EndpointProfile::parseHeaders(text, &error);
    if (expectedError.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(headersToString(headers), expected);
    } else {
        QVERIFY2(error.startsWith(expectedError), qPrintable(error));
        QVERIFY(headers.isEmpty());
    }
}

void EndpointProfileTest::tokenNeverPrinted()
{
    EndpointProfile profile = EndpointProfile::daggerSession(4000, u"super-secret-token"_s);
    QString error;
    profile.headers = EndpointProfile::parseHeaders(u"X-Api-Key: hidden-value"_s, &error);
    const QString text = profile.toString();
    QCOMPARE(text, u"Dagger session http://127.0.0.1:4000/query (token set; headers: X-Api-Key; no timeout)"_s);

    QString debugText;
    QDebug(&debugText) << profile;
    QVERIFY(debugText.contains(u"Dagger session"_s));
    QVERIFY(!debugText.contains(u"super-secret-token"_s));
    QVERIFY(!debugText.contains(u"hidden-value"_s));

    profile.url = QUrl(u"http://user:pw@127.0.0.1:4000/query"_s);
    QVERIFY(!profile.toString().contains(u"pw"_s));
}

void EndpointProfileTest::kindIdsRoundTrip()
{
    for (const EndpointKind kind : {EndpointKind::Dagster, EndpointKind::DaggerSession, EndpointKind::GenericHttp})
        QCOMPARE(EndpointProfile::kindFromId(EndpointProfile::kindId(kind)), kind);
    QCOMPARE(EndpointProfile::kindId(EndpointKind::DaggerSession), QStringLiteral("dagger-session"));
    QCOMPARE(EndpointProfile::kindFromId(QStringLiteral("dagger")), EndpointKind::DaggerSession);
    QVERIFY(!EndpointProfile::kindFromId(QStringLiteral("Dagster")));
    QVERIFY(!EndpointProfile::kindFromId(QString()));
}

QTEST_GUILESS_MAIN(EndpointProfileTest)
#include "endpointprofile_test.moc"
