// SPDX-License-Identifier: MIT
// Sextant: `sextant format [--minify] [--indent N]` — pretty-prints or minifies a GraphQL document.
#include <cli/formatcommand.h>

#include <core/language/printer.h>

#include <QFile>
#include <QIODevice>

#include <cstdio>

namespace Sextant::Cli {

namespace {

using namespace Qt::StringLiterals;

constexpr int ExitSyntaxError = 1;
constexpr int ExitUsage = 2;

const QString Usage = u"usage: sextant format [--minify] [--indent N] < document.graphql"_s;

void writeLine(QIODevice &device, const QString &text)
{
    device.write((text + u'\n').toUtf8());
}

} // namespace

int runFormatCommand(const QStringList &arguments, QIODevice &input, QIODevice &output, QIODevice &errors)
{
    Core::PrintOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--minify") {
            options.minify = true;
        } else if (argument == u"--indent" && i + 1 < arguments.size()) {
            bool ok = false;
            options.indent = arguments.at(++i).toInt(&ok);
            if (!ok || options.indent < 0 || options.indent > 16) {
                writeLine(errors, u"sextant: --indent wants a number from 0 to 16"_s);
                return ExitUsage;
            }
        } else if (argument == u"--help" || argument == u"-h") {
            writeLine(output, Usage);
            return 0;
        } else {
            writeLine(errors, u"sextant: unknown format option \"%1\""_s.arg(argument));
            writeLine(errors, Usage);
            return ExitUsage;
        }
    }
    const QString source = QString::fromUtf8(input.readAll());
    QString error;
    const QString printed = Core::printDocument(source, options, &error);
    if (!error.isEmpty()) {
        writeLine(errors, u"sextant: <stdin>: "_s + error);
        return ExitSyntaxError;
    }
    writeLine(output, printed);
    return 0;
}

int runFormatCommand(const QStringList &arguments)
{
    QFile input;
    QFile output;
    QFile errors;
    if (!input.open(stdin, QIODevice::ReadOnly) || !output.open(stdout, QIODevice::WriteOnly)
        || !errors.open(stderr, QIODevice::WriteOnly)) {
        std::fputs("sextant: cannot open the standard streams\n", stderr);
        return ExitUsage;
    }
    return runFormatCommand(arguments, input, output, errors);
}

} // namespace Sextant::Cli
