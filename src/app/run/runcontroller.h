// SPDX-License-Identifier: MIT
// Sextant: one Run at a time: sends the request, shows progress, parses the answer off the UI thread.
#pragma once

#include <net/endpointprofile.h>
#include <net/graphqlrequest.h>
#include <net/tlsfailure.h>
#include <store/historyentry.h>

#include <QObject>
#include <QPointer>

#include <optional>

class QTimer;

namespace Sextant::Net {
class GraphQLClient;
class GraphQLCall;
struct HttpResult;
}

namespace Sextant::App {

class ResultView;
class EndpointBar;

/**
 * Runs one GraphQL request at a time through Net::GraphQLClient and shows its life in the result view and the
 * endpoint bar: "Running… 1.2 s · 3.4 MB received" every 100 ms, then the classified answer (PROTOCOLS.md §1.8).
 * A GraphQL response body is parsed into a Core::ResponseDocument on a worker thread (Qt Concurrent), never on
 * the UI thread; a result that arrives after a newer start() or after stop() is dropped, so the view never shows
 * a stale answer. stop() aborts the transfer at once, or drops the parse still running (the result view says
 * so); isRunning() stays true until the answer is shown. GUI thread only.
 *
 * Every run that was sent is reported once by runRecorded() when it ends (just before finished()): start time (UTC),
 * endpoint kind and URL, operation name, document, variables, outcome, HTTP status, status line, duration (the
 * HTTP exchange, result.elapsedMs) and response size, already passed through Store::HistoryRedaction — no token, no
 * URL password, no credential header or credential-named variable value. Local errors (nothing sent) and answers
 * dropped as stale are not reported.
 */
class RunController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunController)

public:
    RunController(Net::GraphQLClient *client, ResultView *resultView, EndpointBar *endpointBar,
                  QObject *parent = nullptr);
    ~RunController() override;

    /// Sends @p request to @p profile; false (nothing sent) while another run is in flight.
    bool start(const Net::EndpointProfile &profile, const Net::GraphQLRequest &request);
    void stop();
    bool isRunning() const;
    /// Shows a local problem (nothing was sent) in the result view and the endpoint bar, then emits finished().
    void showLocalError(const QString &message);
    /// The TLS handshake failure of the last run (certificate details for "Trust this certificate"), or nullopt.
    /// Valid from finished() until the next start().
    const std::optional<Net::TlsFailure> &lastTlsFailure() const { return m_lastTlsFailure; }

signals:
    /// The result view shows the outcome of the last start() (or a local error); emitted once per run.
    void finished();
    /// A sent run ended (any outcome, Stop included); connect it to Store::HistoryStore::record.
    void runRecorded(const Sextant::Store::HistoryEntry &entry);

private:
    void onCallFinished(quint64 generation, const Net::HttpResult &result);
    void emitRecord(Store::HistoryOutcome outcome);

    Net::GraphQLClient *m_client;
    ResultView *m_resultView;
    EndpointBar *m_endpointBar;
    QPointer<Net::GraphQLCall> m_call;
    QTimer *m_elapsedTimer;
    quint64 m_generation = 0;
    bool m_parsing = false; ///< the body is in and a worker is parsing it
    qint64 m_bytesReceived = 0;
    Store::HistoryEntry m_record; ///< the run in flight, completed as it ends
    std::optional<Net::TlsFailure> m_lastTlsFailure;
};

} // namespace Sextant::App
