// SPDX-License-Identifier: MIT
// Sextant: the user's preferences (editor font, theme, request timeout, history size), typed, over QSettings.
#include "appsettings.h"

#include <QFontDatabase>
#include <QList>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

// The keys, declared once. Values are stored as strings/ints so the file stays readable and hand-editable.
constexpr QLatin1StringView EditorFontKey("editor/font");
constexpr QLatin1StringView ThemeKey("appearance/theme");
constexpr QLatin1StringView TimeoutKey("network/defaultTimeoutSeconds");
constexpr QLatin1StringView HistorySizeKey("history/size");
constexpr QLatin1StringView AllKeys[] = {EditorFontKey, ThemeKey, TimeoutKey, HistorySizeKey};

QString themeName(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Theme::Light:
        return u"light"_s;
    case AppSettings::Theme::Dark:
        return u"dark"_s;
    case AppSettings::Theme::System:
        break;
    }
    return u"system"_s;
}

// Every live AppSettings, so a write through one reaches the others of the same file (GUI thread only).
QList<AppSettings *> &liveInstances()
{
    static QList<AppSettings *> instances;
    return instances;
}

} // namespace

struct AppSettings::Values
{
    QFont editorFont;
    Theme theme;
    int timeoutSeconds;
    int historySize;
    bool operator==(const Values &) const = default;
};

AppSettings::AppSettings(QObject *parent) : QObject(parent), m_settings(std::make_unique<QSettings>())
{
    liveInstances().append(this);
}

AppSettings::AppSettings(const QString &fileName, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
    liveInstances().append(this);
}

AppSettings::~AppSettings()
{
    liveInstances().removeOne(this);
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

QFont AppSettings::defaultEditorFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(10);
    return font;
}

QFont AppSettings::editorFont() const
{
    const QString text = m_settings->value(EditorFontKey).toString();
    QFont font;
    if (text.isEmpty() || !font.fromString(text) || font.family().isEmpty())
        return defaultEditorFont();
    return font;
}

void AppSettings::setEditorFont(const QFont &font)
{
    write(EditorFontKey, font.toString());
}

AppSettings::Theme AppSettings::theme() const
{
    const QString name = m_settings->value(ThemeKey).toString().toLower();
    if (name == u"light")
        return Theme::Light;
    if (name == u"dark")
        return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    write(ThemeKey, themeName(theme));
}

int AppSettings::defaultTimeoutSeconds() const
{
    bool ok = false;
    const int seconds = m_settings->value(TimeoutKey).toInt(&ok);
    return ok ? qBound(0, seconds, MaxTimeoutSeconds) : defaultDefaultTimeoutSeconds();
}

void AppSettings::setDefaultTimeoutSeconds(int seconds)
{
    write(TimeoutKey, qBound(0, seconds, MaxTimeoutSeconds));
}

int AppSettings::timeoutMsFor(Net::EndpointKind kind) const
{
    if (kind == Net::EndpointKind::DaggerSession)
        return 0;
    return defaultTimeoutSeconds() * 1000;
}

Net::EndpointProfile AppSettings::withTimeout(Net::EndpointProfile profile) const
{
    profile.timeoutMs = timeoutMsFor(profile.kind);
    return profile;
}

int AppSettings::historySize() const
{
    bool ok = false;
    const int entries = m_settings->value(HistorySizeKey).toInt(&ok);
    return ok ? qBound(MinHistorySize, entries, MaxHistorySize) : defaultHistorySize();
}

void AppSettings::setHistorySize(int entries)
{
    write(HistorySizeKey, qBound(MinHistorySize, entries, MaxHistorySize));
}

void AppSettings::restoreDefaults()
{
    const Values before = values();
    for (QLatin1StringView key : AllKeys)
        m_settings->remove(key);
    notifyIfChanged(before);
}

void AppSettings::sync()
{
    m_settings->sync();
}

AppSettings::Values AppSettings::values() const
{
    return {editorFont(), theme(), defaultTimeoutSeconds(), historySize()};
}

void AppSettings::write(QLatin1StringView key, const QVariant &value)
{
    const Values before = values();
    m_settings->setValue(key, value);
    notifyIfChanged(before);
}

void AppSettings::notifyIfChanged(const Values &before)
{
    if (values() == before)
        return;
    const QString file = fileName();
    // Copy: a slot may create or destroy AppSettings objects.
    const QList<AppSettings *> instances = liveInstances();
    for (AppSettings *settings : instances) {
        if (liveInstances().contains(settings) && (settings == this || settings->fileName() == file))
            emit settings->changed();
    }
}

} // namespace Sextant::App
