// SPDX-License-Identifier: MIT
// Sextant: `sextant schema --print-sdl FILE` — prints a schema file (introspection JSON or SDL) as SDL.
#include <cli/schemacommand.h>

#include <core/schema/schema.h>
#include <core/schema/schemaprinter.h>
#include <store/schemafile.h>

#include <QFile>
#include <QIODevice>

#include <cstdio>

namespace Sextant::Cli {

namespace {

using namespace Qt::StringLiterals;

constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;

const QString Usage =
    u"usage: sextant schema --print-sdl FILE   (FILE: introspection .json / .json.gz or SDL .graphql; - for stdin)"_s;

void writeLine(QIODevice &device, const QString &text)
{
    device.write((text + u'\n').toUtf8());
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
    const Store::SchemaFileResult read = Store::readSchemaBytes(file.readAll());
    if (!read.isValid()) {
        writeLine(errors, u"sextant: %1: %2"_s.arg(path, read.error));
        return ExitFailure;
    }
    const std::shared_ptr<const Core::Schema> schema = read.schema;
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
