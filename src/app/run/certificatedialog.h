// SPDX-License-Identifier: MIT
// Sextant: shows a TLS certificate the endpoint's server presented and offers to trust it for that host:port.
#pragma once

#include <net/tlsfailure.h>

#include <QDialog>

class QPushButton;
class QLabel;

namespace Sextant::App {

/**
 * The "trust this certificate" opt-in of PROTOCOLS.md §6 "Proxies, TLS, transport": shows a Net::TlsFailure (the
 * handshake errors, the leaf certificate's subject, issuer, validity and SHA-256 fingerprint) with the buttons
 * "Trust this certificate for host:port" (accepts) and Cancel (rejects, the default). The caller trusts
 * failure().sha256 for failure().hostPort in its Net::CertificateTrust on accept and re-runs the request.
 * A failure without a certificate has nothing to trust: the trust button is disabled. GUI thread only.
 */
class CertificateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateDialog)

public:
    explicit CertificateDialog(const Net::TlsFailure &failure, QWidget *parent = nullptr);
    ~CertificateDialog() override;

    const Net::TlsFailure &failure() const { return m_failure; }
    QPushButton *trustButton() const { return m_trustButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    /// The text of the fingerprint field ("AB:CD:…", selectable for copying).
    QString fingerprintText() const;

private:
    Net::TlsFailure m_failure;
    QPushButton *m_trustButton;
    QPushButton *m_cancelButton;
    QLabel *m_fingerprint;
};

} // namespace Sextant::App
