// SPDX-License-Identifier: MIT
// Sextant: the JSON encoding of a GraphQL-over-HTTP POST body.
#include "net/graphqlrequest.h"

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
    body += '}';
    return body;
}

} // namespace Sextant::Net
