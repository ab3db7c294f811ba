// SPDX-License-Identifier: MIT
// Sextant: request construction for GraphQL over HTTP (method, headers, auth, timeout, redirects, proxies, cookies).
#include "net/graphqlclient.h"

#include "net/certificatetrust.h"
#include "net/cookiestore.h"
#include "net/loopbackproxyfactory.h"

#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Sextant::Net {

namespace {

/// Qt's jar is bypassed: cookies are kept per endpoint profile in CookieStore and attached by hand.
class NoCookieJar final : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
};

} // namespace

GraphQLClient::GraphQLClient(QObject *parent)
    : QObject(parent), m_manager(new QNetworkAccessManager(this)), m_cookies(new CookieStore(this))
{
    m_manager->setProxyFactory(new LoopbackProxyFactory); // the manager takes ownership
    m_manager->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
    m_manager->setCookieJar(new NoCookieJar(m_manager));
}

GraphQLClient::~GraphQLClient() = default;

void GraphQLClient::setCertificateTrust(CertificateTrust *trust)
{
    m_trust = trust;
}

CertificateTrust *GraphQLClient::certificateTrust() const
{
    return m_trust.data();
}

CookieStore *GraphQLClient::cookieStore() const
{
    return m_cookies;
}

qint64 GraphQLClient::decompressedSafetyThresholdBytes() const
{
    return m_decompressedSafetyThreshold;
}

void GraphQLClient::setDecompressedSafetyThresholdBytes(qint64 bytes)
{
    m_decompressedSafetyThreshold = bytes;
}

QByteArray GraphQLClient::daggerAuthorization(const QString &token)
{
    const QByteArray credentials = token.toUtf8() + ':';
    return QByteArrayLiteral("Basic ") + credentials.toBase64();
}

bool GraphQLClient::isCredentialHeader(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().trimmed().toLower();
    if (lower == "authorization" || lower == "proxy-authorization" || lower == "cookie")
        return true;
    for (const char *word : {"token", "secret", "key", "auth", "password"}) {
        if (lower.contains(word))
            return true;
    }
    return false;
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

    GraphQLCall::Hop hop;
    hop.url = url;
    hop.headers.append({QByteArrayLiteral("Accept"), acceptHeader.toByteArray()});
    const bool useGet =
        endpoint.useGetForQueries && request.selectedOperationType() == Core::OperationType::Query;
    if (useGet) {
        // PROTOCOLS.md §1.4: values percent-encoded by hand so '+' stays a plus for form-urlencoded decoders.
        hop.method = QByteArrayLiteral("GET");
        const QByteArray existing = url.query(QUrl::FullyEncoded).toUtf8();
        const QByteArray query = existing.isEmpty() ? request.toGetQuery() : existing + '&' + request.toGetQuery();
        hop.url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
        const qsizetype length = hop.url.toEncoded().size();
        if (length > maxGetUrlLength) {
            return new GraphQLCall(u"The GET request URL would be %1 (over the %2 that servers accept) — turn off "
                                   u"\"GET for queries\" to send this query as POST"_s
                                       .arg(HttpResult::formatSize(length), HttpResult::formatSize(maxGetUrlLength)),
                                   endpoint, this);
        }
    } else {
        hop.method = QByteArrayLiteral("POST");
        hop.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        hop.body = request.toJsonBody();
    }
    for (const auto &header : endpoint.headers)
        hop.headers.append(header);
    if (endpoint.kind == EndpointKind::DaggerSession && !endpoint.daggerToken.isEmpty()) {
        // Pre-emptive: waiting for the 401 challenge would make Qt ask for a password (PROTOCOLS.md §5.1).
        hop.headers.append({QByteArrayLiteral("Authorization"), daggerAuthorization(endpoint.daggerToken)});
    }
    return new GraphQLCall(this, hop, endpoint, this);
}

QNetworkReply *GraphQLClient::send(const GraphQLCall::Hop &hop, bool endpointOrigin, const EndpointProfile &endpoint)
{
    QNetworkRequest networkRequest(hop.url);
    for (const auto &header : hop.headers) {
        if (header.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, header.second);
        else
            networkRequest.setRawHeader(header.first, header.second);
    }
    if (endpointOrigin) {
        const QList<QNetworkCookie> cookies = m_cookies->cookiesForUrl(endpoint.profileKey(), hop.url);
        if (!cookies.isEmpty()) {
            QByteArray value = networkRequest.rawHeader("Cookie"); // a user "Cookie:" header comes first
            for (const QNetworkCookie &cookie : cookies) {
                if (!value.isEmpty())
                    value += "; ";
                value += cookie.toRawForm(QNetworkCookie::NameAndValueOnly);
            }
            networkRequest.setRawHeader("Cookie", value);
        }
    }
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // Qt's credential cache must not add or replay credentials behind the user's back.
    networkRequest.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    networkRequest.setMaximumRedirectsAllowed(maxRedirects + 1); // GraphQLCall counts and stops first
    networkRequest.setTransferTimeout(endpoint.timeoutMs > 0 ? endpoint.timeoutMs : 0);
    networkRequest.setDecompressedSafetyCheckThreshold(m_decompressedSafetyThreshold);

    if (hop.method == "GET")
        return m_manager->get(networkRequest);
    return m_manager->post(networkRequest, hop.body);
}

} // namespace Sextant::Net
