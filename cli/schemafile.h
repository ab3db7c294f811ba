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
 * Reads the schema in `path` with Store::readSchemaFile (chosen by content: gzip, then an introspection result
 * when it starts with `{`, else SDL). Runs on the calling thread and blocks.
 * Returns null and sets `error` (one line, with the path) when the file cannot be read or is not a schema.
 */
std::shared_ptr<const Core::Schema> loadSchemaFile(const QString &path, QString &error);

} // namespace Sextant::Cli
