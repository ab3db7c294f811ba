// SPDX-License-Identifier: MIT
// Sextant: reply collection, redirect decisions and transport-error wording for one GraphQL request.
#include "net/graphqlcall.h"

#include "net/certificatetrust.h"
#include "net/cookiestore.h"
#include "net/graphqlclient.h"
#include "net/responseclassifier.h"

#include <core/response/responsedocument.h>

#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <QNetworkCookie>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#endif

using namespace Qt::StringLiterals;

namespace Sextant::Net {

namespace {

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
           && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && defaultPort(a) == defaultPort(b);
}

/// Qt's text for a body past QNetworkRequest::decompressedSafetyCheckThreshold (QDecompressHelper); any other
/// "Decompression failed: …" is corrupt data (zlib/brotli/zstd's own message follows the colon).
bool isDecompressionLimit(const QString &errorString)
{
    return errorString.contains(u"exceeds the limits"_s, Qt::CaseInsensitive)
           || errorString.contains(u"SafetyCheckThreshold"_s, Qt::CaseInsensitive);
}

bool isDecompressionFailure(QNetworkReply::NetworkError error, const QString &errorString)
{
    // Qt reports a body past QNetworkRequest::decompressedSafetyCheckThreshold as a content error whose text starts
    // with "Decompression failed" (QNetworkReplyHttpImpl); no dedicated error code exists.
    return (error == QNetworkReply::UnknownContentError || error == QNetworkReply::ProtocolFailure)
           && errorString.contains(u"ecompress"_s, Qt::CaseInsensitive);
}

} // namespace

GraphQLCall::GraphQLCall(GraphQLClient *client, const Hop &hop, const EndpointProfile &endpoint, QObject *parent)
    : QObject(parent), m_client(client), m_endpoint(endpoint), m_hop(hop)
{
    m_timer.start();
    send();
}

void GraphQLCall::send()
{
    m_currentUrl = m_hop.url;
    m_sslErrors.clear();
    m_tls.reset();
    m_encrypted = false;
    attach(m_client->send(m_hop, sameOrigin(m_hop.url, m_endpoint.url), m_endpoint));
}

void GraphQLCall::attach(QNetworkReply *reply)
{
    m_reply = reply;
    // Backpressure: the network thread stops reading once this much is waiting for us, so a 100 MB body is not
    // held twice (in the reply's buffer and in m_body) while the GUI thread catches up.
    reply->setReadBufferSize(readBufferSize);
    connect(reply, &QNetworkReply::readyRead, this, &GraphQLCall::onReadyRead);
    connect(reply, &QNetworkReply::redirected, this, &GraphQLCall::onRedirected);
    connect(reply, &QNetworkReply::finished, this, &GraphQLCall::onReplyFinished);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (!m_reply)
            return;
        storeCookies();
        bool known = false;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        m_bytesTotal = known && length >= 0 ? length : -1;
        if (m_bytesTotal > 0 && m_bytesTotal <= maxBodySize)
            reserveBody(m_bytesTotal);
    });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, &GraphQLCall::onSslErrors);
    connect(reply, &QNetworkReply::encrypted, this, [this] { m_encrypted = true; });
#endif
}

void GraphQLCall::onSslErrors(const QList<QSslError> &errors)
{
#if QT_CONFIG(ssl)
    if (!m_reply)
        return;
    TlsFailure failure;
    failure.hostPort = m_currentUrl.host() + u':' + QString::number(defaultPort(m_currentUrl));
    for (const QSslError &error : errors) {
        failure.errors << error.errorString();
        m_sslErrors << error.errorString();
    }
    QSslCertificate leaf = m_reply->sslConfiguration().peerCertificate();
    if (leaf.isNull()) {
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull()) {
                leaf = error.certificate();
                break;
            }
        }
    }
    failure.setCertificate(leaf);
    // PROTOCOLS.md §6: only the exact certificate the user trusted for this host:port gets its errors ignored.
    CertificateTrust *trust = m_client ? m_client->certificateTrust() : nullptr;
    if (trust && failure.hasCertificate() && trust->isTrusted(failure.hostPort, failure.sha256)) {
        m_reply->ignoreSslErrors(errors);
        return;
    }
    m_tls = std::move(failure);
#else
    Q_UNUSED(errors);
#endif
}

void GraphQLCall::storeCookies()
{
    if (!m_reply || !m_client || !sameOrigin(m_currentUrl, m_endpoint.url))
        return; // cookies of another origin are neither sent nor kept
    const QVariant header = m_reply->header(QNetworkRequest::SetCookieHeader);
    if (!header.isValid())
        return;
    const auto cookies = header.value<QList<QNetworkCookie>>();
    if (!cookies.isEmpty())
        m_client->cookieStore()->store(m_endpoint.profileKey(), cookies, m_currentUrl);
}

GraphQLCall::GraphQLCall(const QString &failure, const EndpointProfile &endpoint, QObject *parent)
    : QObject(parent), m_endpoint(endpoint)
{
    m_timer.start();
    // Queued so the caller can connect to finished() after execute() returned.
    QTimer::singleShot(0, this, [this, failure] {
        HttpResult result;
        result.kind = ResultKind::TransportError;
        result.message = failure;
        finish(std::move(result));
    });
}

GraphQLCall::~GraphQLCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
    }
}

void GraphQLCall::abort()
{
    if (m_finished)
        return;
    m_stopReason = StopReason::User;
    if (m_reply) {
        m_reply->abort(); // emits QNetworkReply::finished synchronously → onReplyFinished()
    }
    if (!m_finished) {
        HttpResult result;
        result.kind = ResultKind::Cancelled;
        result.message = u"Cancelled"_s;
        finish(std::move(result));
    }
}

bool GraphQLCall::isRunning() const
{
    return !m_finished;
}

qint64 GraphQLCall::elapsedMs() const
{
    return m_finished ? m_finalElapsedMs : m_timer.elapsed();
}

void GraphQLCall::reserveBody(qint64 needed)
{
    const qint64 wanted = needed + Core::ResponseDocument::requiredPadding;
    if (m_body.capacity() >= wanted)
        return;
    // Grow geometrically (like QByteArray::append) but keep the padding simdjson reads past the end.
    const qint64 grown = m_body.size() + m_body.size() / 2 + Core::ResponseDocument::requiredPadding;
    const qint64 ceiling = maxBodySize + 1 + Core::ResponseDocument::requiredPadding;
    m_body.reserve(qsizetype(std::max(wanted, std::min(grown, ceiling))));
}

void GraphQLCall::reportProgress(bool force)
{
    if (m_body.size() == m_reportedBytes)
        return;
    if (!force && m_progressTimer.isValid() && m_progressTimer.elapsed() < progressInterval)
        return;
    m_progressTimer.start();
    m_reportedBytes = m_body.size();
    emit progressed(m_reportedBytes, m_bytesTotal);
}

void GraphQLCall::onReadyRead()
{
    if (!m_reply)
        return;
    const qint64 available = m_reply->bytesAvailable();
    if (available > 0) {
        const qsizetype old = m_body.size();
        reserveBody(old + available);
        m_body.resize(old + available);
        const qint64 read = m_reply->read(m_body.data() + old, available);
        m_body.resize(old + std::max<qint64>(read, 0));
    }
    if (m_body.size() > maxBodySize && m_stopReason == StopReason::None) {
        m_stopReason = StopReason::TooLarge;
        m_reply->abort();
        return;
    }
    reportProgress(false);
}

void GraphQLCall::onRedirected(const QUrl &target)
{
    if (!m_reply)
        return;
    // Qt has already switched url() to the target here; m_currentUrl still names the server that redirected.
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    storeCookies();
    const bool isGet = m_hop.method == "GET";
    // 307/308 keep method and body; 301/302/303 turn a POST into a GET that would lose the document (RFC 9110
    // §15.4), so only a GET follows them.
    const bool keepsMethod = status == 307 || status == 308 || isGet;
    const bool same = sameOrigin(m_currentUrl, target) && sameOrigin(m_endpoint.url, target);
    const QString where = target.toDisplayString(QUrl::RemoveUserInfo);
    m_redirectStatus = status;
    m_redirectReason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();

    const bool downgrade = m_currentUrl.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0
                           && target.scheme().compare(u"https"_s, Qt::CaseInsensitive) != 0;
    if (downgrade) {
        m_stopMessage = u": refused a redirect from https to "_s + where + u" (it would send the request unencrypted)"_s;
    } else if (keepsMethod && m_redirects >= GraphQLClient::maxRedirects) {
        m_stopMessage = u": more than %1 redirects; the last one pointed to "_s.arg(GraphQLClient::maxRedirects) + where;
    } else if (keepsMethod && (same || m_endpoint.allowCrossOriginRedirects)) {
        if (followRedirect(target, !same))
            return;
        m_stopMessage = u": the redirect to "_s + where + u" could not be followed"_s;
    } else if (!same && !m_endpoint.allowCrossOriginRedirects) {
        m_stopMessage = u": the server redirects to another origin ("_s + where
                        + u"); not followed so headers and credentials stay with this server — use that URL as "
                          u"the endpoint if you trust it, or allow cross-origin redirects for this endpoint"_s;
    } else {
        m_stopMessage = u": the server redirects to "_s + where
                        + u"; a POST redirected this way would turn into a GET and lose the document — use that "
                          u"URL as the endpoint"_s;
    }
    m_stopReason = StopReason::Redirect;
    m_reply->abort();
}

bool GraphQLCall::followRedirect(const QUrl &target, bool crossOrigin)
{
    // Only 307/308 (any method) and 301/302/303 (GET) get here: the method and body stay.
    if (!m_client || !target.isValid())
        return false;
    // Every hop is a fresh request: Qt would carry every raw header to a new origin (PROTOCOLS.md §6), and Qt 6.4
    // fails a POST re-sent by its own redirect handling after the second hop.
    QNetworkReply *old = m_reply;
    m_reply.clear();
    old->disconnect(this);
    old->abort();
    old->deleteLater();
    ++m_redirects;
    m_body.clear();
    m_bytesTotal = -1;
    Hop next = m_hop;
    next.url = target;
    if (crossOrigin) {
        next.headers.removeIf([](const QPair<QByteArray, QByteArray> &header) {
            return GraphQLClient::isCredentialHeader(header.first);
        });
    }
    m_hop = next;
    send();
    return true;
}

QString GraphQLCall::hostAndPort() const
{
    const QUrl &url = m_currentUrl.isValid() ? m_currentUrl : m_endpoint.url;
    return url.host() + u':' + QString::number(defaultPort(url));
}

GraphQLCall::DecompressionFailure GraphQLCall::decompressionFailureKind(const QString &errorString,
                                                                      const QString &encoding) const
{
    if (isDecompressionLimit(errorString))
        return DecompressionFailure::OverLimit;
    // Qt 6.4 says only "Decompression failed: " for both corrupt data and the ratio check, so bound it: the check
    // applies past the threshold of decompressed bytes, and deflate expands at most ~1032:1 (RFC 1951 stored
    // maximum), so a gzip/deflate body whose Content-Length times 1032 stays under the threshold was corrupt.
    const qint64 threshold =
        m_client ? m_client->decompressedSafetyThresholdBytes() : GraphQLClient::decompressedSafetyThreshold;
    if (threshold < 0)
        return DecompressionFailure::Corrupt; // no ratio check at all
    const QString lower = encoding.toLower();
    const bool deflate = lower.contains(u"gzip"_s) || lower.contains(u"deflate"_s);
    // Qt removes Content-Length from a compressed reply and keeps it in OriginalContentLengthAttribute.
    bool known = false;
    const qint64 compressed =
        m_reply ? m_reply->attribute(QNetworkRequest::OriginalContentLengthAttribute).toLongLong(&known) : -1;
    if (!deflate || !known || compressed < 0)
        return DecompressionFailure::Unknown;
    return compressed * maxDeflateRatio < threshold ? DecompressionFailure::Corrupt : DecompressionFailure::OverLimit;
}

QString GraphQLCall::incompleteMessage(qint64 received) const
{
    QString sizes = HttpResult::formatSize(received);
    if (m_bytesTotal > 0)
        sizes += u" of "_s + HttpResult::formatSize(m_bytesTotal);
    return u"The server at "_s + hostAndPort() + u" closed the connection before the response was complete ("_s + sizes
           + u" received)"_s;
}

QString GraphQLCall::transportMessage(int error, const HttpResult &result) const
{
    const QString errorString = m_reply ? m_reply->errorString() : QString();
    switch (QNetworkReply::NetworkError(error)) {
    case QNetworkReply::ConnectionRefusedError:
        return u"Connection refused by "_s + hostAndPort() + u" — is the server running?"_s;
    case QNetworkReply::HostNotFoundError:
        return u"Host not found: "_s + m_endpoint.url.host() + u" — check the endpoint URL"_s;
    case QNetworkReply::RemoteHostClosedError:
        if (result.httpStatus > 0)
            return incompleteMessage(result.body.size());
        if (m_currentUrl.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 && !m_encrypted) {
            // The TLS handshake never finished: a plain "closed without answering" would hide where it failed.
            return u"TLS handshake with "_s + hostAndPort()
                   + u" failed: the server closed the connection during the handshake (is it speaking TLS?)"_s;
        }
        return u"The server at "_s + hostAndPort() + u" closed the connection without answering"_s;
    case QNetworkReply::SslHandshakeFailedError:
        if (m_tls && m_tls->hasCertificate())
            return m_tls->message();
        return u"TLS handshake with "_s + hostAndPort() + u" failed: "_s
               + (m_sslErrors.isEmpty() ? errorString : m_sslErrors.join(u"; "_s));
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return u"The network is not available: "_s + errorString;
    case QNetworkReply::TooManyRedirectsError:
        return u"Too many redirects from "_s + hostAndPort();
    case QNetworkReply::InsecureRedirectError:
        return u"Refused a redirect from https to http on "_s + hostAndPort();
    case QNetworkReply::ProtocolUnknownError:
        return u"Unsupported URL scheme \""_s + m_endpoint.url.scheme() + u"\" — use http:// or https://"_s;
    default:
        break;
    }
    if (error >= QNetworkReply::ProxyConnectionRefusedError && error <= QNetworkReply::UnknownProxyError)
        return u"Proxy error while connecting to "_s + hostAndPort() + u": "_s + errorString;
    return u"Request to "_s + hostAndPort() + u" failed: "_s + errorString;
}

void GraphQLCall::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    QNetworkReply *reply = m_reply;
    if (reply->isOpen() && reply->bytesAvailable() > 0) {
        const QByteArray rest = reply->readAll();
        reserveBody(m_body.size() + rest.size());
        m_body += rest;
    }
    if (m_stopReason == StopReason::None)
        reportProgress(true);

    HttpResult result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    result.contentType = reply->rawHeader("Content-Type");
    result.responseHeaders = reply->rawHeaderPairs();
    result.requestMethod = m_hop.method;
    result.finalUrl = m_currentUrl;
    result.redirectCount = m_redirects;
    result.body = std::move(m_body);
    m_body.clear();

    const auto error = reply->error();
    switch (m_stopReason) {
    case StopReason::User:
        result.kind = ResultKind::Cancelled;
        result.message = u"Cancelled"_s;
        break;
    case StopReason::TooLarge:
        result.kind = ResultKind::TransportError;
        result.message =
            u"The response is larger than "_s + HttpResult::formatSize(maxBodySize) + u"; the request was stopped"_s;
        break;
    case StopReason::Redirect:
        result.kind = ResultKind::NotGraphQL;
        result.httpStatus = m_redirectStatus;
        result.reasonPhrase = m_redirectReason;
        result.message = ResponseClassifier::statusText(m_redirectStatus, m_redirectReason) + m_stopMessage;
        break;
    case StopReason::None:
        if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
            // Nobody called abort(): the only other canceller is the transfer timeout (QNetworkRequest).
            result.kind = ResultKind::TimedOut;
            result.message = u"No response from "_s + hostAndPort() + u" for "_s
                             + QString::number(double(m_endpoint.timeoutMs) / 1000.0) + u" s — the request timed out"_s;
        } else if (result.httpStatus > 0 && isDecompressionFailure(error, reply->errorString())) {
            result.kind = ResultKind::TransportError;
            const QString encoding = QString::fromLatin1(reply->rawHeader("Content-Encoding").trimmed());
            const QString from = u"The compressed response from "_s + hostAndPort();
            switch (decompressionFailureKind(reply->errorString(), encoding)) {
            case DecompressionFailure::OverLimit:
                result.message = from
                                 + u" expands far beyond its transferred size (over the decompression safety limit); "
                                   u"the request was stopped"_s;
                break;
            case DecompressionFailure::Corrupt:
                result.message = from + u" could not be decompressed: the "_s + encoding + u" data is corrupt"_s;
                break;
            case DecompressionFailure::Unknown:
                result.message = from + u" could not be decompressed ("_s + encoding
                                 + u"): the data is corrupt or expands beyond the decompression safety limit"_s;
                break;
            }
        } else if (result.httpStatus > 0 && m_bytesTotal > 0 && result.body.size() < m_bytesTotal
                   && reply->rawHeader("Content-Encoding").isEmpty() && m_hop.method != "HEAD"
                   && (error == QNetworkReply::NoError || error == QNetworkReply::RemoteHostClosedError
                       || error >= QNetworkReply::ContentAccessDenied)) {
            // Fewer bytes than Content-Length: Qt does not always report a reset mid-body as an error.
            result.kind = ResultKind::TransportError;
            result.message = incompleteMessage(result.body.size());
        } else if (result.httpStatus > 0
                   && (error == QNetworkReply::NoError || error >= QNetworkReply::ContentAccessDenied)) {
            // Qt maps 4xx/5xx to content/protocol/server errors, but the body is the server's answer: classify it.
            ResponseClassifier::classify(result, m_endpoint);
        } else {
            result.kind = ResultKind::TransportError;
            result.message = transportMessage(error, result);
            if (error == QNetworkReply::SslHandshakeFailedError) {
                result.tls = m_tls ? *m_tls : TlsFailure{hostAndPort(), m_sslErrors, {}, {}, {}, {}, {}, {}, false};
                if (result.tls->errors.isEmpty())
                    result.tls->errors << (reply->errorString());
            }
        }
        break;
    }
    finish(std::move(result));
}

void GraphQLCall::finish(HttpResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_finalElapsedMs = m_timer.elapsed();
    result.elapsedMs = m_finalElapsedMs;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply.clear();
    }
    emit finished(result);
    deleteLater();
}

} // namespace Sextant::Net
