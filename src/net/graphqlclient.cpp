// SPDX-License-Identifier: MIT
// Sextant: request construction for GraphQL over HTTP (headers, auth, timeout, redirects, proxies).
#include "net/graphqlclient.h"

#include "net/loopbackproxyfactory.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Sextant::Net {

GraphQLClient::GraphQLClient(QObject *parent) : QObject(parent), m_manager(new QNetworkAccessManager(this))
{
    m_manager->setProxyFactory(new LoopbackProxyFactory); // the manager takes ownership
    m_manager->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
}

GraphQLClient::~GraphQLClient() = default;

QByteArray GraphQLClient::daggerAuthorization(const QString &token)
{
    const QByteArray credentials = token.toUtf8() + ':';
    return QByteArrayLiteral("Basic ") + credentials.toBase64();
}

GraphQLCall *GraphQLClient::execute(const EndpointProfile &endpoint, const GraphQLRequest &request)
{
    const QUrl &url = endpoint.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()) {
        return new GraphQLCall(u"Invalid endpoint URL \""_s + url.toDisplayString(QUrl::RemoveUserInfo)
                                   + u"\" — expected http://host:port/path"_s,
                               endpoint, this);
    }
    if (scheme != u"http"_s && scheme != u"https"_s) {
        return new GraphQLCall(u"Unsupported URL scheme \""_s + url.scheme() + u"\" — use http:// or https://"_s,
                               endpoint, this);
    }

    QNetworkRequest networkRequest(url);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    networkRequest.setRawHeader("Accept", acceptHeader.toByteArray());
    for (const auto &header : endpoint.headers)
        networkRequest.setRawHeader(header.first, header.second);
    if (endpoint.kind == EndpointKind::DaggerSession && !endpoint.daggerToken.isEmpty()) {
        // Pre-emptive: waiting for the 401 challenge would make Qt ask for a password (PROTOCOLS.md §5.1).
        networkRequest.setRawHeader("Authorization", daggerAuthorization(endpoint.daggerToken));
    }
    // Qt's credential cache must not add or replay credentials behind the user's back.
    networkRequest.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    if (endpoint.timeoutMs > 0)
        networkRequest.setTransferTimeout(endpoint.timeoutMs);
    else
        networkRequest.setTransferTimeout(0);
    networkRequest.setDecompressedSafetyCheckThreshold(decompressedSafetyThreshold);

    QNetworkReply *reply = m_manager->post(networkRequest, request.toJsonBody());
    return new GraphQLCall(reply, endpoint, this);
}

} // namespace Sextant::Net
