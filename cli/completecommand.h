// SPDX-License-Identifier: MIT
// Sextant: `sextant complete --schema FILE --line L --column C` — completion items at a position of a document.
#pragma once

#include <QStringList>

class QIODevice;

namespace Sextant::Cli {

/**
 * `sextant complete --schema FILE --line L --column C < document.graphql`: loads the schema (cli/schemafile.h:
 * introspection .json / .json.gz or SDL .graphql), reads the document from standard input and writes
 * Core::complete() at line L, column C (both 1-based; the column counts UTF-16 code units, as the editor does)
 * as one JSON line `[{"label":…,"kind":"Field",…,"detail":…},…]` in the completer's order. A position past the
 * end of its line (or a line past the end) is clamped to the end of that line (of the document). Runs on the
 * main thread, no event loop.
 *
 * Exit status: 0 printed (possibly `[]`); 2 usage error or unreadable schema ("sextant: …" on standard error).
 */
int runCompleteCommand(const QStringList &arguments);

/// The same with explicit streams (for tests): reads `input`, writes the result to `output`, messages to `errors`.
int runCompleteCommand(const QStringList &arguments, QIODevice &input, QIODevice &output, QIODevice &errors);

} // namespace Sextant::Cli
