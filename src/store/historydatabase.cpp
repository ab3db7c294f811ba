// SPDX-License-Identifier: MIT
// Sextant: the SQLite side of the run history (schema, queries, pruning, corrupt-file recovery); one thread.
#include "store/historydatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

constexpr QLatin1StringView columns("id, started_at, endpoint_kind, endpoint_url, operation_name, document, variables, "
                                    "headers, outcome, http_status, message, duration_ms, response_size");

HistoryEntry readEntry(const QSqlQuery &query)
{
    HistoryEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.startedAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    entry.endpointKind = query.value(2).toString();
    entry.endpointUrl = query.value(3).toString();
    entry.operationName = query.value(4).toString();
    entry.document = query.value(5).toString();
    entry.variables = query.value(6).toString();
    entry.headers = query.value(7).toString();
    entry.outcome = historyOutcomeFromName(query.value(8).toString());
    entry.httpStatus = query.value(9).toInt();
    entry.message = query.value(10).toString();
    entry.durationMs = query.value(11).toLongLong();
    entry.responseSize = query.value(12).toLongLong();
    return entry;
}

QString likePattern(const QString &word)
{
    QString escaped = word;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

// QSqlDatabase::database() hands out a copy bound to the calling thread; HistoryDatabase is only used on that thread.
QSqlDatabase connection(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

} // namespace

HistoryDatabase::HistoryDatabase(const QString &path, const QString &connectionName)
    : m_path(path), m_connectionName(connectionName)
{}

HistoryDatabase::~HistoryDatabase()
{
    closeConnection();
}

void HistoryDatabase::closeConnection()
{
    m_open = false;
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = connection(m_connectionName);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryDatabase::openFile()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!db.isValid()) {
        m_lastError = u"the Qt SQLite driver (QSQLITE) is not available"_s;
        return false;
    }
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_lastError = m_path + u": cannot open the history database: "_s + db.lastError().text();
        return false;
    }
    return true;
}

bool HistoryDatabase::prepareSchema()
{
    QSqlDatabase db = connection(m_connectionName);
    QSqlQuery query(db);
    const auto fail = [&](const QString &what) {
        m_lastError = m_path + u": "_s + what + u": "_s + query.lastError().text();
        return false;
    };
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return fail(u"cannot read the history database"_s);
    const int version = query.value(0).toInt();
    if (!query.exec(u"PRAGMA quick_check"_s) || !query.next())
        return fail(u"cannot check the history database"_s);
    if (query.value(0).toString() != u"ok") {
        m_lastError = m_path + u": the history database is damaged ("_s + query.value(0).toString() + u')';
        return false;
    }
    query.finish();
    if (version > schemaVersion) {
        m_newerVersion = true;
        m_lastError =
            m_path
            + u": the history database was written by a newer Sextant (schema %1); history is off"_s.arg(version);
        return false;
    }
    if (!query.exec(u"PRAGMA journal_mode=WAL"_s) || !query.exec(u"PRAGMA synchronous=NORMAL"_s)
        || !query.exec(u"PRAGMA secure_delete=ON"_s))
        return fail(u"cannot configure the history database"_s);
    query.finish();
    if (version == schemaVersion)
        return true;
    if (!db.transaction())
        return fail(u"cannot create the history tables"_s);
    const bool created =
        query.exec(u"CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at INTEGER NOT NULL, "
                   "endpoint_kind TEXT NOT NULL, endpoint_url TEXT NOT NULL, operation_name TEXT NOT NULL, "
                   "document TEXT NOT NULL, variables TEXT NOT NULL, headers TEXT NOT NULL, outcome TEXT NOT NULL, "
                   "http_status INTEGER NOT NULL, message TEXT NOT NULL, duration_ms INTEGER NOT NULL, "
                   "response_size INTEGER NOT NULL)"_s)
        && query.exec(u"CREATE INDEX runs_started_at ON runs (started_at, id)"_s)
        && query.exec(u"PRAGMA user_version = %1"_s.arg(schemaVersion));
    if (!created) {
        fail(u"cannot create the history tables"_s);
        db.rollback();
        return false;
    }
    if (!db.commit())
        return fail(u"cannot create the history tables"_s);
    return true;
}

void HistoryDatabase::restrictPermissions()
{
    // Documents and variables are the user's work: readable by the owner only (SQLite gives -wal/-shm the same mode).
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

bool HistoryDatabase::moveAside()
{
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = m_path + u".corrupt-"_s + stamp;
    for (int n = 2; QFileInfo::exists(target) && n < 1000; ++n)
        target = m_path + u".corrupt-"_s + stamp + u'-' + QString::number(n);
    if (!QFile::rename(m_path, target))
        return false;
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(m_path + suffix))
            QFile::rename(m_path + suffix, target + suffix);
    }
    m_recoveredFrom = target;
    return true;
}

bool HistoryDatabase::open()
{
    m_recoveredFrom.clear();
    m_newerVersion = false;
    const QFileInfo info(m_path);
    if (info.isDir()) {
        m_lastError = m_path + u": is a directory; history is off"_s;
        return false;
    }
    if (!QDir().mkpath(info.absolutePath())) {
        m_lastError = u"cannot create the directory "_s + info.absolutePath() + u"; history is off"_s;
        return false;
    }
    if (openFile() && prepareSchema()) {
        m_open = true;
        restrictPermissions();
        return true;
    }
    closeConnection();
    if (m_newerVersion || !QFileInfo(m_path).isFile())
        return false;
    const QString firstError = m_lastError;
    if (!moveAside()) {
        m_lastError = firstError + u"; it could not be moved aside"_s;
        return false;
    }
    if (openFile() && prepareSchema()) {
        m_open = true;
        restrictPermissions();
        m_lastError = firstError + u"; moved to "_s + m_recoveredFrom + u" and a new history started"_s;
        return true;
    }
    closeConnection();
    return false;
}

qint64 HistoryDatabase::insert(const HistoryEntry &entry)
{
    if (!m_open)
        return 0;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(u"INSERT INTO runs (started_at, endpoint_kind, endpoint_url, operation_name, document, variables, "
                  "headers, outcome, http_status, message, duration_ms, response_size) "
                  "VALUES (?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), "
                  "COALESCE(?, ''), ?, ?, COALESCE(?, ''), ?, ?)"_s); // a null QString binds as NULL
    query.addBindValue(entry.startedAt.toMSecsSinceEpoch());
    query.addBindValue(entry.endpointKind);
    query.addBindValue(entry.endpointUrl);
    query.addBindValue(entry.operationName);
    query.addBindValue(entry.document);
    query.addBindValue(entry.variables);
    query.addBindValue(entry.headers);
    query.addBindValue(historyOutcomeName(entry.outcome));
    query.addBindValue(entry.httpStatus);
    query.addBindValue(entry.message);
    query.addBindValue(entry.durationMs);
    query.addBindValue(entry.responseSize);
    if (!query.exec()) {
        m_lastError = u"cannot record the run in the history: "_s + query.lastError().text();
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

QList<HistoryEntry> HistoryDatabase::search(const QString &text, int limit)
{
    QList<HistoryEntry> entries;
    if (!m_open)
        return entries;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QStringList conditions;
    for (qsizetype i = 0; i < words.size(); ++i)
        conditions << u"(operation_name LIKE ? ESCAPE '\\' OR document LIKE ? ESCAPE '\\' OR "
                      "endpoint_url LIKE ? ESCAPE '\\' OR variables LIKE ? ESCAPE '\\')"_s;
    QString sql = u"SELECT "_s + columns + u" FROM runs"_s;
    if (!conditions.isEmpty())
        sql += u" WHERE "_s + conditions.join(u" AND "_s);
    sql += u" ORDER BY started_at DESC, id DESC"_s;
    if (limit > 0)
        sql += u" LIMIT %1"_s.arg(limit);
    QSqlQuery query(connection(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QString &word : words) {
        const QString pattern = likePattern(word);
        for (int i = 0; i < 4; ++i)
            query.addBindValue(pattern);
    }
    if (!query.exec()) {
        m_lastError = u"cannot search the history: "_s + query.lastError().text();
        return entries;
    }
    while (query.next())
        entries << readEntry(query);
    return entries;
}

HistoryEntry HistoryDatabase::entry(qint64 id)
{
    if (!m_open)
        return {};
    QSqlQuery query(connection(m_connectionName));
    query.prepare(u"SELECT "_s + columns + u" FROM runs WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        m_lastError = u"cannot read the history: "_s + query.lastError().text();
        return {};
    }
    return query.next() ? readEntry(query) : HistoryEntry();
}

bool HistoryDatabase::remove(qint64 id)
{
    if (!m_open)
        return false;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(u"DELETE FROM runs WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        m_lastError = u"cannot delete from the history: "_s + query.lastError().text();
        return false;
    }
    return query.numRowsAffected() > 0;
}

bool HistoryDatabase::clear()
{
    if (!m_open)
        return false;
    QSqlQuery query(connection(m_connectionName));
    if (!query.exec(u"DELETE FROM runs"_s)) {
        m_lastError = u"cannot clear the history: "_s + query.lastError().text();
        return false;
    }
    // Fold the WAL back into the file so cleared runs do not linger in history.sqlite-wal.
    query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    return true;
}

int HistoryDatabase::prune(int maxEntries)
{
    if (!m_open)
        return -1;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(
        u"DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT ?)"_s);
    query.addBindValue(qMax(0, maxEntries));
    if (!query.exec()) {
        m_lastError = u"cannot prune the history: "_s + query.lastError().text();
        return -1;
    }
    return query.numRowsAffected();
}

int HistoryDatabase::count()
{
    if (!m_open)
        return 0;
    QSqlQuery query(connection(m_connectionName));
    if (!query.exec(u"SELECT COUNT(*) FROM runs"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace Sextant::Store
