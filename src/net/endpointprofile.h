// SPDX-License-Identifier: MIT
// Sextant: where and how to send GraphQL requests (Dagster webserver, Dagger session, any GraphQL-over-HTTP server).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

class QDebug;

namespace Sextant::Net {

enum class EndpointKind { Dagster, DaggerSession, GenericHttp };

/// Which WebSocket subprotocol subscriptions speak (PROTOCOLS.md §3): Auto offers both and follows the server's
/// answer (graphql-ws first for Dagster, §4.4), the others offer only the one named.
enum class SubscriptionProtocol { Auto, GraphQLTransportWs, GraphQLWs };

/**
 * A value type describing one GraphQL endpoint: its kind, URL, user headers, the Dagger session token and the
 * transfer (inactivity) timeout. Plain data, usable from any thread.
 *
 * Follows PROTOCOLS.md §6 "Endpoint profiles worth shipping": Dagster at http://127.0.0.1:3000/graphql with 60 s,
 * Dagger sessions at http://127.0.0.1:$DAGGER_SESSION_PORT/query with Basic auth (token as user name, §5.1) and no
 * timeout (§5.5: builds run for minutes).
 *
 * The token is a secret: toString() and the QDebug operator never print it, nor any header value.
 * Bad input: daggerSessionFromEnvironment() and parseHeaders() report a one-line error and return nothing.
 */
struct EndpointProfile final
{
    EndpointKind kind = EndpointKind::GenericHttp;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // user headers, sent as given
    QString daggerToken;                          // secret: never logged, never serialized
    int timeoutMs = 60000;                        // 0 = no timeout
    /// Send query operations as GET with URL parameters (PROTOCOLS.md §1.4); mutations and subscriptions stay POST.
    bool useGetForQueries = false;
    /// Follow redirects to another origin too (never Authorization or Cookie there, PROTOCOLS.md §6); off: same
    /// origin only.
    bool allowCrossOriginRedirects = false;
    SubscriptionProtocol subscriptionProtocol = SubscriptionProtocol::Auto;
    /// Where subscriptions connect; empty: url with http→ws and https→wss.
    QUrl subscriptionUrl;

    static EndpointProfile dagster(const QUrl &url = QUrl(QStringLiteral("http://127.0.0.1:3000/graphql")));
    static EndpointProfile daggerSession(quint16 port, const QString &token);
    /// Reads DAGGER_SESSION_PORT and DAGGER_SESSION_TOKEN. Both unset (or only the token set): nullopt with an
    /// empty error. Port set but invalid, or set without a token: nullopt with a one-line error.
    static std::optional<EndpointProfile> daggerSessionFromEnvironment(QString *error = nullptr);
    static QString kindName(EndpointKind kind);
    /// The stable id collections, history and the CLI's --kind use: "dagster", "dagger-session", "http".
    static QString kindId(EndpointKind kind);
    /// The kind of an id from kindId() (also "dagger" for a Dagger session); nullopt for anything else.
    static std::optional<EndpointKind> kindFromId(const QString &id);
    /// "Key: Value" per line; blank lines and lines starting with '#' are skipped. On a bad line returns an empty
    /// list and sets *error to "Line N: ...".
    static QList<QPair<QByteArray, QByteArray>> parseHeaders(const QString &text, QString *error);

    /// "auto", "graphql-transport-ws", "graphql-ws" (the wire names); subscriptionProtocolFromId reads them back,
    /// nullopt for anything else.
    static QString subscriptionProtocolId(SubscriptionProtocol protocol);
    static std::optional<SubscriptionProtocol> subscriptionProtocolFromId(const QString &id);
    /// The WebSocket URL subscriptions use: subscriptionUrl if set, else url with http→ws, https→wss.
    QUrl effectiveSubscriptionUrl() const;
    /// The identity per-endpoint state is kept under (cookies, trusted certificates, endpoint settings):
    /// kindId + " " + url without user info, query or fragment. Never contains a secret.
    QString profileKey() const;

    /// The user-visible identity "Dagger session http://127.0.0.1:1234/query (token set, headers: X-A)":
    /// names only, never the token or header values.
    QString toString() const;
};

QDebug operator<<(QDebug debug, const EndpointProfile &profile);

} // namespace Sextant::Net
