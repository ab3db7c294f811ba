// SPDX-License-Identifier: MIT
// Sextant: QScintilla set-up shared by the editors, and position conversions.
#include "editorsetup.h"

#include <core/completion/completer.h>

#include <Qsci/qscilexerjson.h>
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qsciscintilla.h>

#include <QColor>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QScreen>

namespace Sextant::App {

void configureCodeEditor(QsciScintilla *editor)
{
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    editor->setFont(font);
    editor->setMarginsFont(font);
    editor->setUtf8(true);
    editor->setMarginType(0, QsciScintilla::NumberMargin);
    editor->setMarginWidth(0, QStringLiteral("0000"));
    editor->setMarginLineNumbers(0, true);
    editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    editor->setAutoIndent(true);
    editor->setIndentationsUseTabs(false);
    editor->setIndentationWidth(2);
    editor->setTabWidth(2);
    editor->setCaretLineVisible(true);
    editor->setCaretLineBackgroundColor(QColor(0xf5, 0xf7, 0xfa));
    editor->setWrapMode(QsciScintilla::WrapNone);
    // The horizontal scroll bar appears only when a line is wider than the view (Scintilla's default is 2000 px).
    editor->SendScintilla(QsciScintilla::SCI_SETSCROLLWIDTH, 1);
    editor->SendScintilla(QsciScintilla::SCI_SETSCROLLWIDTHTRACKING, 1);
    editor->indicatorDefine(QsciScintilla::SquiggleIndicator, ErrorIndicator);
    editor->setIndicatorForegroundColor(QColor(0xd0, 0x10, 0x10), ErrorIndicator);
}

void configureJsonEditor(QsciScintilla *editor)
{
    configureCodeEditor(editor);
    auto *lexer = new QsciLexerJSON(editor);
    lexer->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    lexer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setLexer(lexer);
}

int utf16OffsetOfPosition(QsciScintilla *editor, int bytePosition)
{
    if (bytePosition <= 0)
        return 0;
    QByteArray bytes = editor->bytes(0, bytePosition);
    if (bytes.endsWith('\0'))
        bytes.chop(1);
    return int(QString::fromUtf8(bytes).size());
}

int positionOfLineColumn(QsciScintilla *editor, int line, int column)
{
    const int lineIndex = qBound(0, line - 1, qMax(0, editor->lines() - 1));
    const QString lineText = editor->text(lineIndex);
    const int utf16Column = qBound(0, column - 1, int(lineText.size()));
    const int lineStart = int(editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, lineIndex));
    return lineStart + int(lineText.left(utf16Column).toUtf8().size());
}

void markError(QsciScintilla *editor, int line, int column)
{
    const int start = positionOfLineColumn(editor, line, column);
    const int lineIndex = qBound(0, line - 1, qMax(0, editor->lines() - 1));
    const int lineEnd = int(editor->SendScintilla(QsciScintilla::SCI_GETLINEENDPOSITION, lineIndex));
    int end = int(editor->SendScintilla(QsciScintilla::SCI_WORDENDPOSITION, start, true));
    if (end <= start)
        end = qMin(start + 1, qMax(lineEnd, start + 1));
    const int length = int(editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    int from = start;
    if (from >= length && length > 0) // error at end of input: underline the last character
        from = length - 1, end = length;
    editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, ErrorIndicator);
    editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, from, qMax(1, end - from));
}

void clearErrorMarks(QsciScintilla *editor)
{
    editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, ErrorIndicator);
    editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, 0,
                          editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
}

QStringList showCompletionList(QsciScintilla *editor, int listId, const QList<Core::CompletionItem> &items)
{
    const int position = int(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
    const QPoint caretPoint(int(editor->SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0UL, position)),
                            int(editor->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, position)));
    if (items.isEmpty() || !QGuiApplication::screenAt(editor->viewport()->mapToGlobal(caretPoint))) {
        if (editor->isListActive())
            editor->cancelList();
        return {};
    }
    QStringList entries;
    entries.reserve(items.size());
    for (const Core::CompletionItem &item : items) {
        QString entry = item.label;
        if (!item.detail.isEmpty())
            entry += QStringLiteral("  ") + item.detail;
        if (item.isDeprecated)
            entry += QStringLiteral("  (deprecated)");
        entries << entry;
    }
    editor->SendScintilla(QsciScintilla::SCI_AUTOCSETORDER, 2 /* SC_ORDER_CUSTOM: keep the given order */);
    editor->showUserList(listId, entries);
    return entries;
}

void releaseKeysForWindowActions(QsciScintilla *editor, const QList<QKeySequence> &keys)
{
    QsciCommandSet *commands = editor->standardCommands();
    for (const QKeySequence &sequence : keys) {
        if (sequence.count() != 1)
            continue;
        const int key = sequence[0].toCombined();
        if (QsciCommand *command = commands->boundTo(key)) {
            if (command->key() == key)
                command->setKey(0);
            if (command->alternateKey() == key)
                command->setAlternateKey(0);
        }
    }
}

} // namespace Sextant::App
