// SPDX-License-Identifier: MIT
// Sextant: live syntax diagnostics for the query editor.
#include "editordiagnostics.h"

#include "editorsetup.h"

#include <Qsci/qsciscintilla.h>

#include <QTimer>

namespace Sextant::App {

EditorDiagnostics::EditorDiagnostics(QsciScintilla *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(300);
    connect(m_editor, &QsciScintilla::textChanged, m_timer, qOverload<>(&QTimer::start));
    connect(m_timer, &QTimer::timeout, this, &EditorDiagnostics::refreshNow);
}

void EditorDiagnostics::refreshNow()
{
    m_timer->stop();
    const QString text = m_editor->text();
    if (text.trimmed().isEmpty()) {
        show({});
        return;
    }
    show(Core::Parser::parse(text, Core::ParseMode::Tolerant).errors);
}

void EditorDiagnostics::show(const QList<Core::SyntaxError> &errors)
{
    m_errors = errors;
    clearErrorMarks(m_editor);
    for (const Core::SyntaxError &error : errors) {
        if (error.location.line > 0)
            markError(m_editor, error.location.line, error.location.column);
    }
    emit diagnosticsChanged();
}

const QList<Core::SyntaxError> &EditorDiagnostics::errors() const
{
    return m_errors;
}

QString EditorDiagnostics::summary() const
{
    if (m_errors.isEmpty())
        return {};
    const Core::SyntaxError &first = m_errors.first();
    QString text = first.message;
    if (first.location.line > 0)
        text += QStringLiteral(" (line %1, column %2)").arg(first.location.line).arg(first.location.column);
    if (m_errors.size() > 1)
        text += QStringLiteral(" — and %1 more").arg(m_errors.size() - 1);
    return text;
}

} // namespace Sextant::App
