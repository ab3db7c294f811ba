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

#include <QFutureWatcher>
#include <QTimer>
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
        emit finished();
    }
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
    if (!result.isGraphQL()) {
        m_endpointBar->setRunning(false);
        m_resultView->showMessage(result.message, statusLine, result.body);
        m_endpointBar->setStatus(result.message, result.kind != Net::ResultKind::Cancelled);
        emit finished();
        return;
    }
    m_endpointBar->setStatus(statusLine);
    m_resultView->showRunning(tr("Parsing %1…").arg(Net::HttpResult::formatSize(result.body.size())));
    m_parsing = true;
    auto *watcher = new QFutureWatcher<ParsedResponse>(this);
    connect(watcher, &QFutureWatcher<ParsedResponse>::finished, this, [this, watcher, generation, result, statusLine] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // stopped, or a newer run replaced this one: never show stale results
        m_parsing = false;
        m_endpointBar->setRunning(false);
        const ParsedResponse parsed = watcher->result();
        if (!parsed.document) {
            m_resultView->showMessage(
                tr("HTTP %1: the body is not valid JSON (%2).").arg(result.httpStatus).arg(parsed.error), statusLine,
                result.body);
        } else {
            m_resultView->showResponse(parsed.document, parsed.response, statusLine);
            if (!result.message.isEmpty())
                m_endpointBar->setStatus(result.message, true);
        }
        emit finished();
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), parseResponse, result.body));
}

} // namespace Sextant::App
