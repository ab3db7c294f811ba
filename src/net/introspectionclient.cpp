// SPDX-License-Identifier: MIT
// Sextant: the probe → introspection → fallback-ladder procedure, with schema reading off the GUI thread.
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

} // namespace

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
    bool ok = false;
    const IntrospectionOptions options = Sextant::Core::introspectionOptionsFromProbe(result.body, &ok);
    // Probe understood: ask for exactly what the server has, still able to step down if it lied.
    // Probe failed (e.g. __type blocked): walk the ladder from everything on (§2.3 step 3).
    m_ladder = Sextant::Core::introspectionFallbackLadder(ok ? options : IntrospectionOptions::full());
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
    // Dagster's introspection is several MB: build the Schema on a worker thread.
    auto promise = std::make_shared<QPromise<IntrospectionReadResult>>();
    auto *watcher = new QFutureWatcher<IntrospectionReadResult>(this);
    const quint64 generation = m_generation;
    const QByteArray body = result.body;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, body] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        onSchemaRead(watcher->future().result(), body);
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, body] {
        promise->addResult(IntrospectionReader::read(body));
        promise->finish();
    });
}

void IntrospectionClient::onSchemaRead(const IntrospectionReadResult &read, const QByteArray &body)
{
    if (read.isValid()) {
        m_running = false;
        emit schemaLoaded(read.schema, body);
        return;
    }
    const QStringList messages = errorMessages(body);
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
