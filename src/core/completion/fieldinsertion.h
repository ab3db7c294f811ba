// SPDX-License-Identifier: MIT
// Sextant: plans the text edits that add a schema field to the operation under the cursor (schema browser → editor).
#pragma once

#include <QtCore/QList>
#include <QtCore/QString>

namespace Sextant::Core {

class Schema;

/** Replace `length` UTF-16 code units at `offset` (into the original document) with `text`. */
struct TextEdit
{
    int offset = 0;
    int length = 0;
    QString text;

    friend bool operator==(const TextEdit &a, const TextEdit &b)
    {
        return a.offset == b.offset && a.length == b.length && a.text == b.text;
    }
};

/**
 * What planFieldInsertion() decided. `edits` are non-overlapping, in ascending offset order, with offsets into the
 * ORIGINAL document (apply them from the last to the first). `cursorOffset` is where the caret goes once they are
 * applied (-1 when nothing could be done). A non-empty `message` means nothing could be done and says why in one
 * line; then `edits` is empty.
 */
struct FieldInsertion
{
    QList<TextEdit> edits;
    int cursorOffset = -1;
    QString message;
};

/** Applies FieldInsertion::edits to @p document (a helper for callers without an editor, and for tests). */
QString applyTextEdits(const QString &document, const QList<TextEdit> &edits);

/**
 * Adds the field `typeName.fieldName` to a GraphQL document the way graphiql-explorer's checkboxes do, but as text
 * edits that keep every character the user wrote, in order. Pure function of its arguments; any thread.
 *
 * The operation: the OperationDefinition (spec §2.3) containing @p cursorOffset (a UTF-16 offset), else the first
 * one. When `typeName` is the schema's mutation (subscription, query) root type, the first operation of that kind is
 * used instead unless the cursor's operation already is one. A document without a suitable operation gets a new one
 * appended (`query { field }`, `mutation { ... }`, `subscription { ... }`; named MyQuery/MyMutation/MySubscription
 * when the document already has named operations; refused when it has an anonymous one, which would become invalid).
 *
 * Where the field goes: the candidate SelectionSets are those of that operation (fields and inline fragments; the
 * fragments it spreads are not entered) whose parent type is `typeName`, or an object/interface implementing the
 * interface `typeName`, or an abstract type (interface, union) whose possible types include `typeName` — there an
 * inline fragment `... on TypeName { field }` is added. The innermost candidate containing the cursor wins, else the
 * first direct candidate in document order, else the first abstract one. Without a candidate, `typeName` being the
 * operation's root type means its top-level SelectionSet; otherwise the cheapest field path to `typeName` is created:
 * a Dijkstra search over the schema's fields (and inline fragments to possible types) that starts from the root type
 * and from every SelectionSet already in the operation at no cost, so the existing selections along the way are
 * extended (merged, never duplicated); costs compare as deprecated fields, then fields with required arguments, then
 * length, ties going to the earlier selection and the earlier field in schema order.
 *
 * The field: already selected there (same name, no alias) → no edit, the caret goes to the end of its name. Another
 * selection answering under the same response key → the new field gets an alias (`name2: name`). Required arguments
 * (NonNull without a default) become `field(arg: $arg)` plus a VariableDefinition `$arg: Type!` appended to the
 * operation's list (created when absent; a `{ }` shorthand becomes `query (...) { }`); a taken name becomes
 * `$fieldArg`, then `$arg2`, `$arg3`... A composite field gets graphiql-explorer's first default selection: `{ id }`
 * when the type has an `id` field, else `{ __typename }`. The caret goes after the new field, or inside its braces.
 *
 * Layout: a one-line SelectionSet (`{ a }`) stays one line (`{ a b }`); in a multi-line one the new selection gets
 * its own line(s) before the closing brace, indented like the selections already there (nested levels add the same
 * step, 2 spaces by default as Core's printer). The result parses; it validates whenever the input did.
 *
 * Returns a message (and no edit) for: an unknown type or field, a type without fields (unions, enums, inputs, ...),
 * a document with a syntax error, no path from the root type to `typeName`, a second root field in a subscription.
 */
FieldInsertion planFieldInsertion(const Schema &schema, const QString &document, int cursorOffset,
                                  const QString &typeName, const QString &fieldName);

} // namespace Sextant::Core
