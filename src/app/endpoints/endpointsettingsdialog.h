// SPDX-License-Identifier: MIT
// Sextant: the Endpoint settings dialog: timeout, GET, redirects, subscriptions, cookies and trusted certificates.
#pragma once

#include <net/endpointprofile.h>
#include <store/endpointsettingsstore.h>

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkCookie;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Sextant::App {

/// One cookie as the dialog lists it: everything but the value, which is a credential and never reaches the dialog.
struct EndpointCookieRow
{
    QString name;
    QString domain;
    QString path;
    QDateTime expires; ///< invalid: a session cookie
    bool secure = false;
    bool httpOnly = false;

    bool operator==(const EndpointCookieRow &) const = default;
    /// The rows of @p cookies (their values are dropped here).
    static QList<EndpointCookieRow> fromCookies(const QList<QNetworkCookie> &cookies);
};

/**
 * Per-endpoint settings for one endpoint profile (its profileKey()):
 * - Timeout: "Default" (Preferences for HTTP and Dagster, none for a Dagger session, PROTOCOLS.md §5.5), "No
 *   timeout" or a custom number of seconds (1..86400); stored as EndpointSettings::timeoutMs (nullopt, 0, ms).
 * - "Use GET for queries" (PROTOCOLS.md §1.4; mutations and subscriptions stay POST).
 * - "Follow redirects to other origins" (off: same origin only; credentials and cookies never cross, §6).
 * - Subscription protocol (Automatic / graphql-transport-ws / graphql-ws, §3) and an optional WebSocket URL.
 * - Cookies kept for this endpoint (name, value masked, domain, path, expiry) and Clear cookies.
 * - Trusted certificates (every host: host:port, SHA-256, subject, issuer, expiry, added) and Remove.
 *
 * The dialog only shows data and asks: it holds no store. The caller fills it (setEndpoint, setSettings,
 * setCookies, setTrustedCertificates), connects the request signals to the stores and refreshes the lists when they
 * change. OK checks the WebSocket URL (empty or ws:// / wss:// with a host; otherwise the dialog stays open with
 * the problem shown) and emits settingsAccepted() before closing. GUI thread only.
 */
class EndpointSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointSettingsDialog)

public:
    enum TimeoutMode { DefaultTimeout = 0, NoTimeout = 1, CustomTimeout = 2 };

    explicit EndpointSettingsDialog(QWidget *parent = nullptr);
    ~EndpointSettingsDialog() override;

    /// The endpoint being edited (title, key, default texts, WebSocket URL placeholder); @p preferencesTimeoutMs is
    /// AppSettings::defaultTimeoutSeconds() * 1000 (0 = none).
    void setEndpoint(const Net::EndpointProfile &profile, int preferencesTimeoutMs);
    QString profileKey() const;

    void setSettings(const Store::EndpointSettings &settings);
    /// What the controls say now (timeout in whole seconds → milliseconds).
    Store::EndpointSettings settings() const;
    /// Why settings() cannot be saved (a bad WebSocket URL); empty when it can.
    QString validationError() const;

    void setCookies(const QList<EndpointCookieRow> &cookies);
    void setTrustedCertificates(const QList<Store::TrustedCertificate> &certificates);

    QComboBox *timeoutModeCombo() const;
    QSpinBox *timeoutSpin() const;
    QCheckBox *useGetCheck() const;
    QCheckBox *crossOriginRedirectsCheck() const;
    QComboBox *subscriptionProtocolCombo() const;
    QLineEdit *subscriptionUrlEdit() const;
    QTableWidget *cookiesTable() const;
    QPushButton *clearCookiesButton() const;
    QTableWidget *certificatesTable() const;
    QPushButton *removeCertificatesButton() const;
    QString problemText() const; ///< the validation problem shown under the form, empty when none

    /// Emits untrustRequested() for every selected certificate row; returns how many.
    int removeSelectedCertificates();

    void accept() override;

signals:
    /// OK with valid input: store @p settings for @p profileKey (Store::EndpointSettingsStore::setSettings).
    void settingsAccepted(const QString &profileKey, const Sextant::Store::EndpointSettings &settings);
    /// "Clear cookies": forget every cookie of @p profileKey (Net::CookieStore::clear).
    void clearCookiesRequested(const QString &profileKey);
    /// "Remove": stop trusting this certificate (Net::CertificateTrust::untrust and the store).
    void untrustRequested(const QString &hostPort, const QString &sha256Hex);

private:
    void updateTimeoutControls();

    QLabel *m_endpointLabel;
    QComboBox *m_timeoutMode;
    QSpinBox *m_timeoutSeconds;
    QCheckBox *m_useGet;
    QCheckBox *m_crossOrigin;
    QComboBox *m_protocol;
    QLineEdit *m_subscriptionUrl;
    QTableWidget *m_cookies;
    QPushButton *m_clearCookies;
    QTableWidget *m_certificates;
    QPushButton *m_removeCertificates;
    QLabel *m_problem;
    QString m_profileKey;
    QList<Store::TrustedCertificate> m_certificateList;
};

} // namespace Sextant::App
