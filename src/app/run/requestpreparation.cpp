// SPDX-License-Identifier: MIT
// Sextant: the local checks Run makes before anything is sent, and the request they produce.
#include "requestpreparation.h"

#include <core/language/operationoutline.h>
#include <net/endpointprofile.h>
#include <store/templatesubstitution.h>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

using namespace Qt::StringLiterals;

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

// 1-based line and column (UTF-16) of an offset into text.
std::pair<int, int> lineColumnOfOffset(const QString &text, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, text.size());
    if (offset == 0)
        return {1, 1};
    const qsizetype lineStart = text.lastIndexOf(u'\n', offset - 1) + 1;
    return {int(QStringView(text).left(offset).count(u'\n')) + 1, int(offset - lineStart) + 1};
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

// The checks of both overloads. @p substitution, when given, maps @p variablesText (substituted) back to
// @p variablesSource (as typed) so that a JSON error points where the user can fix it.
PreparedRequest prepareChecked(const QString &document, const QString &variablesText, const QString &headersText,
                               int operationAtCursor, int pickedOperation,
                               const Store::SubstitutionResult *substitution = nullptr,
                               const QString *variablesSource = nullptr)
{
    // 1. Variables: a JSON object, or nothing.
    QByteArray variablesJson;
    if (!variablesText.trimmed().isEmpty()) {
        variablesJson = variablesText.toUtf8();
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(variablesJson, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            auto [line, column] = lineColumnOfByte(variablesJson, parseError.offset);
            QString message = tr("Variables are not valid JSON: %1 at line %2, column %3. Nothing was sent.");
            if (substitution && variablesSource && substitution->substitutions > 0) {
                const qsizetype textOffset =
                    QString::fromUtf8(variablesJson.left(qBound(qsizetype(0), qsizetype(parseError.offset), variablesJson.size())))
                        .size();
                std::tie(line, column) = lineColumnOfOffset(*variablesSource, substitution->sourceOffset(textOffset));
                message = tr("Variables are not valid JSON once the environment is substituted: %1 at line %2, "
                             "column %3. Nothing was sent.");
            }
            return failed(RequestInput::Variables, message.arg(parseError.errorString()).arg(line).arg(column), line,
                          column);
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

QString inputName(RequestInput input)
{
    switch (input) {
    case RequestInput::Url:
        return tr("the URL");
    case RequestInput::Headers:
        return tr("Headers");
    case RequestInput::Variables:
        return tr("Variables");
    default:
        return QString();
    }
}

QString placeOf(RequestInput input, const Store::TemplateReference &reference)
{
    if (input == RequestInput::Url)
        return tr("%1, column %2").arg(inputName(input)).arg(reference.column);
    return tr("%1, line %2, column %3").arg(inputName(input)).arg(reference.line).arg(reference.column);
}

} // namespace

PreparedRequest prepareRequest(const QString &document, const QString &variablesText, const QString &headersText,
                               int operationAtCursor, int pickedOperation)
{
    return prepareChecked(document, variablesText, headersText, operationAtCursor, pickedOperation);
}

namespace {

// prepareRequest(RequestInputs) and prepareEndpoint(): @p endpointOnly skips the variables and the document.
PreparedRequest prepareSubstituted(const RequestInputs &inputs, bool endpointOnly)
{
    // 0. The environment, before anything else: an unknown {{name}} must never leave the machine as text.
    QHash<QString, QString> values;
    if (inputs.environment) {
        values = inputs.environment->values;
        for (const QString &unread : inputs.environment->unreadSecrets)
            values.remove(unread);
    }
    const Store::SubstitutionResult url = Store::substituteTemplate(inputs.urlText.trimmed(), values);
    const Store::SubstitutionResult headers = Store::substituteTemplate(inputs.headersText, values);
    const Store::SubstitutionResult variables = endpointOnly
        ? Store::SubstitutionResult()
        : Store::substituteTemplate(inputs.variablesText, values, Store::TemplateSyntax::Json);

    QList<std::pair<RequestInput, Store::TemplateReference>> unknown;
    for (const auto &[input, result] : {std::pair{RequestInput::Url, &url}, std::pair{RequestInput::Headers, &headers},
                                        std::pair{RequestInput::Variables, &variables}})
        for (const Store::TemplateReference &reference : result->unknown)
            unknown.append({input, reference});
    if (!unknown.isEmpty()) {
        const auto &[input, first] = unknown.first();
        QString message;
        if (!inputs.environment) {
            message = tr("{{%1}} in %2 needs an environment: pick one in the endpoint bar.")
                          .arg(first.name, placeOf(input, first));
        } else if (inputs.environment->unreadSecrets.contains(first.name)) {
            message = tr("{{%1}} in %2 is a secret of the environment \u201c%3\u201d whose value is not available "
                         "(the keychain has not given it, or it was kept for an earlier session only): enter it "
                         "again in Manage environments.")
                          .arg(first.name, placeOf(input, first), inputs.environment->name);
        } else {
            message = tr("{{%1}} in %2 is not defined in the environment \u201c%3\u201d.")
                          .arg(first.name, placeOf(input, first), inputs.environment->name);
        }
        if (unknown.size() > 1) {
            QStringList others;
            for (qsizetype i = 1; i < unknown.size(); ++i)
                others << u"{{"_s + unknown[i].second.name + u"}} ("_s + placeOf(unknown[i].first, unknown[i].second)
                        + u')';
            message += u' ' + tr("Also unknown: %1.").arg(others.join(u", "_s));
        }
        return failed(input, message + u' ' + tr("Nothing was sent."), first.line, first.column);
    }

    // A value with a line break would split a header line in two (or smuggle another header in).
    for (const Store::TemplateReference &reference : Store::templateReferences(inputs.headersText)) {
        const QString &value = values[reference.name];
        if (value.contains(u'\n') || value.contains(u'\r'))
            return failed(RequestInput::Headers,
                          tr("{{%1}} in %2 holds a line break, which a header value cannot carry. Nothing was sent.")
                              .arg(reference.name, placeOf(RequestInput::Headers, reference)),
                          reference.line, reference.column);
    }

    PreparedRequest prepared;
    if (endpointOnly) {
        QString headerError;
        Net::EndpointProfile::parseHeaders(headers.text, &headerError);
        if (!headerError.isEmpty())
            return failed(RequestInput::Headers, tr("Headers: %1. Nothing was sent.").arg(headerError));
    } else {
        prepared = prepareChecked(inputs.document, variables.text, headers.text, inputs.operationAtCursor,
                                  inputs.pickedOperation, &variables, &inputs.variablesText);
        if (!prepared.isValid())
            return prepared;
    }

    const QUrl parsedUrl(url.text);
    if (url.text.isEmpty() || !parsedUrl.isValid() || parsedUrl.host().isEmpty()
        || (parsedUrl.scheme() != u"http"_s && parsedUrl.scheme() != u"https"_s))
        return failed(RequestInput::Url,
                      url.substitutions > 0
                          ? tr("The URL is not an http(s) URL once the environment is substituted. Nothing was sent.")
                          : tr("Enter an endpoint URL such as http://127.0.0.1:3000/graphql. Nothing was sent."),
                      1, 1);
    QString headerError;
    prepared.headers = Net::EndpointProfile::parseHeaders(headers.text, &headerError);
    prepared.url = url.text;
    return prepared;
}

} // namespace

PreparedRequest prepareRequest(const RequestInputs &inputs)
{
    return prepareSubstituted(inputs, false);
}

PreparedRequest prepareEndpoint(const QString &urlText, const QString &headersText,
                                const std::optional<RequestEnvironment> &environment)
{
    RequestInputs inputs;
    inputs.urlText = urlText;
    inputs.headersText = headersText;
    inputs.environment = environment;
    return prepareSubstituted(inputs, true);
}

} // namespace Sextant::App
