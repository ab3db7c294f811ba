// SPDX-License-Identifier: MIT
// Sextant: loads a schema file (introspection JSON, gzip-compressed JSON or SDL) for the CLI commands.
#pragma once

#include <QString>

#include <memory>

namespace Sextant::Core {
class Schema;
}

namespace Sextant::Cli {

/**
 * Reads the schema in `path`, chosen by its name: `*.gz` is an introspection result inflated with the `gzip`
 * program, `*.graphql` / `*.graphqls` / `*.sdl` is SDL (Core::buildSchemaFromSdl), anything else an
 * introspection result (Core::IntrospectionReader, PROTOCOLS.md §2). Runs on the calling thread and blocks.
 * Returns null and sets `error` (one line, with the path) when the file cannot be read or is not a schema.
 */
std::shared_ptr<const Core::Schema> loadSchemaFile(const QString &path, QString &error);

} // namespace Sextant::Cli
