// SPDX-License-Identifier: MIT
// Sextant: live syntax and validation diagnostics for the query editor.
#include "editordiagnostics.h"

#include "editorsetup.h"

#include <core/language/lexer.h>
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

// The UTF-16 range [first, second) of the token a problem points at (graphql-js locations are token starts):
// a Name, a whole string or number, `$name` for a variable, `@name` for a directive, `...` for a spread. At the end
// of the text (an unexpected <EOF>) the last character; at least one character otherwise.
std::pair<int, int> tokenRange(const QString &text, int offset)
{
    const int size = int(text.size());
    if (size == 0)
        return {0, 0};
    if (offset >= size)
        return {size - 1, size};
    offset = qMax(0, offset);
    Core::Lexer lexer(QStringView(text).mid(offset));
    const Core::Token token = lexer.next();
    if (token.kind == Core::TokenKind::EndOfFile || token.start != 0)
        return {offset, offset + 1}; // whitespace or a comment at the location: mark the character there
    int end = token.end;
    if (token.kind == Core::TokenKind::Dollar || token.kind == Core::TokenKind::At) {
        const Core::Token name = lexer.next();
        if (name.kind == Core::TokenKind::Name && name.start == token.end)
            end = name.end;
    }
    return {offset, offset + qMax(1, end)};
}

int utf16Offset(const QString &text, const Core::SourceLocation &location)
{
    if (location.offset >= 0)
        return location.offset;
    // Only line and column known: count lines (\r\n, \n and \r each end one, spec §2.1.2).
    int line = 1;
    int at = 0;
    while (line < location.line && at < text.size()) {
        const QChar c = text.at(at++);
        if (c == u'\r' && at < text.size() && text.at(at) == u'\n')
            ++at;
        if (c == u'\r' || c == u'\n')
            ++line;
    }
    return at + location.column - 1;
}

} // namespace

EditorDiagnostics::EditorDiagnostics(QsciScintilla *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(300);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        // A check still running is for an older text: its result must not be shown (the squiggles already on
        // the screen move with the edit; they are replaced when the new check ends).
        ++m_generation;
        m_timer->start();
    });
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
    const QString text = m_editor->text();
    // Scintilla positions are UTF-8 byte offsets.
    const auto bytePosition = [&text](int utf16) { return int(QStringView(text).left(utf16).toUtf8().size()); };
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, ErrorIndicator);
    for (const Diagnostic &diagnostic : diagnostics) {
        for (const Core::SourceLocation &location : diagnostic.locations) {
            if (location.line <= 0)
                continue;
            const auto [start, end] = tokenRange(text, utf16Offset(text, location));
            if (end <= start)
                continue;
            const int from = bytePosition(start);
            m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, from, bytePosition(end) - from);
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
