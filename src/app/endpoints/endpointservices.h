// SPDX-License-Identifier: MIT
// Sextant: per-endpoint state of the window: stored settings, trusted certificates and cookies, and their dialogs.
#pragma once

#include <net/endpointprofile.h>

#include <QObject>
#include <QPointer>

#include <functional>

class QDialog;
class QWidget;

namespace Sextant::Net {
class GraphQLClient;
class CertificateTrust;
struct TlsFailure;
}
namespace Sextant::Store {
class EndpointSettingsStore;
}

namespace Sextant::App {

class AppSettings;

/**
 * Keeps what the user decided per endpoint profile (Net::EndpointProfile::profileKey()) and applies it to every
 * request the window makes (PROTOCOLS.md §6; issue "every way a server can answer"):
 * - Store::EndpointSettingsStore (endpoint-settings.json in the data directory): timeout, GET for queries,
 *   cross-origin redirects, subscription protocol and URL, and the trusted certificates (host:port + SHA-256; no
 *   secret). apply() puts them onto a profile: the per-endpoint timeout wins over Preferences, and a Dagger session
 *   has none unless the user set one (PROTOCOLS.md §5.5).
 * - Net::CertificateTrust mirrors the stored certificates for the client, which then accepts exactly that leaf
 *   certificate for that host:port.
 * - Cookies live in the client's Net::CookieStore, one jar per profile, in memory only (they are credentials).
 * openSettings() shows EndpointSettingsDialog; offerTrust() shows CertificateDialog for a TLS failure.
 * GUI thread only. A settings file that cannot be read or written is reported through message(), never fatal.
 */
class EndpointServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointServices)

public:
    EndpointServices(Net::GraphQLClient *client, AppSettings *appSettings, QWidget *window);
    ~EndpointServices() override;

    /// Reads dataDirectory/endpoint-settings.json (absent: defaults). False with *error for a corrupt file, which
    /// is kept beside as .corrupt; the settings are then the defaults.
    bool load(const QString &dataDirectory, QString *error = nullptr);

    /// @p profile with its stored settings (looked up by profileKey()) and the Preferences timeout applied.
    Net::EndpointProfile apply(Net::EndpointProfile profile) const;

    /// The settings dialog for @p profile (its URL already substituted, so the key matches the requests'). Modal.
    void openSettings(const Net::EndpointProfile &profile);

    /// Shows the certificate of a failed TLS handshake with "Trust this certificate for host:port", window-modal
    /// and without blocking (QDialog::open). When the user trusts it, the certificate is stored and active at once,
    /// then @p onTrusted runs (the caller sends again). Returns the dialog, or null when the failure carries no
    /// certificate (a handshake cut before one arrived: nothing to trust) or the same dialog is already open.
    QDialog *offerTrust(const Net::TlsFailure &failure, std::function<void()> onTrusted);

    Store::EndpointSettingsStore *settingsStore() const { return m_store; }
    Net::CertificateTrust *certificateTrust() const { return m_trust; }

signals:
    /// One line for the status bar (a settings file that could not be written, for example).
    void message(const QString &text);

private:
    void syncCertificateTrust();
    int preferencesTimeoutMs() const;

    Net::GraphQLClient *m_client;
    QPointer<AppSettings> m_appSettings;
    QWidget *m_window;
    Store::EndpointSettingsStore *m_store;
    Net::CertificateTrust *m_trust;
    QPointer<QDialog> m_trustDialog;
};

} // namespace Sextant::App
