// SPDX-License-Identifier: MIT
// Sextant: the certificate details dialog shown for a TLS handshake failure.
#include "app/run/certificatedialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

QLabel *selectableLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

} // namespace

CertificateDialog::CertificateDialog(const Net::TlsFailure &failure, QWidget *parent)
    : QDialog(parent), m_failure(failure)
{
    setWindowTitle(tr("Untrusted certificate — %1").arg(failure.hostPort));
    auto *layout = new QVBoxLayout(this);

    auto *heading = new QLabel(
        tr("<b>The server at %1 presented a certificate that is not trusted.</b>").arg(failure.hostPort.toHtmlEscaped()),
        this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    const QString errors = failure.errors.isEmpty() ? tr("The TLS handshake failed.") : failure.errors.join(u'\n');
    auto *errorLabel = selectableLabel(errors, this);
    errorLabel->setObjectName(u"errors"_s);
    layout->addWidget(errorLabel);

    auto *form = new QFormLayout;
    form->addRow(tr("Subject:"), selectableLabel(failure.subjectText(), this));
    form->addRow(tr("Issued by:"),
                 selectableLabel(failure.selfSigned ? tr("itself (self-signed)")
                                                    : (failure.issuer.isEmpty() ? tr("(unknown)") : failure.issuer),
                                 this));
    form->addRow(tr("Valid from:"), selectableLabel(failure.notBefore.isValid()
                                                        ? failure.notBefore.toUTC().toString(Qt::ISODate)
                                                        : tr("(unknown)"),
                                                    this));
    form->addRow(tr("Valid until:"), selectableLabel(failure.notAfter.isValid()
                                                         ? failure.notAfter.toUTC().toString(Qt::ISODate)
                                                         : tr("(unknown)"),
                                                     this));
    m_fingerprint = selectableLabel(failure.hasCertificate() ? failure.sha256Hex() : tr("(no certificate)"), this);
    m_fingerprint->setObjectName(u"fingerprint"_s);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("SHA-256:"), m_fingerprint);
    layout->addLayout(form);

    auto *advice = new QLabel(tr("Trust it only if you know this fingerprint is the server's (for example a "
                                 "self-signed development server). Only this certificate is trusted, and only for "
                                 "%1.")
                                  .arg(failure.hostPort.toHtmlEscaped()),
                              this);
    advice->setWordWrap(true);
    layout->addWidget(advice);

    auto *buttons = new QDialogButtonBox(this);
    m_trustButton = buttons->addButton(tr("Trust this certificate for %1").arg(failure.hostPort),
                                       QDialogButtonBox::AcceptRole);
    m_trustButton->setEnabled(failure.hasCertificate());
    m_trustButton->setAutoDefault(false);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

CertificateDialog::~CertificateDialog() = default;

QString CertificateDialog::fingerprintText() const
{
    return m_fingerprint->text();
}

} // namespace Sextant::App
