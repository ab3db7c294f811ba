// SPDX-License-Identifier: MIT
// Sextant: `sextant schema --print-sdl FILE` — prints a schema file (introspection JSON or SDL) as SDL.
#include <cli/schemacommand.h>

#include <core/schema/introspectionreader.h>
#include <core/schema/schemaprinter.h>
#include <core/schema/sdlschemabuilder.h>

#include <QFile>
#include <QIODevice>
#include <QProcess>

#include <cstdio>

namespace Sextant::Cli {

namespace {

using namespace Qt::StringLiterals;

constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;
constexpr int GunzipTimeoutMs = 60000;

const QString Usage =
    u"usage: sextant schema --print-sdl FILE   (FILE: introspection .json / .json.gz or SDL .graphql; - for stdin)"_s;

void writeLine(QIODevice &device, const QString &text)
{
    device.write((text + u'\n').toUtf8());
}

bool isGzip(const QByteArray &bytes)
{
    return bytes.size() >= 2 && quint8(bytes.at(0)) == 0x1f && quint8(bytes.at(1)) == 0x8b;
}

// Inflates gzip data with the gzip program; empty with `error` set on failure.
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

int runSchemaCommand(const QStringList &arguments, QIODevice &output, QIODevice &errors)
{
    if (arguments.size() == 1 && (arguments.first() == u"--help" || arguments.first() == u"-h")) {
        writeLine(output, Usage);
        return 0;
    }
    if (arguments.size() != 2 || arguments.first() != u"--print-sdl") {
        writeLine(errors, u"sextant: schema wants --print-sdl FILE"_s);
        writeLine(errors, Usage);
        return ExitUsage;
    }
    const QString path = arguments.at(1);
    QFile file;
    if (path == u"-")
        file.open(stdin, QIODevice::ReadOnly);
    else
        file.setFileName(path);
    if (!file.isOpen() && !file.open(QIODevice::ReadOnly)) {
        writeLine(errors, u"sextant: cannot read %1: %2"_s.arg(path, file.errorString()));
        return ExitFailure;
    }
    QByteArray bytes = file.readAll();
    if (isGzip(bytes)) {
        QString error;
        bytes = gunzip(bytes, error);
        if (!error.isEmpty()) {
            writeLine(errors, u"sextant: %1: %2"_s.arg(path, error));
            return ExitFailure;
        }
    }
    std::shared_ptr<const Core::Schema> schema;
    if (looksLikeJson(bytes)) {
        const Core::IntrospectionReadResult read = Core::IntrospectionReader::read(bytes);
        if (!read.isValid()) {
            writeLine(errors, u"sextant: %1: %2"_s.arg(path, read.error));
            return ExitFailure;
        }
        schema = read.schema;
    } else {
        const Core::SdlBuildResult built = Core::buildSchemaFromSdl(QString::fromUtf8(bytes));
        if (!built.isValid()) {
            writeLine(errors, u"sextant: %1: %2"_s.arg(path, built.error));
            return ExitFailure;
        }
        schema = built.schema;
    }
    for (const QString &warning : schema->warnings())
        writeLine(errors, u"sextant: warning: "_s + warning);
    writeLine(output, Core::printSchema(*schema));
    return 0;
}

int runSchemaCommand(const QStringList &arguments)
{
    QFile output;
    QFile errors;
    if (!output.open(stdout, QIODevice::WriteOnly) || !errors.open(stderr, QIODevice::WriteOnly)) {
        std::fputs("sextant: cannot open the standard streams\n", stderr);
        return ExitUsage;
    }
    return runSchemaCommand(arguments, output, errors);
}

} // namespace Sextant::Cli
