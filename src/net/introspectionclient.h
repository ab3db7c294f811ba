// SPDX-License-Identifier: MIT
// Sextant: fetches an endpoint's schema by introspection, probing its capabilities first.
#pragma once

#include "net/endpointprofile.h"
#include "net/httpresult.h"

#include <core/schema/introspectionquery.h>
#include <core/schema/introspectionreader.h>

#include <QObject>
#include <QPointer>

#include <memory>

namespace Sextant::Core {
class Schema;
}

namespace Sextant::Net {

class GraphQLCall;
class GraphQLClient;

/**
 * Runs the introspection procedure of PROTOCOLS.md §2.3 over a GraphQLClient: the capability probe (step 1), then
 * the introspection query with exactly the supported parts (step 2); when the probe fails, the fallback ladder
 * (step 3), stepping down only on validation errors that name an introspection field (Core::isIntrospectionFieldError)
 * and stopping on any other error. Every parse of a response body (the probe's options, the Schema, the errors'
 * messages) runs on a worker thread (QThreadPool) holding its own shared reference to the body, so a huge or hostile
 * answer never blocks the thread the object lives on; everything else (calls, signals) runs on that thread.
 *
 * Emits exactly one of schemaLoaded() / failed() per start(), never after abort() or after a newer start() (a
 * generation number drops stale replies, ARCHITECTURE.md example 7). failed() carries one user-facing line:
 * the transport/HTTP message of the call, "Introspection is disabled on this server: …", or
 * "Introspection failed: <the server's first error or the reader's error>".
 */
class IntrospectionClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntrospectionClient)

public:
    explicit IntrospectionClient(GraphQLClient *client, QObject *parent = nullptr);
    ~IntrospectionClient() override;

    void start(const EndpointProfile &endpoint);
    void abort();
    bool isRunning() const;

    /// The options of the last introspection query sent (for diagnostics and tests).
    Sextant::Core::IntrospectionOptions lastOptions() const;

signals:
    void schemaLoaded(std::shared_ptr<const Sextant::Core::Schema> schema, const QByteArray &introspectionJson);
    void failed(const QString &message);

private:
    void sendProbe();
    void sendIntrospection();
    void onProbeFinished(const HttpResult &result);
    struct ProbeOutcome;
    struct ReadOutcome;
    void onProbeParsed(const ProbeOutcome &outcome);
    void onIntrospectionFinished(const HttpResult &result);
    void onSchemaRead(const ReadOutcome &outcome, const QByteArray &body);
    void finishWithError(const QString &message);
    void cancelCall();

    GraphQLClient *m_client;
    QPointer<GraphQLCall> m_call;
    EndpointProfile m_endpoint;
    QList<Sextant::Core::IntrospectionOptions> m_ladder;
    qsizetype m_ladderIndex = 0;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace Sextant::Net
