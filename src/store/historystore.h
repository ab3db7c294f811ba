// SPDX-License-Identifier: MIT
// Sextant: the run history in SQLite (user data dir), searched, pruned and edited on one worker thread.
#pragma once

#include <store/historyentry.h>

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace Sextant::Store {

class HistoryDatabase;

/**
 * Every run, recorded in the SQLite file history.sqlite of the user's data directory (QStandardPaths::
 * AppDataLocation, or a path given for tests) through Qt SQL's QSQLITE driver; schema, journal and recovery are
 * described in historydatabase.h.
 *
 * Threads: the store owns one QThread, and all SQL runs there on its own named connection (connectionName()); the
 * UI thread never touches SQLite. Every public function is for the thread that created the store (the UI thread):
 * it queues the work and returns at once with a QFuture that the worker fulfils (use QFuture::then(context, …)
 * or QFutureWatcher; never wait on it in the UI). Work runs in call order. The change signals below are emitted on
 * the UI thread after the database has changed. The destructor waits for queued work to finish.
 *
 * record() strips secrets first (HistoryRedaction::redacted(): URL user info, credential query values, variables
 * and literals whose name is a credential, credential headers), then inserts, then prunes to maxEntries() (default
 * 1000, the newest kept).
 *
 * Bad input: a corrupt file is moved aside to "history.sqlite.corrupt-<yyyyMMdd-HHmmss>" and a fresh history
 * starts; errorOccurred() says so. When no database can be opened (unwritable directory, a newer schema), the store
 * stays usable but empty: every future finishes at once with an empty result (id 0, empty list, false), isAvailable()
 * is false and errorOccurred() is emitted once with the reason.
 */
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    static constexpr int defaultMaxEntries = 1000;
    static constexpr int defaultSearchLimit = 500;

    /// Opens defaultPath().
    explicit HistoryStore(QObject *parent = nullptr);
    explicit HistoryStore(const QString &path, QObject *parent = nullptr);
    ~HistoryStore() override;

    /// QStandardPaths::AppDataLocation + "/history.sqlite".
    static QString defaultPath();
    QString path() const { return m_path; }
    /// The QSqlDatabase connection name; the connection belongs to the worker thread.
    QString connectionName() const { return m_connectionName; }
    /// The worker thread all SQL runs on.
    QThread *workerThread() const { return m_thread; }
    /// False once opening failed for good (no history this session); true while opening and when open.
    bool isAvailable() const { return m_available.load(); }

    int maxEntries() const { return m_maxEntries; }
    /// Sets the bound (at least 1) and prunes to it at once; emits pruned() when runs were deleted.
    void setMaxEntries(int maxEntries);

    /// Stores a redacted copy of @p entry (its id is ignored), prunes, then emits recorded() with the stored entry.
    /// The future gives the stored entry (id 0 on failure).
    QFuture<HistoryEntry> record(const HistoryEntry &entry);
    /// Runs newest first matching every word of @p text in operation name, document, endpoint URL or variables.
    QFuture<QList<HistoryEntry>> search(const QString &text, int limit = defaultSearchLimit);
    /// The run with @p id, or an entry with id 0.
    QFuture<HistoryEntry> entry(qint64 id);
    /// Deletes one run; emits removed(id) when it existed.
    QFuture<bool> remove(qint64 id);
    /// Deletes every run; emits cleared().
    QFuture<bool> clear();
    QFuture<int> count();

signals:
    void recorded(const Sextant::Store::HistoryEntry &entry);
    void removed(qint64 id);
    void cleared();
    /// @p removedCount old runs were deleted to keep maxEntries().
    void pruned(int removedCount);
    /// One line for the user: the database could not be opened or recovered, or a statement failed.
    void errorOccurred(const QString &message);

private:
    template<typename T, typename Work>
    QFuture<T> enqueue(Work work);
    void reportError(const QString &message);

    QString m_path;
    QString m_connectionName;
    QThread *m_thread;
    QObject *m_context;                          ///< lives on m_thread; queued work runs in its thread
    std::unique_ptr<HistoryDatabase> m_database; ///< created here, used and destroyed on m_thread only
    std::atomic<bool> m_available{true};
    int m_maxEntries = defaultMaxEntries;
};

} // namespace Sextant::Store
