// SPDX-License-Identifier: MIT
// Sextant: inserts a schema field into the operation under an editor's caret (schema browser → query editor).
#include "fieldinserter.h"

#include "editorsetup.h"

#include <core/completion/fieldinsertion.h>

#include <Qsci/qsciscintilla.h>

#include <QString>

namespace Sextant::App {

namespace {

// Scintilla (UTF-8 byte) position of a UTF-16 offset into `text`.
int bytePositionOf(const QString &text, int utf16Offset)
{
    return int(QStringView(text).left(qBound(0, utf16Offset, int(text.size()))).toUtf8().size());
}

} // namespace

bool insertField(QsciScintilla *editor, const Core::Schema &schema, const QString &typeName, const QString &fieldName,
                 QString *message)
{
    if (message)
        message->clear();
    if (!editor)
        return false;
    if (editor->isReadOnly()) {
        if (message)
            *message = QStringLiteral("The editor is read-only.");
        return false;
    }
    const QString text = editor->text();
    const int caretPosition = int(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
    const Core::FieldInsertion plan =
        Core::planFieldInsertion(schema, text, utf16OffsetOfPosition(editor, caretPosition), typeName, fieldName);
    if (!plan.message.isEmpty()) {
        if (message)
            *message = plan.message;
        return false;
    }

    if (!plan.edits.isEmpty()) {
        editor->beginUndoAction();
        // Last edit first: the offsets of the earlier ones stay those of the original text.
        for (qsizetype i = plan.edits.size() - 1; i >= 0; --i) {
            const Core::TextEdit &edit = plan.edits.at(i);
            const int start = bytePositionOf(text, edit.offset);
            const int end = bytePositionOf(text, edit.offset + edit.length);
            const QByteArray replacement = edit.text.toUtf8();
            editor->SendScintilla(QsciScintilla::SCI_SETTARGETSTART, static_cast<unsigned long>(start));
            editor->SendScintilla(QsciScintilla::SCI_SETTARGETEND, static_cast<unsigned long>(end));
            editor->SendScintilla(QsciScintilla::SCI_REPLACETARGET, static_cast<unsigned long>(replacement.size()),
                                  replacement.constData());
        }
        editor->endUndoAction();
    }

    const int position = bytePositionOf(editor->text(), plan.cursorOffset);
    const int line = int(editor->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, static_cast<unsigned long>(position)));
    editor->ensureLineVisible(line);
    editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, static_cast<unsigned long>(position));
    editor->SendScintilla(QsciScintilla::SCI_SCROLLCARET);
    return true;
}

} // namespace Sextant::App
