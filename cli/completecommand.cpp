// SPDX-License-Identifier: MIT
// Sextant: `sextant complete --schema FILE --line L --column C` — completion items at a position of a document.
#include <cli/completecommand.h>

#include <cli/jsonoutput.h>
#include <cli/schemafile.h>

#include <core/completion/completer.h>
#include <core/schema/schema.h>

#include <QFile>
#include <QIODevice>

#include <cstdio>

namespace Sextant::Cli {

namespace {

using namespace Qt::StringLiterals;

constexpr int ExitUsage = 2;

const QString Usage = u"usage: sextant complete --schema FILE --line L --column C < document.graphql"_s;

void writeLine(QIODevice &device, const QString &text)
{
    device.write((text + u'\n').toUtf8());
}


// 1-based line and UTF-16 column to an offset; lines end at \n, \r\n or \r (spec §2.1.2 LineTerminator).
int offsetOf(const QString &text, int line, int column)
{
    int offset = 0;
    for (int current = 1; current < line && offset < text.size(); ++current) {
        while (offset < text.size() && text.at(offset) != u'\n' && text.at(offset) != u'\r')
            ++offset;
        if (offset < text.size()) {
            if (text.at(offset) == u'\r' && offset + 1 < text.size() && text.at(offset + 1) == u'\n')
                ++offset;
            ++offset;
        }
    }
    int end = offset;
    while (end < text.size() && text.at(end) != u'\n' && text.at(end) != u'\r')
        ++end;
    return qMin(offset + column - 1, end);
}

bool readPositive(const QString &text, int &value)
{
    bool ok = false;
    value = text.toInt(&ok);
    return ok && value >= 1;
}

} // namespace

int runCompleteCommand(const QStringList &arguments, QIODevice &input, QIODevice &output, QIODevice &errors)
{
    QString schemaPath;
    int line = 0;
    int column = 0;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--help" || argument == u"-h") {
            writeLine(output, Usage);
            return 0;
        }
        if (i + 1 >= arguments.size()) {
            writeLine(errors, u"sextant: unknown or incomplete complete option \"%1\""_s.arg(argument));
            writeLine(errors, Usage);
            return ExitUsage;
        }
        const QString &value = arguments.at(++i);
        if (argument == u"--schema") {
            schemaPath = value;
        } else if (argument == u"--line" || argument == u"--column") {
            if (!readPositive(value, argument == u"--line" ? line : column)) {
                writeLine(errors, u"sextant: %1 wants a number from 1"_s.arg(argument));
                return ExitUsage;
            }
        } else {
            writeLine(errors, u"sextant: unknown complete option \"%1\""_s.arg(argument));
            writeLine(errors, Usage);
            return ExitUsage;
        }
    }
    if (schemaPath.isEmpty() || line == 0 || column == 0) {
        writeLine(errors, u"sextant: --schema, --line and --column are required"_s);
        writeLine(errors, Usage);
        return ExitUsage;
    }
    QString error;
    const std::shared_ptr<const Core::Schema> schema = loadSchemaFile(schemaPath, error);
    if (!schema) {
        writeLine(errors, u"sextant: "_s + error);
        return ExitUsage;
    }
    const QString document = QString::fromUtf8(input.readAll());
    const QList<Core::CompletionItem> items = Core::complete(*schema, document, offsetOf(document, line, column));
    QString json = u"["_s;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Core::CompletionItem &item = items.at(i);
        if (i > 0)
            json += u',';
        json += u"{\"label\":"_s;
        appendJsonString(json, item.label);
        json += u",\"kind\":"_s;
        appendJsonString(json, Core::completionKindName(item.kind));
        json += u",\"detail\":"_s;
        appendJsonString(json, item.detail);
        json += u'}';
    }
    json += u']';
    writeLine(output, json);
    return 0;
}

int runCompleteCommand(const QStringList &arguments)
{
    QFile input;
    QFile output;
    QFile errors;
    if (!input.open(stdin, QIODevice::ReadOnly) || !output.open(stdout, QIODevice::WriteOnly)
        || !errors.open(stderr, QIODevice::WriteOnly)) {
        std::fputs("sextant: cannot open the standard streams\n", stderr);
        return ExitUsage;
    }
    return runCompleteCommand(arguments, input, output, errors);
}

} // namespace Sextant::Cli
