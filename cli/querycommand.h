// SPDX-License-Identifier: MIT
// Sextant: the headless commands `sextant query`, `sextant --version` and `sextant --help`.
#pragma once

#include <QStringList>

namespace Sextant::Cli {

/**
 * `sextant query`: reads a GraphQL Document from standard input, sends it with Sextant::Net::GraphQLClient to the
 * endpoint chosen by the arguments (see QueryOptions::helpText()) and prints the response body, indented, keys in
 * the server's order. Mirrors `dagger query` (PROTOCOLS.md §5.3) but prints the whole response, errors included.
 *
 * Runs on the main thread under a QCoreApplication created by main(); blocks in a local event loop until the reply
 * is complete. Returns the exit status: 0 data without errors, 1 the response has errors, 2 usage, transport or
 * non-GraphQL failures, each with one "sextant: …" line on standard error.
 */
int runQueryCommand(const QStringList &arguments);

/// Prints "sextant <version>" (SEXTANT_VERSION) and returns 0.
int runVersionCommand();

/// Prints the top-level usage (GUI, query, --version) and returns 0.
int runHelpCommand();

} // namespace Sextant::Cli
