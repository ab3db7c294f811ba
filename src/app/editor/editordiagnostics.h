// SPDX-License-Identifier: MIT
// Sextant: live syntax and validation diagnostics for the query editor.
#pragma once

#include <core/language/sourcelocation.h>

#include <QList>
#include <QObject>

#include <memory>

class QsciScintilla;
class QTimer;

namespace Sextant::Core {
class Schema;
struct SyntaxError;
}

namespace Sextant::App {

/// One problem in the query document: a syntax error (GraphQL spec §2) or a validation error (§5).
struct Diagnostic {
    QString message;
    QList<Core::SourceLocation> locations; ///< 1-based line/column; may be empty
};

/**
 * Re-checks the query editor's text 300 ms after the last edit: a tolerant parse (Core::Parser) and, when it has
 * no syntax errors and a schema is known, Core::Validator (all graphql-js rules). The work runs on a worker thread
 * (Qt Concurrent) on a copy of the text and the immutable schema; any edit invalidates a check still running, so
 * the squiggles are never those of an older text. The token at each problem's location is underlined (a Name, a
 * whole string or number, `$variable`, `@directive`, `...`; the last character for an unexpected end) and
 * EditorHover shows the message. Never touches the text. Owned by and used from the GUI thread.
 */
class EditorDiagnostics final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorDiagnostics)

public:
    explicit EditorDiagnostics(QsciScintilla *editor, QObject *parent = nullptr);
    ~EditorDiagnostics() override;

    void setSchema(std::shared_ptr<const Core::Schema> schema); ///< nullptr: syntax only; re-checks
    void refreshNow();                                          ///< start a check of the current text now
    void showSyntaxErrors(const QList<Core::SyntaxError> &errors); ///< show these (from a strict parse at Run)
    const QList<Diagnostic> &diagnostics() const;
    QString summary() const;                ///< "Syntax Error: … (line 3, column 5)", or empty
    QString messageAt(int line, int column) const; ///< messages of problems starting on that line at/before column

signals:
    void diagnosticsChanged();

private:
    void show(quint64 generation, const QList<Diagnostic> &diagnostics);

    QsciScintilla *m_editor;
    QTimer *m_timer;
    std::shared_ptr<const Core::Schema> m_schema;
    QList<Diagnostic> m_diagnostics;
    quint64 m_generation = 0;
};

} // namespace Sextant::App
