// SPDX-License-Identifier: MIT
// Sextant: schema-aware completion items for a cursor in a GraphQL document.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Sextant::Core {

class Schema;

enum class CompletionKind : quint8 {
    Field,
    Argument,
    EnumValue,
    Value,
    Variable,
    Directive,
    Fragment,
    Type,
    Keyword,
    InputField,
};

/** "Field", "Argument", "EnumValue", ... (the enumerator's name). */
QString completionKindName(CompletionKind kind);

/** One suggestion. `insertText` replaces the prefix (CompletionContext::prefix) at the cursor. */
struct CompletionItem
{
    QString label;
    CompletionKind kind = CompletionKind::Field;
    QString detail;        ///< the type, e.g. "RunsOrError!", or a directive's/fragment's signature
    QString documentation; ///< the schema description
    bool isDeprecated = false;
    QString insertText;           ///< e.g. "runsOrError { }" or "field(arg: )"
    int cursorOffsetInInsert = 0; ///< where the caret goes, as an offset into insertText
};

/**
 * The completion items at `cursorOffset` (UTF-16 offset into `text`) — the model is graphql-language-service's
 * getAutocompleteSuggestions(): the context comes from completionContext() (completioncontext.h), the candidates
 * from the Schema only (fields of the parent type plus `__typename`, arguments, enum values, true/false/null,
 * variables of a matching type, input fields, directives valid at the location (spec §3.13 DirectiveLocation),
 * fragments whose type condition can apply (§5.5.2.3), possible types, input types).
 *
 * Filtered by the Name prefix before the cursor: case-insensitive prefix matches first, then substring matches,
 * then subsequence (fuzzy) matches; within a group the schema order, required arguments first and deprecated
 * items last. Pure and thread-safe; cost is the text before the cursor plus the candidates of one context.
 * An unknown parent type, a cursor in a string or comment, or text that cannot be completed gives an empty list.
 */
QList<CompletionItem> complete(const Schema &schema, const QString &text, int cursorOffset);

/**
 * How @p label matches the typed @p prefix, in graphiql's filterAndSortList order: 0 case-insensitive prefix (or
 * an empty prefix), 1 substring, 2 subsequence (fuzzy), -1 no match. Shared by every completion list.
 */
int completionMatchRank(QStringView label, QStringView prefix);

} // namespace Sextant::Core
