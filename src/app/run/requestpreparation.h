// SPDX-License-Identifier: MIT
// Sextant: the local checks Run makes before anything is sent, and the request they produce.
#pragma once

#include <core/language/parser.h>
#include <net/graphqlrequest.h>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sextant::App {

/// Which input a problem found by prepareRequest() is in (the window switches to that pane).
enum class RequestInput : quint8 { None, Variables, Headers, Query, Url };

/// Why nothing can be sent: a message for the user, and where to put the cursor (1-based; 0 = no position).
struct RequestProblem
{
    RequestInput input = RequestInput::None;
    QString message;                  ///< ends with "Nothing was sent." where the user must fix something
    int line = 0;
    int column = 0;
    QList<Core::SyntaxError> syntaxErrors; ///< for a malformed document: every error the strict parser reported
};

/// The request Run sends, or the problem that stops it (problem.input != None).
struct PreparedRequest
{
    Net::GraphQLRequest request;
    RequestProblem problem;
    /// Filled by the RequestInputs overload only: the URL and the parsed header lines after substitution (they may
    /// hold secrets: send them, never save or log them).
    QString url;
    QList<QPair<QByteArray, QByteArray>> headers;

    bool isValid() const { return problem.input == RequestInput::None && problem.message.isEmpty(); }
};

/**
 * What Run checks locally, in order, so that nothing malformed leaves the machine:
 * 1. the variables text is empty or a JSON object (RFC 8259; the position of a syntax error as line/column);
 * 2. every header line is `Name: value` (Net::EndpointProfile::parseHeaders);
 * 3. the document is not empty and parses (GraphQL spec §2, strict parser);
 * 4. it has an operation, and with several the one to run has a name (§6.1 GetOperation): the operation at
 *    @p operationAtCursor (index into Core::outlineOperations(document); -1 when the caret is between
 *    operations), else @p pickedOperation (the toolbar's choice).
 * Validation against the schema is not required: the server is the judge (GraphiQL also sends invalid documents).
 * Pure function of its arguments; any thread. The variables text is passed on verbatim (big integers survive).
 */
PreparedRequest prepareRequest(const QString &document, const QString &variablesText, const QString &headersText,
                               int operationAtCursor, int pickedOperation);

/// The active environment of a Run: what {{name}} references resolve to.
struct RequestEnvironment
{
    QString name;                   ///< for messages ("Staging")
    QHash<QString, QString> values; ///< name → value, secrets included once the keychain gave them
    QStringList unreadSecrets;      ///< secret variables whose value is not read (yet): referencing one is a problem
};

/// Everything Run sends, as typed (templates unresolved).
struct RequestInputs
{
    QString document;
    QString variablesText;
    QString headersText;
    QString urlText;
    int operationAtCursor = -1;
    int pickedOperation = 0;
    std::optional<RequestEnvironment> environment; ///< nullopt: no environment selected (every {{name}} is unknown)
};

/**
 * The same checks, after substituting the environment (Store::substituteTemplate) into the URL, the header lines
 * and the variables (as JSON: a reference inside a string gets a JSON-escaped value). Any {{name}} without a value
 * stops the Run before the other checks: RequestProblem names the variable, the input (Url, Headers, Variables)
 * and its line and column (1-based, of the first unknown one; the URL has line 1), lists the other unknown names,
 * and ends with "Nothing was sent.". A value with a line break in a header is refused too (it would split the
 * header). A JSON error in substituted variables is reported at the position in the text as typed. The URL must then
 * be an http(s) URL with a host. The document is never substituted (GraphQL has its own $variables).
 * Pure function; any thread. On success @c url, @c headers and @c request carry the substituted values.
 */
PreparedRequest prepareRequest(const RequestInputs &inputs);

/// Only the endpoint part of the above, for requests that are not the user's document (introspection, Reload
/// schema): the URL and the header lines substituted and checked the same way (problem.input is Url or Headers).
/// On success @c url and @c headers are set and @c request is empty. Pure function; any thread.
PreparedRequest prepareEndpoint(const QString &urlText, const QString &headersText,
                                const std::optional<RequestEnvironment> &environment);

} // namespace Sextant::App
