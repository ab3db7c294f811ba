// SPDX-License-Identifier: MIT
// Sextant: the JSON encoding of a GraphQL-over-HTTP POST body.
#include "net/graphqlrequest.h"

#include <core/language/operationoutline.h>

#include <QUrl>

namespace Sextant::Net {

QByteArray GraphQLRequest::jsonString(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 16);
    out.append('"');
    static constexpr char hex[] = "0123456789abcdef";
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (c < 0x20) {
                out.append("\\u00");
                out.append(hex[c >> 4]);
                out.append(hex[c & 0xf]);
            } else {
                out.append(ch); // UTF-8 multi-byte sequences pass through unchanged
            }
        }
    }
    out.append('"');
    return out;
}

QByteArray GraphQLRequest::toJsonBody() const
{
    QByteArray body = QByteArrayLiteral("{\"query\":") + jsonString(query);
    if (!operationName.isEmpty())
        body += QByteArrayLiteral(",\"operationName\":") + jsonString(operationName);
    const QByteArray variables = variablesJson.trimmed();
    if (!variables.isEmpty() && variables != "null")
        body += QByteArrayLiteral(",\"variables\":") + variables;
    const QByteArray extensions = extensionsJson.trimmed();
    if (!extensions.isEmpty() && extensions != "null")
        body += QByteArrayLiteral(",\"extensions\":") + extensions;
    body += '}';
    return body;
}

QByteArray GraphQLRequest::toGetQuery() const
{
    QByteArray out;
    const auto add = [&out](const char *name, const QByteArray &utf8) {
        if (!out.isEmpty())
            out += '&';
        out += name;
        out += '=';
        out += QUrl::toPercentEncoding(QString::fromUtf8(utf8)); // '+' → %2B, ' ' → %20
    };
    add("query", query.toUtf8());
    if (!operationName.isEmpty())
        add("operationName", operationName.toUtf8());
    const QByteArray variables = variablesJson.trimmed();
    if (!variables.isEmpty() && variables != "null")
        add("variables", variables);
    const QByteArray extensions = extensionsJson.trimmed();
    if (!extensions.isEmpty() && extensions != "null")
        add("extensions", extensions);
    return out;
}

std::optional<Core::OperationType> GraphQLRequest::selectedOperationType() const
{
    const QList<Core::OperationInfo> operations = Core::outlineOperations(query);
    if (operationName.isEmpty()) {
        if (operations.size() == 1)
            return operations.constFirst().operation;
        return std::nullopt;
    }
    std::optional<Core::OperationType> found;
    for (const Core::OperationInfo &operation : operations) {
        if (operation.name != operationName)
            continue;
        if (found)
            return std::nullopt; // duplicate names: the server rejects the document
        found = operation.operation;
    }
    return found;
}

} // namespace Sextant::Net
