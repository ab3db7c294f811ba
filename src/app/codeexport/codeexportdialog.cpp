// SPDX-License-Identifier: MIT
// Sextant: the "Export as Code" dialog (language combo, read-only snippet view, Copy).
#include "app/codeexport/codeexportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStringList>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {
constexpr auto languageKey = "CodeExport/language";
}

CodeExportDialog::CodeExportDialog(const Net::EndpointProfile &endpoint, const Net::GraphQLRequest &request,
                                   QWidget *parent, const QString &settingsFile)
    : QDialog(parent)
    , m_endpoint(endpoint)
    , m_request(request)
    , m_settings(settingsFile.isEmpty() ? std::make_unique<QSettings>()
                                        : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
    setObjectName(u"CodeExportDialog"_s);
    setWindowTitle(tr("Export as Code"));
    resize(760, 560);

    m_languages = new QComboBox(this);
    m_languages->setObjectName(u"languageCombo"_s);
    for (const Net::CodeLanguage language : Net::CodeExport::languagesFor(endpoint.kind))
        m_languages->addItem(Net::CodeExport::languageName(language), int(language));
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_languages);

    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(u"snippetView"_s);
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    QStringList variables;
    if (endpoint.kind == Net::EndpointKind::DaggerSession)
        variables << u"DAGGER_SESSION_TOKEN"_s << u"DAGGER_SESSION_PORT"_s;
    for (const auto &header : endpoint.headers) {
        if (Net::CodeExport::isCredentialHeader(header.first))
            variables << Net::CodeExport::placeholderName(header.first);
    }
    variables.removeDuplicates();
    m_note = new QLabel(this);
    m_note->setObjectName(u"secretsNote"_s);
    m_note->setWordWrap(true);
    m_note->setText(variables.isEmpty()
                        ? tr("The snippet sends the request as Sextant does; nothing is sent from here.")
                        : tr("Secrets are not included: the snippet reads %1 from the environment.")
                              .arg(variables.join(u", "_s)));

    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(u"copyButton"_s);
    connect(m_copy, &QPushButton::clicked, this, &CodeExportDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(languageLabel);
    top->addWidget(m_languages, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    layout->addLayout(bottom);

    const std::optional<Net::CodeLanguage> remembered =
        Net::CodeExport::languageFromId(m_settings->value(QLatin1StringView(languageKey)).toString());
    const int index = remembered ? m_languages->findData(int(*remembered)) : -1;
    m_languages->setCurrentIndex(index >= 0 ? index : 0);
    connect(m_languages, &QComboBox::currentIndexChanged, this, [this] {
        m_settings->setValue(QLatin1StringView(languageKey), Net::CodeExport::languageId(language()));
        regenerate();
    });
    regenerate();
    m_copy->setFocus();
}

CodeExportDialog::~CodeExportDialog() = default;

Net::CodeLanguage CodeExportDialog::language() const
{
    return Net::CodeLanguage(m_languages->currentData().toInt());
}

void CodeExportDialog::setLanguage(Net::CodeLanguage language)
{
    const int index = m_languages->findData(int(language));
    if (index >= 0)
        m_languages->setCurrentIndex(index);
}

QString CodeExportDialog::snippet() const
{
    return m_view->toPlainText();
}

void CodeExportDialog::copyToClipboard()
{
    QApplication::clipboard()->setText(snippet());
    m_status->setText(tr("Copied %1 to the clipboard.").arg(Net::CodeExport::languageName(language())));
}

void CodeExportDialog::regenerate()
{
    m_view->setPlainText(Net::CodeExport::generate(language(), m_endpoint, m_request));
    m_status->clear();
}

} // namespace Sextant::App
