// SPDX-License-Identifier: MIT
// Sextant: reads one Dagster "XOrError" root field out of a GraphQL response and names the error union member.
#pragma once

#include "net/httpresult.h"

#include <core/response/responsedocument.h>

#include <QString>
#include <QStringList>

#include <memory>

namespace Sextant::Net {

/// A failure as the Dagster views show it: a union error member (PROTOCOLS.md §4.9, e.g. PythonError,
/// RunNotFoundError, PipelineNotFoundError), GraphQL "errors", or a transport/HTTP problem. Plain data.
struct DagsterError
{
    QString typeName;  ///< "PythonError", "RunNotFoundError", …; "GraphQL errors" / "HTTP" for non-union failures
    QString message;   ///< one or more lines
    QStringList stack; ///< PythonError.stack (one frame per entry), empty otherwise

    bool isNull() const { return typeName.isEmpty() && message.isEmpty(); }
    /// "PythonError: message" (the first line of the message only when @p firstLineOnly).
    QString text(bool firstLineOnly = false) const;
};

/**
 * The answer to one Dagster query or mutation, reduced to its single root field (e.g. "runsOrError"), parsed with
 * the same Core::ResponseDocument / readGraphQLResponse the result view uses (PROTOCOLS.md §1.9, §4.3: Dagster
 * answers 400/500 with GraphQL bodies, so the HTTP status alone decides nothing).
 *
 * ok() is true when the root field is an object whose __typename is not an error member per
 * isErrorTypeName() (§4.9 advice: names ending in Error, NotFound, Invalid, Failure, Conflict, or PythonError).
 * Otherwise error() says why: the union member's message (and PythonError stack), the GraphQL errors, the
 * transport message of a non-GraphQL result, or "response is not JSON". Pure, any thread (parse on a worker).
 */
class DagsterResponse final
{
public:
    using NodeId = Core::ResponseDocument::NodeId;

    static DagsterResponse read(const HttpResult &result, const QString &rootField);
    /// The same for a raw response body (tests, fixtures).
    static DagsterResponse readBody(const QByteArray &body, const QString &rootField);

    bool ok() const { return m_ok; }
    const DagsterError &error() const { return m_error; }
    /// __typename of the root field value; empty if absent.
    const QString &typeName() const { return m_typeName; }
    /// The parsed document (null when the body was not JSON) and the root field's node (InvalidNode if absent).
    const Core::ResponseDocument *document() const { return m_document.get(); }
    NodeId node() const { return m_node; }

    static bool isErrorTypeName(const QString &typeName);
    /// The DagsterError for a union member object at @p node (typeName, message or a summary of its fields, stack).
    static DagsterError errorAt(const Core::ResponseDocument &document, NodeId node);

    // Small readers for object members; absent or mistyped members give the empty/zero value.
    static QString string(const Core::ResponseDocument &document, NodeId object, QStringView key);
    static double number(const Core::ResponseDocument &document, NodeId object, QStringView key, double fallback = 0);
    static bool boolean(const Core::ResponseDocument &document, NodeId object, QStringView key);
    static bool isNull(const Core::ResponseDocument &document, NodeId object, QStringView key);

private:
    bool m_ok = false;
    DagsterError m_error;
    QString m_typeName;
    std::shared_ptr<const Core::ResponseDocument> m_document;
    NodeId m_node = Core::ResponseDocument::InvalidNode;
};

} // namespace Sextant::Net
