// SPDX-License-Identifier: MIT
// Sextant: the local checks Run makes before anything is sent, and the request they produce.
#pragma once

#include <core/language/parser.h>
#include <net/graphqlrequest.h>

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Sextant::App {

/// Which input a problem found by prepareRequest() is in (the window switches to that pane).
enum class RequestInput : quint8 { None, Variables, Headers, Query };

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

} // namespace Sextant::App
