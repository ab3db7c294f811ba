// SPDX-License-Identifier: MIT
// Sextant: wording and certificate details of a TLS handshake failure.
#include "net/tlsfailure.h"

#include <QCryptographicHash>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#endif

using namespace Qt::StringLiterals;

namespace Sextant::Net {

QString TlsFailure::hexWithColons(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QString TlsFailure::sha256Hex() const
{
    return hexWithColons(sha256);
}

QString TlsFailure::subjectText() const
{
    QStringList parts;
    if (!subjectCommonName.isEmpty())
        parts << u"CN="_s + subjectCommonName;
    if (!subjectOrganization.isEmpty())
        parts << u"O="_s + subjectOrganization;
    return parts.isEmpty() ? u"(no subject)"_s : parts.join(u", "_s);
}

QString TlsFailure::message() const
{
    QString text = u"TLS error from "_s + hostPort + u": "_s
                   + (errors.isEmpty() ? u"the handshake failed"_s : errors.join(u"; "_s));
    if (!hasCertificate())
        return text;
    text += u" — certificate "_s + subjectText() + u" issued by "_s
            + (selfSigned ? u"itself (self-signed)"_s : (issuer.isEmpty() ? u"(unknown issuer)"_s : issuer));
    if (notBefore.isValid() && notAfter.isValid()) {
        text += u", valid "_s + notBefore.toUTC().toString(Qt::ISODate) + u" to "_s
                + notAfter.toUTC().toString(Qt::ISODate);
    }
    text += u", SHA-256 "_s + sha256Hex();
    return text;
}

void TlsFailure::setCertificate(const QSslCertificate &certificate)
{
#if QT_CONFIG(ssl)
    if (certificate.isNull())
        return;
    subjectCommonName = certificate.subjectInfo(QSslCertificate::CommonName).join(u", "_s);
    subjectOrganization = certificate.subjectInfo(QSslCertificate::Organization).join(u", "_s);
    issuer = certificate.issuerInfo(QSslCertificate::CommonName).join(u", "_s);
    if (issuer.isEmpty())
        issuer = certificate.issuerInfo(QSslCertificate::Organization).join(u", "_s);
    notBefore = certificate.effectiveDate().toUTC();
    notAfter = certificate.expiryDate().toUTC();
    sha256 = certificate.digest(QCryptographicHash::Sha256);
    selfSigned = certificate.isSelfSigned();
#else
    Q_UNUSED(certificate);
#endif
}

} // namespace Sextant::Net
