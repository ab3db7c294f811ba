// SPDX-License-Identifier: MIT
// Sextant: per-endpoint settings, trusted certificates and cookies of the window, and their dialogs.
#include "app/endpoints/endpointservices.h"

#include "app/endpoints/endpointsettingsapplier.h"
#include "app/endpoints/endpointsettingsdialog.h"
#include "app/run/certificatedialog.h"
#include "app/settings/appsettings.h"

#include <net/certificatetrust.h>
#include <net/cookiestore.h>
#include <net/graphqlclient.h>
#include <net/tlsfailure.h>
#include <store/endpointsettingsstore.h>

#include <QDateTime>
#include <QDir>
#include <QWidget>

namespace Sextant::App {

EndpointServices::EndpointServices(Net::GraphQLClient *client, AppSettings *appSettings, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_appSettings(appSettings)
    , m_window(window)
    , m_store(new Store::EndpointSettingsStore(this))
    , m_trust(new Net::CertificateTrust(this))
{
    m_client->setCertificateTrust(m_trust);
    connect(m_store, &Store::EndpointSettingsStore::saveFailed, this, &EndpointServices::message);
    connect(m_store, &Store::EndpointSettingsStore::trustedCertificatesChanged, this,
            &EndpointServices::syncCertificateTrust);
}

EndpointServices::~EndpointServices() = default;

bool EndpointServices::load(const QString &dataDirectory, QString *error)
{
    const bool loaded = m_store->load(QDir(dataDirectory).filePath(QStringLiteral("endpoint-settings.json")), error);
    syncCertificateTrust();
    return loaded;
}

int EndpointServices::preferencesTimeoutMs() const
{
    const int seconds = m_appSettings ? m_appSettings->defaultTimeoutSeconds() : AppSettings::defaultDefaultTimeoutSeconds();
    return seconds * 1000;
}

Net::EndpointProfile EndpointServices::apply(Net::EndpointProfile profile) const
{
    return applyEndpointSettings(std::move(profile), m_store, preferencesTimeoutMs());
}

// The store is the source of truth (it keeps subject, issuer and dates for the dialog); CertificateTrust mirrors
// host:port + digest for the client.
void EndpointServices::syncCertificateTrust()
{
    const QList<Store::TrustedCertificate> stored = m_store->trustedCertificates();
    const auto isStored = [&stored](const Net::CertificateTrust::Entry &entry) {
        for (const Store::TrustedCertificate &certificate : stored) {
            if (certificate.hostPort == entry.hostPort
                && QByteArray::fromHex(certificate.sha256Hex.toLatin1()) == entry.sha256)
                return true;
        }
        return false;
    };
    for (const Net::CertificateTrust::Entry &entry : m_trust->entries()) {
        if (!isStored(entry))
            m_trust->untrust(entry.hostPort, entry.sha256);
    }
    for (const Store::TrustedCertificate &certificate : stored)
        m_trust->trust(certificate.hostPort, QByteArray::fromHex(certificate.sha256Hex.toLatin1()));
}

void EndpointServices::openSettings(const Net::EndpointProfile &profile)
{
    const QString key = profile.profileKey();
    EndpointSettingsDialog dialog(m_window);
    dialog.setEndpoint(profile, preferencesTimeoutMs());
    dialog.setSettings(m_store->settings(key));
    dialog.setTrustedCertificates(m_store->trustedCertificates());
    Net::CookieStore *cookies = m_client->cookieStore();
    dialog.setCookies(EndpointCookieRow::fromCookies(cookies->cookies(key)));
    connect(cookies, &Net::CookieStore::changed, &dialog, [&dialog, cookies, key](const QString &changed) {
        if (changed == key)
            dialog.setCookies(EndpointCookieRow::fromCookies(cookies->cookies(key)));
    });
    connect(&dialog, &EndpointSettingsDialog::clearCookiesRequested, cookies, &Net::CookieStore::clear);
    connect(m_store, &Store::EndpointSettingsStore::trustedCertificatesChanged, &dialog,
            [this, &dialog] { dialog.setTrustedCertificates(m_store->trustedCertificates()); });
    connect(&dialog, &EndpointSettingsDialog::untrustRequested, m_store,
            &Store::EndpointSettingsStore::removeTrustedCertificate);
    connect(&dialog, &EndpointSettingsDialog::settingsAccepted, m_store, &Store::EndpointSettingsStore::setSettings);
    dialog.exec();
}

QDialog *EndpointServices::offerTrust(const Net::TlsFailure &failure, std::function<void()> onTrusted)
{
    if (!failure.hasCertificate() || m_trustDialog)
        return nullptr;
    auto *dialog = new CertificateDialog(failure, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_trustDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, failure, onTrusted = std::move(onTrusted)] {
        Store::TrustedCertificate certificate;
        certificate.hostPort = failure.hostPort;
        certificate.sha256Hex = QString::fromLatin1(failure.sha256.toHex());
        certificate.subject = failure.subjectText();
        certificate.issuer = failure.issuer;
        certificate.notAfter = failure.notAfter;
        certificate.addedAt = QDateTime::currentDateTimeUtc();
        if (!m_store->addTrustedCertificate(certificate)) {
            emit message(m_store->lastError());
            return;
        }
        syncCertificateTrust();
        if (onTrusted)
            onTrusted();
    });
    dialog->open();
    return dialog;
}

} // namespace Sextant::App
