// SPDX-License-Identifier: MIT
// Sextant: the Preferences dialog (editor font, theme, default timeout, history size).
#include "settingsdialog.h"

#include "ui_settingsdialog.h"

#include <QPushButton>

namespace Sextant::App {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->themeCombo->addItem(tr("System"), QVariant::fromValue(AppSettings::Theme::System));
    m_ui->themeCombo->addItem(tr("Light"), QVariant::fromValue(AppSettings::Theme::Light));
    m_ui->themeCombo->addItem(tr("Dark"), QVariant::fromValue(AppSettings::Theme::Dark));
    m_ui->timeoutSpin->setMaximum(AppSettings::MaxTimeoutSeconds);
    m_ui->historySpin->setRange(AppSettings::MinHistorySize, AppSettings::MaxHistorySize);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);

    if (m_settings) {
        showValues(m_settings->editorFont(), m_settings->theme(), m_settings->defaultTimeoutSeconds(),
                   m_settings->historySize());
    } else {
        restoreDefaults();
    }
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::showValues(const QFont &font, AppSettings::Theme theme, int timeoutSeconds, int historySize)
{
    // The combo lists monospaced families only; a family it does not list (e.g. the "Monospace" alias of the
    // system fixed font) is added so the dialog never silently swaps the user's font for another.
    if (m_ui->fontCombo->findText(font.family()) < 0)
        m_ui->fontCombo->addItem(font.family());
    m_ui->fontCombo->setCurrentIndex(m_ui->fontCombo->findText(font.family()));
    m_ui->fontSizeSpin->setValue(font.pointSize() > 0 ? font.pointSize()
                                                      : AppSettings::defaultEditorFont().pointSize());
    m_ui->themeCombo->setCurrentIndex(m_ui->themeCombo->findData(QVariant::fromValue(theme)));
    m_ui->timeoutSpin->setValue(timeoutSeconds);
    m_ui->historySpin->setValue(historySize);
}

QFont SettingsDialog::editorFont() const
{
    QFont font = AppSettings::defaultEditorFont();
    font.setFamily(m_ui->fontCombo->currentText());
    font.setPointSize(m_ui->fontSizeSpin->value());
    return font;
}

AppSettings::Theme SettingsDialog::theme() const
{
    return m_ui->themeCombo->currentData().value<AppSettings::Theme>();
}

int SettingsDialog::defaultTimeoutSeconds() const
{
    return m_ui->timeoutSpin->value();
}

int SettingsDialog::historySize() const
{
    return m_ui->historySpin->value();
}

void SettingsDialog::restoreDefaults()
{
    showValues(AppSettings::defaultEditorFont(), AppSettings::defaultTheme(),
               AppSettings::defaultDefaultTimeoutSeconds(), AppSettings::defaultHistorySize());
}

void SettingsDialog::accept()
{
    if (m_settings) {
        m_settings->setEditorFont(editorFont());
        m_settings->setTheme(theme());
        m_settings->setDefaultTimeoutSeconds(defaultTimeoutSeconds());
        m_settings->setHistorySize(historySize());
    }
    QDialog::accept();
}

} // namespace Sextant::App
