// SPDX-License-Identifier: MIT
// Sextant: loads a schema file (introspection JSON, gzip-compressed JSON or SDL) for the CLI commands.
#include <cli/schemafile.h>

#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>
#include <core/schema/sdlschemabuilder.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace Sextant::Cli {

using namespace Qt::StringLiterals;
using namespace Sextant::Core;

namespace {

QByteArray gunzip(const QString &path, QString &error)
{
    QProcess process;
    process.start(u"gzip"_s, {u"-dc"_s, path});
    if (!process.waitForStarted(10000)) {
        error = u"cannot run gzip to decompress "_s + path + u": "_s + process.errorString();
        return {};
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        error = u"gzip could not decompress "_s + path + u": "_s
                + QString::fromUtf8(process.readAllStandardError()).trimmed();
        return {};
    }
    return process.readAllStandardOutput();
}

} // namespace

std::shared_ptr<const Schema> loadSchemaFile(const QString &path, QString &error)
{
    const QString suffix = QFileInfo(path).fileName().toLower();
    if (suffix.endsWith(u".gz"_s)) {
        const QByteArray json = gunzip(path, error);
        if (!error.isEmpty())
            return nullptr;
        const IntrospectionReadResult result = IntrospectionReader::read(json);
        error = result.error;
        return result.schema;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = u"cannot read "_s + path + u": "_s + file.errorString();
        return nullptr;
    }
    const QByteArray bytes = file.readAll();
    if (suffix.endsWith(u".graphql"_s) || suffix.endsWith(u".graphqls"_s) || suffix.endsWith(u".sdl"_s)) {
        const SdlBuildResult result = buildSchemaFromSdl(QString::fromUtf8(bytes));
        if (!result.schema)
            error = result.error.isEmpty() ? u"cannot build a schema from "_s + path : result.error;
        return result.schema;
    }
    const IntrospectionReadResult result = IntrospectionReader::read(bytes);
    if (!result.schema)
        error = path + u": "_s + result.error;
    return result.schema;
}

} // namespace Sextant::Cli
