// SPDX-License-Identifier: MIT
// Sextant: reads a schema file (SDL, introspection JSON, or either compressed with gzip) into a Core::Schema.
#include "store/schemafile.h"

#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>
#include <core/schema/sdlschemabuilder.h>

#include <QFile>
#include <QProcess>

namespace Sextant::Store {

using namespace Qt::StringLiterals;

namespace {

constexpr int GunzipTimeoutMs = 120000;

bool isGzip(const QByteArray &bytes)
{
    return bytes.size() >= 2 && quint8(bytes.at(0)) == 0x1f && quint8(bytes.at(1)) == 0x8b;
}

// Inflates gzip data with the gzip program (always on Debian); empty with `error` set on failure.
QByteArray gunzip(const QByteArray &bytes, QString &error)
{
    QProcess process;
    process.start(u"gzip"_s, {u"-dc"_s});
    if (!process.waitForStarted(GunzipTimeoutMs)) {
        error = u"cannot run gzip to decompress the file: "_s + process.errorString();
        return {};
    }
    process.write(bytes);
    process.closeWriteChannel();
    if (!process.waitForFinished(GunzipTimeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        error = u"gzip could not decompress the file: "_s + QString::fromUtf8(process.readAllStandardError()).trimmed();
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    return process.readAllStandardOutput();
}

bool looksLikeJson(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c == '{';
    }
    return false;
}

} // namespace

SchemaFileResult readSchemaBytes(QByteArray bytes)
{
    SchemaFileResult result;
    if (isGzip(bytes)) {
        bytes = gunzip(bytes, result.error);
        if (!result.error.isEmpty())
            return result;
    }
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.trimmed().isEmpty()) {
        result.error = u"the file is empty"_s;
        return result;
    }
    if (looksLikeJson(bytes)) {
        const Core::IntrospectionReadResult read = Core::IntrospectionReader::read(bytes);
        result.schema = read.schema;
        if (!read.schema)
            result.error = read.error.isEmpty() ? u"not an introspection result"_s : read.error;
        else
            result.warnings = read.schema->warnings();
        return result;
    }
    const Core::SdlBuildResult built = Core::buildSchemaFromSdl(QString::fromUtf8(bytes));
    result.schema = built.schema;
    result.warnings = built.warnings;
    if (!built.schema)
        result.error = built.error.isEmpty() ? u"not a GraphQL schema"_s : built.error;
    return result;
}

SchemaFileResult readSchemaFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        SchemaFileResult result;
        result.error = u"cannot read "_s + path + u": "_s + file.errorString();
        return result;
    }
    SchemaFileResult result = readSchemaBytes(file.readAll());
    if (!result.error.isEmpty())
        result.error = path + u": "_s + result.error;
    return result;
}

} // namespace Sextant::Store
