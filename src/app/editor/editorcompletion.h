// SPDX-License-Identifier: MIT
// Sextant: schema-aware completion list in the query editor.
#pragma once

#include <core/completion/completer.h>

#include <QObject>

#include <memory>

class QsciScintilla;

namespace Sextant::Core {
class Schema;
}

namespace Sextant::App {

/**
 * Shows Core::complete() items (GraphQL spec-aware, from the schema only) in QScintilla's user list, each with its
 * type beside it: while typing a name, `@`, `$` or `(`, and on Ctrl+Space. Accepting an item replaces the name at the
 * caret (the part after the caret too, like GraphiQL) with its insert text (`field { }` with the caret inside for
 * composite fields, `field(arg: )` for required arguments); when that name is already followed by `(`, `{` or `:`,
 * only the name is replaced. GUI thread only; computing the items takes well under a millisecond even on the GitHub schema.
 */
class EditorCompletion final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorCompletion)

public:
    explicit EditorCompletion(QsciScintilla *editor, QObject *parent = nullptr);

    void setSchema(std::shared_ptr<const Core::Schema> schema);
    /// Computes the items at the caret and shows them; false (and nothing shown) when there are none, or when the
    /// caret is on no screen (items() still holds them then).
    bool showCompletions();
    const QList<Core::CompletionItem> &items() const; ///< the items last shown
    /// Inserts items()[index] as if the user picked it; false for a bad index.
    bool accept(int index);

private:
    void onCharAdded(int character);
    void onUserListActivated(int id, const QString &text);

    QsciScintilla *m_editor;
    std::shared_ptr<const Core::Schema> m_schema;
    QList<Core::CompletionItem> m_items;
    QStringList m_entries;
};

} // namespace Sextant::App
