// SPDX-License-Identifier: MIT
// Sextant: `sextant validate --schema FILE [--variables JSON]` — validates a document like graphql-js validate().
#pragma once

#include <QStringList>

class QIODevice;

namespace Sextant::Cli {

/**
 * `sextant validate`: reads a GraphQL document from standard input, parses it strictly and validates it with
 * Sextant::Core::Validator against the schema in FILE — an introspection result (.json, or .json.gz inflated
 * with gzip) or SDL (.graphql / .graphqls / .sdl, through core/schema/sdlschemabuilder.h). With `--variables`
 * and a valid document, the JSON variable values are also coerced for the document's only operation
 * (core/validation/variablecoercion.h) and their errors appended.
 *
 * Prints `{"errors":[{"message":"…","locations":[{"line":1,"column":2}]}]}` — compact, graphql-js key order,
 * `locations` left out when an error has none (GraphQLError.toJSON) — and `{"errors":[]}` when valid; a syntax
 * error is reported the same way, alone, as graphql-js parse() throws it. Runs on the main thread, no event loop.
 *
 * Exit status: 0 valid; 1 syntax, validation or variable errors; 2 usage or I/O error with one
 * "sextant: …" line on standard error.
 */
int runValidateCommand(const QStringList &arguments);

/// The same with explicit streams (for tests): reads `input`, writes the JSON to `output`, messages to `errors`.
int runValidateCommand(const QStringList &arguments, QIODevice &input, QIODevice &output, QIODevice &errors);

} // namespace Sextant::Cli
