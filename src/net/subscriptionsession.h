// SPDX-License-Identifier: MIT
// Sextant: one GraphQL subscription over one WebSocket, speaking graphql-transport-ws or the legacy graphql-ws.
#pragma once

#include "net/endpointprofile.h"
#include "net/graphqlrequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QWebSocket;
class QTimer;

namespace Sextant::Net {

class CertificateTrust;

/// The protocol a session speaks once connected (PROTOCOLS.md §3): the enisdenjo graphql-ws protocol
/// (subprotocol "graphql-transport-ws", §3.1) or the legacy subscriptions-transport-ws one (subprotocol
/// "graphql-ws", §3.2; what Dagster speaks, §4.4).
enum class SubscriptionWireProtocol { GraphQLTransportWs, GraphQLWs };

/// How a subscription ended: one reason, the close code and reason the server sent (Closed only), the number of
/// payloads delivered and one clear user-facing line (no "sextant: " prefix, no secret).
struct SubscriptionEnd final
{
    enum class Reason {
        Completed,      ///< the server sent `complete` (the source stream ended)
        Stopped,        ///< stop() was called
        ServerError,    ///< the server refused: `error` (operation rejected, e.g. validation) or `connection_error`
        ProtocolError,  ///< the server broke the protocol (invalid JSON, unknown type, unexpected subprotocol)
        Closed,         ///< the server closed the socket without completing (closeCode/closeReason set)
        Timeout,        ///< no handshake or no `connection_ack` within the acknowledgement timeout
        TransportError, ///< no WebSocket at all: bad URL, refused connection, failed handshake, TLS error
    };
    Reason reason = Reason::Completed;
    int closeCode = 0;
    QString closeReason;
    QString message;
    int messageCount = 0;

    /// Completed and Stopped are successes; everything else is a failure (the CLI exits non-zero).
    bool isFailure() const { return reason != Reason::Completed && reason != Reason::Stopped; }
    static QString reasonName(Reason reason);
};

/**
 * Runs one GraphQL operation (normally a subscription; queries work too) over its own QWebSocket.
 *
 * Protocol choice (PROTOCOLS.md §3, §4.4): the handshake offers the subprotocols of the profile's
 * subscriptionProtocol — Auto offers "graphql-transport-ws", "graphql-ws" (Dagster profiles offer "graphql-ws" only,
 * since Dagster always answers graphql-ws); forced values offer only the one named. The implementation follows the
 * negotiated Sec-WebSocket-Protocol; when the server names none it follows the forced protocol, else the profile
 * (Dagster → legacy, anything else → graphql-transport-ws). One fallback exists: in Auto, when a server accepted
 * "graphql-transport-ws" but then closes with 1002 before `connection_ack` (subscriptions-transport-ws servers on ws 7
 * pick the first offered subprotocol and then reject it), the session reconnects once offering "graphql-ws" only.
 * No other retry, ever: 4403, 4429 and friends are reported, not retried (§3.1 advice).
 *
 * The handshake request carries the profile's headers, the Dagger session's Basic auth (GraphQLClient's
 * daggerAuthorization, §5.1) and no proxy for loopback hosts. connection_init's payload is an empty object:
 * credentials travel as HTTP headers on the handshake, never inside the socket's messages.
 *
 * Messages: `next`/`data` payloads (the ExecutionResult object, compact JSON with numbers kept as sent) are emitted by
 * message() as they arrive — nothing is buffered here. An `error` (array in §3.1, object in §3.2) is emitted as
 * message() with the payload normalized to {"errors":[…]} and then ends the session (ServerError). Server `ping` is
 * answered with `pong`; `ka` and `pong` are ignored. A message that is not a JSON object with a string "type", or an
 * unknown type on graphql-transport-ws, closes the socket with 4400 (§3.1) and ends with ProtocolError. Incoming
 * messages are limited to maxMessageBytes (default 64 MiB); larger ones close the socket (1009). A connection that
 * drops without a close handshake (TCP reset or close) ends Closed with closeCode 1006 and "the connection dropped
 * without a close frame (1006 abnormal closure)", whatever QWebSocket::closeCode() says (RFC 6455 §7.1.5).
 *
 * Timeouts: the handshake and `connection_ack` must arrive within ackTimeoutMs (default 10 s; 0 = wait forever),
 * otherwise Timeout with "the server never acknowledged the connection (connection_ack) within 10 s". Keep-alive
 * (graphql-transport-ws only, §3.1 advice): after keepAliveMs (default 15 s; 0 = off) without any message the session
 * sends `ping`; when nothing (normally `pong`) arrives within another keepAliveMs it closes the socket and ends with
 * Timeout ("the server stopped answering: no pong within 15 s of a ping"). Legacy servers get no pings (§3.2).
 *
 * stop(): graphql-transport-ws sends `complete`; legacy sends `stop` then `connection_terminate`; both then close with
 * 1000. finished() is emitted exactly once per start(), asynchronously (never from inside start()), also for a bad URL.
 * GUI (or any one) thread with an event loop; not reusable: create one session per subscription.
 */
class SubscriptionSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionSession)

public:
    enum class State { Idle, Connecting, Initialising, Subscribed, Finished };
    Q_ENUM(State)

    static constexpr int DefaultAckTimeoutMs = 10000;
    static constexpr int DefaultKeepAliveMs = 15000;
    static constexpr qint64 DefaultMaxMessageBytes = qint64(64) * 1024 * 1024;
    static constexpr QLatin1StringView TransportWsSubprotocol{"graphql-transport-ws"};
    static constexpr QLatin1StringView LegacyWsSubprotocol{"graphql-ws"};

    explicit SubscriptionSession(QObject *parent = nullptr);
    ~SubscriptionSession() override;

    void setAckTimeoutMs(int milliseconds); ///< before start(); 0 = no timeout
    int ackTimeoutMs() const;
    void setMaxMessageBytes(qint64 bytes); ///< before start()
    void setKeepAliveMs(int milliseconds); ///< before start(); 0 = no pings
    /// Before start(): TLS errors are ignored only when the server's leaf certificate is trusted for this host:port
    /// (PROTOCOLS.md §6); without one (the default) every TLS error ends the session with TransportError naming it.
    /// Not owned; may be null.
    void setCertificateTrust(CertificateTrust *trust);

    /// Opens the socket to profile.effectiveSubscriptionUrl() and subscribes @p request once acknowledged. False
    /// (and nothing happens) when already started; a bad URL still returns true and ends with TransportError.
    bool start(const EndpointProfile &profile, const GraphQLRequest &request);
    /// Unsubscribes and closes (see class comment); finished(Stopped) follows. No-op once finished.
    void stop();

    State state() const;
    bool isActive() const; ///< started and not finished
    /// The protocol in use (valid once connected() was emitted).
    SubscriptionWireProtocol protocol() const;
    static QString protocolName(SubscriptionWireProtocol protocol); ///< the wire subprotocol name
    int messageCount() const;
    qint64 elapsedMs() const; ///< since start(), frozen at the end
    /// True when the operation @p request would run (its operationName, or the only operation of the document) is
    /// a subscription (tolerant parse, Core::outlineOperations). Pure; any thread.
    static bool isSubscriptionRequest(const GraphQLRequest &request);
    /// The subprotocols the handshake offers for @p profile, in order (see class comment).
    static QStringList offeredSubprotocols(const EndpointProfile &profile);
    /// One clear line for a close code (§3.1 table and RFC 6455), e.g. "4403 Forbidden: the server rejected the
    /// connection (authentication)"; @p reason (the server's close reason) is appended when not empty.
    static QString describeCloseCode(int code, const QString &reason);

signals:
    void stateChanged(Sextant::Net::SubscriptionSession::State state);
    /// The socket is open and the protocol chosen; connection_init was sent.
    void connected(Sextant::Net::SubscriptionWireProtocol protocol);
    /// connection_ack arrived and the operation was sent.
    void subscribed();
    /// One ExecutionResult ({data, errors?, extensions?}), compact JSON, received at @p receivedAt (UTC).
    void message(const QDateTime &receivedAt, const QByteArray &payloadJson);
    /// Emitted once per start().
    void finished(const Sextant::Net::SubscriptionEnd &end);

private:
    void open(const QStringList &subprotocols);
    void onConnected();
    void onTextMessage(const QString &text);
    void onDisconnected();
    void onSocketError();
    void onAckTimeout();
    void onKeepAliveTimeout();
    void sendJson(const QByteArray &json);
    void sendSubscribe();
    void protocolViolation(const QString &what);
    void closeSocket(int code, const QString &reason = {});
    void finish(SubscriptionEnd::Reason reason, const QString &message, int closeCode = 0,
                const QString &closeReason = {});
    void setState(State state);
    QString endpointText() const;

    QPointer<QWebSocket> m_socket;
    QPointer<CertificateTrust> m_trust;
    QTimer *m_ackTimer;
    QTimer *m_keepAliveTimer; ///< idle → ping; after a ping: no answer → Timeout
    bool m_pingOutstanding = false;
    int m_keepAliveMs = DefaultKeepAliveMs;
    EndpointProfile m_profile;
    GraphQLRequest m_request;
    QUrl m_url;
    State m_state = State::Idle;
    SubscriptionWireProtocol m_protocol = SubscriptionWireProtocol::GraphQLTransportWs;
    QElapsedTimer m_elapsed;
    qint64 m_finalElapsedMs = -1;
    int m_ackTimeoutMs = DefaultAckTimeoutMs;
    qint64 m_maxMessageBytes = DefaultMaxMessageBytes;
    int m_messageCount = 0;
    bool m_fallbackTried = false;
    bool m_everConnected = false;
    bool m_closeFrameSeen = false; ///< the socket saw a close handshake (QWebSocket::aboutToClose) before it dropped
    QString m_socketError;
    QByteArray m_operationId = QByteArrayLiteral("1");
};

} // namespace Sextant::Net

Q_DECLARE_METATYPE(Sextant::Net::SubscriptionEnd)
