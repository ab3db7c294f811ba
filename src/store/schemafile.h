// SPDX-License-Identifier: MIT
// Sextant: reads a schema file (SDL, introspection JSON, or either compressed with gzip) into a Core::Schema.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace Sextant::Core {
class Schema;
}

namespace Sextant::Store {

/// What readSchemaFile()/readSchemaBytes() found: a schema, or an error line; warnings come with a schema.
struct SchemaFileResult
{
    std::shared_ptr<const Core::Schema> schema; ///< null when the file is not a schema
    QString error;                              ///< one line, no trailing period; empty on success
    QStringList warnings;                       ///< e.g. SDL leniencies (a duplicate field kept first)

    bool isValid() const { return schema != nullptr; }
};

/**
 * Builds a schema from the bytes of a schema file, chosen by content, not by name: gzip data (magic 1f 8b) is
 * inflated with the `gzip` program first; then text whose first non-blank character is `{` is an introspection
 * result with or without the `data` envelope (Core::IntrospectionReader, PROTOCOLS.md §2); anything else is SDL
 * (Core::buildSchemaFromSdl, GraphQL spec §3). A UTF-8 byte order mark is skipped. Blocks: call it on a worker
 * thread in the GUI (the GitHub SDL takes tens of milliseconds). Errors name what failed, not the path.
 */
SchemaFileResult readSchemaBytes(QByteArray bytes);

/// readSchemaBytes() of the file at @p path; a file that cannot be opened gives "cannot read PATH: REASON".
/// Other errors are prefixed with "PATH: ". Blocks; any thread.
SchemaFileResult readSchemaFile(const QString &path);

} // namespace Sextant::Store
