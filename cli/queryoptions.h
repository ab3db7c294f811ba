// SPDX-License-Identifier: MIT
// Sextant: the command line of `sextant query`, parsed into an endpoint and a request.
#pragma once

#include <net/endpointprofile.h>
#include <net/graphqlrequest.h>

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace Sextant::Cli {

/**
 * Parses the arguments after `sextant query` (see QueryOptions::helpText()) into the endpoint profile and the
 * request parameters minus the document, which comes from standard input. Pure; any thread.
 *
 * Variables follow PROTOCOLS.md §6 "Numbers": values are kept as the JSON text given, never round-tripped through
 * doubles. Bad input: nullopt and a one-line error (without the "sextant: " prefix); help requested: showHelp set.
 */
struct QueryOptions final
{
    Sextant::Net::EndpointProfile endpoint;
    Sextant::Net::GraphQLRequest request; // query left empty
    /// --trust-certificate: raw SHA-256 digests of certificates trusted for the endpoint's host:port only.
    QList<QByteArray> trustedCertificates;
    bool showHelp = false;
    /// Subscriptions (--max-messages N): unsubscribe after N payloads; 0 = until the server completes.
    int maxMessages = 0;

    static std::optional<QueryOptions> parse(const QStringList &arguments, QString *error);
    /// The --variables object with each --var name=value merged over it (replacing equal keys in place), as
    /// compact JSON object text; empty when neither was given. A --var value that is a JSON value (scalar, array
    /// or object) is inserted as that JSON; "@FILE:PATH" takes the value at PATH in the JSON file FILE
    /// (resolveVariableReference()); anything else becomes a JSON string.
    static QByteArray mergeVariables(const QByteArray &variablesJson, const QStringList &vars, QString *error);
    static QString helpText();
};

} // namespace Sextant::Cli
