// SPDX-License-Identifier: MIT
// Sextant: one Run at a time: sends the request, shows progress, parses the answer off the UI thread.
#include "runcontroller.h"

#include "backgroundpool.h"

#include "app/endpoints/endpointbar.h"
#include "app/result/resultview.h"

#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <net/graphqlcall.h>
#include <net/graphqlclient.h>
#include <net/httpresult.h>
#include <store/historyredaction.h>

#include <QFutureWatcher>
#include <QTimer>

#include <core/language/operationoutline.h>
#include <QtConcurrent/QtConcurrentRun>

namespace Sextant::App {

namespace {

struct ParsedResponse {
    std::shared_ptr<const Core::ResponseDocument> document;
    Core::GraphQLResponse response;
    QString error;
};

// Runs on a worker thread: the bytes are shared with the HttpResult (no copy).
ParsedResponse parseResponse(const QByteArray &body)
{
    ParsedResponse parsed;
    Core::ResponseDocument::ParseError error;
    parsed.document = Core::ResponseDocument::parse(body, &error);
    if (!parsed.document) {
        parsed.error = error.message;
        return parsed;
    }
    parsed.response = Core::readGraphQLResponse(*parsed.document);
    return parsed;
}

// Everything but the outcome; the token is not part of it and the rest goes through HistoryRedaction.
Store::HistoryEntry startRecord(const Net::EndpointProfile &profile, const Net::GraphQLRequest &request)
{
    Store::HistoryEntry entry;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.endpointKind = Net::EndpointProfile::kindId(profile.kind);
    entry.endpointUrl = profile.url.toString();
    entry.operationName = request.operationName;
    if (entry.operationName.isEmpty()) { // one operation: the request names none, the history still shows it
        const QList<Core::OperationInfo> operations = Core::outlineOperations(request.query);
        if (operations.size() == 1)
            entry.operationName = operations.first().name;
    }
    entry.document = request.query;
    entry.variables = QString::fromUtf8(request.variablesJson);
    QStringList headerLines;
    for (const auto &header : profile.headers)
        headerLines << QString::fromLatin1(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second);
    entry.headers = headerLines.join(u'\n');
    return Store::HistoryRedaction::redacted(std::move(entry));
}

Store::HistoryOutcome outcomeOf(const Net::HttpResult &result)
{
    switch (result.kind) {
    case Net::ResultKind::GraphQLResponse:
        return Store::HistoryOutcome::Ok;
    case Net::ResultKind::NotGraphQL:
        return Store::HistoryOutcome::HttpError;
    case Net::ResultKind::Cancelled:
        return Store::HistoryOutcome::Cancelled;
    case Net::ResultKind::TimedOut:
        return Store::HistoryOutcome::TimedOut;
    case Net::ResultKind::TransportError:
        break;
    }
    return Store::HistoryOutcome::NetworkError;
}

} // namespace

RunController::RunController(Net::GraphQLClient *client, ResultView *resultView, EndpointBar *endpointBar,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_resultView(resultView)
    , m_endpointBar(endpointBar)
    , m_elapsedTimer(new QTimer(this))
{
    m_elapsedTimer->setInterval(100);
    connect(m_elapsedTimer, &QTimer::timeout, this, [this] {
        if (m_call)
            m_resultView->setStatusText(tr("Running… %1 ms · %2 received")
                                            .arg(m_call->elapsedMs())
                                            .arg(Net::HttpResult::formatSize(m_bytesReceived)));
    });
}

RunController::~RunController()
{
    if (m_call)
        m_call->abort();
}

bool RunController::isRunning() const
{
    return !m_call.isNull() || m_parsing;
}

bool RunController::start(const Net::EndpointProfile &profile, const Net::GraphQLRequest &request)
{
    if (isRunning())
        return false; // one request at a time; Stop first
    const quint64 generation = ++m_generation;
    m_bytesReceived = 0;
    m_lastTlsFailure.reset();
    m_record = startRecord(profile, request);
    m_call = m_client->execute(profile, request);
    m_endpointBar->setRunning(true);
    m_resultView->showRunning(tr("Running…"));
    m_elapsedTimer->start();
    connect(m_call, &Net::GraphQLCall::progressed, this,
            [this](qint64 received, qint64) { m_bytesReceived = received; });
    connect(m_call, &Net::GraphQLCall::finished, this,
            [this, generation](const Net::HttpResult &result) { onCallFinished(generation, result); });
    return true;
}

void RunController::stop()
{
    if (m_call) {
        m_call->abort(); // finishes synchronously with kind Cancelled
        return;
    }
    if (m_parsing) { // the body is in: drop the parse that is still running
        ++m_generation;
        m_parsing = false;
        m_endpointBar->setRunning(false);
        m_resultView->showMessage(tr("Stopped while parsing the response."), tr("Cancelled"));
        m_endpointBar->setStatus(tr("Stopped."));
        emitRecord(Store::HistoryOutcome::Cancelled);
        emit finished();
    }
}

void RunController::emitRecord(Store::HistoryOutcome outcome)
{
    Store::HistoryEntry entry = std::move(m_record);
    m_record = Store::HistoryEntry();
    entry.outcome = outcome;
    emit runRecorded(entry);
}

void RunController::showLocalError(const QString &message)
{
    m_resultView->showMessage(message, tr("Not sent"));
    m_endpointBar->setStatus(message, true);
    emit finished();
}

void RunController::onCallFinished(quint64 generation, const Net::HttpResult &result)
{
    m_call.clear();
    m_elapsedTimer->stop();
    if (generation != m_generation) {
        m_endpointBar->setRunning(false);
        return;
    }
    const QString statusLine = result.statusLine();
    m_lastTlsFailure = result.tls;
    m_record.httpStatus = result.httpStatus;
    m_record.message = result.message.isEmpty() ? statusLine : result.message;
    m_record.durationMs = result.elapsedMs;
    m_record.responseSize = result.body.size();
    const ResponseHeaders headers = ResponseHeaders::fromResult(result); // the Headers tab, for every answer
    if (!result.isGraphQL()) {
        m_endpointBar->setRunning(false);
        m_resultView->showMessage(result.message, statusLine, result.body);
        m_resultView->setResponseHeaders(headers);
        m_endpointBar->setStatus(result.message, result.kind != Net::ResultKind::Cancelled);
        emitRecord(outcomeOf(result));
        emit finished();
        return;
    }
    m_endpointBar->setStatus(statusLine);
    m_resultView->showRunning(tr("Parsing %1…").arg(Net::HttpResult::formatSize(result.body.size())));
    m_resultView->setResponseHeaders(headers); // visible while a big body is parsed
    m_parsing = true;
    auto *watcher = new QFutureWatcher<ParsedResponse>(this);
    connect(watcher, &QFutureWatcher<ParsedResponse>::finished, this, [this, watcher, generation, result, statusLine] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // stopped, or a newer run replaced this one: never show stale results
        m_parsing = false;
        m_endpointBar->setRunning(false);
        const ParsedResponse parsed = watcher->result();
        Store::HistoryOutcome outcome = Store::HistoryOutcome::Ok;
        if (!parsed.document) {
            outcome = Store::HistoryOutcome::HttpError;
            m_resultView->showMessage(
                tr("HTTP %1: the body is not valid JSON (%2).").arg(result.httpStatus).arg(parsed.error), statusLine,
                result.body);
            m_resultView->setResponseHeaders(ResponseHeaders::fromResult(result));
        } else {
            m_resultView->showResponse(parsed.document, parsed.response, statusLine);
            m_resultView->setResponseHeaders(ResponseHeaders::fromResult(result));
            if (!result.message.isEmpty())
                m_endpointBar->setStatus(result.message, true);
            if (!parsed.response.errors.isEmpty())
                outcome = Store::HistoryOutcome::GraphQLErrors;
        }
        emitRecord(outcome);
        emit finished();
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), parseResponse, result.body));
}

} // namespace Sextant::App
