// SPDX-License-Identifier: MIT
// Sextant: one in-flight GraphQL-over-HTTP request; collects the reply and classifies it once.
#pragma once

#include "net/endpointprofile.h"
#include "net/httpresult.h"
#include "net/tlsfailure.h"

#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkReply;
class QSslError;

namespace Sextant::Net {

class GraphQLClient;

/**
 * Owns the QNetworkReply of one request made by GraphQLClient::execute(). Lives on the client's thread (the GUI
 * thread in the app, the main thread in the CLI).
 *
 * finished() is emitted exactly once: with the classified reply (PROTOCOLS.md §1.8, see ResponseClassifier), with
 * kind Cancelled after abort() (synchronously, from inside abort()), TimedOut when the endpoint's transfer timeout
 * fired, or TransportError (connection refused, host not found, TLS — with HttpResult::tls —, connection closed
 * mid-body, a compressed body past the decompression limit, invalid URL — one clear line in HttpResult::message).
 *
 * Redirects (PROTOCOLS.md §6 "Auth and redirects", RFC 9110 §15.4), at most GraphQLClient::maxRedirects hops:
 * same origin: 307/308 are followed keeping method and body, 301/302/303 only for GET; another origin: followed
 * only when the profile allows cross-origin redirects, by a fresh request that carries no credential header
 * (GraphQLClient::isCredentialHeader) and no cookie. A POST answered with 301/302/303 is never followed (it would
 * become a GET without the document), nor one from https to http; any redirect not followed is reported as
 * NotGraphQL with the reason. Every followed hop is a fresh request made by the call (HttpResult::redirectCount,
 * finalUrl).
 * TLS: certificate errors are ignored only when the server's leaf certificate is trusted for that host:port in
 * the client's CertificateTrust (exactly the errors reported, nothing else).
 * Cookies: the profile's cookies go to the endpoint's own origin only; Set-Cookie from it is stored in the client's
 * CookieStore under EndpointProfile::profileKey().
 * Bodies are capped at maxBodySize. The call deletes itself (deleteLater) after finished().
 *
 * Receiving large bodies: the body buffer is reserved from Content-Length (plus
 * Core::ResponseDocument::requiredPadding) when the server sends one and otherwise grows geometrically with the same
 * spare room, and each readyRead reads straight into it, so HttpResult::body can be handed to
 * ResponseDocument::parse() on a worker thread without another copy. progressed() reports bytes received (and the
 * Content-Length, or -1) at most every progressInterval ms while the body arrives, plus once with the final size.
 */
class GraphQLCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQLCall)

public:
    static constexpr qint64 maxBodySize = qint64(256) * 1024 * 1024;
    /// Minimum time between two progressed() signals while the body arrives.
    static constexpr int progressInterval = 50;
    /// At most this much of the body waits in the network thread's buffer for the GUI thread to read it.
    static constexpr qint64 readBufferSize = qint64(4) * 1024 * 1024;

    ~GraphQLCall() override;

    void abort();
    bool isRunning() const;
    qint64 elapsedMs() const;

signals:
    void progressed(qint64 bytesReceived, qint64 bytesTotal);
    void finished(const Sextant::Net::HttpResult &result);

private:
    friend class GraphQLClient;
    enum class StopReason { None, User, Redirect, TooLarge };

    /// One HTTP request as sent: what a cross-origin redirect re-issues (with fewer headers).
    struct Hop
    {
        QByteArray method; ///< "GET" or "POST"
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    GraphQLCall(GraphQLClient *client, const Hop &hop, const EndpointProfile &endpoint, QObject *parent);
    GraphQLCall(const QString &failure, const EndpointProfile &endpoint, QObject *parent);

    void send();
    void attach(QNetworkReply *reply);
    void onSslErrors(const QList<QSslError> &errors);
    void storeCookies();
    bool followRedirect(const QUrl &target, bool crossOrigin);

    void onReadyRead();
    void reserveBody(qint64 needed);
    void reportProgress(bool force);
    void onRedirected(const QUrl &target);
    void onReplyFinished();
    void finish(HttpResult result);
    QString hostAndPort() const;
    enum class DecompressionFailure { OverLimit, Corrupt, Unknown };
    /// Deflate's largest expansion (about 1032:1): a bound to tell a corrupt body from one over Qt's ratio check.
    static constexpr qint64 maxDeflateRatio = 1032;
    DecompressionFailure decompressionFailureKind(const QString &errorString, const QString &encoding) const;
    /// "The server at host:port closed the connection before the response was complete (100 B of 4.0 KB received)".
    QString incompleteMessage(qint64 received) const;
    QString transportMessage(int error, const HttpResult &result) const;

    QPointer<QNetworkReply> m_reply;
    QPointer<GraphQLClient> m_client;
    EndpointProfile m_endpoint;
    Hop m_hop;
    QUrl m_currentUrl; ///< the URL the current response comes from
    int m_redirects = 0;
    QElapsedTimer m_timer;
    qint64 m_finalElapsedMs = 0;
    bool m_finished = false;
    StopReason m_stopReason = StopReason::None;
    QString m_stopMessage;
    int m_redirectStatus = 0;
    QByteArray m_redirectReason;
    QByteArray m_body;
    qint64 m_bytesTotal = -1;       ///< Content-Length, or -1
    QElapsedTimer m_progressTimer;  ///< since the last progressed()
    qint64 m_reportedBytes = -1;    ///< body size at the last progressed()
    QStringList m_sslErrors;
    std::optional<TlsFailure> m_tls;
    bool m_encrypted = false; ///< the current hop completed a TLS handshake (QNetworkReply::encrypted)
};

} // namespace Sextant::Net
