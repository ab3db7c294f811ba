// SPDX-License-Identifier: MIT
// Sextant: the two WebSocket subscription protocols (PROTOCOLS.md §3.1, §3.2, §4.4) over one QWebSocket.
#include "net/subscriptionsession.h"

#include "net/certificatetrust.h"
#include "net/graphqlclient.h"
#include "net/loopbackproxyfactory.h"

#include <core/language/operationoutline.h>
#include <core/response/responsedocument.h>

#include <QCryptographicHash>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#ifndef QT_NO_SSL
#include <QSslCertificate>
#include <QSslConfiguration>
#endif

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;

namespace Sextant::Net {

namespace {

QString secondsText(int milliseconds)
{
    if (milliseconds % 1000 == 0)
        return QString::number(milliseconds / 1000) + u" s"_s;
    return QString::number(milliseconds / 1000.0, 'f', 1) + u" s"_s;
}

QString firstErrorMessage(const ResponseDocument &document, ResponseDocument::NodeId errors)
{
    ResponseDocument::NodeId first = errors;
    if (document.kind(errors) == JsonKind::Array) {
        if (document.childCount(errors) == 0)
            return {};
        first = document.child(errors, 0);
    }
    if (document.kind(first) == JsonKind::String)
        return document.stringValue(first).simplified();
    if (document.kind(first) != JsonKind::Object)
        return {};
    const auto message = document.member(first, u"message");
    if (message == ResponseDocument::InvalidNode || document.kind(message) != JsonKind::String)
        return {};
    QString text = document.stringValue(message).simplified();
    if (text.size() > 300)
        text = text.left(300) + u'…';
    return text;
}

} // namespace

QString SubscriptionEnd::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::Completed: return u"completed"_s;
    case Reason::Stopped: return u"stopped"_s;
    case Reason::ServerError: return u"server error"_s;
    case Reason::ProtocolError: return u"protocol error"_s;
    case Reason::Closed: return u"closed"_s;
    case Reason::Timeout: return u"timeout"_s;
    case Reason::TransportError: return u"transport error"_s;
    }
    return {};
}

SubscriptionSession::SubscriptionSession(QObject *parent)
    : QObject(parent), m_ackTimer(new QTimer(this)), m_keepAliveTimer(new QTimer(this))
{
    m_keepAliveTimer->setSingleShot(true);
    connect(m_keepAliveTimer, &QTimer::timeout, this, &SubscriptionSession::onKeepAliveTimeout);
    qRegisterMetaType<SubscriptionEnd>();
    m_ackTimer->setSingleShot(true);
    connect(m_ackTimer, &QTimer::timeout, this, &SubscriptionSession::onAckTimeout);
}

SubscriptionSession::~SubscriptionSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void SubscriptionSession::setAckTimeoutMs(int milliseconds)
{
    m_ackTimeoutMs = qMax(0, milliseconds);
}

int SubscriptionSession::ackTimeoutMs() const
{
    return m_ackTimeoutMs;
}

void SubscriptionSession::setKeepAliveMs(int milliseconds)
{
    m_keepAliveMs = qMax(0, milliseconds);
}

void SubscriptionSession::onKeepAliveTimeout()
{
    if (m_state != State::Subscribed || m_protocol != SubscriptionWireProtocol::GraphQLTransportWs)
        return;
    if (!m_pingOutstanding) {
        m_pingOutstanding = true;
        sendJson(QByteArrayLiteral(R"({"type":"ping"})"));
        m_keepAliveTimer->start(m_keepAliveMs);
        return;
    }
    closeSocket(QWebSocketProtocol::CloseCodeGoingAway, u"No pong"_s);
    finish(SubscriptionEnd::Reason::Timeout, u"the server stopped answering: no pong within "_s
                                                 + secondsText(m_keepAliveMs) + u" of a ping"_s);
}

void SubscriptionSession::setMaxMessageBytes(qint64 bytes)
{
    m_maxMessageBytes = qMax<qint64>(1024, bytes);
}

void SubscriptionSession::setCertificateTrust(CertificateTrust *trust)
{
    m_trust = trust;
}

SubscriptionSession::State SubscriptionSession::state() const
{
    return m_state;
}

bool SubscriptionSession::isActive() const
{
    return m_state != State::Idle && m_state != State::Finished;
}

SubscriptionWireProtocol SubscriptionSession::protocol() const
{
    return m_protocol;
}

QString SubscriptionSession::protocolName(SubscriptionWireProtocol protocol)
{
    return protocol == SubscriptionWireProtocol::GraphQLWs ? QString(LegacyWsSubprotocol)
                                                           : QString(TransportWsSubprotocol);
}

int SubscriptionSession::messageCount() const
{
    return m_messageCount;
}

qint64 SubscriptionSession::elapsedMs() const
{
    if (m_finalElapsedMs >= 0)
        return m_finalElapsedMs;
    return m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
}

bool SubscriptionSession::isSubscriptionRequest(const GraphQLRequest &request)
{
    const auto operations = Core::outlineOperations(request.query);
    for (const auto &operation : operations) {
        const bool selected = request.operationName.isEmpty() ? operations.size() == 1
                                                              : operation.name == request.operationName;
        if (selected)
            return operation.operation == Core::OperationType::Subscription;
    }
    return false;
}

QStringList SubscriptionSession::offeredSubprotocols(const EndpointProfile &profile)
{
    switch (profile.subscriptionProtocol) {
    case SubscriptionProtocol::GraphQLTransportWs: return {QString(TransportWsSubprotocol)};
    case SubscriptionProtocol::GraphQLWs: return {QString(LegacyWsSubprotocol)};
    case SubscriptionProtocol::Auto: break;
    }
    if (profile.kind == EndpointKind::Dagster)
        return {QString(LegacyWsSubprotocol)}; // Dagster always answers graphql-ws (§4.4)
    return {QString(TransportWsSubprotocol), QString(LegacyWsSubprotocol)};
}

QString SubscriptionSession::describeCloseCode(int code, const QString &reason)
{
    QString text;
    switch (code) {
    case 1000: text = u"1000 Normal Closure"_s; break;
    case 1001: text = u"1001 Going Away: the server is shutting down or restarting"_s; break;
    case 1002: text = u"1002 Protocol Error: the server did not accept the WebSocket protocol spoken"_s; break;
    case 1003: text = u"1003 Unsupported Data"_s; break;
    case 1005: text = u"1005: closed without a status code"_s; break;
    case 1006: text = u"1006 Abnormal Closure: the connection dropped without a close frame"_s; break;
    case 1008: text = u"1008 Policy Violation"_s; break;
    case 1009: text = u"1009 Message Too Big"_s; break;
    case 1011: text = u"1011 Internal Error: the server failed"_s; break;
    case 1012: text = u"1012 Service Restart"_s; break;
    case 1013: text = u"1013 Try Again Later"_s; break;
    case 4400: text = u"4400 Bad Request: the server considered a message invalid"_s; break;
    case 4401: text = u"4401 Unauthorized: an operation was sent before the server acknowledged the connection"_s;
        break;
    case 4403: text = u"4403 Forbidden: the server rejected the connection (authentication or authorization)"_s;
        break;
    case 4406:
        text = u"4406 Subprotocol Not Acceptable: the server does not speak the offered subscription protocol — try "
               u"the other one (graphql-ws / graphql-transport-ws)"_s;
        break;
    case 4408: text = u"4408 Connection Initialisation Timeout: the server did not get connection_init in time"_s;
        break;
    case 4409: text = u"4409 Subscriber Already Exists: the operation id is already in use"_s; break;
    case 4429: text = u"4429 Too Many Initialisation Requests: the server got connection_init twice"_s; break;
    case 4500: text = u"4500 Internal Server Error: the server failed"_s; break;
    default: text = QString::number(code); break;
    }
    const QString trimmed = reason.simplified().left(200);
    if (!trimmed.isEmpty())
        text += u" (\""_s + trimmed + u"\")"_s;
    return text;
}

QString SubscriptionSession::endpointText() const
{
    return m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

void SubscriptionSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool SubscriptionSession::start(const EndpointProfile &profile, const GraphQLRequest &request)
{
    if (m_state != State::Idle)
        return false;
    m_profile = profile;
    m_request = request;
    m_url = profile.effectiveSubscriptionUrl();
    m_elapsed.start();
    setState(State::Connecting);

    const QString scheme = m_url.scheme().toLower();
    if (!m_url.isValid() || m_url.isRelative() || m_url.host().isEmpty()
        || (scheme != u"ws"_s && scheme != u"wss"_s)) {
        const QString text = u"Invalid subscription URL \""_s + m_url.toDisplayString(QUrl::RemoveUserInfo)
                             + u"\" — expected ws://host:port/path or wss://…"_s;
        QTimer::singleShot(0, this, [this, text] { finish(SubscriptionEnd::Reason::TransportError, text); });
        return true;
    }
    open(offeredSubprotocols(profile));
    return true;
}

void SubscriptionSession::open(const QStringList &subprotocols)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_everConnected = false;
    m_closeFrameSeen = false;
    m_socketError.clear();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingMessageSize(quint64(m_maxMessageBytes));
    socket->setMaxAllowedIncomingFrameSize(quint64(m_maxMessageBytes));
    if (LoopbackProxyFactory::isLoopbackHost(m_url.host()))
        socket->setProxy(QNetworkProxy::NoProxy);
    connect(socket, &QWebSocket::connected, this, &SubscriptionSession::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &SubscriptionSession::onDisconnected);
    // QWebSocket emits aboutToClose only for a close handshake (received or sent); a TCP drop or reset goes straight
    // to disconnected() with the default closeCode() 1000, which must not read as a normal closure.
    connect(socket, &QWebSocket::aboutToClose, this, [this] { m_closeFrameSeen = true; });
    connect(socket, &QWebSocket::textMessageReceived, this, &SubscriptionSession::onTextMessage);
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &bytes) {
        onTextMessage(QString::fromUtf8(bytes)); // graphql-ws servers may send text as binary frames
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &SubscriptionSession::onSocketError);
#ifndef QT_NO_SSL
    connect(socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (!m_socket)
            return;
        QSslCertificate leaf = m_socket->sslConfiguration().peerCertificate();
        if (leaf.isNull() && !errors.isEmpty())
            leaf = errors.first().certificate();
        const QString hostPort = m_url.host() + u':'
                                 + QString::number(m_url.port(m_url.scheme().toLower() == u"wss"_s ? 443 : 80));
        if (m_trust && !leaf.isNull() && m_trust->isTrusted(hostPort, leaf.digest(QCryptographicHash::Sha256))) {
            m_socket->ignoreSslErrors(); // the user trusted exactly this certificate for this host:port
            return;
        }
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_socketError = u"TLS error: "_s + texts.join(u"; "_s)
                        + u" — the certificate of "_s + m_url.host() + u" is not trusted"_s;
    });
#endif

    QNetworkRequest networkRequest(m_url);
    for (const auto &header : m_profile.headers)
        networkRequest.setRawHeader(header.first, header.second);
    if (m_profile.kind == EndpointKind::DaggerSession && !m_profile.daggerToken.isEmpty())
        networkRequest.setRawHeader("Authorization", GraphQLClient::daggerAuthorization(m_profile.daggerToken));
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(subprotocols);
    if (m_ackTimeoutMs > 0)
        m_ackTimer->start(m_ackTimeoutMs);
    socket->open(networkRequest, options);
}

void SubscriptionSession::onConnected()
{
    if (!m_socket || m_state == State::Finished)
        return;
    m_everConnected = true;
    const QString negotiated = m_socket->subprotocol();
    if (negotiated == TransportWsSubprotocol) {
        m_protocol = SubscriptionWireProtocol::GraphQLTransportWs;
    } else if (negotiated == LegacyWsSubprotocol) {
        m_protocol = SubscriptionWireProtocol::GraphQLWs;
    } else if (!negotiated.isEmpty()) {
        finish(SubscriptionEnd::Reason::ProtocolError,
               u"the server chose the WebSocket subprotocol \""_s + negotiated
                   + u"\", which is neither graphql-transport-ws nor graphql-ws"_s);
        return;
    } else {
        switch (m_profile.subscriptionProtocol) {
        case SubscriptionProtocol::GraphQLTransportWs: m_protocol = SubscriptionWireProtocol::GraphQLTransportWs; break;
        case SubscriptionProtocol::GraphQLWs: m_protocol = SubscriptionWireProtocol::GraphQLWs; break;
        case SubscriptionProtocol::Auto:
            m_protocol = m_profile.kind == EndpointKind::Dagster ? SubscriptionWireProtocol::GraphQLWs
                                                                 : SubscriptionWireProtocol::GraphQLTransportWs;
            break;
        }
    }
    setState(State::Initialising);
    emit connected(m_protocol);
    sendJson(QByteArrayLiteral(R"({"type":"connection_init","payload":{}})"));
}

void SubscriptionSession::sendJson(const QByteArray &json)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(QString::fromUtf8(json));
}

void SubscriptionSession::sendSubscribe()
{
    QByteArray payload = "{\"query\":" + GraphQLRequest::jsonString(m_request.query);
    if (!m_request.operationName.isEmpty()) {
        const QByteArray name = GraphQLRequest::jsonString(m_request.operationName);
        payload += ",\"operationName\":" + name;
        if (m_protocol == SubscriptionWireProtocol::GraphQLWs)
            payload += ",\"operation_name\":" + name; // Dagster reads the snake_case key (§4.4)
    }
    const QByteArray variables = m_request.variablesJson.trimmed();
    if (!variables.isEmpty() && variables != "null")
        payload += ",\"variables\":" + variables;
    payload += '}';
    const QByteArray type = m_protocol == SubscriptionWireProtocol::GraphQLWs ? "start" : "subscribe";
    sendJson("{\"id\":\"" + m_operationId + "\",\"type\":\"" + type + "\",\"payload\":" + payload + '}');
}

void SubscriptionSession::protocolViolation(const QString &what)
{
    const QString text = u"the server broke the "_s + protocolName(m_protocol) + u" protocol: "_s + what
                         + u"; closed the connection with 4400"_s;
    closeSocket(4400, u"Invalid message received"_s);
    finish(SubscriptionEnd::Reason::ProtocolError, text);
}

void SubscriptionSession::onTextMessage(const QString &text)
{
    if (m_state == State::Finished || !m_socket)
        return;
    if (m_state == State::Subscribed && m_keepAliveMs > 0
        && m_protocol == SubscriptionWireProtocol::GraphQLTransportWs) {
        m_pingOutstanding = false; // the server is alive
        m_keepAliveTimer->start(m_keepAliveMs);
    }
    const QByteArray bytes = text.toUtf8();
    ResponseDocument::ParseError parseError;
    const auto document = ResponseDocument::parse(bytes, &parseError);
    if (!document) {
        protocolViolation(u"a message is not valid JSON ("_s + parseError.message + u')');
        return;
    }
    const auto root = document->root();
    const auto typeNode =
        document->kind(root) == JsonKind::Object ? document->member(root, u"type") : ResponseDocument::InvalidNode;
    if (typeNode == ResponseDocument::InvalidNode || document->kind(typeNode) != JsonKind::String) {
        protocolViolation(u"a message has no \"type\""_s);
        return;
    }
    const QString type = document->stringValue(typeNode);
    const auto idNode = document->member(root, u"id");
    const bool ours = idNode != ResponseDocument::InvalidNode && document->kind(idNode) == JsonKind::String
                      && document->stringValue(idNode).toUtf8() == m_operationId;
    const auto payload = document->member(root, u"payload");
    const bool legacy = m_protocol == SubscriptionWireProtocol::GraphQLWs;

    if (type == u"connection_ack") {
        if (m_state != State::Initialising)
            return; // a repeated ack is harmless
        m_ackTimer->stop();
        setState(State::Subscribed);
        if (m_keepAliveMs > 0 && m_protocol == SubscriptionWireProtocol::GraphQLTransportWs)
            m_keepAliveTimer->start(m_keepAliveMs);
        sendSubscribe();
        emit subscribed();
        return;
    }
    if (type == u"ping") {
        if (!legacy)
            sendJson(QByteArrayLiteral(R"({"type":"pong"})"));
        return;
    }
    if (type == u"pong" || type == u"ka")
        return;
    if ((type == u"next" && !legacy) || (type == u"data" && legacy)) {
        if (!ours)
            return; // late or foreign ids are ignored (§3.1 complete)
        if (payload == ResponseDocument::InvalidNode || document->kind(payload) != JsonKind::Object) {
            protocolViolation(u"a \""_s + type + u"\" message has no ExecutionResult payload"_s);
            return;
        }
        ++m_messageCount;
        emit message(QDateTime::currentDateTimeUtc(), document->toJson(payload, 0));
        return;
    }
    if (type == u"error") {
        if (!ours && idNode != ResponseDocument::InvalidNode)
            return;
        QByteArray errors;
        QString first;
        if (payload != ResponseDocument::InvalidNode) {
            const QByteArray json = document->toJson(payload, 0);
            errors = document->kind(payload) == JsonKind::Array ? json : '[' + json + ']';
            first = firstErrorMessage(*document, payload);
        } else {
            errors = QByteArrayLiteral("[]");
        }
        emit message(QDateTime::currentDateTimeUtc(), "{\"errors\":" + errors + '}');
        if (legacy)
            sendJson(QByteArrayLiteral(R"({"type":"connection_terminate"})"));
        closeSocket(QWebSocketProtocol::CloseCodeNormal);
        finish(SubscriptionEnd::Reason::ServerError,
               u"the server rejected the operation"_s + (first.isEmpty() ? QString() : u": "_s + first));
        return;
    }
    if (type == u"complete") {
        if (!ours)
            return;
        if (legacy)
            sendJson(QByteArrayLiteral(R"({"type":"connection_terminate"})"));
        closeSocket(QWebSocketProtocol::CloseCodeNormal);
        finish(SubscriptionEnd::Reason::Completed,
               u"the server completed the subscription after "_s + QString::number(m_messageCount)
                   + (m_messageCount == 1 ? u" message"_s : u" messages"_s));
        return;
    }
    if (type == u"connection_error" && legacy) {
        const QString first = payload != ResponseDocument::InvalidNode ? firstErrorMessage(*document, payload)
                                                                        : QString();
        closeSocket(QWebSocketProtocol::CloseCodeNormal);
        finish(SubscriptionEnd::Reason::ServerError,
               u"the server rejected the connection (connection_error)"_s
                   + (first.isEmpty() ? QString() : u": "_s + first));
        return;
    }
    if (!legacy) {
        protocolViolation(u"unknown message type \""_s + type.left(80) + u'"');
        return;
    }
    // Legacy: deprecated or unknown types are ignored (§3.2).
}

void SubscriptionSession::onAckTimeout()
{
    if (m_state == State::Finished)
        return;
    const QString limit = secondsText(m_ackTimeoutMs);
    const QString text =
        m_everConnected
            ? QString(u"the server never acknowledged the connection (connection_ack) within "_s + limit)
            : QString(u"the WebSocket handshake with "_s + endpointText() + u" did not complete within "_s + limit);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    finish(SubscriptionEnd::Reason::Timeout, text);
}

void SubscriptionSession::onSocketError()
{
    if (!m_socket || m_state == State::Finished)
        return;
    if (m_socketError.isEmpty())
        m_socketError = m_socket->errorString();
    if (m_everConnected)
        return; // disconnected() follows with the close code
    // The handshake failed (refused, HTTP error on upgrade, TLS): there is no close code to wait for.
    QPointer<SubscriptionSession> self(this);
    QTimer::singleShot(0, this, [self] {
        if (!self || self->m_state == State::Finished || self->m_everConnected)
            return;
        QString reason = self->m_socketError;
        self->finish(SubscriptionEnd::Reason::TransportError,
                     u"could not open the WebSocket to "_s + self->endpointText() + u": "_s + reason);
    });
}

void SubscriptionSession::onDisconnected()
{
    if (!m_socket || m_state == State::Finished)
        return;
    if (!m_everConnected) {
        if (m_socketError.isEmpty() && m_socket->error() != QAbstractSocket::UnknownSocketError)
            m_socketError = m_socket->errorString();
        finish(SubscriptionEnd::Reason::TransportError,
               u"could not open the WebSocket to "_s + endpointText()
                   + (m_socketError.isEmpty() ? QString() : u": "_s + m_socketError));
        return;
    }
    if (!m_closeFrameSeen) {
        // RFC 6455 §7.1.5: no close frame was received, so the close code is 1006 whatever QWebSocket reports.
        const QString text = (m_state == State::Initialising
                                  ? u"the connection dropped before the server acknowledged it, without a close frame "_s
                                  : u"the connection dropped without a close frame "_s)
                             + u"(1006 abnormal closure)"_s
                             + (m_socketError.isEmpty() ? QString() : u": "_s + m_socketError);
        finish(SubscriptionEnd::Reason::Closed, text, 1006, QString());
        return;
    }
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    if (code == 1002 && m_state == State::Initialising && !m_fallbackTried
        && m_profile.subscriptionProtocol == SubscriptionProtocol::Auto
        && m_protocol == SubscriptionWireProtocol::GraphQLTransportWs) {
        // A subscriptions-transport-ws server that took the first offered subprotocol and then refused it.
        m_fallbackTried = true;
        setState(State::Connecting);
        open({QString(LegacyWsSubprotocol)});
        return;
    }
    QString text;
    if (m_state == State::Initialising && code == 1002 && m_profile.subscriptionProtocol != SubscriptionProtocol::Auto)
        text = u"the server closed the connection with "_s + describeCloseCode(code, reason) + u" — it does not speak "_s
               + protocolName(m_protocol) + u"; try Auto or the other subscription protocol"_s;
    else if (m_state == State::Initialising)
        text = u"the server closed the connection before acknowledging it: "_s + describeCloseCode(code, reason);
    else
        text = u"the server closed the connection: "_s + describeCloseCode(code, reason);
    finish(SubscriptionEnd::Reason::Closed, text, code, reason);
}

void SubscriptionSession::stop()
{
    if (m_state == State::Idle || m_state == State::Finished)
        return;
    if (m_state == State::Subscribed) {
        if (m_protocol == SubscriptionWireProtocol::GraphQLWs) {
            sendJson("{\"id\":\"" + m_operationId + "\",\"type\":\"stop\"}");
            sendJson(QByteArrayLiteral(R"({"type":"connection_terminate"})"));
        } else {
            sendJson("{\"id\":\"" + m_operationId + "\",\"type\":\"complete\"}");
        }
    }
    closeSocket(QWebSocketProtocol::CloseCodeNormal);
    finish(SubscriptionEnd::Reason::Stopped,
           u"stopped after "_s + QString::number(m_messageCount)
               + (m_messageCount == 1 ? u" message"_s : u" messages"_s));
}

void SubscriptionSession::closeSocket(int code, const QString &reason)
{
    if (!m_socket)
        return;
    m_socket->disconnect(this); // close() may emit disconnected() synchronously: the caller reports the end
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    else
        m_socket->abort();
}

void SubscriptionSession::finish(SubscriptionEnd::Reason reason, const QString &message, int closeCode,
                                 const QString &closeReason)
{
    if (m_state == State::Finished)
        return;
    m_ackTimer->stop();
    m_keepAliveTimer->stop();
    m_finalElapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    if (m_socket) {
        // Keep the socket alive until its close handshake is done, but hear nothing more from it.
        QWebSocket *socket = m_socket;
        socket->disconnect(this);
        m_socket = nullptr;
        if (socket->state() == QAbstractSocket::UnconnectedState) {
            socket->deleteLater();
        } else {
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(3000, socket, [socket] { socket->abort(); socket->deleteLater(); });
        }
    }
    SubscriptionEnd end;
    end.reason = reason;
    end.closeCode = closeCode;
    end.closeReason = closeReason;
    end.message = message;
    end.messageCount = m_messageCount;
    setState(State::Finished);
    emit finished(end);
}

} // namespace Sextant::Net
