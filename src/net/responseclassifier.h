// SPDX-License-Identifier: MIT
// Sextant: decides whether a finished HTTP reply carries a GraphQL response, and words the failure if not.
#pragma once

#include "net/endpointprofile.h"
#include "net/httpresult.h"

#include <QByteArrayView>
#include <QDateTime>

namespace Sextant::Net {

/**
 * Pure functions implementing PROTOCOLS.md §1.7/§1.8 (status codes per media type, client decision procedure) with
 * the Dagster (§4.3) and Dagger (§5.1, §5.2) facts:
 *  - application/graphql-response+json with a data/errors object: a GraphQL response whatever the status (294 =
 *    partial success, no message; 4xx/5xx: "GraphQL request error" with the status); the same label on any other
 *    non-empty body: NotGraphQL (a server MUST NOT do that);
 *  - application/json (or any +json) with 2xx and a data/errors object: a GraphQL response;
 *  - a data/errors object otherwise (legacy 4xx/5xx, or labelled text/plain): a GraphQL response with
 *    probablyGraphQL set and, for non-2xx, a message that keeps the status prominent;
 *  - anything else NotGraphQL with one clear line: HTML pages, empty bodies, other text and JSON, 406/413/414/415/
 *    431 worded for what the client sent, 405/414 after a GET (HttpResult::requestMethod) naming GET; almost-JSON
 *    bodies say why (not valid UTF-8 at byte N, nested deeper than 1024 levels), JSON that is no object names its
 *    kind (a JSON null/array/... with no "data" or "errors"), an empty chunked body says the chunked transfer ended
 *    before any data (Qt 6.4 reads a malformed chunk size as the last chunk).
 * Any thread.
 *
 * Bodies up to maxValidatedBodySize are validated with QJsonDocument; larger ones are trusted from their first
 * non-space byte ('{') so a big result is not parsed twice on the GUI thread (validating 10 MB with QJsonDocument
 * took 0.6 s and 90 MB): the response index (Core::ResponseDocument, on a worker thread) reports bad JSON.
 */
class ResponseClassifier final
{
public:
    static constexpr qsizetype maxValidatedBodySize = 1024 * 1024;

    /// Fills kind and message of a result whose httpStatus, reasonPhrase, contentType, body and headers are set.
    /// A non-empty message gets " — retry after 120 s" appended when the reply has a Retry-After header.
    static void classify(HttpResult &result, const EndpointProfile &endpoint);

    /// "retry after 120 s" for Retry-After: 120, "retry after 300 s (2026-11-26 00:30:00 UTC)" for an HTTP-date
    /// (seconds from @p now, 0 when past); empty when the header is absent or unreadable (RFC 9110 §10.2.3).
    static QString retryAfter(const HttpResult &result, const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// The media type of a Content-Type value: lower-cased, parameters stripped (RFC 9110 §8.3.1).
    static QByteArray mediaType(QByteArrayView contentType);
    /// "HTTP 502 Bad Gateway", or "HTTP 200" for 2xx (the status then says nothing).
    static QString statusText(int status, const QByteArray &reasonPhrase);
    /// The first maxChars characters of a body as one line (whitespace collapsed, "…" when cut).
    static QString excerpt(const QByteArray &body, qsizetype maxChars = 120);

private:
    static void classifyBody(HttpResult &result, const EndpointProfile &endpoint);
};

} // namespace Sextant::Net
