// SPDX-License-Identifier: MIT
// Sextant: the built-in part of every schema (specified scalars, directives, introspection types) as SDL.
#pragma once

#include <QtCore/QString>

namespace Sextant::Core {

/**
 * SDL text of what graphql-js 16.15 adds to every schema it builds (spec §3.5.1 "Built-in Scalars",
 * §3.13 "Built-in Directives", §4.5 "Schema Introspection Schema"): the five specified scalars, the
 * specified directives (@include @skip @deprecated @specifiedBy @oneOf) and the `__` introspection types,
 * with graphql-js's descriptions word for word. Printed by graphql-js printType() /
 * printIntrospectionSchema(), so buildSchemaFromSdl() reads it with the same code as user SDL.
 * Static data, any thread.
 */
QString sdlPreludeSource();

} // namespace Sextant::Core
