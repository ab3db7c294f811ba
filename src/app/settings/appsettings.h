// SPDX-License-Identifier: MIT
// Sextant: the user's preferences (editor font, theme, request timeout, history size), typed, over QSettings.
#pragma once

#include <net/endpointprofile.h>

#include <QFont>
#include <QObject>

#include <memory>

class QSettings;

namespace Sextant::App {

/**
 * Owns the user's preferences, one typed getter/setter per key, stored with QSettings (the application's
 * organization and name, "Sextant"/"Sextant", so ~/.config/Sextant/Sextant.conf; or an explicit INI file). Each
 * key and its default is declared once in appsettings.cpp. Preferences only: the session (tabs, text, endpoint) is
 * the workspace's business.
 *
 * Every AppSettings of the process stays in step: a setter that changes a value emits changed() on this object and
 * on every other AppSettings reading the same file (QSettings shares its cache inside a process), so the window,
 * the dialog and the application can each hold one. Setters that do not change the value emit nothing.
 *
 * Bad input: out-of-range numbers are clamped (timeout 0..86400 s, history 1..100000), an unknown theme stored in
 * the file reads as System, a font that does not parse reads as the default. GUI thread only (QSettings itself is
 * reentrant, the change notification is not).
 */
class AppSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    static constexpr int MaxTimeoutSeconds = 86400;
    static constexpr int MinHistorySize = 1;
    static constexpr int MaxHistorySize = 100000;

    /// The application's settings (QCoreApplication organization and application names).
    explicit AppSettings(QObject *parent = nullptr);
    /// Settings in the INI file @p fileName (tests, portable installs).
    explicit AppSettings(const QString &fileName, QObject *parent = nullptr);
    ~AppSettings() override;

    QString fileName() const; ///< where the values are stored

    /// The font of the query, variables and headers editors. Default: the system fixed font, size 10.
    QFont editorFont() const;
    void setEditorFont(const QFont &font);
    static QFont defaultEditorFont();

    /// System = the platform's style and palette; Light / Dark = Fusion with an explicit palette (theme.h).
    Theme theme() const;
    void setTheme(Theme theme);
    static constexpr Theme defaultTheme() { return Theme::System; }

    /// Transfer (inactivity) timeout of HTTP profiles in seconds; 0 = none. Default 60.
    int defaultTimeoutSeconds() const;
    void setDefaultTimeoutSeconds(int seconds);
    static constexpr int defaultDefaultTimeoutSeconds() { return 60; }
    /// Net::EndpointProfile::timeoutMs for a profile of @p kind: the default timeout for GenericHttp and Dagster,
    /// always 0 for a Dagger session (PROTOCOLS.md §5.5: builds run for minutes).
    int timeoutMsFor(Net::EndpointKind kind) const;
    /// @p profile with timeoutMs set by timeoutMsFor(profile.kind).
    Net::EndpointProfile withTimeout(Net::EndpointProfile profile) const;

    /// How many entries the request history keeps. Default 1000.
    int historySize() const;
    void setHistorySize(int entries);
    static constexpr int defaultHistorySize() { return 1000; }

    /// Removes every key, so each getter returns its default (emits changed() if any value changes).
    void restoreDefaults();
    /// Writes pending changes to disk now (QSettings also does it on its own and on destruction).
    void sync();

signals:
    /// A value changed, through this object or another AppSettings of the same file.
    void changed();

private:
    struct Values;
    Values values() const;
    void write(QLatin1StringView key, const QVariant &value);
    void notifyIfChanged(const Values &before);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Sextant::App
