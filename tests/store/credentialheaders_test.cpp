// SPDX-License-Identifier: MIT
// Sextant: credential header lines out to the keychain blob and back, at their lines.
#include <store/credentialheaders.h>
#include <store/sessionstore.h>

#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class CredentialHeadersTest final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void badBlob();
};

void CredentialHeadersTest::roundTrip_data()
{
    QTest::addColumn<QString>("headers");
    QTest::addColumn<int>("credentialLines");
    QTest::newRow("none") << u"X-Trace: 1\nAccept: application/json"_s << 0;
    QTest::newRow("first and last") << u"Authorization: Bearer abc\nX-Trace: 1\nCookie: s=1"_s << 2;
    QTest::newRow("middle, comments kept") << u"# note\nX-A: 1\nX-Api-Key: k\n\nX-B: 2"_s << 1;
    QTest::newRow("only credentials") << u"Authorization: Basic x\nX-Session-Token: y"_s << 2;
    QTest::newRow("leading empty line") << u"\nAuthorization: x"_s << 1;
    QTest::newRow("empty") << QString() << 0;
}

void CredentialHeadersTest::roundTrip()
{
    QFETCH(QString, headers);
    QFETCH(int, credentialLines);
    const QString publicText = Store::SessionStore::withoutCredentialHeaders(headers);
    const QString blob = Store::CredentialHeaders::extract(headers);
    QCOMPARE(blob.isEmpty(), credentialLines == 0);
    QCOMPARE(Store::CredentialHeaders::extract(publicText), QString()); // nothing secret left in the saved text
    QVERIFY2(Store::CredentialHeaders::merge(publicText, blob) == headers, "the header text did not come back");
}

void CredentialHeadersTest::badBlob()
{
    QCOMPARE(Store::CredentialHeaders::merge(u"X: 1"_s, u"not json"_s), u"X: 1"_s);
    QCOMPARE(Store::CredentialHeaders::merge(u"X: 1"_s, u"{\"lines\":[[9,\"Cookie: a\"],[\"x\",1]]}"_s),
             u"X: 1\nCookie: a"_s);
}

QTEST_GUILESS_MAIN(CredentialHeadersTest)
#include "credentialheaders_test.moc"
