// SPDX-License-Identifier: MIT
// Sextant: `sextant schema --print-sdl FILE` — prints a schema file (introspection JSON or SDL) as SDL.
#pragma once

#include <QStringList>

class QIODevice;

namespace Sextant::Cli {

/**
 * `sextant schema --print-sdl FILE`: loads FILE — an introspection result (`.json`, or gzip-compressed, e.g.
 * `.json.gz`; read with Core::IntrospectionReader) or SDL (read with Core::buildSchemaFromSdl) — and writes
 * Core::printSchema() of it (graphql-js printSchema layout) to standard output. The kind is detected from the
 * content (gzip magic bytes, then a leading `{` for JSON), FILE `-` is standard input. Schema warnings (for
 * example duplicate definitions in the SDL) go to standard error as "sextant: warning: …". gzip data is
 * inflated with the `gzip -dc` program (QtCore has no gzip reader), bounded to 60 s.
 *
 * Runs on the main thread. Exit status: 0 printed; 1 the file cannot be read or is not a schema (one
 * "sextant: …" line on standard error); 2 usage error.
 */
int runSchemaCommand(const QStringList &arguments);

/// The same with explicit output streams (for tests).
int runSchemaCommand(const QStringList &arguments, QIODevice &output, QIODevice &errors);

} // namespace Sextant::Cli
