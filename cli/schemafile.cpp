// SPDX-License-Identifier: MIT
// Sextant: loads a schema file (introspection JSON, gzip-compressed JSON or SDL) for the CLI commands.
#include <cli/schemafile.h>

#include <core/schema/schema.h>
#include <store/schemafile.h>

namespace Sextant::Cli {

std::shared_ptr<const Core::Schema> loadSchemaFile(const QString &path, QString &error)
{
    Store::SchemaFileResult result = Store::readSchemaFile(path);
    error = result.error;
    return result.schema;
}

} // namespace Sextant::Cli
