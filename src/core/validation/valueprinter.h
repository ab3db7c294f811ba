// SPDX-License-Identifier: MIT
// Sextant: prints AST values and types the way graphql-js print()/printForError() does, for error messages.
#pragma once

#include <core/language/ast.h>
#include <core/schema/schema.h>

#include <QtCore/QString>

namespace Sextant::Core {

/** graphql-js print() of a Value node: `{a: [1, "x"], b: $v}`, strings escaped like printString(),
 * block strings like printBlockString(). Pure function; a null node prints "". */
QString printValueForError(const Ast::Value *value);
/** graphql-js printString(): JSON-like quoting with \uXXXX escapes for C0/C1 controls. */
QString printGraphQLString(QStringView value);

/** graphql-js isTypeSubTypeOf (spec §5.8.5 "All Variable Usages Are Allowed"). */
bool isTypeSubTypeOf(const Schema &schema, const TypeRef &maybeSubType, const TypeRef &superType);
/** graphql-js doTypesOverlap on composite named types (spec §5.5.2.3 "Fragment Spread Is Possible"). */
bool doTypesOverlap(const Schema &schema, const NamedType *typeA, const NamedType *typeB);

} // namespace Sextant::Core
