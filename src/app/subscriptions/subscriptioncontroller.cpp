// SPDX-License-Identifier: MIT
// Sextant: SubscriptionSession → SubscriptionView, with a live status line.
#include "app/subscriptions/subscriptioncontroller.h"

#include "app/subscriptions/subscriptionmessagemodel.h"
#include "app/subscriptions/subscriptionview.h"

#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

QString secondsText(qint64 ms)
{
    return QLocale().toString(ms / 1000.0, 'f', 1) + u" s"_s;
}

QString messagesText(int count)
{
    return count == 1 ? SubscriptionController::tr("1 message")
                      : SubscriptionController::tr("%1 messages").arg(QLocale().toString(count));
}

} // namespace

SubscriptionController::SubscriptionController(SubscriptionView *view, QObject *parent)
    : QObject(parent), m_view(view), m_statusTimer(new QTimer(this))
{
    m_statusTimer->setInterval(250);
    connect(m_statusTimer, &QTimer::timeout, this, &SubscriptionController::updateStatus);
}

SubscriptionController::~SubscriptionController()
{
    if (m_session) {
        m_session->disconnect(this);
        m_session->stop();
    }
}

void SubscriptionController::setAckTimeoutMs(int milliseconds)
{
    m_ackTimeoutMs = milliseconds;
}

Net::SubscriptionEnd SubscriptionController::lastEnd() const
{
    return m_lastEnd;
}

bool SubscriptionController::isRunning() const
{
    return m_session && m_session->isActive();
}

bool SubscriptionController::start(const Net::EndpointProfile &profile, const Net::GraphQLRequest &request)
{
    if (isRunning())
        return false;
    if (m_session)
        m_session->deleteLater();
    auto *session = new Net::SubscriptionSession(this);
    m_session = session;
    session->setAckTimeoutMs(m_ackTimeoutMs);
    m_protocolName.clear();
    m_urlText = profile.effectiveSubscriptionUrl().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    m_view->clear();
    m_view->setStatusText(tr("Connecting to %1…").arg(m_urlText));

    connect(session, &Net::SubscriptionSession::connected, this, [this](Net::SubscriptionWireProtocol protocol) {
        m_protocolName = Net::SubscriptionSession::protocolName(protocol);
        updateStatus();
    });
    connect(session, &Net::SubscriptionSession::subscribed, this, &SubscriptionController::updateStatus);
    connect(session, &Net::SubscriptionSession::message, m_view, &SubscriptionView::appendMessage);
    connect(session, &Net::SubscriptionSession::finished, this, [this, session](const Net::SubscriptionEnd &end) {
        if (session != m_session)
            return;
        m_statusTimer->stop();
        m_lastEnd = end;
        QString line = end.message;
        if (!line.isEmpty())
            line[0] = line[0].toUpper();
        QString dropped;
        if (const int count = m_view->messageModel()->droppedCount(); count > 0)
            dropped = tr(" · oldest %1 dropped (the last %2 are kept)")
                          .arg(QLocale().toString(count), QLocale().toString(m_view->messageModel()->maxMessages()));
        m_view->setStatusText(line + u" · "_s + messagesText(end.messageCount) + u" · "_s
                              + secondsText(session->elapsedMs()) + dropped);
        emit finished(end);
    });
    session->start(profile, request);
    m_statusTimer->start();
    emit started();
    return true;
}

void SubscriptionController::stop()
{
    if (m_session)
        m_session->stop();
}

void SubscriptionController::updateStatus()
{
    if (!m_session || !m_session->isActive())
        return;
    using State = Net::SubscriptionSession::State;
    const auto state = m_session->state();
    QString text;
    if (state == State::Connecting)
        text = tr("Connecting to %1…").arg(m_urlText);
    else if (state == State::Initialising)
        text = tr("Connected over %1, waiting for connection_ack…").arg(m_protocolName);
    else
        text = tr("Subscribed over %1").arg(m_protocolName);
    text += u" · "_s + messagesText(m_session->messageCount()) + u" · "_s + secondsText(m_session->elapsedMs());
    if (const int count = m_view->messageModel()->droppedCount(); count > 0)
        text += tr(" · showing the last %1").arg(QLocale().toString(m_view->messageModel()->maxMessages()));
    m_view->setStatusText(text);
}

} // namespace Sextant::App
