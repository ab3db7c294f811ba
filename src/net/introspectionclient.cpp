// SPDX-License-Identifier: MIT
// Sextant: the probe → introspection → fallback-ladder procedure, with every body parse off the GUI thread.
#include "net/introspectionclient.h"

#include "net/graphqlclient.h"

#include <core/schema/schema.h>

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QStringList>
#include <QThreadPool>

using namespace Qt::StringLiterals;
using Sextant::Core::IntrospectionOptions;
using Sextant::Core::IntrospectionReader;
using Sextant::Core::IntrospectionReadResult;

namespace Sextant::Net {

namespace {

/// The "message" of every entry of the response's top-level "errors" (GraphQL spec §7 Errors).
QStringList errorMessages(const QByteArray &body)
{
    QStringList messages;
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(QLatin1StringView("errors")).toArray();
    for (const QJsonValue &error : errors) {
        const QString message = error.toObject().value(QLatin1StringView("message")).toString().simplified();
        if (!message.isEmpty())
            messages << message;
    }
    return messages;
}

/// Runs @p work on the global thread pool and calls @p done with its result on @p context's thread, unless
/// @p context is gone. @p work must not touch objects of the GUI thread (it gets copies only).
template<typename Result, typename Work, typename Done>
void runOffThread(QObject *context, Work work, Done done)
{
    auto promise = std::make_shared<QPromise<Result>>();
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            done(watcher->future().result());
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)] {
        promise->addResult(work());
        promise->finish();
    });
}

} // namespace

/// What the worker makes of a capability probe's body.
struct IntrospectionClient::ProbeOutcome
{
    IntrospectionOptions options;
    bool ok = false;
};

/// What the worker makes of an introspection body: the schema, or the reader's error plus the server's messages.
struct IntrospectionClient::ReadOutcome
{
    IntrospectionReadResult read;
    QStringList messages; ///< the top-level errors' messages; only filled when read is not valid
};

IntrospectionClient::IntrospectionClient(GraphQLClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    qRegisterMetaType<std::shared_ptr<const Sextant::Core::Schema>>();
}

IntrospectionClient::~IntrospectionClient()
{
    cancelCall();
}

bool IntrospectionClient::isRunning() const
{
    return m_running;
}

IntrospectionOptions IntrospectionClient::lastOptions() const
{
    return m_ladder.value(m_ladderIndex);
}

void IntrospectionClient::start(const EndpointProfile &endpoint)
{
    cancelCall();
    ++m_generation;
    m_endpoint = endpoint;
    m_ladder.clear();
    m_ladderIndex = 0;
    m_running = true;
    sendProbe();
}

void IntrospectionClient::abort()
{
    cancelCall();
    ++m_generation;
    m_running = false;
}

void IntrospectionClient::cancelCall()
{
    if (m_call) {
        m_call->disconnect(this); // its Cancelled result is not ours to report
        m_call->abort();
    }
    m_call.clear();
}

void IntrospectionClient::sendProbe()
{
    GraphQLRequest request;
    request.query = Sextant::Core::introspectionCapabilitiesQuery();
    request.operationName = u"IntrospectionCapabilities"_s;
    m_call = m_client->execute(m_endpoint, request);
    const quint64 generation = m_generation;
    connect(m_call, &GraphQLCall::finished, this, [this, generation](const HttpResult &result) {
        if (generation == m_generation)
            onProbeFinished(result);
    });
}

void IntrospectionClient::onProbeFinished(const HttpResult &result)
{
    m_call.clear();
    if (!result.isGraphQL()) {
        finishWithError(result.message);
        return;
    }
    // The probe answer may be anything a hostile server sends (100 MB of JSON): parse it on a worker.
    const quint64 generation = m_generation;
    const QByteArray body = result.body;
    runOffThread<ProbeOutcome>(
        this,
        [body] {
            ProbeOutcome outcome;
            outcome.options = Sextant::Core::introspectionOptionsFromProbe(body, &outcome.ok);
            return outcome;
        },
        [this, generation](const ProbeOutcome &outcome) {
            if (generation == m_generation)
                onProbeParsed(outcome);
        });
}

void IntrospectionClient::onProbeParsed(const ProbeOutcome &outcome)
{
    // Probe understood: ask for exactly what the server has, still able to step down if it lied.
    // Probe failed (e.g. __type blocked): walk the ladder from everything on (§2.3 step 3).
    m_ladder = Sextant::Core::introspectionFallbackLadder(outcome.ok ? outcome.options : IntrospectionOptions::full());
    m_ladderIndex = 0;
    sendIntrospection();
}

void IntrospectionClient::sendIntrospection()
{
    GraphQLRequest request;
    request.query = Sextant::Core::introspectionQuery(m_ladder.at(m_ladderIndex));
    request.operationName = u"IntrospectionQuery"_s;
    m_call = m_client->execute(m_endpoint, request);
    const quint64 generation = m_generation;
    connect(m_call, &GraphQLCall::finished, this, [this, generation](const HttpResult &result) {
        if (generation == m_generation)
            onIntrospectionFinished(result);
    });
}

void IntrospectionClient::onIntrospectionFinished(const HttpResult &result)
{
    m_call.clear();
    if (!result.isGraphQL()) {
        finishWithError(result.message);
        return;
    }
    // Dagster's introspection is several MB, a hostile answer may be 100 MB: build the Schema, and read the
    // errors when there is none, on a worker thread.
    const quint64 generation = m_generation;
    const QByteArray body = result.body;
    runOffThread<ReadOutcome>(
        this,
        [body] {
            ReadOutcome outcome;
            outcome.read = IntrospectionReader::read(body);
            if (!outcome.read.isValid())
                outcome.messages = errorMessages(body);
            return outcome;
        },
        [this, generation, body](const ReadOutcome &outcome) {
            if (generation == m_generation)
                onSchemaRead(outcome, body);
        });
}

void IntrospectionClient::onSchemaRead(const ReadOutcome &outcome, const QByteArray &body)
{
    const IntrospectionReadResult &read = outcome.read;
    if (read.isValid()) {
        m_running = false;
        emit schemaLoaded(read.schema, body);
        return;
    }
    const QStringList &messages = outcome.messages;
    for (const QString &message : messages) {
        if (Sextant::Core::isIntrospectionFieldError(message) && m_ladderIndex + 1 < m_ladder.size()) {
            ++m_ladderIndex;
            sendIntrospection();
            return;
        }
    }
    for (const QString &message : messages) {
        if (message.contains(u"introspection"_s, Qt::CaseInsensitive)) {
            finishWithError(u"Introspection is disabled on this server: "_s + message
                            + u" — load the schema from a file instead"_s);
            return;
        }
    }
    finishWithError(u"Introspection failed: "_s + (messages.isEmpty() ? read.error : messages.constFirst()));
}

void IntrospectionClient::finishWithError(const QString &message)
{
    m_running = false;
    emit failed(message);
}

} // namespace Sextant::Net
