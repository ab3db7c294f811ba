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
 */
class GraphQLCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQLCall)

public:
    static constexpr qint64 maxBodySize = qint64(256) * 1024 * 1024;

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
    QStringList m_sslErrors;
};

} // namespace Sextant::Net
