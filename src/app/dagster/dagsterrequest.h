// SPDX-License-Identifier: MIT
// Sextant: sends one Dagster request through the shared GraphQLClient and parses the answer on a worker thread.
#pragma once

#include <net/graphqlcall.h>
#include <net/graphqlclient.h>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace Sextant::App {

/**
 * Sends @p request to @p endpoint with Net::GraphQLClient (the transport every view uses) and, once the call
 * finished (any outcome: answer, transport error, timeout, Cancelled after abort()), runs @p parse on the
 * HttpResult on a worker thread (Qt Concurrent, like RunController: the body goes into Core::ResponseDocument off
 * the UI thread), then calls @p done with the parsed result on @p context's thread. Nothing is called after
 * @p context is destroyed. Returns the call (to abort it); GUI thread only.
 */
template <typename Result>
QPointer<Net::GraphQLCall> sendDagsterRequest(QObject *context, Net::GraphQLClient *client,
                                              const Net::EndpointProfile &endpoint, const Net::GraphQLRequest &request,
                                              std::function<Result(const Net::HttpResult &)> parse,
                                              std::function<void(const Result &)> done)
{
    Net::GraphQLCall *call = client->execute(endpoint, request);
    QObject::connect(call, &Net::GraphQLCall::finished, context, [context, parse, done](const Net::HttpResult &result) {
        auto *watcher = new QFutureWatcher<Result>(context);
        QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, done] {
            watcher->deleteLater();
            done(watcher->result());
        });
        watcher->setFuture(QtConcurrent::run(parse, result));
    });
    return call;
}

} // namespace Sextant::App
