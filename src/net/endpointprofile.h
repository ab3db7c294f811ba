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

    /// The user-visible identity "Dagger session http://127.0.0.1:1234/query (token set, headers: X-A)":
    /// names only, never the token or header values.
    QString toString() const;
};

QDebug operator<<(QDebug debug, const EndpointProfile &profile);

} // namespace Sextant::Net
