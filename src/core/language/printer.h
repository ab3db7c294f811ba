// SPDX-License-Identifier: MIT
// Sextant: prints GraphQL documents like graphql-js print(), keeping comments, or minified.
#pragma once

#include <core/language/literalprinter.h>

#include <QtCore/QString>
#include <QtCore/QStringView>

namespace Sextant::Core {

struct PrintOptions
{
    int indent = 2;      ///< spaces per nesting level (graphql-js uses 2)
    bool minify = false; ///< shortest valid text instead of the pretty form
};

/**
 * Pure functions, callable from any thread. Follow graphql-js 16.15 src/language/printer.ts,
 * printString.ts and blockString.ts (spec §2.9.4 for block strings).
 *
 * printDocument() parses `source` strictly (core/language/parser.h) and prints it:
 *  - pretty (default): exactly graphql-js print() for a document without comments (80-column argument
 *    wrapping, block strings, descriptions, the `{ … }` query shorthand). Unlike graphql-js it KEEPS
 *    COMMENTS: a comment on the same line after the end of a definition, selection, field / input value
 *    definition, enum value or root operation type stays at the end of that printed line; any other
 *    comment is printed on its own line(s) before the next such item (or before the closing brace of its
 *    block, or at the end of the document). The result is stable: printing it again yields it unchanged.
 *  - minify: the same token stream with comments and ignored characters dropped and a single space only
 *    between two tokens that would otherwise merge (like graphql-js stripIgnoredCharacters).
 * On a syntax error it returns an empty string and, if `error` is not null, sets it to the graphql-js
 * message with its location ("Syntax Error: Expected Name, found <EOF>. (1:7)").
 */
QString printDocument(const QString &source, const PrintOptions &options = {}, QString *error = nullptr);

} // namespace Sextant::Core
