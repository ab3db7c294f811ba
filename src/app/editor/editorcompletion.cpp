// SPDX-License-Identifier: MIT
// Sextant: schema-aware completion list in the query editor.
#include "editorcompletion.h"

#include "editorsetup.h"

#include <core/schema/schema.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>

namespace Sextant::App {

namespace {

constexpr int UserListId = 7; // any positive id: Scintilla reports it back on activation

bool isNameChar(QChar c)
{
    return c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

} // namespace

EditorCompletion::EditorCompletion(QsciScintilla *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
{
    // Keep Core::complete()'s ranking (required arguments first, deprecated last) instead of sorting.
    m_editor->SendScintilla(QsciScintilla::SCI_AUTOCSETORDER, 2 /* SC_ORDER_CUSTOM */);
    m_editor->SendScintilla(QsciScintilla::SCI_AUTOCSETMAXHEIGHT, 12);
    connect(m_editor, &QsciScintilla::SCN_CHARADDED, this, &EditorCompletion::onCharAdded);
    connect(m_editor, &QsciScintilla::userListActivated, this, &EditorCompletion::onUserListActivated);

    auto *complete = new QAction(m_editor);
    complete->setObjectName(QStringLiteral("Editor.Complete"));
    complete->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    complete->setShortcutContext(Qt::WidgetShortcut);
    connect(complete, &QAction::triggered, this, &EditorCompletion::showCompletions);
    m_editor->addAction(complete);
}

void EditorCompletion::setSchema(std::shared_ptr<const Core::Schema> schema)
{
    m_schema = std::move(schema);
}

bool EditorCompletion::showCompletions()
{
    m_items.clear();
    m_entries.clear();
    if (!m_schema)
        return false;
    const int cursor = utf16OffsetOfPosition(m_editor, int(m_editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS)));
    m_items = Core::complete(*m_schema, m_editor->text(), cursor);
    // The items stay available (accept()) even when no list could be shown.
    m_entries = showCompletionList(m_editor, UserListId, m_items);
    return !m_entries.isEmpty();
}

const QList<Core::CompletionItem> &EditorCompletion::items() const
{
    return m_items;
}

bool EditorCompletion::accept(int index)
{
    if (index < 0 || index >= m_items.size())
        return false;
    const Core::CompletionItem item = m_items[index];
    if (m_editor->isListActive())
        m_editor->cancelList();
    // Replace the whole name at the caret, also the part after it (and a typed `$` when the item brings its own),
    // like GraphiQL replaces the token being completed.
    const int caret = int(m_editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
    const QString text = m_editor->text();
    const int caretUtf16 = utf16OffsetOfPosition(m_editor, caret);
    int start = caretUtf16;
    while (start > 0 && isNameChar(text[start - 1]))
        --start;
    if (item.insertText.startsWith(u'$') && start > 0 && text[start - 1] == u'$')
        --start;
    int end = caretUtf16;
    while (end < text.size() && isNameChar(text[end]))
        ++end;
    const int startBytes = caret - int(QStringView(text).mid(start, caretUtf16 - start).toUtf8().size());
    const int endBytes = caret + int(QStringView(text).mid(caretUtf16, end - caretUtf16).toUtf8().size());
    QString insert = item.insertText.isEmpty() ? item.label : item.insertText;
    int caretInInsert = item.insertText.isEmpty() ? int(insert.size()) : item.cursorOffsetInInsert;
    // Renaming a field, argument or directive that already has its `(…)`, `{…}` or `: value`: only the name.
    int next = end;
    while (next < text.size() && (text[next] == u' ' || text[next] == u'\t' || text[next] == u'\n' || text[next] == u'\r'))
        ++next;
    if (next < text.size() && (text[next] == u'(' || text[next] == u'{' || text[next] == u':')
        && insert.size() > item.label.size() && insert.startsWith(item.label)) {
        insert = item.label;
        caretInInsert = int(insert.size());
    }
    m_editor->SendScintilla(QsciScintilla::SCI_SETSEL, startBytes, endBytes);
    m_editor->replaceSelectedText(insert);
    m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS,
                            startBytes + int(QStringView(insert).left(caretInInsert).toUtf8().size()));
    m_items.clear();
    m_entries.clear();
    return true;
}

void EditorCompletion::onCharAdded(int character)
{
    const QChar c = QChar(character);
    // GraphiQL's triggers: a name character, `@` (directives), `$` (variables) and `(` (arguments).
    if (isNameChar(c) || c == u'@' || c == u'$' || c == u'(')
        showCompletions();
    else if (m_editor->isListActive())
        m_editor->cancelList();
}

void EditorCompletion::onUserListActivated(int id, const QString &text)
{
    if (id != UserListId)
        return;
    accept(int(m_entries.indexOf(text)));
}

} // namespace Sextant::App
