// SPDX-License-Identifier: MIT
// Sextant: the Endpoint settings dialog shows and returns the stored settings, masks cookie values, asks to clear
// cookies and untrust certificates; the endpoint bar's ⚙ button asks for it.
#include <app/endpoints/endpointbar.h>
#include <app/endpoints/endpointsettingsdialog.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QNetworkCookie>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace Sextant;
using namespace Qt::StringLiterals;
using App::EndpointCookieRow;
using App::EndpointSettingsDialog;
using Net::EndpointProfile;
using Store::EndpointSettings;
using Store::TrustedCertificate;

namespace {

const QByteArray CookieValue = "Zq9-cookie-value-never-shown";

QStringList tableText(const QTableWidget *table)
{
    QStringList cells;
    for (int row = 0; row < table->rowCount(); ++row)
        for (int column = 0; column < table->columnCount(); ++column)
            if (const QTableWidgetItem *item = table->item(row, column))
                cells << item->text() << item->toolTip();
    return cells;
}

TrustedCertificate certificate(const QString &hostPort, QChar digit)
{
    TrustedCertificate result;
    result.hostPort = hostPort;
    result.sha256Hex = QString(64, digit);
    result.subject = u"CN="_s + hostPort.section(u':', 0, 0);
    result.issuer = u"CN=Private CA"_s;
    result.notAfter = QDateTime(QDate(2027, 1, 2), QTime(3, 4), Qt::UTC);
    result.addedAt = QDateTime(QDate(2026, 11, 25), QTime(22, 0), Qt::UTC);
    return result;
}

} // namespace

class EndpointSettingsDialogTest final : public QObject
{
    Q_OBJECT

private slots:
    void settingsRoundTrip_data();
    void settingsRoundTrip();
    void defaultTimeoutTextFollowsKind();
    void badWebSocketUrlKeepsDialogOpen();
    void cookieValuesAreNeverShown();
    void clearCookiesAsksForThisEndpoint();
    void removeAsksToUntrustSelected();
    void unknownProtocolIsKept();
    void endpointBarAsksForSettings();
};

void EndpointSettingsDialogTest::settingsRoundTrip_data()
{
    QTest::addColumn<EndpointSettings>("settings");
    QTest::newRow("defaults") << EndpointSettings();
    EndpointSettings none;
    none.timeoutMs = 0;
    none.allowCrossOriginRedirects = true;
    QTest::newRow("no timeout, cross-origin") << none;
    EndpointSettings custom;
    custom.timeoutMs = 90000;
    custom.useGetForQueries = true;
    custom.subscriptionProtocolId = u"graphql-ws"_s;
    custom.subscriptionUrl = u"ws://127.0.0.1:3000/graphql"_s;
    QTest::newRow("custom timeout, GET, graphql-ws") << custom;
    EndpointSettings transport;
    transport.subscriptionProtocolId = u"graphql-transport-ws"_s;
    transport.subscriptionUrl = u"wss://api.example/subscriptions"_s;
    QTest::newRow("graphql-transport-ws") << transport;
}

void EndpointSettingsDialogTest::settingsRoundTrip()
{
    QFETCH(EndpointSettings, settings);
    EndpointSettingsDialog dialog;
    const EndpointProfile profile = EndpointProfile::dagster();
    dialog.setEndpoint(profile, 60000);
    dialog.setSettings(settings);
    QCOMPARE(dialog.settings(), settings);
    QCOMPARE(dialog.profileKey(), profile.profileKey());
    QCOMPARE(dialog.timeoutSpin()->isEnabled(), settings.timeoutMs.value_or(0) > 0);

    QSignalSpy accepted(&dialog, &EndpointSettingsDialog::settingsAccepted);
    dialog.show();
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(accepted.first().at(0).toString(), profile.profileKey());
    QCOMPARE(accepted.first().at(1).value<EndpointSettings>(), settings);
}

void EndpointSettingsDialogTest::defaultTimeoutTextFollowsKind()
{
    EndpointSettingsDialog dialog;
    dialog.setEndpoint(EndpointProfile::dagster(), 45000);
    QCOMPARE(dialog.timeoutModeCombo()->itemText(EndpointSettingsDialog::DefaultTimeout),
             u"Default (Preferences: 45 s)"_s);
    QVERIFY(dialog.subscriptionUrlEdit()->placeholderText().startsWith(u"ws://127.0.0.1:3000/graphql"_s));
    dialog.setEndpoint(EndpointProfile::daggerSession(40123, u"secret-token"_s), 45000);
    QCOMPARE(dialog.timeoutModeCombo()->itemText(EndpointSettingsDialog::DefaultTimeout),
             u"Default (none for a Dagger session)"_s);
    QVERIFY(!dialog.windowTitle().contains(u"secret-token"_s));
    dialog.setEndpoint(EndpointProfile::dagster(), 0);
    QCOMPARE(dialog.timeoutModeCombo()->itemText(EndpointSettingsDialog::DefaultTimeout),
             u"Default (Preferences: none)"_s);

    // Choosing Custom enables the seconds; they become milliseconds.
    dialog.setSettings(EndpointSettings());
    QVERIFY(!dialog.timeoutSpin()->isEnabled());
    dialog.timeoutModeCombo()->setCurrentIndex(EndpointSettingsDialog::CustomTimeout);
    QVERIFY(dialog.timeoutSpin()->isEnabled());
    dialog.timeoutSpin()->setValue(120);
    QCOMPARE(dialog.settings().timeoutMs, std::optional<int>(120000));
    dialog.timeoutModeCombo()->setCurrentIndex(EndpointSettingsDialog::NoTimeout);
    QCOMPARE(dialog.settings().timeoutMs, std::optional<int>(0));
    dialog.timeoutModeCombo()->setCurrentIndex(EndpointSettingsDialog::DefaultTimeout);
    QCOMPARE(dialog.settings().timeoutMs, std::nullopt);
}

void EndpointSettingsDialogTest::badWebSocketUrlKeepsDialogOpen()
{
    EndpointSettingsDialog dialog;
    dialog.setEndpoint(EndpointProfile::dagster(), 60000);
    dialog.show();
    QSignalSpy accepted(&dialog, &EndpointSettingsDialog::settingsAccepted);
    for (const QString &bad : {u"http://127.0.0.1:3000/graphql"_s, u"ws://"_s, u"graphql"_s}) {
        dialog.subscriptionUrlEdit()->setText(bad);
        QVERIFY(!dialog.validationError().isEmpty());
        dialog.accept();
        QVERIFY2(dialog.isVisible(), qPrintable(bad));
        QVERIFY(dialog.problemText().contains(u"ws://"_s));
        QCOMPARE(accepted.size(), 0);
    }
    QTest::keyClick(dialog.subscriptionUrlEdit(), Qt::Key_A); // editing hides the problem
    QVERIFY(dialog.problemText().isEmpty());
    dialog.subscriptionUrlEdit()->setText(u" wss://events.example/ws "_s);
    QVERIFY(dialog.validationError().isEmpty());
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(accepted.first().at(1).value<EndpointSettings>().subscriptionUrl, u"wss://events.example/ws"_s);
}

void EndpointSettingsDialogTest::cookieValuesAreNeverShown()
{
    QNetworkCookie session("session", CookieValue);
    session.setDomain(u"127.0.0.1"_s);
    session.setPath(u"/"_s);
    session.setHttpOnly(true);
    QNetworkCookie persistent("theme", CookieValue + "-2");
    persistent.setDomain(u".example.com"_s);
    persistent.setPath(u"/graphql"_s);
    persistent.setSecure(true);
    persistent.setExpirationDate(QDateTime(QDate(2030, 5, 6), QTime(7, 8), Qt::UTC));
    const QList<EndpointCookieRow> rows = EndpointCookieRow::fromCookies({session, persistent});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).name, u"session"_s);
    QVERIFY(!rows.at(0).expires.isValid());
    QVERIFY(rows.at(0).httpOnly);
    QVERIFY(rows.at(1).secure);

    EndpointSettingsDialog dialog;
    dialog.setEndpoint(EndpointProfile::dagster(), 60000);
    dialog.setCookies(rows);
    QTableWidget *table = dialog.cookiesTable();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), u"session"_s);
    QCOMPARE(table->item(0, 1)->text(), u"••••••"_s);
    QCOMPARE(table->item(0, 2)->text(), u"127.0.0.1"_s);
    QCOMPARE(table->item(0, 3)->text(), u"/"_s);
    QCOMPARE(table->item(0, 4)->text(), u"Session"_s);
    QCOMPARE(table->item(1, 4)->text(), u"2030-05-06 07:08 UTC"_s);
    for (const QString &cell : tableText(table))
        QVERIFY(!cell.contains(QString::fromUtf8(CookieValue)));
    QVERIFY(dialog.clearCookiesButton()->isEnabled());
    dialog.setCookies({});
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!dialog.clearCookiesButton()->isEnabled());
}

void EndpointSettingsDialogTest::clearCookiesAsksForThisEndpoint()
{
    EndpointSettingsDialog dialog;
    const EndpointProfile profile = EndpointProfile::dagster(QUrl(u"http://127.0.0.1:3999/graphql"_s));
    dialog.setEndpoint(profile, 60000);
    dialog.setCookies({EndpointCookieRow{u"a"_s, u"127.0.0.1"_s, u"/"_s, {}, false, false}});
    QSignalSpy clear(&dialog, &EndpointSettingsDialog::clearCookiesRequested);
    QTest::mouseClick(dialog.clearCookiesButton(), Qt::LeftButton);
    QCOMPARE(clear.size(), 1);
    QCOMPARE(clear.first().first().toString(), profile.profileKey());
    QCOMPARE(dialog.result(), 0); // the dialog stays open
}

void EndpointSettingsDialogTest::removeAsksToUntrustSelected()
{
    EndpointSettingsDialog dialog;
    dialog.setEndpoint(EndpointProfile::dagster(), 60000);
    const QList<TrustedCertificate> certificates = {certificate(u"a.example:443"_s, u'a'),
                                                    certificate(u"b.example:8443"_s, u'b'),
                                                    certificate(u"c.example:443"_s, u'c')};
    dialog.setTrustedCertificates(certificates);
    QTableWidget *table = dialog.certificatesTable();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(1, 0)->text(), u"b.example:8443"_s);
    QVERIFY(table->item(1, 1)->text().startsWith(u"BB:BB:"_s));
    QCOMPARE(table->item(1, 2)->text(), u"CN=b.example"_s);
    QCOMPARE(table->item(1, 3)->text(), u"CN=Private CA"_s);
    QCOMPARE(table->item(1, 4)->text(), u"2027-01-02 03:04 UTC"_s);
    QVERIFY(!dialog.removeCertificatesButton()->isEnabled()); // nothing selected

    QSignalSpy untrust(&dialog, &EndpointSettingsDialog::untrustRequested);
    table->selectRow(2);
    table->selectionModel()->select(table->model()->index(0, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(dialog.removeCertificatesButton()->isEnabled());
    QTest::mouseClick(dialog.removeCertificatesButton(), Qt::LeftButton);
    QCOMPARE(untrust.size(), 2);
    QCOMPARE(untrust.at(0).at(0).toString(), u"a.example:443"_s);
    QCOMPARE(untrust.at(0).at(1).toString(), QString(64, u'a'));
    QCOMPARE(untrust.at(1).at(0).toString(), u"c.example:443"_s);
    QCOMPARE(untrust.at(1).at(1).toString(), QString(64, u'c'));

    // The caller refreshes the list once the trust store changed.
    dialog.setTrustedCertificates({certificates.at(1)});
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(!dialog.removeCertificatesButton()->isEnabled());
    QCOMPARE(dialog.removeSelectedCertificates(), 0);
}

void EndpointSettingsDialogTest::unknownProtocolIsKept()
{
    EndpointSettingsDialog dialog;
    dialog.setEndpoint(EndpointProfile::dagster(), 60000);
    EndpointSettings settings;
    settings.subscriptionProtocolId = u"graphql-sse"_s;
    dialog.setSettings(settings);
    QCOMPARE(dialog.settings().subscriptionProtocolId, u"graphql-sse"_s);
    QCOMPARE(dialog.subscriptionProtocolCombo()->count(), 4);
    settings.subscriptionProtocolId = u"graphql-ws"_s;
    dialog.setSettings(settings);
    QCOMPARE(dialog.subscriptionProtocolCombo()->currentText(), u"graphql-ws (legacy, Dagster)"_s);
}

void EndpointSettingsDialogTest::endpointBarAsksForSettings()
{
    App::EndpointBar bar;
    QSignalSpy requested(&bar, &App::EndpointBar::settingsRequested);
    QToolButton *button = bar.findChild<QToolButton *>(u"settingsButton"_s);
    QVERIFY(button);
    QCOMPARE(button, bar.settingsButton());
    QVERIFY(button->toolTip().contains(u"Endpoint settings"_s));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
}

QTEST_MAIN(EndpointSettingsDialogTest)
#include "endpointsettingsdialog_test.moc"
