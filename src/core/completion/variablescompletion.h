// SPDX-License-Identifier: MIT
// Sextant: completion in the variables JSON: variable names, input fields and values from the operation's types.
#pragma once

#include <core/completion/completer.h>
#include <core/schema/typeref.h>

#include <QList>
#include <QString>
#include <QVariantList>

namespace Sextant::Core {

class Schema;
namespace Ast {
struct Document;
struct OperationDefinition;
} // namespace Ast

/**
 * The operation whose variables the variables pane holds: the one named @p operationName, or the first operation
 * of @p document when the name is empty (graphql-js getOperationAST picks the only one; the editor passes the one
 * under the cursor). nullptr when there is none, or when a VariableDefinition is incomplete (tolerant parse of
 * text being typed).
 */
const Ast::OperationDefinition *variablesOperation(const Ast::Document &document, const QString &operationName);

/**
 * The input type of the variables value at @p path (as jsonCursorContext() and VariableError paths spell it: the
 * variable name, then input field names and list indices), following spec §3.10 Input Objects and §3.11 List (a
 * key on a list type reaches into its items, since a single value is a list of one, spec §3.11 Input Coercion).
 * Invalid for an undeclared variable, an unknown field or an index into a non-list.
 */
TypeRef variableValueType(const Schema &schema, const Ast::OperationDefinition &operation, const QVariantList &path);

/**
 * Completion items at @p cursorOffset (UTF-16) in the variables JSON @p variablesJson of the operation named
 * @p operationName (empty: the first) in the GraphQL @p document — the JSON counterpart of Core::complete(), the
 * context from jsonCursorContext():
 *  - at a member name of the root object: the operation's variables not yet present, required ones first
 *    (detail = the type, e.g. "RunsFilter!"; insert `"name": `, or `"name"` when a `:` follows);
 *  - at a member name inside an input object value: its input fields not yet present (required first, deprecated
 *    last; detail = type, documentation = description);
 *  - at a value: `[]` for lists (then the item type's values, since a single value is accepted), enum values as
 *    `"VALUE"`, true/false for Boolean, `{}` for input objects, null when nullable; list elements use the item type;
 *    `{}` for the root value itself.
 * Filtered by the typed prefix like Core::complete() (prefix, substring, subsequence). Each insertText replaces
 * JsonCursorContext's replace range. Unknown paths, other positions or no operation give an empty list. Pure; any
 * thread.
 */
QList<CompletionItem> completeVariables(const Schema &schema, const QString &document, const QString &operationName,
                                        const QString &variablesJson, int cursorOffset);

} // namespace Sextant::Core
