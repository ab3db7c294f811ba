// SPDX-License-Identifier: MIT
// Sextant: problems in the variables JSON (syntax, then spec §6.1.2 coercion) with the text range to underline.
#include "variablesdiagnostics.h"

#include <core/completion/jsoncursor.h>
#include <core/completion/variablescompletion.h>
#include <core/language/parser.h>
#include <core/response/responsedocument.h>
#include <core/validation/variablecoercion.h>

#include <QRegularExpression>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

// The UTF-16 offset of a 1-based line and column, lines ending at \r\n, \n or \r (as locationAt() counts them).
int offsetOfLineColumn(const QString &text, int line, int column)
{
    int offset = 0;
    for (int current = 1; current < line && offset < text.size(); ++offset) {
        const QChar c = text[offset];
        if (c == u'\n' || (c == u'\r' && !(offset + 1 < text.size() && text[offset + 1] == u'\n')))
            ++current;
    }
    return qBound(0, offset + column - 1, int(text.size()));
}

VariableProblem problemAt(const QString &message, const QVariantList &path, const JsonTextRange &range)
{
    return {message, path, range.offset, range.line, range.column, range.length};
}

bool isContainerAt(const QString &json, const JsonTextRange &range)
{
    return range.isValid() && range.offset < json.size() && (json[range.offset] == u'{' || json[range.offset] == u'[');
}

// Where to underline the value at `path`: a scalar itself; an object or list by its member name (one line instead
// of many), or by its opening bracket when it has no name. Invalid when the path is not in the text.
JsonTextRange valueMark(const QString &json, const QVariantList &path)
{
    const JsonTextRange value = jsonValueRange(json, path);
    if (!isContainerAt(json, value))
        return value;
    const JsonTextRange name = path.isEmpty() ? JsonTextRange() : jsonValueRange(json, path, JsonRangePart::MemberName);
    return name.isValid() ? name : jsonTextRange(json, value.offset, 1);
}

JsonTextRange coercionErrorMark(const QString &json, const VariableError &error)
{
    static const QRegularExpression unknownField(u"; Field \"([^\"]+)\" is not defined by type "_s);
    const QRegularExpressionMatch match = unknownField.match(error.message);
    if (match.hasMatch()) {
        QVariantList fieldPath = error.path;
        fieldPath.append(match.captured(1));
        const JsonTextRange name = jsonValueRange(json, fieldPath, JsonRangePart::MemberName);
        if (name.isValid())
            return name;
    }
    // The value, or for one that is missing (a required variable) the nearest enclosing value that is there.
    for (qsizetype length = error.path.size(); length >= 0; --length) {
        const JsonTextRange mark = valueMark(json, error.path.first(length));
        if (mark.isValid())
            return mark;
    }
    return jsonTextRange(json, 0, 0);
}

VariableProblem syntaxProblem(const QString &json, const ResponseDocument::ParseError &error)
{
    int offset = offsetOfLineColumn(json, error.line, error.column);
    if (offset >= json.size()) { // at the end of the input: mark the last thing typed
        offset = int(json.size());
        while (offset > 0 && json[offset - 1].isSpace())
            --offset;
        offset = qMax(0, offset - 1);
    }
    return problemAt(u"Variables are not valid JSON: "_s + error.message, {}, jsonTextRange(json, offset, 1));
}

} // namespace

QList<VariableProblem> checkVariables(const Schema &schema, const QString &document, const QString &operationName,
                                      const QString &variablesJson)
{
    const QByteArray bytes = variablesJson.toUtf8();
    if (!bytes.trimmed().isEmpty()) {
        ResponseDocument::ParseError error;
        if (!ResponseDocument::parse(bytes, &error))
            return {syntaxProblem(variablesJson, error)};
    }
    const ParseResult parsed = Parser::parse(document, ParseMode::Tolerant);
    const Ast::OperationDefinition *operation = variablesOperation(*parsed.document, operationName);
    if (!operation)
        return {};
    QList<VariableProblem> problems;
    for (const VariableError &error : coerceVariableValues(schema, *operation, bytes))
        problems << problemAt(error.message, error.path, coercionErrorMark(variablesJson, error));
    return problems;
}

} // namespace Sextant::Core
