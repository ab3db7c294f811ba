// SPDX-License-Identifier: MIT
// Sextant: validates an executable Document against a Schema (spec §5 "Validation", graphql-js 16 validate()).
#pragma once

#include <core/language/ast.h>
#include <core/schema/schema.h>
#include <core/validation/validationerror.h>

#include <QtCore/QList>

namespace Sextant::Core {

/**
 * Runs the 27 rules of graphql-js 16.15 `specifiedRules` (every rule of spec §5 plus MaxIntrospectionDepthRule)
 * over a parsed Document in one walk, the rules in parallel at each node in specifiedRules order, so the errors
 * come back in graphql-js's order with its exact messages and locations. Stateless and reentrant: call it from
 * any thread with an immutable Schema and Document. For graphql-js parity parse strictly and report the syntax
 * error instead of validating; a partial Document from a tolerant parse is still validated best-effort (missing
 * parts are skipped, never dereferenced). After 100 errors it stops with graphql-js's
 * "Too many validation errors, error limit reached. Validation aborted." error.
 */
class Validator final
{
public:
    Validator() = delete;

    static QList<ValidationError> validate(const Schema &schema, const Ast::Document &document);
};

} // namespace Sextant::Core
