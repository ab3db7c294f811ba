// SPDX-License-Identifier: MIT
// Sextant: per-endpoint settings and trusted certificates (AppDataLocation/endpoint-settings.json).
#pragma once

#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sextant::Store {

/**
 * What the user set for one endpoint profile (Net::EndpointProfile::profileKey(), e.g.
 * "dagster http://127.0.0.1:3000/graphql"). Plain data, any thread. The store layer does not know Net: the
 * subscription protocol is kept as its wire id and App::applyEndpointSettings() maps it onto the profile.
 */
struct EndpointSettings
{
    /// Transfer (inactivity) timeout in milliseconds; 0 = none; nullopt = the default (Preferences for HTTP and
    /// Dagster profiles, none for a Dagger session, PROTOCOLS.md §5.5).
    std::optional<int> timeoutMs;
    /// Queries as GET with URL parameters (PROTOCOLS.md §1.4).
    bool useGetForQueries = false;
    /// Follow redirects to other origins (never with Authorization or Cookie there, PROTOCOLS.md §6).
    bool allowCrossOriginRedirects = false;
    /// "auto", "graphql-transport-ws" or "graphql-ws" (Net::EndpointProfile::subscriptionProtocolId); an id this
    /// version does not know is kept as written (and read as auto by the applier).
    QString subscriptionProtocolId = QStringLiteral("auto");
    /// Where subscriptions connect (ws:// or wss://); empty = derived from the endpoint URL.
    QString subscriptionUrl;

    bool operator==(const EndpointSettings &) const = default;
    /// True when every field has its default (such an entry is not written).
    bool isDefault() const { return *this == EndpointSettings(); }
};

/**
 * A certificate the user chose to trust for one host and port ("Trust this certificate" after a TLS error).
 * Fingerprints and names are public data: nothing here is a secret.
 */
struct TrustedCertificate
{
    QString hostPort;  ///< "example.com:443" (lowercase host)
    QString sha256Hex; ///< SHA-256 of the DER certificate, 64 lowercase hex digits
    QString subject;   ///< e.g. "CN=example.com"
    QString issuer;
    QDateTime notAfter; ///< UTC; invalid when unknown
    QDateTime addedAt;  ///< UTC

    bool operator==(const TrustedCertificate &) const = default;
    /// "AB:CD:…" (uppercase pairs), how browsers show a fingerprint.
    static QString formatFingerprint(const QString &sha256Hex);
    /// 64 hex digits, with or without ':' or spaces between pairs, any case → 64 lowercase hex digits; an empty
    /// string for anything else.
    static QString normalizeFingerprint(const QString &text);
};

/**
 * The endpoint settings file, loaded once at start (it is small) and written through JsonFile::writeAtomically
 * (QSaveFile) on every change, so a crash leaves the previous file intact:
 * {"version":1,
 *  "endpoints":[{"profile":"<profile key>","timeoutMs":0,"useGetForQueries":true,
 *                "allowCrossOriginRedirects":false,"subscriptionProtocol":"graphql-ws","subscriptionUrl":"ws://…"}],
 *  "trustedCertificates":[{"hostPort":"h:443","sha256":"<64 hex>","subject":"…","issuer":"…",
 *                          "notAfter":"<ISO 8601 UTC>","addedAt":"<ISO 8601 UTC>"}]}
 * Profile keys never contain a secret (Net::EndpointProfile::profileKey drops user info and the query).
 *
 * Bad input: a missing file loads as no settings without an error. An unreadable, non-JSON, newer-version or
 * oversized file loads as no settings, load() returns false with a one-line error naming the path, and the bad
 * file is kept next to it as "<file>.corrupt" before the next save replaces it. Inside a good file, entries
 * without a profile key, negative timeouts and certificates without a host or a valid SHA-256 are dropped;
 * timeouts above 24 h are clamped; duplicates keep the last entry.
 *
 * GUI thread (a QObject with signals); the file is small, reading and writing it there is fine.
 */
class EndpointSettingsStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointSettingsStore)

public:
    static constexpr int formatVersion = 1;
    static constexpr int MaxTimeoutMs = 86400 * 1000;

    /// An empty store that writes nowhere until load() names a file.
    explicit EndpointSettingsStore(QObject *parent = nullptr);
    ~EndpointSettingsStore() override;

    /// Reads @p path (later changes are written there). See the class comment for bad input; the store is then
    /// empty and *error says why. Emits nothing.
    bool load(const QString &path, QString *error = nullptr);
    QString path() const;
    /// The last load or save error; empty when the last operation succeeded.
    QString lastError() const;

    /// The settings of @p profileKey; defaults when none were set.
    EndpointSettings settings(const QString &profileKey) const;
    /// Profile keys with non-default settings, sorted.
    QStringList profileKeys() const;
    /// Stores @p settings for @p profileKey (default settings remove the entry) and saves. Emits
    /// settingsChanged() when something changed. False (and lastError()) when the key is empty or saving failed;
    /// the value is kept in memory either way when the key is valid.
    bool setSettings(const QString &profileKey, const EndpointSettings &settings);

    QList<TrustedCertificate> trustedCertificates() const;
    /// Adds @p certificate, replacing one with the same host:port and fingerprint, and saves. addedAt is set to
    /// now when invalid. False when the host:port is empty or the fingerprint is not a SHA-256, or saving failed.
    bool addTrustedCertificate(TrustedCertificate certificate);
    /// Removes the certificate of @p hostPort with @p sha256 (any fingerprint format); false if there was none.
    bool removeTrustedCertificate(const QString &hostPort, const QString &sha256);
    /// Replaces the whole list (to mirror Net::CertificateTrust), dropping invalid entries, and saves.
    bool setTrustedCertificates(const QList<TrustedCertificate> &certificates);

    /// The file's bytes for the current state (what a save writes).
    QByteArray serialize() const;
    /// QStandardPaths::AppDataLocation + "/endpoint-settings.json".
    static QString defaultPath();

signals:
    void settingsChanged(const QString &profileKey);
    void trustedCertificatesChanged();
    /// A save failed: @p message names the file and the reason (the change stays in memory for this run).
    void saveFailed(const QString &message);

private:
    bool save();

    QString m_path;
    QString m_lastError;
    QHash<QString, EndpointSettings> m_settings;
    QList<TrustedCertificate> m_certificates;
};

} // namespace Sextant::Store

Q_DECLARE_METATYPE(Sextant::Store::EndpointSettings)
Q_DECLARE_METATYPE(Sextant::Store::TrustedCertificate)
