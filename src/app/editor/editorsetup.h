// SPDX-License-Identifier: MIT
// Sextant: QScintilla set-up shared by the editors, and position conversions.
#pragma once

#include <QKeySequence>
#include <QList>

#include <QList>
#include <QStringList>

class QsciScintilla;
class QString;

namespace Sextant::Core {
struct CompletionItem;
}

namespace Sextant::App {

/// Indicator number used for error squiggles in every editor.
inline constexpr int ErrorIndicator = 8;

/// Monospace font, line numbers, brace matching, auto-indent, 2-space indentation, error indicator.
void configureCodeEditor(QsciScintilla *editor);
/// configureCodeEditor() plus QScintilla's JSON lexer (QsciLexerJSON).
void configureJsonEditor(QsciScintilla *editor);
/// Unbinds each of @p keys from the editor's own commands (Ctrl+T is Scintilla's "transpose lines"), so the
/// window's actions with those shortcuts fire while the editor has focus. QScintilla claims every key it has a
/// command for before Qt's shortcut map sees it.
void releaseKeysForWindowActions(QsciScintilla *editor, const QList<QKeySequence> &keys);

/// UTF-16 offset into editor->text() of a Scintilla (UTF-8 byte) position.
int utf16OffsetOfPosition(QsciScintilla *editor, int bytePosition);
/// Scintilla byte position of a 1-based line and 1-based column (UTF-16 code units, as GraphQL locations count).
int positionOfLineColumn(QsciScintilla *editor, int line, int column);
/// Underlines from the 1-based line/column to the end of the token there (at least one character).
void markError(QsciScintilla *editor, int line, int column);
void clearErrorMarks(QsciScintilla *editor);

/**
 * Shows @p items in QScintilla's user list @p listId in their given order (required first, deprecated last), each
 * entry "label  detail" plus "  (deprecated)"; returns the entries shown. Shows nothing (and closes an open list)
 * when there are no items, or when the caret is on no screen: QScintilla places the list on
 * QGuiApplication::screenAt(caret) and would dereference null there (a window partly off the desktop).
 */
QStringList showCompletionList(QsciScintilla *editor, int listId, const QList<Core::CompletionItem> &items);

} // namespace Sextant::App
