// SPDX-License-Identifier: MIT
// Sextant: the SQLite side of the run history (schema, queries, pruning, corrupt-file recovery); one thread.
#pragma once

#include <store/historyentry.h>

#include <QList>
#include <QString>

namespace Sextant::Store {

/**
 * Owns one named QSqlDatabase connection (QSQLITE) to the history file and every statement run on it. Not a
 * QObject: HistoryStore creates, uses and destroys it on its worker thread only — every member function must be
 * called on the thread that called open().
 *
 * Schema version 1 (PRAGMA user_version = 1): table `runs` (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at
 * INTEGER ms since the epoch UTC, endpoint_kind, endpoint_url, operation_name, document, variables, headers,
 * outcome (historyOutcomeName()), http_status, message, duration_ms, response_size) with an index on
 * (started_at, id). Journal mode WAL, synchronous NORMAL, secure_delete ON (deleted runs are zeroed on disk); the file
 * is made readable and writable by its owner only.
 *
 * Bad input: a file that SQLite cannot read as a database, or whose quick_check fails, is renamed (with its -wal
 * and -shm files) to "<path>.corrupt-<yyyyMMdd-HHmmss>" and a fresh database is created in its place
 * (recoveredFrom() names the moved file). A file written by a newer schema version is left untouched and open()
 * fails. Failing statements return false / empty results and set lastError().
 */
class HistoryDatabase final
{
public:
    static constexpr int schemaVersion = 1;

    HistoryDatabase(const QString &path, const QString &connectionName);
    ~HistoryDatabase(); ///< closes and removes the connection
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    bool open();
    bool isOpen() const { return m_open; }
    QString lastError() const { return m_lastError; }
    void clearError() { m_lastError.clear(); }
    /// After open(): the path the corrupt file was moved to, empty if there was no recovery.
    QString recoveredFrom() const { return m_recoveredFrom; }

    /// Inserts @p entry as given (redaction is the caller's job) and returns its new id, 0 on failure.
    qint64 insert(const HistoryEntry &entry);
    /// Runs newest first whose operation name, document, endpoint URL or variables contain every whitespace-separated
    /// word of @p text (case-insensitive for ASCII); all runs for empty text. At most @p limit (<= 0: no limit).
    QList<HistoryEntry> search(const QString &text, int limit);
    /// The run with @p id; an entry with id 0 when there is none.
    HistoryEntry entry(qint64 id);
    bool remove(qint64 id);
    bool clear();
    /// Keeps the newest @p maxEntries runs; returns how many were deleted, -1 on failure.
    int prune(int maxEntries);
    int count();

private:
    bool openFile();
    bool prepareSchema();
    void closeConnection();
    bool moveAside();
    void restrictPermissions();

    QString m_path;
    QString m_connectionName;
    QString m_lastError;
    QString m_recoveredFrom;
    bool m_open = false;
    bool m_newerVersion = false;
};

} // namespace Sextant::Store
