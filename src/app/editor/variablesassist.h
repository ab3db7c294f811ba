// SPDX-License-Identifier: MIT
// Sextant: completion, diagnostics and problem tooltips in the variables (JSON) editor.
#pragma once

#include "editordiagnostics.h"

#include <core/completion/completer.h>
#include <core/completion/variablesdiagnostics.h>

#include <QObject>
#include <QStringList>

#include <memory>

class QsciScintilla;
class QTimer;

namespace Sextant::Core {
class Schema;
}

namespace Sextant::App {

/**
 * Attaches to the variables QsciScintilla: Core::completeVariables() items (variable names, input fields, enum
 * values, true/false/null, `{}`/`[]`) in QScintilla's user list on Ctrl+Space, on typing `"` where a member name or
 * an enum value goes and after `: ` before an enum value; and Core::checkVariables() problems (JSON syntax, then
 * spec §6.1.2 coercion worded like graphql-js) 300 ms after the last edit of either text, underlined with
 * ErrorIndicator and shown as a tooltip when the mouse rests on them. The check runs on a worker thread (Qt
 * Concurrent) on copies of both texts and the immutable schema; results for older texts are dropped. Without a
 * schema nothing is completed and only JSON syntax is checked. GUI thread only; never changes the text except when
 * a completion is accepted.
 */
class VariablesAssist final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablesAssist)

public:
    explicit VariablesAssist(QsciScintilla *variablesEditor, QObject *parent = nullptr);
    ~VariablesAssist() override;

    void setSchema(std::shared_ptr<const Core::Schema> schema); ///< re-checks (debounced)
    /// The GraphQL document and the operation whose variables are edited (empty name: the first); re-checks
    /// (debounced) when either changed.
    void setOperation(const QString &documentText, const QString &operationName);

    /// Computes the items at the caret and shows them; false (and nothing shown) when there are none.
    bool showCompletions();
    QList<Core::CompletionItem> items() const; ///< the items last shown
    /// Inserts items()[index] over the name or value being typed, as if the user picked it; false for a bad index.
    bool accept(int index);

    QList<Diagnostic> diagnostics() const;         ///< one location each: where the underline starts
    QList<Core::VariableProblem> problems() const; ///< the same with paths and lengths
    /// Messages (plain text, one per line) of the problems covering a UTF-16 offset of the variables text.
    QString messageAt(int utf16Offset) const;
    void refreshNow(); ///< check now instead of after the debounce

signals:
    void diagnosticsChanged();

private:
    void scheduleCheck();
    void show(quint64 generation, const QList<Core::VariableProblem> &problems);
    void onCharAdded(int character);
    void onUserListActivated(int id, const QString &text);
    void onDwellStart(int position, int x, int y);
    bool showIfEnumValues();
    int caretOffset() const; ///< UTF-16
    QList<Core::CompletionItem> completionsAtCaret() const;

    QsciScintilla *m_editor;
    QTimer *m_timer;
    std::shared_ptr<const Core::Schema> m_schema;
    QString m_document;
    QString m_operationName;
    QList<Core::CompletionItem> m_items;
    QStringList m_entries;
    QList<Core::VariableProblem> m_problems;
    quint64 m_generation = 0;
};

} // namespace Sextant::App
