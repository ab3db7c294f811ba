// SPDX-License-Identifier: MIT
// Sextant: decides whether a finished HTTP reply carries a GraphQL response, and words the failure if not.
#pragma once

#include "net/endpointprofile.h"
#include "net/httpresult.h"

#include <QByteArrayView>

namespace Sextant::Net {

/**
 * Pure functions implementing PROTOCOLS.md §1.8 (client decision procedure) with the Dagster (§4.3) and Dagger
 * (§5.1, §5.2) facts: a JSON body holding "data" or "errors" is a GraphQL response whatever the status and even
 * when labelled text/plain; HTML pages, empty bodies and other text are NotGraphQL with one clear line. Any thread.
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
    static void classify(HttpResult &result, const EndpointProfile &endpoint);

    /// The media type of a Content-Type value: lower-cased, parameters stripped (RFC 9110 §8.3.1).
    static QByteArray mediaType(QByteArrayView contentType);
    /// "HTTP 502 Bad Gateway", or "HTTP 200" for 2xx (the status then says nothing).
    static QString statusText(int status, const QByteArray &reasonPhrase);
    /// The first maxChars characters of a body as one line (whitespace collapsed, "…" when cut).
    static QString excerpt(const QByteArray &body, qsizetype maxChars = 120);
};

} // namespace Sextant::Net
