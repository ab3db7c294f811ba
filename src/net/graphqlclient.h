// SPDX-License-Identifier: MIT
// Sextant: sends GraphQL requests over HTTP (POST, or GET for queries) and hands back classified results.
#pragma once

#include "net/endpointprofile.h"
#include "net/graphqlcall.h"
#include "net/graphqlrequest.h"
#include "net/httpresult.h"

#include <QByteArrayView>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Sextant::Net {

class CertificateTrust;
class CookieStore;

/**
 * Owns one QNetworkAccessManager and creates a GraphQLCall per request. Lives on (and must be used from) the
 * thread it was created on.
 *
 * Every request follows PROTOCOLS.md §1.3–§1.5 and §6: POST with Content-Type application/json — or, when the
 * profile's useGetForQueries is set and the selected operation is a query, GET with the parameters in the URL
 * (§1.4; mutations, subscriptions and undetermined operations stay POST) —, Accept
 * "application/graphql-response+json, application/json;q=0.9", Accept-Encoding gzip/deflate (Qt decompresses, with a
 * safety threshold of decompressedSafetyThreshold), the user headers as given, pre-emptive Basic auth (token as user
 * name, empty password) for Dagger sessions (§5.1), a transfer timeout only when the profile's timeoutMs > 0
 * (§5.5), redirects as GraphQLCall documents, proxies as LoopbackProxyFactory documents, cookies from the profile's
 * jar in cookieStore() (never shared between profiles, Qt's own jar is unused) and TLS errors ignored only for
 * certificates trusted in certificateTrust().
 *
 * Never returns null: an invalid URL, or a GET URL longer than maxGetUrlLength, yields a call that finishes with
 * TransportError and a message that says why.
 */
class GraphQLClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQLClient)

public:
    static constexpr QByteArrayView acceptHeader = "application/graphql-response+json, application/json;q=0.9";
    static constexpr qint64 decompressedSafetyThreshold = qint64(256) * 1024 * 1024;
    /// Redirect hops one call follows at most.
    static constexpr int maxRedirects = 10;
    /// Longest GET URL sent (bytes, encoded); longer ones are reported instead (servers answer 414 around 8 KB).
    static constexpr qsizetype maxGetUrlLength = 8192;

    explicit GraphQLClient(QObject *parent = nullptr);
    ~GraphQLClient() override;

    GraphQLCall *execute(const EndpointProfile &endpoint, const GraphQLRequest &request);

    /// The certificates trusted per host:port; null (the default) trusts nothing beyond the system's CAs.
    /// Not owned; must outlive the calls or be destroyed on the same thread (held by QPointer).
    void setCertificateTrust(CertificateTrust *trust);
    CertificateTrust *certificateTrust() const;
    /// The per-profile cookies of every call of this client (owned by the client).
    CookieStore *cookieStore() const;
    /// Decompressed size after which Qt's compression-ratio check applies (bytes, default
    /// decompressedSafetyThreshold); a reply that trips it finishes as TransportError.
    void setDecompressedSafetyThresholdBytes(qint64 bytes);
    qint64 decompressedSafetyThresholdBytes() const; ///< bytes; -1 = no check (QNetworkRequest)

    /// "Basic " + base64(token + ":") — the Dagger session's Authorization value (§5.1).
    static QByteArray daggerAuthorization(const QString &token);
    /// Whether a request header carries a credential and so never goes to another origin on a redirect:
    /// Authorization, Proxy-Authorization, Cookie, and any name containing token, secret, key, auth or password
    /// (case-insensitive).
    static bool isCredentialHeader(QByteArrayView name);

private:
    friend class GraphQLCall;
    /// Sends one hop; attaches the profile's cookies when the hop goes to the endpoint's own origin.
    QNetworkReply *send(const GraphQLCall::Hop &hop, bool endpointOrigin, const EndpointProfile &endpoint);

    QNetworkAccessManager *m_manager;
    CookieStore *m_cookies;
    QPointer<CertificateTrust> m_trust;
    qint64 m_decompressedSafetyThreshold = decompressedSafetyThreshold;
};

} // namespace Sextant::Net
