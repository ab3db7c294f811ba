// SPDX-License-Identifier: MIT
// Sextant: runs one subscription at a time and keeps the subscription view's list and status line live.
#pragma once

#include <net/endpointprofile.h>
#include <net/graphqlrequest.h>
#include <net/subscriptionsession.h>

#include <QObject>
#include <QPointer>

class QTimer;

namespace Sextant::App {

class SubscriptionView;

/**
 * Starts a Net::SubscriptionSession for a subscription operation (PROTOCOLS.md §3) and feeds its messages into a
 * SubscriptionView: the list grows live, the status line reads "Connecting to ws://…", then "Subscribed over
 * graphql-transport-ws · 12 messages · 3.4 s" (refreshed every 250 ms), then the end ("Stopped after 12 messages ·
 * 3.4 s", "The server closed the connection: 4403 Forbidden…"). One subscription at a time; start() while one runs
 * returns false. stop() unsubscribes (complete / stop + connection_terminate) and closes with 1000.
 * GUI thread only.
 */
class SubscriptionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionController)

public:
    explicit SubscriptionController(SubscriptionView *view, QObject *parent = nullptr);
    ~SubscriptionController() override;

    /// Clears the view and subscribes; false (nothing sent) while another subscription runs.
    bool start(const Net::EndpointProfile &profile, const Net::GraphQLRequest &request);
    void stop();
    bool isRunning() const;
    /// Acknowledgement timeout for new sessions (default Net::SubscriptionSession::DefaultAckTimeoutMs).
    void setAckTimeoutMs(int milliseconds);
    /// The last finished subscription's end (reason Completed and empty message before the first one).
    Net::SubscriptionEnd lastEnd() const;

signals:
    void started();
    /// The subscription ended (any reason); end.message is the user line, also shown in the view's status.
    void finished(const Sextant::Net::SubscriptionEnd &end);

private:
    void updateStatus();

    SubscriptionView *m_view;
    QPointer<Net::SubscriptionSession> m_session;
    QTimer *m_statusTimer;
    QString m_protocolName;
    QString m_urlText;
    int m_ackTimeoutMs = Net::SubscriptionSession::DefaultAckTimeoutMs;
    Net::SubscriptionEnd m_lastEnd;
};

} // namespace Sextant::App
