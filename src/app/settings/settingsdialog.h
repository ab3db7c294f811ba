// SPDX-License-Identifier: MIT
// Sextant: the Preferences dialog (editor font, theme, default timeout, history size).
#pragma once

#include "appsettings.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace Sextant::App {

/**
 * Edits an AppSettings: a monospaced font family (QFontComboBox filtered to monospaced fonts) and size, the theme
 * (System / Light / Dark), the default request timeout (0 = None) and the history size. Opens with the current
 * values; OK writes them (AppSettings emits changed() if any differs), Cancel writes nothing, Restore Defaults
 * puts the defaults in the controls (written on OK). The dialog does not own the settings; if they are destroyed
 * first, OK writes nothing. GUI thread only.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// The values as currently shown in the controls.
    QFont editorFont() const;
    AppSettings::Theme theme() const;
    int defaultTimeoutSeconds() const;
    int historySize() const;

    void restoreDefaults(); ///< the Restore Defaults button: defaults into the controls, nothing written yet

public slots:
    void accept() override; ///< writes the controls' values to the settings, then closes

private:
    void showValues(const QFont &font, AppSettings::Theme theme, int timeoutSeconds, int historySize);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    QPointer<AppSettings> m_settings;
};

} // namespace Sextant::App
