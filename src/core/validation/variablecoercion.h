// SPDX-License-Identifier: MIT
// Sextant: checks an operation's variable values (JSON) against its variable definitions (spec §6.1.2).
#pragma once

#include <core/language/sourcelocation.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

namespace Sextant::Core {

class Schema;
namespace Ast {
struct OperationDefinition;
}

/** One problem with a variable value, worded exactly like graphql-js. */
struct VariableError
{
    QString message;
    /// Where in the variables the bad value is: the variable name, then object keys (QString) and list
    /// indices (int), e.g. {"p", "selector"}; empty for errors about the variables object itself.
    QVariantList path;
    /// The variable definition the error is about (invalid for errors about the whole variables object).
    SourceLocation location;
};

/**
 * CoerceVariableValues (GraphQL spec §6.1.2, September 2025 draft with OneOf input objects) as graphql-js
 * 16.15 src/execution/values.ts coerceVariableValues() and src/utilities/coerceInputValue.ts do it: for each
 * VariableDefinition of `operation`, the value from `variablesJson` (a JSON object; empty or `null` means no
 * variables) is checked against the variable's type in `schema` — required variables provided, non-null
 * not null, Int / Float / String / Boolean / ID / enum values parsed like graphql-js's parseValue, a single
 * value accepted for a list type, input objects checked for missing required fields, unknown fields (with
 * "Did you mean" suggestions from core/validation/suggestions.h) and the OneOf rule; custom scalars accept
 * any JSON value. Default values of absent variables are not checked (validation does that).
 *
 * Returns the errors in graphql-js order (an empty list means the values coerce). Bad input never fails:
 * invalid JSON or a non-object gives one error. Pure function; any thread.
 */
QList<VariableError> coerceVariableValues(const Schema &schema, const Ast::OperationDefinition &operation,
                                          const QByteArray &variablesJson);

} // namespace Sextant::Core
