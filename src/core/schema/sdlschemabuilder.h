// SPDX-License-Identifier: MIT
// Sextant: builds an immutable Schema from SDL text (the way graphql-js buildASTSchema does).
#pragma once

#include <core/schema/schema.h>

#include <QString>
#include <QStringList>

#include <memory>

namespace Sextant::Core {

struct SdlBuildResult
{
    std::shared_ptr<const Schema> schema; ///< null when `error` is set
    QStringList warnings;                 ///< rule violations that were tolerated (also in Schema::warnings())
    QString error;                        ///< syntax error ("Syntax Error: … (line:column)"); empty on success
    bool isValid() const { return schema != nullptr; }
};

/**
 * Builds a Schema from a type-system document (GraphQL spec §3 "Type System"), following graphql-js 16.15
 * buildASTSchema / extendSchemaImpl: root types from the `schema` definition or the default names
 * Query / Mutation / Subscription, extensions merged into their types, the specified scalars present only
 * when referenced or defined, the specified directives added unless the document defines them, `@deprecated`
 * (reason defaults to "No longer supported"), `@specifiedBy(url:)` and `@oneOf` read into the model, the
 * `__` introspection types added, and the types ordered like graphql-js's type map, so the result equals
 * the IntrospectionReader schema of introspectionFromSchema(buildSchema(sdl)). Default values are the
 * literals as graphql-js introspection prints them (coerced to the input type: input-object fields in
 * definition order with their own defaults filled in, a single value for a list type wrapped in [ ]).
 *
 * Lenient where published schemas break validation rules: a second definition of a type, field, argument,
 * input field, enum value or directive is ignored (the FIRST one wins) with a warning worded like
 * graphql-js ("Field \"EnterpriseOwnerInfo.repositoryDeployKeySetting\" can only be defined once."); a
 * reference to an undefined type, an extension of an undefined type and executable definitions become
 * warnings too. Only a syntax error (strict parse, core/language/parser.h) fails. Pure function; any
 * thread (the GitHub SDL, 1.2 MB, is worth a worker thread).
 */
SdlBuildResult buildSchemaFromSdl(const QString &sdl);

} // namespace Sextant::Core
