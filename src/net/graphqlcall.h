// SPDX-License-Identifier: MIT
// Sextant: one in-flight GraphQL-over-HTTP request; collects the reply and classifies it once.
#pragma once

#include "net/endpointprofile.h"
#include "net/httpresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QNetworkReply;

namespace Sextant::Net {

/**
 * Owns the QNetworkReply of one request made by GraphQLClient::execute(). Lives on the client's thread (the GUI
 * thread in the app, the main thread in the CLI).
 *
 * finished() is emitted exactly once: with the classified reply (PROTOCOLS.md §1.8, see ResponseClassifier), with
 * kind Cancelled after abort() (synchronously, from inside abort()), TimedOut when the endpoint's transfer timeout
 * fired, or TransportError (connection refused, host not found, TLS, connection closed mid-body, invalid URL — one
 * clear line in HttpResult::message). Redirects are followed only to the same origin with 307/308 (PROTOCOLS.md §6
 * "Auth and redirects"); any other redirect is reported as NotGraphQL so no credential leaves the origin.
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

    GraphQLCall(QNetworkReply *reply, const EndpointProfile &endpoint, QObject *parent);
    GraphQLCall(const QString &failure, const EndpointProfile &endpoint, QObject *parent);

    void onReadyRead();
    void reserveBody(qint64 needed);
    void reportProgress(bool force);
    void onRedirected(const QUrl &target);
    void onReplyFinished();
    void finish(HttpResult result);
    QString hostAndPort() const;
    QString transportMessage(int error, const HttpResult &result) const;

    QPointer<QNetworkReply> m_reply;
    EndpointProfile m_endpoint;
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
};

} // namespace Sextant::Net
