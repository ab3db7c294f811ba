// SPDX-License-Identifier: MIT
// Sextant: the certificates the user chose to trust, each for one host:port only.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace Sextant::Net {

/**
 * The per-host "trust this certificate" opt-in of PROTOCOLS.md §6 "Proxies, TLS, transport": an entry pairs a
 * host:port with the SHA-256 digest of exactly one leaf certificate. GraphQLCall ignores a TLS handshake's errors
 * only when the server's leaf certificate has the trusted digest for that host:port; any other certificate, or the
 * same certificate on another host or port, still fails. In memory only (the app decides what to persist).
 *
 * Digests are the raw 32 bytes; parseFingerprint() reads the "AB:CD:…" text of TlsFailure::sha256Hex() (colons,
 * spaces and case optional) and returns an empty array for anything that is not 64 hex digits.
 * Host names are compared case-insensitively. Thread: the thread it lives on (the GUI thread in the app); changed()
 * is emitted after every trust()/untrust() that changed the entries.
 */
class CertificateTrust final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateTrust)

public:
    struct Entry
    {
        QString hostPort;
        QByteArray sha256;
        bool operator==(const Entry &other) const = default;
    };

    explicit CertificateTrust(QObject *parent = nullptr);
    ~CertificateTrust() override;

    /// Trusts the certificate with this digest for hostPort ("host:port"). An invalid digest (not 32 bytes) or an
    /// empty hostPort is ignored and returns false.
    bool trust(const QString &hostPort, const QByteArray &sha256);
    void untrust(const QString &hostPort, const QByteArray &sha256);
    bool isTrusted(const QString &hostPort, const QByteArray &sha256) const;
    QList<Entry> entries() const;

    /// The raw digest of "AB:CD:…", "abcd…" or "AB CD …"; empty if it is not exactly 32 bytes of hex.
    static QByteArray parseFingerprint(const QString &text);

signals:
    void changed();

private:
    static QString normalizedHostPort(const QString &hostPort);

    QList<Entry> m_entries;
};

} // namespace Sextant::Net
