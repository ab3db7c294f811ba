// SPDX-License-Identifier: MIT
// Sextant: `sextant format [--minify] [--indent N]` — pretty-prints or minifies a GraphQL document.
#pragma once

#include <QStringList>

class QIODevice;

namespace Sextant::Cli {

/**
 * `sextant format`: reads a GraphQL document from standard input and writes it formatted to standard output
 * with Sextant::Core::printDocument() (graphql-js print() layout, comments kept; `--minify` for the shortest
 * text; `--indent N` spaces per level, default 2). Runs on the main thread, no event loop needed.
 *
 * Exit status: 0 formatted; 1 syntax error, written to standard error as "sextant: <stdin>:<message>";
 * 2 usage error ("sextant: …" and the usage line on standard error).
 */
int runFormatCommand(const QStringList &arguments);

/// The same with explicit streams (for tests): reads `input`, writes the result to `output`, messages to `errors`.
int runFormatCommand(const QStringList &arguments, QIODevice &input, QIODevice &output, QIODevice &errors);

} // namespace Sextant::Cli
