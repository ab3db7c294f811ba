// SPDX-License-Identifier: MIT
// Sextant: the TLS certificate dialog shows the failure's details and accepts only through the trust button.
#include <app/run/certificatedialog.h>

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::App::CertificateDialog;
using Sextant::Net::TlsFailure;

class CertificateDialogTest final : public QObject
{
    Q_OBJECT

private slots:
    void showsDetailsAndTrusts();
    void cancelRejects();
    void noCertificateNothingToTrust();

private:
    static TlsFailure failure();
    static QString allText(const QWidget &widget);
};

TlsFailure CertificateDialogTest::failure()
{
    TlsFailure f;
    f.hostPort = u"127.0.0.1:8443"_s;
    f.errors = {u"The certificate is self-signed, and untrusted"_s};
    f.subjectCommonName = u"127.0.0.1"_s;
    f.subjectOrganization = u"Acme Dev"_s;
    f.issuer = u"127.0.0.1"_s;
    f.selfSigned = true;
    f.notBefore = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    f.notAfter = QDateTime(QDate(2036, 1, 2), QTime(3, 4, 5), Qt::UTC);
    f.sha256 = QByteArray::fromHex("c382818aed6fadbc141b65fe4fb5ba41bc25de3863345ad7ce38267b9820b8ed");
    return f;
}

QString CertificateDialogTest::allText(const QWidget &widget)
{
    QStringList texts;
    for (const QLabel *label : widget.findChildren<QLabel *>())
        texts << label->text();
    return texts.join(u'\n');
}

void CertificateDialogTest::showsDetailsAndTrusts()
{
    CertificateDialog dialog(failure());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString text = allText(dialog);
    QVERIFY(text.contains(u"127.0.0.1:8443"_s));
    QVERIFY(text.contains(u"The certificate is self-signed, and untrusted"_s));
    QVERIFY(text.contains(u"CN=127.0.0.1, O=Acme Dev"_s));
    QVERIFY(text.contains(u"itself (self-signed)"_s));
    QVERIFY(text.contains(u"2026-01-02T03:04:05Z"_s));
    QVERIFY(text.contains(u"2036-01-02T03:04:05Z"_s));
    QCOMPARE(dialog.fingerprintText(), failure().sha256Hex());
    QVERIFY(dialog.fingerprintText().startsWith(u"C3:82:81:8A"_s));
    QCOMPARE(dialog.trustButton()->text(), u"Trust this certificate for 127.0.0.1:8443"_s);
    QVERIFY(dialog.trustButton()->isEnabled());
    QVERIFY(dialog.cancelButton()->isDefault()); // Enter does not trust by accident
    QTest::mouseClick(dialog.trustButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.failure().sha256, failure().sha256);
}

void CertificateDialogTest::cancelRejects()
{
    CertificateDialog dialog(failure());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    CertificateDialog second(failure());
    second.show();
    QTest::mouseClick(second.cancelButton(), Qt::LeftButton);
    QCOMPARE(second.result(), int(QDialog::Rejected));
}

void CertificateDialogTest::noCertificateNothingToTrust()
{
    TlsFailure bare;
    bare.hostPort = u"example.com:443"_s;
    bare.errors = {u"The host name did not match any of the valid hosts for this certificate"_s};
    CertificateDialog dialog(bare);
    QVERIFY(!dialog.trustButton()->isEnabled());
    QCOMPARE(dialog.fingerprintText(), u"(no certificate)"_s);
}

QTEST_MAIN(CertificateDialogTest)
#include "certificatedialog_test.moc"
