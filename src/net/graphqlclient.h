// SPDX-License-Identifier: MIT
// Sextant: sends GraphQL requests over HTTP POST and hands back classified results.
#pragma once

#include "net/endpointprofile.h"
#include "net/graphqlcall.h"
#include "net/graphqlrequest.h"
#include "net/httpresult.h"

#include <QObject>

class QNetworkAccessManager;

namespace Sextant::Net {

/**
 * Owns one QNetworkAccessManager and creates a GraphQLCall per request. Lives on (and must be used from) the
 * thread it was created on.
 *
 * Every request follows PROTOCOLS.md §1.3, §1.5 and §6: POST with Content-Type application/json, Accept
 * "application/graphql-response+json, application/json;q=0.9", the user headers as given, pre-emptive Basic auth
 * (token as user name, empty password) for Dagger sessions (§5.1), a transfer timeout only when the profile's
 * timeoutMs > 0 (§5.5), user-verified redirects (same origin only), no proxy for loopback hosts and a decompression
 * safety threshold of 256 MiB. Never returns null: an invalid URL yields a call that finishes with TransportError.
 */
class GraphQLClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQLClient)

public:
    static constexpr QByteArrayView acceptHeader = "application/graphql-response+json, application/json;q=0.9";
    static constexpr qint64 decompressedSafetyThreshold = qint64(256) * 1024 * 1024;

    explicit GraphQLClient(QObject *parent = nullptr);
    ~GraphQLClient() override;

    GraphQLCall *execute(const EndpointProfile &endpoint, const GraphQLRequest &request);

    /// "Basic " + base64(token + ":") — the Dagger session's Authorization value (§5.1).
    static QByteArray daggerAuthorization(const QString &token);

private:
    QNetworkAccessManager *m_manager;
};

} // namespace Sextant::Net
