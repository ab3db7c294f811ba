// SPDX-License-Identifier: MIT
// Sextant: live syntax and validation diagnostics for the query editor.
#include "editordiagnostics.h"

#include "editorsetup.h"

#include <core/language/parser.h>
#include <core/schema/schema.h>
#include <core/validation/validator.h>

#include <Qsci/qsciscintilla.h>

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace Sextant::App {

namespace {

// Runs on a worker thread: only immutable inputs (a text copy, a shared const Schema).
QList<Diagnostic> check(const QString &text, std::shared_ptr<const Core::Schema> schema)
{
    QList<Diagnostic> diagnostics;
    if (text.trimmed().isEmpty())
        return diagnostics;
    const Core::ParseResult parsed = Core::Parser::parse(text, Core::ParseMode::Tolerant);
    for (const Core::SyntaxError &error : parsed.errors)
        diagnostics.append({error.message, {error.location}});
    if (parsed.errors.isEmpty() && schema && parsed.document) {
        for (const Core::ValidationError &error : Core::Validator::validate(*schema, *parsed.document))
            diagnostics.append({error.message, error.locations});
    }
    return diagnostics;
}

} // namespace

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

EditorDiagnostics::~EditorDiagnostics() = default;

void EditorDiagnostics::setSchema(std::shared_ptr<const Core::Schema> schema)
{
    m_schema = std::move(schema);
    refreshNow();
}

void EditorDiagnostics::refreshNow()
{
    m_timer->stop();
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<QList<Diagnostic>>(this);
    connect(watcher, &QFutureWatcher<QList<Diagnostic>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        show(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(check, m_editor->text(), m_schema));
}

void EditorDiagnostics::showSyntaxErrors(const QList<Core::SyntaxError> &errors)
{
    QList<Diagnostic> diagnostics;
    for (const Core::SyntaxError &error : errors)
        diagnostics.append({error.message, {error.location}});
    show(++m_generation, diagnostics);
}

void EditorDiagnostics::show(quint64 generation, const QList<Diagnostic> &diagnostics)
{
    if (generation != m_generation)
        return; // a newer text is being checked: never show stale squiggles
    m_diagnostics = diagnostics;
    clearErrorMarks(m_editor);
    for (const Diagnostic &diagnostic : diagnostics) {
        for (const Core::SourceLocation &location : diagnostic.locations) {
            if (location.line > 0)
                markError(m_editor, location.line, location.column);
        }
    }
    emit diagnosticsChanged();
}

const QList<Diagnostic> &EditorDiagnostics::diagnostics() const
{
    return m_diagnostics;
}

QString EditorDiagnostics::summary() const
{
    if (m_diagnostics.isEmpty())
        return {};
    const Diagnostic &first = m_diagnostics.first();
    QString text = first.message;
    if (!first.locations.isEmpty() && first.locations.first().line > 0)
        text += QStringLiteral(" (line %1, column %2)").arg(first.locations.first().line).arg(first.locations.first().column);
    if (m_diagnostics.size() > 1)
        text += QStringLiteral(" — and %1 more").arg(m_diagnostics.size() - 1);
    return text;
}

QString EditorDiagnostics::messageAt(int line, int column) const
{
    QStringList messages;
    for (const Diagnostic &diagnostic : m_diagnostics) {
        for (const Core::SourceLocation &location : diagnostic.locations) {
            if (location.line == line && location.column <= column) {
                messages << diagnostic.message;
                break;
            }
        }
    }
    messages.removeDuplicates();
    return messages.join(u'\n');
}

} // namespace Sextant::App
