// SPDX-License-Identifier: MIT
// Sextant: text actions on a QScintilla editor that keep the undo history: prettify/minify, comment toggle.
#include "editoractions.h"

#include <core/language/printer.h>

#include <Qsci/qsciscintilla.h>

#include <QString>

namespace Sextant::App {

void replaceAllText(QsciScintilla *editor, const QString &text)
{
    if (text == editor->text())
        return;
    editor->beginUndoAction();
    editor->selectAll();
    editor->replaceSelectedText(text);
    editor->endUndoAction();
}

bool reformatDocument(QsciScintilla *editor, bool minify, QString *error)
{
    QString printError;
    Core::PrintOptions options;
    options.minify = minify;
    const QString text = Core::printDocument(editor->text(), options, &printError);
    if (!printError.isEmpty()) {
        if (error)
            *error = printError;
        return false;
    }
    if (text == editor->text())
        return true;
    int line = 0;
    int index = 0;
    editor->getCursorPosition(&line, &index);
    replaceAllText(editor, text);
    editor->setCursorPosition(qMin(line, editor->lines() - 1), 0);
    return true;
}

void toggleLineComments(QsciScintilla *editor)
{
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    if (editor->hasSelectedText()) {
        editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        if (indexTo == 0 && lineTo > lineFrom)
            --lineTo; // a selection ending at a line start does not include that line
    } else {
        editor->getCursorPosition(&lineFrom, &indexFrom);
        lineTo = lineFrom;
    }
    bool allCommented = true;
    for (int line = lineFrom; line <= lineTo; ++line) {
        const QString text = editor->text(line).trimmed();
        if (!text.isEmpty() && !text.startsWith(u'#'))
            allCommented = false;
    }
    editor->beginUndoAction();
    for (int line = lineFrom; line <= lineTo; ++line) {
        QString text = editor->text(line);
        while (text.endsWith(u'\n') || text.endsWith(u'\r'))
            text.chop(1);
        if (text.trimmed().isEmpty())
            continue;
        const qsizetype first = text.indexOf(text.trimmed().front());
        QString replaced = text;
        if (allCommented)
            replaced.remove(first, text.mid(first).startsWith(QStringLiteral("# ")) ? 2 : 1);
        else
            replaced.insert(first, QStringLiteral("# "));
        const long start = editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line);
        const long end = editor->SendScintilla(QsciScintilla::SCI_GETLINEENDPOSITION, line);
        editor->SendScintilla(QsciScintilla::SCI_SETSEL, start, end);
        editor->replaceSelectedText(replaced);
    }
    editor->endUndoAction();
}

} // namespace Sextant::App
