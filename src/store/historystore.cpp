// SPDX-License-Identifier: MIT
// Sextant: the run history in SQLite (user data dir), searched, pruned and edited on one worker thread.
#include "store/historystore.h"

#include "store/historydatabase.h"
#include "store/historyredaction.h"

#include <QAtomicInteger>
#include <QPromise>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"sextant-history-%1"_s.arg(++counter);
}

} // namespace

HistoryStore::HistoryStore(QObject *parent) : HistoryStore(defaultPath(), parent) {}

HistoryStore::HistoryStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_connectionName(nextConnectionName())
    , m_thread(new QThread)
    , m_context(new QObject)
    , m_database(std::make_unique<HistoryDatabase>(path, m_connectionName))
{
    qRegisterMetaType<Sextant::Store::HistoryEntry>();
    m_thread->setObjectName(u"HistoryStore"_s);
    m_context->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            const bool opened = m_database->open();
            m_available = opened;
            // A recovery opens fine but still has something to say (where the damaged file went).
            if (!opened || !m_database->recoveredFrom().isEmpty())
                reportError(m_database->lastError());
        },
        Qt::QueuedConnection);
}

HistoryStore::~HistoryStore()
{
    // Runs after everything already queued: pending work finishes, then the connection closes on its own thread.
    QMetaObject::invokeMethod(
        m_context, [this] { m_database.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite"_s;
}

void HistoryStore::reportError(const QString &message)
{
    if (message.isEmpty())
        return;
    QMetaObject::invokeMethod(
        this, [this, message] { emit errorOccurred(message); }, Qt::QueuedConnection);
}

template<typename T, typename Work>
QFuture<T> HistoryStore::enqueue(Work work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_context,
        [this, promise, work = std::move(work)] {
            HistoryDatabase &db = *m_database;
            db.clearError();
            promise->addResult(work(db));
            promise->finish();
            if (db.isOpen())
                reportError(db.lastError());
        },
        Qt::QueuedConnection);
    return future;
}

void HistoryStore::setMaxEntries(int maxEntries)
{
    m_maxEntries = qMax(1, maxEntries);
    enqueue<int>([this, bound = m_maxEntries](HistoryDatabase &db) {
        const int removed = db.prune(bound);
        if (removed > 0)
            QMetaObject::invokeMethod(
                this, [this, removed] { emit pruned(removed); }, Qt::QueuedConnection);
        return removed;
    });
}

QFuture<HistoryEntry> HistoryStore::record(const HistoryEntry &entry)
{
    // Redaction runs on the worker too (it lexes the whole document); nothing unredacted goes further than it.
    return enqueue<HistoryEntry>([this, entry, bound = m_maxEntries](HistoryDatabase &db) {
        HistoryEntry stored = HistoryRedaction::redacted(entry);
        stored.id = 0;
        if (!db.isOpen())
            return stored;
        stored.id = db.insert(stored);
        if (stored.id == 0)
            return stored;
        // Keep the insert's error (if any) for reportError(); pruning's own failure is reported the same way.
        const int removed = db.prune(bound);
        QMetaObject::invokeMethod(
            this,
            [this, stored, removed] {
                emit recorded(stored);
                if (removed > 0)
                    emit pruned(removed);
            },
            Qt::QueuedConnection);
        return stored;
    });
}

QFuture<QList<HistoryEntry>> HistoryStore::search(const QString &text, int limit)
{
    return enqueue<QList<HistoryEntry>>([text, limit](HistoryDatabase &db) { return db.search(text, limit); });
}

QFuture<HistoryEntry> HistoryStore::entry(qint64 id)
{
    return enqueue<HistoryEntry>([id](HistoryDatabase &db) { return db.entry(id); });
}

QFuture<bool> HistoryStore::remove(qint64 id)
{
    return enqueue<bool>([this, id](HistoryDatabase &db) {
        const bool done = db.remove(id);
        if (done)
            QMetaObject::invokeMethod(
                this, [this, id] { emit removed(id); }, Qt::QueuedConnection);
        return done;
    });
}

QFuture<bool> HistoryStore::clear()
{
    return enqueue<bool>([this](HistoryDatabase &db) {
        const bool done = db.clear();
        if (done)
            QMetaObject::invokeMethod(
                this, [this] { emit cleared(); }, Qt::QueuedConnection);
        return done;
    });
}

QFuture<int> HistoryStore::count()
{
    return enqueue<int>([](HistoryDatabase &db) { return db.count(); });
}

} // namespace Sextant::Store
