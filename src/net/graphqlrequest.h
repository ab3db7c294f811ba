// SPDX-License-Identifier: MIT
// Sextant: one GraphQL-over-HTTP request (document, operation name, variables) and its JSON body.
#pragma once

#include <core/language/ast.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace Sextant::Net {

/**
 * The request parameters of GraphQL over HTTP (PROTOCOLS.md §1.2, §1.3): the whole Document text, the optional
 * operation name and the optional variables. Plain data, any thread.
 *
 * variablesJson is kept as the text the user typed and inserted verbatim into the body, so integers above 2^53
 * survive (PROTOCOLS.md §6 "Numbers"). It must be a JSON object or empty; toJsonBody() does not validate it
 * (the caller does), but treats empty, whitespace and `null` as absent. extensionsJson likewise (§1.2 `extensions`).
 *
 * GET (PROTOCOLS.md §1.4): toGetQuery() encodes the same parameters as application/x-www-form-urlencoded the way
 * WHATWG URLSearchParams does — each value percent-encoded by hand (a literal '+' becomes %2B, never a space) —
 * and selectedOperationType() tells whether the operation that would run is a query (only those may use GET).
 */
struct GraphQLRequest final
{
    QString query;
    QString operationName;
    QByteArray variablesJson;
    QByteArray extensionsJson;

    /// {"query":…,"operationName":…,"variables":…} — compact UTF-8, empty members omitted (§1.3: no other keys).
    QByteArray toJsonBody() const;
    /// "query=…&operationName=…&variables=…&extensions=…": every value UTF-8 and percent-encoded (only
    /// A–Z a–z 0–9 - . _ ~ stay literal), empty members omitted; for QUrl::setQuery(…, QUrl::StrictMode).
    QByteArray toGetQuery() const;
    /// The type of the operation GetOperation() (GraphQL spec §6.1) would pick: the one named operationName, or
    /// the only one when operationName is empty. nullopt when that is undetermined (no such name, several
    /// operations without a name, no operation, or text that does not parse far enough).
    std::optional<Core::OperationType> selectedOperationType() const;
    /// A JSON string literal (with quotes) for text, escaping per RFC 8259 §7.
    static QByteArray jsonString(const QString &text);
};

} // namespace Sextant::Net
