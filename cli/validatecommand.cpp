// SPDX-License-Identifier: MIT
// Sextant: `sextant validate --schema FILE [--variables JSON]` — validates a document like graphql-js validate().
#include <cli/validatecommand.h>

#include <cli/jsonoutput.h>
#include <cli/schemafile.h>

#include <core/language/parser.h>
#include <core/validation/validator.h>
#include <core/validation/variablecoercion.h>

#include <QFile>
#include <QIODevice>

#include <memory>

namespace Sextant::Cli {

using namespace Qt::StringLiterals;
using namespace Sextant::Core;

namespace {

const QString Usage = u"usage: sextant validate --schema FILE [--variables JSON] < document.graphql"_s;

void writeLine(QIODevice &device, const QString &text)
{
    device.write((text + u'\n').toUtf8());
}


QString errorsJson(const QList<ValidationError> &errors)
{
    QString out = u"{\"errors\":["_s;
    for (qsizetype i = 0; i < errors.size(); ++i) {
        if (i > 0)
            out += u',';
        out += u"{\"message\":"_s;
        appendJsonString(out, errors[i].message);
        if (!errors[i].locations.isEmpty()) {
            out += u",\"locations\":["_s;
            for (qsizetype j = 0; j < errors[i].locations.size(); ++j) {
                const SourceLocation &location = errors[i].locations[j];
                out += (j > 0 ? u","_s : QString()) + u"{\"line\":"_s + QString::number(location.line)
                       + u",\"column\":"_s + QString::number(location.column) + u'}';
            }
            out += u']';
        }
        out += u'}';
    }
    return out + u"]}"_s;
}

} // namespace

int runValidateCommand(const QStringList &arguments)
{
    QFile input;
    QFile output;
    QFile errors;
    if (!input.open(stdin, QIODevice::ReadOnly) || !output.open(stdout, QIODevice::WriteOnly)
        || !errors.open(stderr, QIODevice::WriteOnly))
        return 2;
    return runValidateCommand(arguments, input, output, errors);
}

int runValidateCommand(const QStringList &arguments, QIODevice &input, QIODevice &output, QIODevice &errors)
{
    QString schemaPath;
    QString variables;
    bool hasVariables = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == u"--help"_s || argument == u"-h"_s) {
            writeLine(output, Usage);
            writeLine(output, u"Prints {\"errors\":[{\"message\",\"locations\"}]} as graphql-js does (also for a syntax "
                              u"error); exit 0 when valid, 1 when not, 2 on usage or I/O errors."_s);
            return 0;
        }
        if ((argument == u"--schema"_s || argument == u"--variables"_s) && i + 1 < arguments.size()) {
            (argument == u"--schema"_s ? schemaPath : variables) = arguments[++i];
            hasVariables = hasVariables || argument == u"--variables"_s;
        } else if (argument.startsWith(u"--schema="_s)) {
            schemaPath = argument.mid(9);
        } else if (argument.startsWith(u"--variables="_s)) {
            variables = argument.mid(12);
            hasVariables = true;
        } else {
            writeLine(errors, u"sextant: unexpected argument \""_s + argument + u"\"; "_s + Usage);
            return 2;
        }
    }
    if (schemaPath.isEmpty()) {
        writeLine(errors, u"sextant: --schema FILE is required; "_s + Usage);
        return 2;
    }
    QString error;
    const std::shared_ptr<const Schema> schema = loadSchemaFile(schemaPath, error);
    if (!schema) {
        writeLine(errors, u"sextant: "_s + error);
        return 2;
    }
    const QString document = QString::fromUtf8(input.readAll());
    const ParseResult parsed = Parser::parse(document, ParseMode::Strict);
    QList<ValidationError> result;
    if (!parsed.isValid()) {
        result.append({parsed.errors.first().message, {parsed.errors.first().location}});
    } else {
        result = Validator::validate(*schema, *parsed.document);
        if (result.isEmpty() && hasVariables) {
            // As graphql-js execute(): only a valid document gets its variables coerced, for its one operation.
            const QList<const Ast::OperationDefinition *> operations = parsed.document->operations();
            if (operations.size() != 1) {
                result.append({u"Must provide operation name if query contains multiple operations."_s, {}});
            } else {
                for (const VariableError &variableError :
                     coerceVariableValues(*schema, *operations.first(), variables.toUtf8())) {
                    ValidationError e{variableError.message, {}};
                    if (variableError.location.isValid())
                        e.locations.append(variableError.location);
                    result.append(e);
                }
            }
        }
    }
    writeLine(output, errorsJson(result));
    return result.isEmpty() ? 0 : 1;
}

} // namespace Sextant::Cli
