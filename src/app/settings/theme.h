// SPDX-License-Identifier: MIT
// Sextant: applies the System / Light / Dark theme to the application (style and palette).
#pragma once

#include "appsettings.h"

#include <QPalette>

namespace Sextant::App {

/**
 * Qt 6.4 has no colour-scheme setter, so Light and Dark are explicit palettes on the Fusion style (Fusion draws
 * every control from the palette, so both look the same on every platform); System puts back the style and the
 * palette the application started with (the platform's). applyTheme() remembers those on its first call, so call
 * it once at start-up before anything else changes the style or palette. GUI thread only; needs a QApplication
 * (without one, applyTheme() does nothing).
 */

/// The palette of @p theme: Fusion's own light palette, a dark Fusion palette, or the platform's for System.
QPalette themePalette(AppSettings::Theme theme);
/// Sets the application's style and palette for @p theme; every widget repaints.
void applyTheme(AppSettings::Theme theme);
/// True when @p palette draws light text on a dark window (also true for System on a dark desktop).
bool isDarkPalette(const QPalette &palette);

} // namespace Sextant::App
