// SPDX-License-Identifier: MIT
// Sextant: per-host trusted certificate digests.
#include "net/certificatetrust.h"

namespace Sextant::Net {

CertificateTrust::CertificateTrust(QObject *parent) : QObject(parent) {}

CertificateTrust::~CertificateTrust() = default;

QString CertificateTrust::normalizedHostPort(const QString &hostPort)
{
    return hostPort.trimmed().toLower();
}

bool CertificateTrust::trust(const QString &hostPort, const QByteArray &sha256)
{
    const QString key = normalizedHostPort(hostPort);
    if (key.isEmpty() || sha256.size() != 32)
        return false;
    if (isTrusted(key, sha256))
        return true;
    m_entries.append({key, sha256});
    emit changed();
    return true;
}

void CertificateTrust::untrust(const QString &hostPort, const QByteArray &sha256)
{
    const Entry entry{normalizedHostPort(hostPort), sha256};
    if (m_entries.removeAll(entry) > 0)
        emit changed();
}

bool CertificateTrust::isTrusted(const QString &hostPort, const QByteArray &sha256) const
{
    if (sha256.size() != 32)
        return false;
    return m_entries.contains(Entry{normalizedHostPort(hostPort), sha256});
}

QList<CertificateTrust::Entry> CertificateTrust::entries() const
{
    return m_entries;
}

QByteArray CertificateTrust::parseFingerprint(const QString &text)
{
    QByteArray hex;
    for (const QChar c : text) {
        if (c == u':' || c.isSpace())
            continue;
        if (!c.isDigit() && !(c.toLower() >= u'a' && c.toLower() <= u'f'))
            return {};
        hex.append(char(c.toLatin1()));
    }
    if (hex.size() != 64)
        return {};
    return QByteArray::fromHex(hex);
}

} // namespace Sextant::Net
