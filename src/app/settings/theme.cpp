// SPDX-License-Identifier: MIT
// Sextant: applies the System / Light / Dark theme to the application (style and palette).
#include "theme.h"

#include <QApplication>
#include <QColor>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

// What the application looked like before the first applyTheme(): System goes back to it.
struct PlatformLook
{
    QString styleName;
    QPalette palette;
};

const PlatformLook &platformLook()
{
    static const PlatformLook look{QApplication::style() ? QApplication::style()->name() : QString(),
                                   QApplication::palette()};
    return look;
}

QPalette fusionLightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
    return fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
}

QPalette fusionDarkPalette()
{
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor alternateBase(0x26, 0x26, 0x29);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x2f, 0x65, 0xca);

    // Starting from the button colour gives consistent Light/Midlight/Dark/Mid/Shadow shades for Fusion's bevels.
    QPalette palette(QColor(0x3a, 0x3a, 0x3d), window);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternateBase);
    palette.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3c, 0x3c));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        palette.setColor(QPalette::Disabled, role, disabledText);
    }
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return palette;
}

} // namespace

QPalette themePalette(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Theme::Light:
        return fusionLightPalette();
    case AppSettings::Theme::Dark:
        return fusionDarkPalette();
    case AppSettings::Theme::System:
        break;
    }
    return qApp ? platformLook().palette : QPalette();
}

void applyTheme(AppSettings::Theme theme)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return;
    const PlatformLook &platform = platformLook(); // captured before the first change
    const QString styleName = theme == AppSettings::Theme::System ? platform.styleName : u"Fusion"_s;
    if (!styleName.isEmpty() && QApplication::style()->name().compare(styleName, Qt::CaseInsensitive) != 0) {
        if (QStyle *style = QStyleFactory::create(styleName))
            QApplication::setStyle(style); // takes ownership
    }
    const QPalette palette = themePalette(theme);
    if (palette != QApplication::palette()) // setPalette() repaints every widget even for an equal palette
        QApplication::setPalette(palette);
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

} // namespace Sextant::App
