// SPDX-License-Identifier: MIT
// Sextant: gives a QScintilla editor the preferred font and the light or dark colours of the theme.
#pragma once

class QFont;
class QsciScintilla;

namespace Sextant::App {

class AppSettings;

/**
 * Applies @p font to every style of the editor's lexer (keeping each style's bold/italic) and to its margins, and
 * the light or dark colours: App::GraphQLLexer switches with setDarkTheme(), QScintilla's JSON lexer gets a dark
 * variant of its colours (or its own defaults back), an editor without a lexer gets plain text and paper colours;
 * the margins, caret line and selection follow. Safe to call again whenever the settings change; a null editor is
 * ignored. GUI thread only.
 */
void applyEditorAppearance(QsciScintilla *editor, const QFont &font, bool dark);
/// The same with AppSettings::editorFont() and dark = isDarkPalette(QApplication::palette()), i.e. call it after
/// applyTheme() so System follows a dark desktop too.
void applyEditorAppearance(QsciScintilla *editor, const AppSettings &settings);

} // namespace Sextant::App
