// SPDX-License-Identifier: MIT
// Sextant: hover documentation for the schema element under the cursor in a GraphQL document.
#pragma once

#include <core/schema/schema.h>

#include <QtCore/QString>

namespace Sextant::Core {

/** What a SchemaCoordinate points at (the kinds of the schema coordinates RFC, plus variables). */
enum class SchemaElementKind {
    None,
    Type,
    Field,
    Argument,
    EnumValue,
    Directive,
    DirectiveArgument,
    InputField,
    Variable
};

/**
 * A schema element by name: Type `Run` (typeName), Field `Query.runsOrError` (typeName, fieldName),
 * Argument `Query.runsOrError(filter:)` (+ argumentName), EnumValue `RunStatus.SUCCESS` (typeName,
 * enumValue), Directive `@include` (directiveName), DirectiveArgument `@include(if:)` (directiveName,
 * argumentName), InputField `RunsFilter.statuses` (typeName, fieldName), Variable `$x` (argumentName is
 * the variable name without `$`, typeName the named type it was declared with).
 */
struct SchemaCoordinate
{
    SchemaElementKind kind = SchemaElementKind::None;
    QString typeName;
    QString fieldName;
    QString argumentName;
    QString enumValue;
    QString directiveName;
};

/** The documentation of one hovered token. Invalid (kind None, offsets -1) when nothing is hovered. */
struct HoverInfo
{
    SchemaCoordinate coordinate;
    QString signature;   ///< "Query.runsOrError(filter: RunsFilter, cursor: String, limit: Int): RunsOrError!"
    QString description; ///< Markdown, as written in the schema
    bool isDeprecated = false;
    QString deprecationReason;
    int startOffset = -1; ///< UTF-16 range [startOffset, endOffset) of the hovered token
    int endOffset = -1;

    bool isValid() const { return coordinate.kind != SchemaElementKind::None; }
};

/**
 * The graphql-language-service getHoverInformation of graphiql, as a pure function: parses `text`
 * tolerantly (Parser, ParseMode::Tolerant), walks it with TypeInfo (spec §5 type tracking) and describes
 * the schema element whose token contains `offset` (a UTF-16 index; the position just after a token
 * still counts as on it): field names (not aliases, incl. __typename/__schema/__type), arguments of fields
 * and directives, enum values and input-object fields inside argument values, named types (variable
 * definitions, type conditions), directive names and `$variables` (their declared type).
 *
 * Reentrant; call it from any thread. Any text and any offset are accepted: an offset outside every
 * such token, an unknown name or a broken document where the token cannot be resolved gives an
 * invalid HoverInfo.
 */
HoverInfo hoverAt(const Schema &schema, const QString &text, int offset);

} // namespace Sextant::Core
