// SPDX-License-Identifier: MIT
// Sextant: per-endpoint settings and trusted certificates (AppDataLocation/endpoint-settings.json).
#include "store/endpointsettingsstore.h"

#include "store/jsonfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;
const QString What = u"endpoint settings file"_s;

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

QString normalizedHostPort(const QString &hostPort)
{
    const QString trimmed = hostPort.trimmed().toLower();
    for (QChar c : trimmed)
        if (c.isSpace() || c == u'/')
            return {};
    return trimmed;
}

// The certificate with normalized fields, or nullopt when it cannot be used.
std::optional<TrustedCertificate> validated(TrustedCertificate certificate)
{
    certificate.hostPort = normalizedHostPort(certificate.hostPort);
    certificate.sha256Hex = TrustedCertificate::normalizeFingerprint(certificate.sha256Hex);
    if (certificate.hostPort.isEmpty() || certificate.sha256Hex.isEmpty())
        return std::nullopt;
    if (certificate.notAfter.isValid())
        certificate.notAfter = certificate.notAfter.toUTC();
    if (certificate.addedAt.isValid())
        certificate.addedAt = certificate.addedAt.toUTC();
    return certificate;
}

// Appends @p certificate, replacing an entry with the same host:port and fingerprint (in place).
void upsert(QList<TrustedCertificate> &list, const TrustedCertificate &certificate)
{
    for (TrustedCertificate &existing : list) {
        if (existing.hostPort == certificate.hostPort && existing.sha256Hex == certificate.sha256Hex) {
            existing = certificate;
            return;
        }
    }
    list.append(certificate);
}

QString isoDate(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime readDate(const QJsonValue &value)
{
    QDateTime dateTime = QDateTime::fromString(value.toString(), Qt::ISODate);
    return dateTime.isValid() ? dateTime.toUTC() : QDateTime();
}

} // namespace

QString TrustedCertificate::formatFingerprint(const QString &sha256Hex)
{
    const QString hex = normalizeFingerprint(sha256Hex);
    if (hex.isEmpty())
        return sha256Hex;
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(u':');
}

QString TrustedCertificate::normalizeFingerprint(const QString &text)
{
    QString hex;
    hex.reserve(64);
    for (QChar c : text) {
        if (c == u':' || c == u' ')
            continue;
        if (!isHex(c))
            return {};
        hex.append(c.toLower());
    }
    return hex.size() == 64 ? hex : QString();
}

EndpointSettingsStore::EndpointSettingsStore(QObject *parent)
    : QObject(parent)
{
}

EndpointSettingsStore::~EndpointSettingsStore() = default;

bool EndpointSettingsStore::load(const QString &path, QString *error)
{
    m_path = path;
    m_settings.clear();
    m_certificates.clear();
    m_lastError.clear();
    const std::optional<QJsonObject> read = JsonFile::readObject(path, What, MaxFileBytes, formatVersion, &m_lastError);
    if (!read) {
        if (!m_lastError.isEmpty() && QFile::exists(path)) {
            // Keep what could not be read: the next save replaces the file.
            const QString kept = path + u".corrupt"_s;
            QFile::remove(kept);
            if (QFile::copy(path, kept))
                m_lastError += u"; defaults are used and the file is kept as "_s + kept;
            else
                m_lastError += u"; defaults are used"_s;
        }
        if (error)
            *error = m_lastError;
        return m_lastError.isEmpty();
    }

    const QJsonArray endpoints = read->value("endpoints"_L1).toArray();
    for (const QJsonValue &value : endpoints) {
        const QJsonObject object = value.toObject();
        const QString key = object.value("profile"_L1).toString().trimmed();
        if (key.isEmpty())
            continue;
        EndpointSettings settings;
        const QJsonValue timeout = object.value("timeoutMs"_L1);
        if (timeout.isDouble()) {
            const double ms = timeout.toDouble();
            if (ms < 0)
                continue; // not a timeout anyone set: the whole entry is suspect
            settings.timeoutMs = int(std::min<double>(ms, MaxTimeoutMs));
        }
        settings.useGetForQueries = object.value("useGetForQueries"_L1).toBool(false);
        settings.allowCrossOriginRedirects = object.value("allowCrossOriginRedirects"_L1).toBool(false);
        const QString protocol = object.value("subscriptionProtocol"_L1).toString().trimmed().toLower();
        settings.subscriptionProtocolId = protocol.isEmpty() ? u"auto"_s : protocol;
        settings.subscriptionUrl = object.value("subscriptionUrl"_L1).toString().trimmed();
        if (settings.isDefault())
            m_settings.remove(key);
        else
            m_settings.insert(key, settings);
    }

    const QJsonArray certificates = read->value("trustedCertificates"_L1).toArray();
    for (const QJsonValue &value : certificates) {
        const QJsonObject object = value.toObject();
        TrustedCertificate certificate;
        certificate.hostPort = object.value("hostPort"_L1).toString();
        certificate.sha256Hex = object.value("sha256"_L1).toString();
        certificate.subject = object.value("subject"_L1).toString();
        certificate.issuer = object.value("issuer"_L1).toString();
        certificate.notAfter = readDate(object.value("notAfter"_L1));
        certificate.addedAt = readDate(object.value("addedAt"_L1));
        if (const std::optional<TrustedCertificate> valid = validated(certificate))
            upsert(m_certificates, *valid);
    }
    if (error)
        error->clear();
    return true;
}

QString EndpointSettingsStore::path() const
{
    return m_path;
}

QString EndpointSettingsStore::lastError() const
{
    return m_lastError;
}

EndpointSettings EndpointSettingsStore::settings(const QString &profileKey) const
{
    return m_settings.value(profileKey.trimmed());
}

QStringList EndpointSettingsStore::profileKeys() const
{
    QStringList keys = m_settings.keys();
    keys.sort();
    return keys;
}

bool EndpointSettingsStore::setSettings(const QString &profileKey, const EndpointSettings &settings)
{
    const QString key = profileKey.trimmed();
    if (key.isEmpty()) {
        m_lastError = u"No endpoint: its settings cannot be saved."_s;
        return false;
    }
    EndpointSettings value = settings;
    if (value.timeoutMs)
        value.timeoutMs = qBound(0, *value.timeoutMs, MaxTimeoutMs);
    value.subscriptionProtocolId = value.subscriptionProtocolId.trimmed().toLower();
    if (value.subscriptionProtocolId.isEmpty())
        value.subscriptionProtocolId = u"auto"_s;
    value.subscriptionUrl = value.subscriptionUrl.trimmed();
    if (m_settings.value(key) == value) {
        m_lastError.clear();
        return true;
    }
    if (value.isDefault())
        m_settings.remove(key);
    else
        m_settings.insert(key, value);
    const bool saved = save();
    emit settingsChanged(key);
    return saved;
}

QList<TrustedCertificate> EndpointSettingsStore::trustedCertificates() const
{
    return m_certificates;
}

bool EndpointSettingsStore::addTrustedCertificate(TrustedCertificate certificate)
{
    if (!certificate.addedAt.isValid())
        certificate.addedAt = QDateTime::currentDateTimeUtc();
    const std::optional<TrustedCertificate> valid = validated(certificate);
    if (!valid) {
        m_lastError = u"A trusted certificate needs a host:port and a SHA-256 fingerprint (64 hex digits)."_s;
        return false;
    }
    QList<TrustedCertificate> list = m_certificates;
    upsert(list, *valid);
    if (list == m_certificates) {
        m_lastError.clear();
        return true;
    }
    m_certificates = list;
    const bool saved = save();
    emit trustedCertificatesChanged();
    return saved;
}

bool EndpointSettingsStore::removeTrustedCertificate(const QString &hostPort, const QString &sha256)
{
    const QString host = normalizedHostPort(hostPort);
    const QString hex = TrustedCertificate::normalizeFingerprint(sha256);
    const qsizetype removed = m_certificates.removeIf([&](const TrustedCertificate &certificate) {
        return certificate.hostPort == host && certificate.sha256Hex == hex;
    });
    if (removed == 0)
        return false;
    save();
    emit trustedCertificatesChanged();
    return true;
}

bool EndpointSettingsStore::setTrustedCertificates(const QList<TrustedCertificate> &certificates)
{
    QList<TrustedCertificate> list;
    for (TrustedCertificate certificate : certificates) {
        if (!certificate.addedAt.isValid())
            certificate.addedAt = QDateTime::currentDateTimeUtc();
        if (const std::optional<TrustedCertificate> valid = validated(certificate))
            upsert(list, *valid);
    }
    if (list == m_certificates) {
        m_lastError.clear();
        return true;
    }
    m_certificates = list;
    const bool saved = save();
    emit trustedCertificatesChanged();
    return saved;
}

QByteArray EndpointSettingsStore::serialize() const
{
    QJsonArray endpoints;
    for (const QString &key : profileKeys()) {
        const EndpointSettings &settings = m_settings[key];
        QJsonObject object{{"profile"_L1, key}};
        if (settings.timeoutMs)
            object.insert("timeoutMs"_L1, *settings.timeoutMs);
        object.insert("useGetForQueries"_L1, settings.useGetForQueries);
        object.insert("allowCrossOriginRedirects"_L1, settings.allowCrossOriginRedirects);
        object.insert("subscriptionProtocol"_L1, settings.subscriptionProtocolId);
        if (!settings.subscriptionUrl.isEmpty())
            object.insert("subscriptionUrl"_L1, settings.subscriptionUrl);
        endpoints.append(object);
    }
    QJsonArray certificates;
    for (const TrustedCertificate &certificate : m_certificates) {
        QJsonObject object{{"hostPort"_L1, certificate.hostPort},
                           {"sha256"_L1, certificate.sha256Hex},
                           {"subject"_L1, certificate.subject},
                           {"issuer"_L1, certificate.issuer}};
        if (certificate.notAfter.isValid())
            object.insert("notAfter"_L1, isoDate(certificate.notAfter));
        if (certificate.addedAt.isValid())
            object.insert("addedAt"_L1, isoDate(certificate.addedAt));
        certificates.append(object);
    }
    const QJsonObject root{{"version"_L1, formatVersion},
                           {"endpoints"_L1, endpoints},
                           {"trustedCertificates"_L1, certificates}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool EndpointSettingsStore::save()
{
    m_lastError.clear();
    if (m_path.isEmpty())
        return true; // not backed by a file (tests, or load() not called yet)
    if (!JsonFile::writeAtomically(m_path, What, serialize(), &m_lastError)) {
        emit saveFailed(m_lastError);
        return false;
    }
    return true;
}

QString EndpointSettingsStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/endpoint-settings.json"_s;
}

} // namespace Sextant::Store
