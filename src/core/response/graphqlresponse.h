// SPDX-License-Identifier: MIT
// Sextant: the GraphQL view of a response document: data presence, errors, extensions.
#pragma once

#include <core/language/sourcelocation.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

namespace Sextant::Core {

class ResponseDocument;

/// One entry of a response's "errors" list (GraphQL spec §7.1.2 "Errors").
struct ResponseError
{
    QString message;                 ///< empty when the entry has no string "message"
    QList<SourceLocation> locations; ///< 1-based line/column into the request document; offset stays -1
    QVariantList path;               ///< response path: QString names (aliases) and int list indices; empty if absent
    QString pathString;              ///< "viewer.repositories.nodes[1].owner.login", empty if no path
    QByteArray extensionsJson;       ///< the "extensions" value as compact JSON, empty if absent
    QByteArray json; ///< the whole entry, pretty-printed in document order (shows non-standard keys too)
};

/// What a response says at the top level (GraphQL spec §7.1 "Response Format", PROTOCOLS.md §1.9).
struct GraphQLResponse
{
    bool isObject = false;   ///< the top level is a JSON object at all
    bool hasData = false;    ///< a "data" key is present: the operation executed (maybe with errors)
    bool dataIsNull = false; ///< "data": null (an error bubbled up to the root)
    QList<ResponseError> errors;
    bool hasExtensions = false;

    /// No "data" but errors: a request error (parse/validation failed, nothing executed), spec §7.1.
    bool isRequestError() const { return isObject && !hasData && !errors.isEmpty(); }
};

/**
 * Reads the top-level entries of @p document per GraphQL spec §7 (September2025). Pure function, any
 * thread. Tolerant: error entries without a message, with non-list locations or paths, with extra keys,
 * or an "errors" value that is a single object or string still produce entries; locations without
 * positive integer line and column are dropped. A non-object document gives isObject == false and
 * nothing else.
 */
GraphQLResponse readGraphQLResponse(const ResponseDocument &document);

} // namespace Sextant::Core
