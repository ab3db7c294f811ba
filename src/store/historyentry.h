// SPDX-License-Identifier: MIT
// Sextant: one recorded run (time, endpoint, operation, document, variables, outcome, duration, size).
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Sextant::Store {

/// How a run ended; stored as the stable text of historyOutcomeName().
enum class HistoryOutcome {
    Ok,            ///< a GraphQL response without errors
    GraphQLErrors, ///< a GraphQL response with an "errors" list (whatever the HTTP status)
    HttpError,     ///< an HTTP answer that is not a GraphQL response, or a body that is not JSON
    NetworkError,  ///< no HTTP answer (connection refused, TLS, DNS, cut-off transfer)
    TimedOut,      ///< the transfer timeout of the endpoint profile expired
    Cancelled,     ///< stopped by the user
};

/// "ok", "graphql-errors", "http-error", "network-error", "timed-out", "cancelled".
inline QString historyOutcomeName(HistoryOutcome outcome)
{
    switch (outcome) {
    case HistoryOutcome::Ok:
        return QStringLiteral("ok");
    case HistoryOutcome::GraphQLErrors:
        return QStringLiteral("graphql-errors");
    case HistoryOutcome::HttpError:
        return QStringLiteral("http-error");
    case HistoryOutcome::NetworkError:
        return QStringLiteral("network-error");
    case HistoryOutcome::TimedOut:
        return QStringLiteral("timed-out");
    case HistoryOutcome::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

/// The inverse of historyOutcomeName(); unknown text reads as NetworkError.
inline HistoryOutcome historyOutcomeFromName(QStringView name)
{
    for (HistoryOutcome outcome : {HistoryOutcome::Ok, HistoryOutcome::GraphQLErrors, HistoryOutcome::HttpError,
                                   HistoryOutcome::NetworkError, HistoryOutcome::TimedOut, HistoryOutcome::Cancelled}) {
        if (name == historyOutcomeName(outcome))
            return outcome;
    }
    return HistoryOutcome::NetworkError;
}

/**
 * One run as the history keeps it (Store::HistoryStore), as RunController reports it, and as the history dock
 * shows and re-opens it. Plain data, any thread.
 *
 * - @c id is the database row id, 0 for an entry not stored yet.
 * - @c startedAt is when Run sent the request, in UTC (millisecond precision survives the database).
 * - @c endpointKind uses SavedRequest's vocabulary: "dagster", "dagger-session" or "http"; @c endpointUrl is the URL
 *   without user info and with credential query values redacted (historyredaction.h). Neither ever holds a token.
 * - @c variables is the variables JSON text as sent, with credential-named values redacted; @c headers is
 *   "Key: Value" lines with every credential header removed (SessionStore::withoutCredentialHeaders).
 * - @c httpStatus is 0 when no HTTP answer came; @c message is the one-line status ("HTTP 200 OK · 42 ms · 1.2 KB"
 *   or the error text); @c responseSize is the body size in bytes.
 */
struct HistoryEntry final
{
    qint64 id = 0;
    QDateTime startedAt;
    QString endpointKind;
    QString endpointUrl;
    QString operationName;
    QString document;
    QString variables;
    QString headers;
    HistoryOutcome outcome = HistoryOutcome::Ok;
    int httpStatus = 0;
    QString message;
    qint64 durationMs = 0;
    qint64 responseSize = 0;

    bool operator==(const HistoryEntry &) const = default;
};

} // namespace Sextant::Store

Q_DECLARE_METATYPE(Sextant::Store::HistoryEntry)
