// SPDX-License-Identifier: MIT
// Sextant: completion, diagnostics and problem tooltips in the variables (JSON) editor.
#include "variablesassist.h"

#include "editorsetup.h"

#include <core/completion/jsoncursor.h>
#include <core/completion/variablescompletion.h>
#include <core/schema/schema.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QFutureWatcher>
#include <QStringView>
#include <QTimer>
#include <QToolTip>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Sextant::App {

namespace {

constexpr int UserListId = 11; // any positive id: Scintilla reports it back on activation

bool isNameChar(QChar c)
{
    return c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// Runs on a worker thread: only copies and the immutable schema.
QList<Core::VariableProblem> check(const QString &variables, const QString &document, const QString &operationName,
                                   std::shared_ptr<const Core::Schema> schema)
{
    if (schema)
        return Core::checkVariables(*schema, document, operationName, variables);
    // No schema yet: no operation can be resolved against it, so this checks the JSON syntax only.
    static const Core::Schema empty{Core::Schema::Contents{}};
    return Core::checkVariables(empty, QString(), QString(), variables);
}

int bytePosition(const QString &text, int utf16Offset)
{
    return int(QStringView(text).left(qBound(0, utf16Offset, int(text.size()))).toUtf8().size());
}

} // namespace

VariablesAssist::VariablesAssist(QsciScintilla *variablesEditor, QObject *parent)
    : QObject(parent), m_editor(variablesEditor), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(300);
    connect(m_timer, &QTimer::timeout, this, &VariablesAssist::refreshNow);
    connect(m_editor, &QsciScintilla::textChanged, this, &VariablesAssist::scheduleCheck);
    connect(m_editor, &QsciScintilla::SCN_CHARADDED, this, &VariablesAssist::onCharAdded);
    connect(m_editor, &QsciScintilla::userListActivated, this, &VariablesAssist::onUserListActivated);

    m_editor->SendScintilla(QsciScintilla::SCI_SETMOUSEDWELLTIME, 400);
    connect(m_editor, &QsciScintilla::SCN_DWELLSTART, this, &VariablesAssist::onDwellStart);
    connect(m_editor, &QsciScintilla::SCN_DWELLEND, this, [] { QToolTip::hideText(); });

    auto *complete = new QAction(m_editor);
    complete->setObjectName(QStringLiteral("Variables.Complete"));
    complete->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    complete->setShortcutContext(Qt::WidgetShortcut);
    connect(complete, &QAction::triggered, this, &VariablesAssist::showCompletions);
    m_editor->addAction(complete);
}

VariablesAssist::~VariablesAssist() = default;

void VariablesAssist::setSchema(std::shared_ptr<const Core::Schema> schema)
{
    m_schema = std::move(schema);
    scheduleCheck();
}

void VariablesAssist::setOperation(const QString &documentText, const QString &operationName)
{
    if (documentText == m_document && operationName == m_operationName)
        return;
    m_document = documentText;
    m_operationName = operationName;
    scheduleCheck();
}

void VariablesAssist::scheduleCheck()
{
    ++m_generation; // a check already running is for older text: its result will be dropped
    m_timer->start();
}

void VariablesAssist::refreshNow()
{
    m_timer->stop();
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<QList<Core::VariableProblem>>(this);
    connect(watcher, &QFutureWatcher<QList<Core::VariableProblem>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        show(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(check, m_editor->text(), m_document, m_operationName, m_schema));
}

void VariablesAssist::show(quint64 generation, const QList<Core::VariableProblem> &problems)
{
    if (generation != m_generation)
        return; // the text or the operation changed since: never show stale squiggles
    m_problems = problems;
    clearErrorMarks(m_editor);
    const QString text = m_editor->text();
    const int documentLength = int(m_editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, ErrorIndicator);
    for (const Core::VariableProblem &problem : std::as_const(m_problems)) {
        const int start = bytePosition(text, problem.offset);
        const int end = qMax(bytePosition(text, problem.offset + problem.length), qMin(start + 1, documentLength));
        if (end > start)
            m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, start, end - start);
    }
    emit diagnosticsChanged();
}

QList<Diagnostic> VariablesAssist::diagnostics() const
{
    QList<Diagnostic> diagnostics;
    for (const Core::VariableProblem &problem : m_problems)
        diagnostics.append({problem.message, {Core::SourceLocation{problem.line, problem.column, problem.offset}}});
    return diagnostics;
}

QList<Core::VariableProblem> VariablesAssist::problems() const
{
    return m_problems;
}

QString VariablesAssist::messageAt(int utf16Offset) const
{
    QStringList messages;
    for (const Core::VariableProblem &problem : m_problems) {
        if (utf16Offset >= problem.offset && utf16Offset < problem.offset + qMax(1, problem.length))
            messages << problem.message;
    }
    messages.removeDuplicates();
    return messages.join(u'\n');
}

void VariablesAssist::onDwellStart(int position, int x, int y)
{
    if (position < 0 || !m_editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, ErrorIndicator, position))
        return;
    const QString message = messageAt(utf16OffsetOfPosition(m_editor, position));
    if (!message.isEmpty())
        QToolTip::showText(m_editor->viewport()->mapToGlobal(QPoint(x, y)),
                           message.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")), m_editor->viewport());
}

int VariablesAssist::caretOffset() const
{
    return utf16OffsetOfPosition(m_editor, int(m_editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS)));
}

QList<Core::CompletionItem> VariablesAssist::completionsAtCaret() const
{
    if (!m_schema)
        return {};
    return Core::completeVariables(*m_schema, m_document, m_operationName, m_editor->text(), caretOffset());
}

bool VariablesAssist::showCompletions()
{
    m_items = completionsAtCaret();
    m_entries = showCompletionList(m_editor, UserListId, m_items);
    return !m_entries.isEmpty();
}

bool VariablesAssist::showIfEnumValues()
{
    const QList<Core::CompletionItem> items = completionsAtCaret();
    const bool hasEnumValue = std::any_of(items.cbegin(), items.cend(), [](const Core::CompletionItem &item) {
        return item.kind == Core::CompletionKind::EnumValue;
    });
    return hasEnumValue && showCompletions();
}

QList<Core::CompletionItem> VariablesAssist::items() const
{
    return m_items;
}

bool VariablesAssist::accept(int index)
{
    if (index < 0 || index >= m_items.size())
        return false;
    const Core::CompletionItem item = m_items[index];
    if (m_editor->isListActive())
        m_editor->cancelList();
    const int caret = caretOffset();
    const QString text = m_editor->text();
    const Core::JsonCursorContext context = Core::jsonCursorContext(text, caret);
    const int start = bytePosition(text, context.replaceStart);
    const int end = bytePosition(text, qMax(context.replaceStart + context.replaceLength, caret));
    const QString insert = item.insertText.isEmpty() ? item.label : item.insertText;
    const int caretInInsert = item.insertText.isEmpty() ? int(insert.size()) : item.cursorOffsetInInsert;
    m_editor->beginUndoAction();
    m_editor->SendScintilla(QsciScintilla::SCI_SETSEL, start, end);
    m_editor->replaceSelectedText(insert);
    m_editor->endUndoAction();
    m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, start + int(insert.left(caretInInsert).toUtf8().size()));
    m_items.clear();
    m_entries.clear();
    if (insert.endsWith(u": "))
        showIfEnumValues(); // a member name was inserted: offer its enum values right away
    return true;
}

void VariablesAssist::onCharAdded(int character)
{
    const QChar c = QChar(character);
    if (c == u'"') {
        const Core::JsonCursorContext context = Core::jsonCursorContext(m_editor->text(), caretOffset());
        if (context.position == Core::JsonCursorPosition::MemberName)
            showCompletions();
        else if (context.position == Core::JsonCursorPosition::Value)
            showIfEnumValues();
        return;
    }
    if (c == u' ') {
        const int caret = int(m_editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
        if (caret >= 2 && m_editor->SendScintilla(QsciScintilla::SCI_GETCHARAT, caret - 2) == ':')
            showIfEnumValues();
        else if (m_editor->isListActive())
            m_editor->cancelList();
        return;
    }
    if (isNameChar(c) && m_editor->isListActive())
        showCompletions(); // narrow the open list to what is typed now
    else if (m_editor->isListActive())
        m_editor->cancelList();
}

void VariablesAssist::onUserListActivated(int id, const QString &text)
{
    if (id != UserListId)
        return;
    accept(int(m_entries.indexOf(text)));
}

} // namespace Sextant::App
