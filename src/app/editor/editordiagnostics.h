// SPDX-License-Identifier: MIT
// Sextant: live syntax diagnostics for the query editor.
#pragma once

#include <core/language/parser.h>

#include <QObject>

class QsciScintilla;
class QTimer;

namespace Sextant::App {

/**
 * Re-parses the query editor's text (Core::Parser, tolerant mode) 300 ms after the last edit and underlines each
 * syntax error (GraphQL spec §2) with a squiggle; errors() and summary() give the messages. Validation against the
 * schema arrives with [2/6]. Never touches the text. GUI thread; parsing hand-written documents takes well under a
 * millisecond, so it stays on this thread until [3/6] moves big documents off it.
 */
class EditorDiagnostics final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorDiagnostics)

public:
    explicit EditorDiagnostics(QsciScintilla *editor, QObject *parent = nullptr);

    void refreshNow();                      ///< parse and mark immediately
    void show(const QList<Core::SyntaxError> &errors); ///< mark these errors (from a strict parse at Run)
    const QList<Core::SyntaxError> &errors() const;
    QString summary() const;                ///< "Syntax Error: … (line 3, column 5)", or empty

signals:
    void diagnosticsChanged();

private:
    QsciScintilla *m_editor;
    QTimer *m_timer;
    QList<Core::SyntaxError> m_errors;
};

} // namespace Sextant::App
