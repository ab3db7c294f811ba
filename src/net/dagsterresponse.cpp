// SPDX-License-Identifier: MIT
// Sextant: reads one Dagster "XOrError" root field out of a GraphQL response and names the error union member.
#include "net/dagsterresponse.h"

#include <core/response/graphqlresponse.h>

namespace Sextant::Net {

using Core::JsonKind;
using Core::ResponseDocument;

QString DagsterError::text(bool firstLineOnly) const
{
    QString body = message;
    if (firstLineOnly)
        body = body.section(QLatin1Char('\n'), 0, 0);
    if (typeName.isEmpty())
        return body;
    if (body.isEmpty())
        return typeName;
    return typeName + QStringLiteral(": ") + body;
}

bool DagsterResponse::isErrorTypeName(const QString &typeName)
{
    return typeName == QLatin1String("PythonError") || typeName.endsWith(QLatin1String("Error"))
        || typeName.endsWith(QLatin1String("NotFound")) || typeName.endsWith(QLatin1String("Invalid"))
        || typeName.endsWith(QLatin1String("Failure")) || typeName.endsWith(QLatin1String("Conflict"));
}

QString DagsterResponse::string(const ResponseDocument &document, NodeId object, QStringView key)
{
    const NodeId node = document.member(object, key);
    if (node == ResponseDocument::InvalidNode || document.kind(node) != JsonKind::String)
        return {};
    return document.stringValue(node);
}

double DagsterResponse::number(const ResponseDocument &document, NodeId object, QStringView key, double fallback)
{
    const NodeId node = document.member(object, key);
    if (node == ResponseDocument::InvalidNode || document.kind(node) != JsonKind::Number)
        return fallback;
    return document.numberValue(node);
}

bool DagsterResponse::boolean(const ResponseDocument &document, NodeId object, QStringView key)
{
    const NodeId node = document.member(object, key);
    return node != ResponseDocument::InvalidNode && document.kind(node) == JsonKind::Bool && document.boolValue(node);
}

bool DagsterResponse::isNull(const ResponseDocument &document, NodeId object, QStringView key)
{
    const NodeId node = document.member(object, key);
    return node == ResponseDocument::InvalidNode || document.kind(node) == JsonKind::Null;
}

DagsterError DagsterResponse::errorAt(const ResponseDocument &document, NodeId node)
{
    DagsterError error;
    if (node == ResponseDocument::InvalidNode || document.kind(node) != JsonKind::Object) {
        error.typeName = QStringLiteral("Unexpected answer");
        error.message = QStringLiteral("the result is not an object");
        return error;
    }
    error.typeName = string(document, node, u"__typename");
    error.message = string(document, node, u"message");
    if (error.message.isEmpty()) {
        // Members without a message (InvalidStepError, InvalidOutputError, …): list their scalar fields.
        QStringList parts;
        for (int i = 0; i < document.childCount(node); ++i) {
            const NodeId child = document.child(node, i);
            const QString key = document.key(child);
            if (key == QLatin1String("__typename") || document.kind(child) == JsonKind::Object
                || document.kind(child) == JsonKind::Array)
                continue;
            parts << key + QLatin1Char('=') + document.displayValue(child);
        }
        error.message = parts.join(QStringLiteral(", "));
    }
    const NodeId stack = document.member(node, u"stack");
    if (stack != ResponseDocument::InvalidNode && document.kind(stack) == JsonKind::Array) {
        for (int i = 0; i < document.childCount(stack); ++i) {
            const NodeId frame = document.child(stack, i);
            if (document.kind(frame) == JsonKind::String)
                error.stack << document.stringValue(frame);
        }
    }
    return error;
}

DagsterResponse DagsterResponse::read(const HttpResult &result, const QString &rootField)
{
    if (!result.isGraphQL()) {
        DagsterResponse response;
        response.m_error.typeName = QStringLiteral("HTTP");
        response.m_error.message = result.message.isEmpty() ? result.statusLine() : result.message;
        return response;
    }
    return readBody(result.body, rootField);
}

DagsterResponse DagsterResponse::readBody(const QByteArray &body, const QString &rootField)
{
    DagsterResponse response;
    ResponseDocument::ParseError parseError;
    response.m_document = ResponseDocument::parse(body, &parseError);
    if (!response.m_document) {
        response.m_error.typeName = QStringLiteral("Not JSON");
        response.m_error.message = parseError.message;
        return response;
    }
    const ResponseDocument &document = *response.m_document;
    const Core::GraphQLResponse top = Core::readGraphQLResponse(document);
    const NodeId data = document.member(document.root(), u"data");
    if (data != ResponseDocument::InvalidNode && document.kind(data) == JsonKind::Object)
        response.m_node = document.member(data, rootField);
    if (response.m_node == ResponseDocument::InvalidNode || document.kind(response.m_node) != JsonKind::Object) {
        response.m_node = ResponseDocument::InvalidNode;
        response.m_error.typeName = QStringLiteral("GraphQL errors");
        QStringList messages;
        for (const Core::ResponseError &error : top.errors)
            messages << (error.pathString.isEmpty() ? error.message : error.pathString + QStringLiteral(": ") + error.message);
        response.m_error.message = messages.isEmpty() ? QStringLiteral("no \"%1\" in the response").arg(rootField)
                                                      : messages.join(QLatin1Char('\n'));
        return response;
    }
    response.m_typeName = string(document, response.m_node, u"__typename");
    if (isErrorTypeName(response.m_typeName)) {
        response.m_error = errorAt(document, response.m_node);
        return response;
    }
    response.m_ok = true;
    return response;
}

} // namespace Sextant::Net
