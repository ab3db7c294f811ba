// SPDX-License-Identifier: MIT
// Sextant: what went wrong in a TLS handshake and which certificate the server showed.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QSslCertificate;
class QSslError;

namespace Sextant::Net {

/**
 * The details of a failed TLS handshake (PROTOCOLS.md §6 "Proxies, TLS, transport"): the host:port, Qt's error
 * strings and the server's leaf certificate, so the user can decide to trust exactly this certificate for this
 * host:port (CertificateTrust). Plain data, any thread.
 *
 * sha256 is the raw 32-byte SHA-256 digest of the DER certificate; sha256Hex() prints it as "AB:CD:…" (the form
 * the CLI's --trust-certificate and CertificateTrust::parseFingerprint() read back). Dates are UTC. A handshake that
 * failed before any certificate arrived has an empty sha256 and empty certificate fields.
 */
struct TlsFailure final
{
    QString hostPort;      ///< "host:port" of the endpoint URL
    QStringList errors;    ///< Qt's error strings, e.g. "The certificate is self-signed, and untrusted"
    QString subjectCommonName;
    QString subjectOrganization;
    QString issuer;        ///< issuer CN (or O when there is no CN)
    QDateTime notBefore;
    QDateTime notAfter;
    QByteArray sha256;     ///< raw digest of the leaf certificate (DER); empty without a certificate
    bool selfSigned = false;

    bool hasCertificate() const { return !sha256.isEmpty(); }
    /// "AB:CD:…" upper-case hex with colons; empty without a certificate.
    QString sha256Hex() const;
    /// "CN=127.0.0.1, O=Example"; "(no subject)" when empty.
    QString subjectText() const;
    /// One line: "TLS error from host:port: <errors> — certificate <subject> issued by <issuer>, valid
    /// <from> to <to>, SHA-256 AB:CD…" (certificate part omitted without a certificate).
    QString message() const;

    /// Fills the certificate fields from a leaf certificate (QtNetwork built with TLS only; otherwise a no-op).
    void setCertificate(const QSslCertificate &certificate);
    /// "AB:CD:…" for a raw digest.
    static QString hexWithColons(const QByteArray &digest);
};

} // namespace Sextant::Net

Q_DECLARE_METATYPE(Sextant::Net::TlsFailure)
