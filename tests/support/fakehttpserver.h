// SPDX-License-Identifier: MIT
// Sextant: a scripted HTTP/1.1 server on 127.0.0.1 for network tests (no real GraphQL server needed).
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

/**
 * A QTcpServer bound to 127.0.0.1 on a free port that answers each HTTP request with a scripted Response and records
 * every request (method, path, headers, body). Main thread only; one response per connection ("Connection: close").
 *
 * Responses come from, in order: the handler if one is set, else the queue (enqueue()), else the default response.
 * A response can be delayed (delayMs > 0; -1 = never answer), or cut off: closeMidBody announces the full
 * Content-Length, sends half the body and closes the socket.
 * Bad input: a request that is not HTTP/1.x is answered with 400 and recorded with an empty method.
 */
class FakeHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeHttpServer)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;
        QByteArray path;
        Headers headers;
        QByteArray body;

        /// Case-insensitive header lookup; empty if absent.
        QByteArray header(const QByteArray &name) const;
        bool hasHeader(const QByteArray &name) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray reason; ///< empty: a standard phrase for the status
        Headers headers;
        QByteArray body;
        int delayMs = 0; ///< -1: never answer
        bool closeMidBody = false;
    };

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool isListening() const;
    quint16 port() const;
    /// http://127.0.0.1:<port><path>
    QUrl url(const QString &path = QStringLiteral("/graphql")) const;

    void enqueue(const Response &response);
    void setDefaultResponse(const Response &response);
    void setHandler(std::function<Response(const Request &)> handler);

    Request lastRequest() const;
    QList<Request> requests() const;
    int requestCount() const;

    static Response json(int status, const QByteArray &body, const QByteArray &contentType = "application/json");
    static Response text(int status, const QByteArray &body,
                         const QByteArray &contentType = "text/plain; charset=utf-8");

signals:
    void requestReceived(int count);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Response &response);
    Response nextResponse(const Request &request);

    QTcpServer *m_server;
    QList<Request> m_requests;
    QList<Response> m_queue;
    Response m_defaultResponse;
    std::function<Response(const Request &)> m_handler;
};
