// SPDX-License-Identifier: MIT
// Sextant: the local checks Run makes before anything is sent, and the request they produce.
#include "requestpreparation.h"

#include <core/language/operationoutline.h>
#include <net/endpointprofile.h>

#include <QJsonDocument>
#include <QJsonParseError>

namespace Sextant::App {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sextant::App::RequestPreparation", text);
}

// 1-based line and column (UTF-16) of a byte offset into UTF-8 text.
std::pair<int, int> lineColumnOfByte(const QByteArray &utf8, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, utf8.size());
    const qsizetype lineStart = utf8.lastIndexOf('\n', offset - 1) + 1;
    const int line = int(utf8.left(offset).count('\n')) + 1;
    const int column = int(QString::fromUtf8(utf8.mid(lineStart, offset - lineStart)).size()) + 1;
    return {line, column};
}

PreparedRequest failed(RequestInput input, const QString &message, int line = 0, int column = 0)
{
    PreparedRequest prepared;
    prepared.problem.input = input;
    prepared.problem.message = message;
    prepared.problem.line = line;
    prepared.problem.column = column;
    return prepared;
}

} // namespace

PreparedRequest prepareRequest(const QString &document, const QString &variablesText, const QString &headersText,
                               int operationAtCursor, int pickedOperation)
{
    // 1. Variables: a JSON object, or nothing.
    QByteArray variablesJson;
    if (!variablesText.trimmed().isEmpty()) {
        variablesJson = variablesText.toUtf8();
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(variablesJson, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const auto [line, column] = lineColumnOfByte(variablesJson, parseError.offset);
            return failed(RequestInput::Variables,
                          tr("Variables are not valid JSON: %1 at line %2, column %3. Nothing was sent.")
                              .arg(parseError.errorString())
                              .arg(line)
                              .arg(column),
                          line, column);
        }
        if (!json.isObject())
            return failed(RequestInput::Variables,
                          tr("Variables must be a JSON object such as {\"id\": 1}. Nothing was sent."));
    }

    // 2. Headers.
    QString headerError;
    Net::EndpointProfile::parseHeaders(headersText, &headerError);
    if (!headerError.isEmpty())
        return failed(RequestInput::Headers, tr("Headers: %1. Nothing was sent.").arg(headerError));

    // 3. The document must parse (GraphQL spec §2).
    if (document.trimmed().isEmpty())
        return failed(RequestInput::Query, tr("The query editor is empty: write an operation, then press Ctrl+Enter."));
    const Core::ParseResult parsed = Core::Parser::parse(document, Core::ParseMode::Strict);
    if (!parsed.errors.isEmpty()) {
        const Core::SyntaxError &error = parsed.errors.first();
        PreparedRequest prepared = failed(RequestInput::Query,
                                          tr("%1 (line %2, column %3). Nothing was sent.")
                                              .arg(error.message)
                                              .arg(error.location.line)
                                              .arg(error.location.column),
                                          error.location.line, error.location.column);
        prepared.problem.syntaxErrors = parsed.errors;
        return prepared;
    }

    // 4. The operation to run (§6.1 GetOperation needs a name when there are several).
    PreparedRequest prepared;
    prepared.request.query = document;
    prepared.request.variablesJson = variablesJson;
    const QList<Core::OperationInfo> operations = Core::outlineOperations(document);
    if (operations.isEmpty())
        return failed(RequestInput::Query, tr("The document has no operation to run (only fragments or type definitions)."));
    if (operations.size() > 1) {
        int index = operationAtCursor;
        if (index < 0 || index >= operations.size()) // the caret is between operations: the toolbar's pick
            index = qBound(0, pickedOperation, int(operations.size()) - 1);
        if (operations[index].name.isEmpty())
            return failed(RequestInput::Query,
                          tr("Anonymous operations cannot be picked in a document with several operations: name it."));
        prepared.request.operationName = operations[index].name;
    }
    return prepared;
}

} // namespace Sextant::App
