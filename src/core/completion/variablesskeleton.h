// SPDX-License-Identifier: MIT
// Sextant: "fill in variables": a JSON skeleton for an operation's variables.
#pragma once

#include <core/language/ast.h>

#include <QByteArray>

namespace Sextant::Core {

class Schema;

/**
 * The variables JSON object for @p operation (GraphQL spec §6.1.2 CoerceVariableValues is what the server will apply
 * to it): one member per VariableDefinition, in definition order, holding — first found — the value already in
 * @p existingJson (kept exactly as typed), the definition's default value converted to JSON (enum values become
 * strings), or a placeholder for the type: "" for String/ID and unknown scalars, 0 for Int, 0.0 for Float, false for
 * Boolean, the first enum value, [] for lists, and for input objects an object of their required fields (nested at
 * most 3 levels; a @oneOf object gets its first field). Members of @p existingJson that the operation does not
 * declare are kept at the end, so nothing the user typed is lost. @p schema may be null (then placeholders come from
 * the type names alone). Bad @p existingJson (not a JSON object) is ignored. Pure; any thread. Indented by 2.
 */
QByteArray variablesSkeleton(const Schema *schema, const Ast::OperationDefinition &operation,
                             const QByteArray &existingJson);

} // namespace Sextant::Core
