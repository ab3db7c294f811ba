// SPDX-License-Identifier: MIT
// Sextant: prints a Schema as SDL, exactly like graphql-js printSchema().
#pragma once

#include <QString>

namespace Sextant::Core {

class Schema;

/**
 * Prints `schema` as SDL the way graphql-js 16.15 src/utilities/printSchema.ts printSchema() does (spec §3
 * "Type System"): the `schema { … }` block only when there is a description or a root type is not named
 * Query / Mutation / Subscription, then the directive definitions, then the types in schema order, separated
 * by blank lines; the specified scalars, the specified directives and the `__` types are left out.
 * Descriptions are block strings when printDescription would make them so (isPrintableAsBlockString), a
 * deprecation prints `@deprecated` (with its reason unless it is "No longer supported"), scalars their
 * `@specifiedBy(url:)`, input objects their `@oneOf`. Default values are printed as stored (introspection
 * text). No trailing newline, like graphql-js. Pure function; any thread. Never fails.
 */
QString printSchema(const Schema &schema);

} // namespace Sextant::Core
