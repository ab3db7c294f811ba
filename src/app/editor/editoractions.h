// SPDX-License-Identifier: MIT
// Sextant: text actions on a QScintilla editor that keep the undo history: prettify/minify, comment toggle.
#pragma once

class QsciScintilla;
class QString;

namespace Sextant::App {

/// Replaces the whole text of @p editor with @p text as ONE undo step (Ctrl+Z gives back exactly what was there).
/// Does nothing when the text is already equal. GUI thread.
void replaceAllText(QsciScintilla *editor, const QString &text);

/**
 * Prettifies (or with @p minify, minifies) the GraphQL document in @p editor with Core::printDocument (graphql-js
 * print() layout; comments kept when prettifying) as one undo step, keeping the caret on its line. A document
 * with a syntax error is left untouched: false, and *error gets the parser's message. GUI thread.
 */
bool reformatDocument(QsciScintilla *editor, bool minify, QString *error);

/**
 * Ctrl+/ : comments the selected lines (or the caret's line) with `# ` (GraphQL comments, spec §2.1.4), or
 * uncomments them when every non-blank one is already commented. Blank lines are left alone; one undo step.
 */
void toggleLineComments(QsciScintilla *editor);

} // namespace Sextant::App
