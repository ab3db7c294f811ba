// SPDX-License-Identifier: MIT
// Sextant: inserts a schema field into the operation under an editor's caret (schema browser → query editor).
#pragma once

class QsciScintilla;
class QString;

namespace Sextant::Core {
class Schema;
}

namespace Sextant::App {

/**
 * Applies Core::planFieldInsertion() (core/completion/fieldinsertion.h: which operation and selection set, required
 * arguments as new variables, layout) to @p editor: the edits form ONE undo action (a single undo restores the text
 * exactly), then the caret moves to the planned position (inside the new field's braces or after it, or onto the
 * field when it was already selected) and is scrolled into view. GUI thread only.
 *
 * Returns false without touching the text when nothing could be done (unknown type or field, syntax error in the
 * document, no path to the type, read-only editor, ...) and then sets @p message (if not null) to a one-line reason;
 * on success @p message is cleared.
 */
bool insertField(QsciScintilla *editor, const Core::Schema &schema, const QString &typeName, const QString &fieldName,
                 QString *message = nullptr);

} // namespace Sextant::App
