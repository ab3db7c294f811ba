// SPDX-License-Identifier: MIT
// Sextant: the classified outcome of one HTTP exchange (GraphQL response, not GraphQL, transport error, ...).
#pragma once

#include "net/tlsfailure.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace Sextant::Net {

enum class ResultKind { GraphQLResponse, NotGraphQL, TransportError, Cancelled, TimedOut };

/**
 * What came back for one request, already classified by PROTOCOLS.md §1.8: a GraphQL response (whatever the HTTP
 * status: Dagster answers 400/500 and gqlgen 422 with GraphQL bodies), a non-GraphQL HTTP answer (HTML pages,
 * empty bodies, plain text), a transport failure, a user cancel or a timeout. Plain data, any thread.
 *
 * message is one user-facing line for anything but a clean 2xx GraphQL response; empty otherwise.
 * responseHeaders are filled for every reply that reached HTTP (GraphQL or not, redirects included).
 * probablyGraphQL marks a GraphQL response recognised only from its body (PROTOCOLS.md §1.7 legacy servers: a non-2xx
 * status without application/graphql-response+json, or a JSON body under another media type): the status may come
 * from a proxy or gateway, so it is shown prominently (message says so). tls is set for TLS handshake failures
 * (kind TransportError) with the certificate's details; message is then TlsFailure::message().
 */
struct HttpResult final
{
    ResultKind kind = ResultKind::TransportError;
    int httpStatus = 0;
    QByteArray reasonPhrase;
    QByteArray contentType;
    QByteArray body;
    qint64 elapsedMs = 0;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QString message;
    QByteArray requestMethod;          ///< "POST" or "GET" (the last hop's method)
    QUrl finalUrl;                     ///< the URL that answered (after followed redirects); empty before HTTP
    int redirectCount = 0;             ///< redirects followed
    bool probablyGraphQL = false;
    std::optional<TlsFailure> tls;

    bool isGraphQL() const { return kind == ResultKind::GraphQLResponse; }
    /// "HTTP 200 OK · 42 ms · 1.2 KB"; without a status: "Cancelled · 3 ms", "Timed out · 60000 ms", "No response · 1
    /// ms".
    QString statusLine() const;
    /// The value of a response header (case-insensitive name), empty if absent.
    QByteArray responseHeader(const QByteArray &name) const;

    /// "512 B", "1.2 KB", "3.4 MB" (1024-based).
    static QString formatSize(qint64 bytes);
    /// The standard reason phrase for an HTTP status (RFC 9110 §15), e.g. 502 → "Bad Gateway"; empty if unknown.
    static QByteArray standardReasonPhrase(int status);
};

} // namespace Sextant::Net

Q_DECLARE_METATYPE(Sextant::Net::HttpResult)
