// SPDX-License-Identifier: MIT
// Sextant: the grammatical context at a cursor in an incomplete GraphQL document, for completion.
#pragma once

#include <core/schema/typeref.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Sextant::Core {

class Schema;
struct InputValue;

/** What may be typed at the cursor. */
enum class CompletionContextKind : quint8 {
    None,           ///< inside a string or comment, or nothing can be suggested
    Definition,     ///< document level: `query`, `mutation`, `subscription`, `fragment`
    SelectionSet,   ///< a field name of `typeName`
    Arguments,      ///< an argument name of `arguments` (a field's or a directive's)
    Value,          ///< a value of `valueType` (enum values, true/false/null, variables)
    Variable,       ///< after `$` in a value of `valueType`
    ObjectField,    ///< a field name of the input object `typeName`
    Directive,      ///< after `@`: a directive valid at `directiveLocation`
    FragmentSpread, ///< after `...`: a fragment that applies to `typeName`, or `on`
    TypeCondition,  ///< after `on`: a composite type; possible types of `typeName` when it is set
    VariableType,   ///< the type of a variable definition: an input type
    OnKeyword,      ///< after `fragment Name`: the keyword `on`
};

/** A variable defined by the operation that contains the cursor. */
struct CompletionVariable
{
    QString name; ///< without `$`
    TypeRef type;
};

/**
 * The result of completionContext(). `arguments` points into the Schema given to completionContext() and is
 * valid as long as it is.
 */
struct CompletionContext
{
    CompletionContextKind kind = CompletionContextKind::None;
    QString prefix;      ///< the partial Name that ends at the cursor ("" when none)
    int prefixStart = 0; ///< offset of `prefix` in the text
    QString typeName;    ///< SelectionSet / ObjectField / FragmentSpread / TypeCondition parent type
    TypeRef valueType;   ///< Value / Variable: the expected input type
    const QList<InputValue> *arguments = nullptr; ///< Arguments / ObjectField: the candidates
    QStringList givenNames;                       ///< Arguments / ObjectField: names already present
    QString directiveLocation;                    ///< Directive: `FIELD`, `QUERY`, `FRAGMENT_SPREAD`...
    QString currentFragment;                      ///< the fragment definition around the cursor, if any
    QList<CompletionVariable> variables;          ///< Value / Variable: the operation's variables
};

/**
 * Determines what is being typed at `cursor` (a UTF-16 offset into `text`, clamped to it) in a document that
 * is usually incomplete. Like graphql-language-service's onlineParser it lexes the text before the cursor with
 * Core::Lexer and keeps a stack of open brackets (selection sets, argument lists, object and list values,
 * variable definitions), each with the schema type it stands for (spec §2 Language, §5.3-5.8 for which types
 * apply where). Unknown names, stray brackets and invalid tokens never fail: the context degrades to None or
 * to a parent without a type. Pure: any thread, no state; linear in the text before the cursor.
 */
CompletionContext completionContext(const Schema &schema, QStringView text, int cursor);

} // namespace Sextant::Core
