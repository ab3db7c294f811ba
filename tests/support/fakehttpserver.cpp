// SPDX-License-Identifier: MIT
// Sextant: request parsing and scripted replies of the fake HTTP server used by the network tests.
#include "fakehttpserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr char bufferProperty[] = "sextantBuffer";
constexpr qsizetype maxRequestSize = 64 * 1024 * 1024;

QByteArray standardReason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 422:
        return "Unprocessable Entity";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

QByteArray FakeHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool FakeHttpServer::Request::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

FakeHttpServer::FakeHttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    m_defaultResponse = json(200, R"({"data":{"ok":true}})");
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
    m_server->listen(QHostAddress::LocalHost, 0);
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::isListening() const
{
    return m_server->isListening();
}

quint16 FakeHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    url.setPath(path);
    return url;
}

void FakeHttpServer::enqueue(const Response &response)
{
    m_queue.append(response);
}

void FakeHttpServer::setDefaultResponse(const Response &response)
{
    m_defaultResponse = response;
}

void FakeHttpServer::setHandler(std::function<Response(const Request &)> handler)
{
    m_handler = std::move(handler);
}

FakeHttpServer::Request FakeHttpServer::lastRequest() const
{
    return m_requests.isEmpty() ? Request() : m_requests.constLast();
}

QList<FakeHttpServer::Request> FakeHttpServer::requests() const
{
    return m_requests;
}

int FakeHttpServer::requestCount() const
{
    return int(m_requests.size());
}

FakeHttpServer::Response FakeHttpServer::json(int status, const QByteArray &body, const QByteArray &contentType)
{
    Response response;
    response.status = status;
    response.headers.append({"Content-Type", contentType});
    response.body = body;
    return response;
}

FakeHttpServer::Response FakeHttpServer::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    return json(status, body, contentType);
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

FakeHttpServer::Response FakeHttpServer::nextResponse(const Request &request)
{
    if (m_handler)
        return m_handler(request);
    if (!m_queue.isEmpty())
        return m_queue.takeFirst();
    return m_defaultResponse;
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(bufferProperty).toByteArray() + socket->readAll();
    socket->setProperty(bufferProperty, buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > maxRequestSize)
            socket->abort();
        return;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Request request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (buffer.size() - bodyStart < contentLength)
        return; // wait for the rest of the body
    request.body = buffer.mid(bodyStart, contentLength);
    socket->setProperty(bufferProperty, QByteArray());
    socket->disconnect(this); // one request per connection

    Response response;
    if (requestLine.size() == 3 && requestLine.at(2).startsWith("HTTP/1.")) {
        request.method = requestLine.at(0);
        request.path = requestLine.at(1);
        response = nextResponse(request);
    } else {
        response = text(400, "not an HTTP/1.x request");
    }
    m_requests.append(request);
    emit requestReceived(int(m_requests.size()));

    if (response.delayMs < 0)
        return; // never answer; the client gives up or aborts
    if (response.delayMs == 0) {
        respond(socket, response);
        return;
    }
    const QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(response.delayMs, socket, [this, guard, response] {
        if (guard)
            respond(guard, response);
    });
}

void FakeHttpServer::respond(QTcpSocket *socket, const Response &response)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                      + (response.reason.isEmpty() ? standardReason(response.status) : response.reason) + "\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    if (response.closeMidBody) {
        socket->write(response.body.left(response.body.size() / 2));
        socket->disconnectFromHost(); // end of stream before Content-Length bytes: a truncated body
        return;
    }
    socket->write(response.body);
    socket->disconnectFromHost(); // flushes the buffered bytes first
}
