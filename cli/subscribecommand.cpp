// SPDX-License-Identifier: MIT
// Sextant: `sextant query` for subscriptions: NDJSON to stdout, the finish line to stderr, signals stop cleanly.
#include "cli/subscribecommand.h"

#include "cli/queryoptions.h"

#include <net/subscriptionsession.h>

#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using Sextant::Net::SubscriptionEnd;
using Sextant::Net::SubscriptionSession;

namespace Sextant::Cli {

namespace {

std::atomic<int> g_signalled{0};

extern "C" void onStopSignal(int signal)
{
    g_signalled.store(signal);
}

void writeLine(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void writeErr(const QString &line)
{
    const QByteArray bytes = u"sextant: "_s.toUtf8() + line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

bool isSubscriptionRequest(const Sextant::Net::GraphQLRequest &request)
{
    return SubscriptionSession::isSubscriptionRequest(request);
}

int runSubscribeCommand(const QueryOptions &options, const Sextant::Net::GraphQLRequest &request)
{
    SubscriptionSession session;
    SubscriptionEnd end;
    bool finished = false;
    bool stoppedByLimit = false;
    QEventLoop loop;

    QObject::connect(&session, &SubscriptionSession::message, &loop, [&](const QDateTime &, const QByteArray &json) {
        writeLine(json);
        if (options.maxMessages > 0 && session.messageCount() >= options.maxMessages && !stoppedByLimit) {
            stoppedByLimit = true;
            session.stop();
        }
    });
    QObject::connect(&session, &SubscriptionSession::finished, &loop, [&](const SubscriptionEnd &e) {
        end = e;
        finished = true;
        loop.quit();
    });

    g_signalled.store(0);
    auto previousInt = std::signal(SIGINT, onStopSignal);
    auto previousTerm = std::signal(SIGTERM, onStopSignal);
    QTimer signalPoll;
    signalPoll.setInterval(100);
    QObject::connect(&signalPoll, &QTimer::timeout, &loop, [&] {
        if (g_signalled.load() != 0 && session.isActive())
            session.stop();
    });
    signalPoll.start();

    // --timeout bounds the handshake and connection_ack too (never beyond the session's own ack limit).
    if (options.endpoint.timeoutMs > 0
        && (session.ackTimeoutMs() <= 0 || options.endpoint.timeoutMs < session.ackTimeoutMs()))
        session.setAckTimeoutMs(options.endpoint.timeoutMs);
    session.start(options.endpoint, request);
    if (!finished)
        loop.exec();
    signalPoll.stop();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);

    // Let the close handshake (complete/stop, then 1000) leave before the process exits (bounded).
    QEventLoop drain;
    QTimer::singleShot(200, &drain, &QEventLoop::quit);
    drain.exec();

    switch (end.reason) {
    case SubscriptionEnd::Reason::Completed:
    case SubscriptionEnd::Reason::Stopped: return 0;
    case SubscriptionEnd::Reason::ServerError: writeErr(end.message); return 1;
    case SubscriptionEnd::Reason::ProtocolError:
    case SubscriptionEnd::Reason::Closed:
    case SubscriptionEnd::Reason::Timeout:
    case SubscriptionEnd::Reason::TransportError: writeErr(end.message); return 2;
    }
    return 2;
}

} // namespace Sextant::Cli
