// SPDX-License-Identifier: MIT
// Sextant: problems in the variables JSON (syntax, then spec §6.1.2 coercion) with the text range to underline.
#pragma once

#include <QList>
#include <QString>
#include <QVariantList>

namespace Sextant::Core {

class Schema;

/** One problem in the variables text and where it is (UTF-16 offset/length, 1-based line and column). */
struct VariableProblem
{
    QString message;
    /// The VariableError path (variable name, keys, indices); empty for JSON syntax errors and whole-object errors.
    QVariantList path;
    int offset = 0;
    int line = 1;
    int column = 1;
    int length = 0; ///< 0 only when the variables text is empty
};

/**
 * Checks @p variablesJson against the variable definitions of the operation named @p operationName (empty: the
 * first) in the GraphQL @p document:
 *  - JSON that does not parse gives one problem, "Variables are not valid JSON: <reason> at line L, column C", at that
 *    spot (nothing else is checked);
 *  - otherwise every error of coerceVariableValues() (graphql-js messages with the path, e.g. `Variable "$filter" got
 *    invalid value "NOPE" at "filter.statuses[0]"; Value "NOPE" does not exist in "RunStatus" enum.`), placed on the
 *    offending value when it is a scalar, on the member name of an object or list value (on the unknown member
 *    itself for "Field "x" is not defined by type"), on the `{` of an object element of a list, and on the root
 *    object's `{` for a variable that is missing.
 * Empty text means `{}`. No operation (or one still being typed) checks the JSON syntax only. Pure; any thread.
 */
QList<VariableProblem> checkVariables(const Schema &schema, const QString &document, const QString &operationName,
                                      const QString &variablesJson);

} // namespace Sextant::Core
