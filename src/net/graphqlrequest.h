// SPDX-License-Identifier: MIT
// Sextant: one GraphQL-over-HTTP request (document, operation name, variables) and its JSON body.
#pragma once

#include <QByteArray>
#include <QString>

namespace Sextant::Net {

/**
 * The request parameters of GraphQL over HTTP (PROTOCOLS.md §1.2, §1.3): the whole Document text, the optional
 * operation name and the optional variables. Plain data, any thread.
 *
 * variablesJson is kept as the text the user typed and inserted verbatim into the body, so integers above 2^53
 * survive (PROTOCOLS.md §6 "Numbers"). It must be a JSON object or empty; toJsonBody() does not validate it
 * (the caller does), but treats empty, whitespace and `null` as absent.
 */
struct GraphQLRequest final
{
    QString query;
    QString operationName;
    QByteArray variablesJson;

    /// {"query":…,"operationName":…,"variables":…} — compact UTF-8, empty members omitted (§1.3: no other keys).
    QByteArray toJsonBody() const;
    /// A JSON string literal (with quotes) for text, escaping per RFC 8259 §7.
    static QByteArray jsonString(const QString &text);
};

} // namespace Sextant::Net
