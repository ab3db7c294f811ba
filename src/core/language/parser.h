// SPDX-License-Identifier: MIT
// Sextant: parses GraphQL documents (executable and SDL) into the AST (spec §2, §3, Appendix B).
#pragma once

#include <core/language/ast.h>
#include <core/language/sourcelocation.h>

#include <QtCore/QList>
#include <QtCore/QString>

#include <memory>

namespace Sextant::Core {

enum class ParseMode {
    Strict,   // stop at the first error, exactly like graphql-js parse()
    Tolerant, // recover and keep going: for the editor (outline, completion, diagnostics)
};

/** One syntax error, worded like graphql-js ("Syntax Error: Expected Name, found <EOF>."). */
struct SyntaxError
{
    QString message;
    SourceLocation location;
};

struct ParseResult
{
    std::shared_ptr<const Ast::Document> document; // never null; partial when errors is not empty
    QList<SyntaxError> errors;

    bool isValid() const { return errors.isEmpty(); }
};

/**
 * Entry point of the GraphQL parser. Stateless and reentrant: call it from any thread.
 *
 * Grammar: spec October 2021 plus the current draft (Appendix B), as implemented by graphql-js 16.15:
 * executable documents (with descriptions on operations, fragments and variable definitions) and type
 * system documents (descriptions, extensions, `repeatable`, `implements A & B`, block strings) in one pass.
 * Error messages and locations match graphql-js parse().
 *
 * Strict mode reports exactly one error on bad input and returns the part of the document built up to it.
 * Tolerant mode recovers inside lists (selection sets, arguments, variable definitions, values, field
 * definitions: skip to the next item or the closing bracket) and between definitions (skip to the next
 * definition keyword or `{`); a definition keyword at column 1 inside an unclosed selection set starts a
 * new definition. It reports at most MaxErrors errors (at increasing offsets).
 *
 * Both modes run in time linear in the input, never throw, and cap nesting (selection sets, list/object
 * values, list types) at MaxNestingDepth with the error "Exceeded the maximum nesting depth of 512.".
 */
class Parser final
{
public:
    static constexpr int MaxNestingDepth = 512;
    static constexpr int MaxErrors = 100;

    Parser() = delete;

    static ParseResult parse(const QString &source, ParseMode mode = ParseMode::Strict);
};

} // namespace Sextant::Core
