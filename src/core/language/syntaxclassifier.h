// SPDX-License-Identifier: MIT
// Sextant: classifies the core lexer's tokens by their grammatical role, for syntax highlighting.
#pragma once

#include <QList>
#include <QStringView>

namespace Sextant::Core {

/// The role a token plays in a GraphQL document; one highlighting style each.
enum class SyntaxRole : quint8 {
    Whitespace,    ///< gaps between tokens (spaces, commas, line terminators, BOM)
    Punctuation,   ///< ! $ & ( ) ... : = @ [ ] { | }
    Keyword,       ///< query mutation subscription fragment on, SDL keywords, true false null in values
    OperationName, ///< the name of an operation or fragment definition
    FieldName,     ///< field (or alias) in a selection set, field/input field/enum value name in SDL
    ArgumentName,  ///< argument name in a call, or in an SDL argument definition
    TypeName,      ///< a named type: in variable definitions, type conditions, SDL
    Variable,      ///< $name (the $ and the name)
    Directive,     ///< @name (the @ and the name)
    EnumValue,     ///< a bare Name in value position
    String,        ///< "…"
    BlockString,   ///< """…""" (may span lines)
    Number,        ///< Int or Float
    Comment,       ///< # to end of line
    Description,   ///< a string or block string before an SDL definition
    Invalid,       ///< a character or literal the lexer rejects
};

struct ClassifiedToken {
    int start = 0; ///< UTF-16 offset into the classified source
    int end = 0;   ///< one past the last UTF-16 code unit
    SyntaxRole role = SyntaxRole::Whitespace;
};

/**
 * Runs the core Lexer (GraphQL spec §2.1, "Source Text") over @p source and gives every token a role from a small
 * context tracker that follows the grammar of §2 (Appendix B): definition keywords only at the top level, `on` after
 * `...` or a fragment name, types after `:` in variable definitions and SDL, values after `:` in arguments.
 * Only tokens are returned (gaps are whitespace). Pure function of the text; safe on any thread; never fails: bad
 * characters become SyntaxRole::Invalid and lexing goes on.
 */
QList<ClassifiedToken> classifySyntax(QStringView source);

} // namespace Sextant::Core
