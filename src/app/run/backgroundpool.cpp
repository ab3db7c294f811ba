// SPDX-License-Identifier: MIT
// Sextant: the thread pool for long work on big responses (parse, line index, table scan, search, release).
#include "backgroundpool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace Sextant::App {

namespace {

QThreadPool *createPool()
{
    auto *pool = new QThreadPool;
    pool->setObjectName(QStringLiteral("SextantBackgroundPool"));
    pool->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    return pool;
}

} // namespace

Q_GLOBAL_STATIC_WITH_ARGS(std::unique_ptr<QThreadPool>, g_pool, (createPool()))

QThreadPool *backgroundPool()
{
    return g_pool->get();
}

} // namespace Sextant::App
