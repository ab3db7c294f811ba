// SPDX-License-Identifier: MIT
// Sextant: HistoryStore — round trip, search, prune bound, secrets never on disk, corrupt files, the worker thread.
#include <store/historyredaction.h>
#include <store/historystore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using Sextant::Store::HistoryEntry;
using Sextant::Store::HistoryOutcome;
using Sextant::Store::HistoryRedaction;
using Sextant::Store::HistoryStore;

// Every future is fulfilled by the worker thread; the test's event loop keeps turning while it waits.
#define AWAIT(future) QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), 10000)

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

HistoryEntry makeEntry(const QString &operationName, qint64 msOffset)
{
    HistoryEntry entry;
    entry.startedAt = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000 + msOffset, Qt::UTC);
    entry.endpointKind = u"dagster"_s;
    entry.endpointUrl = u"http://127.0.0.1:3000/graphql"_s;
    entry.operationName = operationName;
    entry.document = u"query "_s + operationName + u" { version }"_s;
    entry.variables = u"{\"limit\": 5}"_s;
    entry.outcome = HistoryOutcome::Ok;
    entry.httpStatus = 200;
    entry.message = u"HTTP 200 OK · 12 ms · 40 B"_s;
    entry.durationMs = 12;
    entry.responseSize = 40;
    return entry;
}

QStringList operationNames(const QList<HistoryEntry> &entries)
{
    QStringList names;
    for (const HistoryEntry &entry : entries)
        names << entry.operationName;
    return names;
}

} // namespace

class HistoryStoreTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultPath();
    void roundTrip();
    void search_data();
    void search();
    void pruneBound();
    void removeAndClear();
    void redactsVariables_data();
    void redactsVariables();
    void secretVariablesBecomeReferences_data();
    void secretVariablesBecomeReferences();
    void redactsUrlDocumentAndHeaders();
    void secretsNeverReachTheFile();
    void corruptFileIsMovedAside();
    void unopenablePathKeepsWorking();
    void sqlRunsOnTheWorkerThread();
    void survivesReopen();

private:
    QTemporaryDir m_dir;
};

void HistoryStoreTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void HistoryStoreTest::defaultPath()
{
    const QString path = HistoryStore::defaultPath();
    QVERIFY(path.endsWith(u"/history.sqlite"_s));
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
}

void HistoryStoreTest::roundTrip()
{
    HistoryStore store(m_dir.filePath(u"roundtrip.sqlite"_s));
    QSignalSpy recorded(&store, &HistoryStore::recorded);
    HistoryEntry entry = makeEntry(u"Versions"_s, 0);
    entry.startedAt = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, Qt::UTC);
    entry.outcome = HistoryOutcome::GraphQLErrors;
    entry.httpStatus = 500;
    entry.headers = u"X-Trace: on"_s;
    entry.variables = u"{\"n\": 12345678901234567890, \"s\": \"“✓”\"}"_s;
    auto future = store.record(entry);
    AWAIT(future);
    const HistoryEntry stored = future.result();
    QVERIFY(stored.id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 5000);
    QCOMPARE(recorded.first().first().value<HistoryEntry>(), stored);

    auto read = store.entry(stored.id);
    AWAIT(read);
    HistoryEntry expected = entry;
    expected.id = stored.id;
    QCOMPARE(read.result(), expected);
    QCOMPARE(read.result().startedAt.timeSpec(), Qt::UTC);
    QCOMPARE(QFileInfo(store.path()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    auto missing = store.entry(stored.id + 1000);
    AWAIT(missing);
    QCOMPARE(missing.result().id, 0);
}

void HistoryStoreTest::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty: all, newest first") << QString() << QStringList{u"Gamma"_s, u"Beta"_s, u"Alpha"_s};
    QTest::newRow("operation name, any case") << u"beta"_s << QStringList{u"Beta"_s};
    QTest::newRow("document") << u"launchRun"_s << QStringList{u"Gamma"_s};
    QTest::newRow("endpoint") << u"9999"_s << QStringList{u"Beta"_s};
    QTest::newRow("variables") << u"partition-7"_s << QStringList{u"Alpha"_s};
    QTest::newRow("every word must match") << u"query version"_s << QStringList{u"Beta"_s, u"Alpha"_s};
    QTest::newRow("LIKE wildcards are literal") << u"%"_s << QStringList{};
    QTest::newRow("underscore is literal") << u"a_b"_s << QStringList{u"Alpha"_s};
    QTest::newRow("nothing") << u"nowhere"_s << QStringList{};
}

void HistoryStoreTest::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(u"search.sqlite"_s));
    HistoryEntry alpha = makeEntry(u"Alpha"_s, 0);
    alpha.variables = u"{\"partition\": \"partition-7\", \"a_b\": 1}"_s;
    HistoryEntry beta = makeEntry(u"Beta"_s, 1000);
    beta.endpointUrl = u"http://127.0.0.1:9999/graphql"_s;
    HistoryEntry gamma = makeEntry(u"Gamma"_s, 2000);
    gamma.document = u"mutation Gamma { launchRun { __typename } }"_s;
    // Recorded out of time order: the list is ordered by start time, not by insertion.
    store.record(gamma);
    store.record(alpha);
    auto last = store.record(beta);
    AWAIT(last);
    auto found = store.search(text);
    AWAIT(found);
    QCOMPARE(operationNames(found.result()), expected);

    auto limited = store.search(QString(), 2);
    AWAIT(limited);
    QCOMPARE(operationNames(limited.result()), (QStringList{u"Gamma"_s, u"Beta"_s}));
}

void HistoryStoreTest::pruneBound()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(u"prune.sqlite"_s));
    QCOMPARE(store.maxEntries(), 1000);
    store.setMaxEntries(5);
    QCOMPARE(store.maxEntries(), 5);
    QSignalSpy pruned(&store, &HistoryStore::pruned);
    QFuture<HistoryEntry> last;
    for (int i = 0; i < 8; ++i)
        last = store.record(makeEntry(u"Run%1"_s.arg(i), i * 1000));
    AWAIT(last);
    auto count = store.count();
    AWAIT(count);
    QCOMPARE(count.result(), 5);
    auto all = store.search(QString());
    AWAIT(all);
    QCOMPARE(operationNames(all.result()), (QStringList{u"Run7"_s, u"Run6"_s, u"Run5"_s, u"Run4"_s, u"Run3"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(pruned.size(), 3, 5000);

    // Lowering the bound prunes at once.
    store.setMaxEntries(2);
    QTRY_COMPARE_WITH_TIMEOUT(pruned.size(), 4, 5000);
    QCOMPARE(pruned.last().first().toInt(), 3);
    count = store.count();
    AWAIT(count);
    QCOMPARE(count.result(), 2);
    store.setMaxEntries(0); // at least one run is kept
    QCOMPARE(store.maxEntries(), 1);
}

void HistoryStoreTest::removeAndClear()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(u"remove.sqlite"_s));
    QSignalSpy removed(&store, &HistoryStore::removed);
    QSignalSpy cleared(&store, &HistoryStore::cleared);
    auto first = store.record(makeEntry(u"One"_s, 0));
    auto second = store.record(makeEntry(u"Two"_s, 1));
    AWAIT(second);
    AWAIT(first);
    auto done = store.remove(first.result().id);
    AWAIT(done);
    QVERIFY(done.result());
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 5000);
    QCOMPARE(removed.first().first().toLongLong(), first.result().id);
    auto again = store.remove(first.result().id);
    AWAIT(again);
    QVERIFY(!again.result());
    auto all = store.search(QString());
    AWAIT(all);
    QCOMPARE(operationNames(all.result()), QStringList{u"Two"_s});

    auto wiped = store.clear();
    AWAIT(wiped);
    QVERIFY(wiped.result());
    QTRY_COMPARE_WITH_TIMEOUT(cleared.size(), 1, 5000);
    auto count = store.count();
    AWAIT(count);
    QCOMPARE(count.result(), 0);
}

void HistoryStoreTest::redactsVariables_data()
{
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("expected");
    const QString m = u"\"••••••\""_s;
    QTest::newRow("plain values kept byte for byte")
        << u"{ \"b\": 12345678901234567890,\n  \"a\": [1, 2.5e3, true, null] }"_s
        << u"{ \"b\": 12345678901234567890,\n  \"a\": [1, 2.5e3, true, null] }"_s;
    QTest::newRow("top level token") << u"{\"token\": \"abc\", \"n\": 1}"_s << u"{\"token\": "_s + m + u", \"n\": 1}"_s;
    QTest::newRow("nested in arrays and objects")
        << u"{\"input\": [{\"user\": \"ann\", \"password\": \"pw\"}], \"x\": {\"apiKey\": 42}}"_s
        << u"{\"input\": [{\"user\": \"ann\", \"password\": "_s + m + u"}], \"x\": {\"apiKey\": "_s + m + u"}}"_s;
    QTest::newRow("whole object under a credential name")
        << u"{\"credentials\": {\"user\": \"u\", \"key\": \"k\"}}"_s << u"{\"credentials\": "_s + m + u"}"_s;
    QTest::newRow("spellings")
        << u"{\"client_secret\":\"s\",\"X-Api-Key\":\"k\",\"refreshToken\":\"r\",\"auth\":\"a\"}"_s
        << u"{\"client_secret\":"_s + m + u",\"X-Api-Key\":"_s + m + u",\"refreshToken\":"_s + m + u",\"auth\":"_s + m
               + u'}';
    QTest::newRow("escaped key") << u"{\"pass\\u0077ord\": \"pw\"}"_s << u"{\"pass\\u0077ord\": "_s + m + u'}';
    QTest::newRow("author is not a credential") << u"{\"author\": \"ann\"}"_s << u"{\"author\": \"ann\"}"_s;
    QTest::newRow("empty stays empty") << QString() << QString();
    QTest::newRow("not JSON: masked whole") << u"{\"token\": abc"_s << u"••••••"_s;
    QTest::newRow("environment references kept as typed")
        << u"{\"first\": {{limit}}, \"where\": \"in {{region}}\", \"again\": {{limit}}}"_s
        << u"{\"first\": {{limit}}, \"where\": \"in {{region}}\", \"again\": {{limit}}}"_s;
    QTest::newRow("a reference under a credential name is masked too")
        << u"{\"token\": \"{{token}}\", \"n\": {{n}}}"_s << u"{\"token\": "_s + m + u", \"n\": {{n}}}"_s;
}

void HistoryStoreTest::redactsVariables()
{
    QFETCH(QString, variables);
    QFETCH(QString, expected);
    QCOMPARE(HistoryRedaction::redactedVariables(variables), expected);
}

void HistoryStoreTest::secretVariablesBecomeReferences_data()
{
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain values kept") << u"{\"n\": 1, \"author\": \"ann\"}"_s << u"{\"n\": 1, \"author\": \"ann\"}"_s;
    QTest::newRow("top level token")
        << u"{\"token\": \"abc-secret\", \"n\": 1}"_s << u"{\"token\": \"{{token}}\", \"n\": 1}"_s;
    QTest::newRow("nested, key made a name")
        << u"{\"input\": {\"api-key\": 42, \"user\": \"u\"}}"_s << u"{\"input\": {\"api-key\": \"{{apiKey}}\", \"user\": \"u\"}}"_s;
    QTest::newRow("a reference stays as typed")
        << u"{\"token\": \"{{myToken}}\", \"first\": {{limit}}}"_s << u"{\"token\": \"{{myToken}}\", \"first\": {{limit}}}"_s;
    QTest::newRow("not JSON: unchanged") << u"{\"token\": abc"_s << u"{\"token\": abc"_s;
}

void HistoryStoreTest::secretVariablesBecomeReferences()
{
    QFETCH(QString, variables);
    QFETCH(QString, expected);
    QCOMPARE(HistoryRedaction::variablesWithSecretsAsReferences(variables), expected);
}

void HistoryStoreTest::redactsUrlDocumentAndHeaders()
{
    const QString url =
        HistoryRedaction::redactedUrl(u"https://ann:hunter2@example.com:8443/graphql?access_token=T0K&x=1"_s);
    QVERIFY(!url.contains(u"hunter2"_s));
    QVERIFY(!url.contains(u"ann"_s));
    QVERIFY(!url.contains(u"T0K"_s));
    QVERIFY(url.startsWith(u"https://example.com:8443/graphql?"_s));
    QVERIFY(url.contains(u"x=1"_s));

    QCOMPARE(
        HistoryRedaction::redactedDocument(
            u"mutation { login(user: \"ann\", password: \"hunter2\") { token: id } apiKey: key(secret: 42) }"_s),
        u"mutation { login(user: \"ann\", password: \"••••••\") { token: id } apiKey: key(secret: \"••••••\") }"_s);
    QCOMPARE(HistoryRedaction::redactedDocument(u"{ f(token: \"\"\"a\nb\"\"\") }"_s), u"{ f(token: \"••••••\") }"_s);

    QCOMPARE(HistoryRedaction::redactedHeaders(u"Authorization: Bearer x\nX-Trace: 1\nX-Api-Key: k"_s),
             u"X-Trace: 1"_s);
}

void HistoryStoreTest::secretsNeverReachTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"secrets.sqlite"_s);
    const QStringList secrets = {u"Zq9urlpass"_s, u"Zq9querytok"_s, u"Zq9vartoken"_s,
                                 u"Zq9deeppw"_s,  u"Zq9docpw"_s,    u"Zq9header"_s};
    {
        HistoryStore store(path);
        HistoryEntry entry = makeEntry(u"Login"_s, 0);
        entry.endpointUrl = u"http://ann:Zq9urlpass@127.0.0.1:8080/graphql?token=Zq9querytok"_s;
        entry.variables = u"{\"token\": \"Zq9vartoken\", \"input\": {\"list\": [{\"password\": \"Zq9deeppw\"}]}}"_s;
        entry.document = u"mutation Login { login(password: \"Zq9docpw\") { ok } }"_s;
        entry.headers = u"Authorization: Bearer Zq9header\nX-Trace: kept"_s;
        auto future = store.record(entry);
        AWAIT(future);
        const HistoryEntry stored = future.result();
        QVERIFY(stored.id > 0);
        for (const QString &secret : secrets) {
            QVERIFY2(!stored.endpointUrl.contains(secret), qPrintable(secret));
            QVERIFY2(!stored.variables.contains(secret), qPrintable(secret));
            QVERIFY2(!stored.document.contains(secret), qPrintable(secret));
            QVERIFY2(!stored.headers.contains(secret), qPrintable(secret));
        }
        QCOMPARE(stored.headers, u"X-Trace: kept"_s);
        // Bytes on disk while the store is open: the main file and its WAL.
        const QByteArray bytes = readAll(path) + readAll(path + u"-wal"_s) + readAll(path + u"-shm"_s);
        QVERIFY(bytes.contains("X-Trace: kept") || bytes.contains("Login"));
        for (const QString &secret : secrets)
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
    }
    // And after closing (the WAL is checkpointed into the file).
    const QByteArray bytes = readAll(path) + readAll(path + u"-wal"_s);
    QVERIFY(bytes.contains("mutation Login"));
    for (const QString &secret : secrets)
        QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
}

void HistoryStoreTest::corruptFileIsMovedAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_s);
    QByteArray garbage;
    for (int i = 0; i < 512; ++i)
        garbage += "this is not an SQLite database ";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    HistoryStore store(path);
    QSignalSpy errors(&store, &HistoryStore::errorOccurred);
    QVERIFY(errors.wait(10000));
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains(u"corrupt-"_s), qPrintable(message));
    QVERIFY(store.isAvailable());

    const QStringList moved = QDir(dir.path()).entryList({u"history.sqlite.corrupt-*"_s}, QDir::Files);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(readAll(dir.filePath(moved.first())), garbage);

    auto recorded = store.record(makeEntry(u"AfterRecovery"_s, 0));
    AWAIT(recorded);
    QVERIFY(recorded.result().id > 0);
    auto all = store.search(QString());
    AWAIT(all);
    QCOMPARE(operationNames(all.result()), QStringList{u"AfterRecovery"_s});
}

void HistoryStoreTest::unopenablePathKeepsWorking()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_s);
    QVERIFY(QDir().mkpath(path)); // a directory where the file should be
    HistoryStore store(path);
    QSignalSpy errors(&store, &HistoryStore::errorOccurred);
    QVERIFY(errors.wait(10000));
    QVERIFY(errors.first().first().toString().contains(u"history is off"_s));
    QVERIFY(!store.isAvailable());
    QSignalSpy recordedSpy(&store, &HistoryStore::recorded);
    auto recorded = store.record(makeEntry(u"Lost"_s, 0));
    AWAIT(recorded);
    QCOMPARE(recorded.result().id, 0);
    auto all = store.search(QString());
    AWAIT(all);
    QVERIFY(all.result().isEmpty());
    QCOMPARE(recordedSpy.size(), 0);
    QVERIFY(QFileInfo(path).isDir()); // nothing was moved or deleted
}

void HistoryStoreTest::sqlRunsOnTheWorkerThread()
{
    QTemporaryDir dir;
    QString name;
    {
        HistoryStore store(dir.filePath(u"thread.sqlite"_s));
        name = store.connectionName();
        QVERIFY(store.workerThread() != QThread::currentThread());
        QVERIFY(store.workerThread()->isRunning());
        auto recorded = store.record(makeEntry(u"Threaded"_s, 0));
        AWAIT(recorded);
        QVERIFY(QSqlDatabase::contains(name));
        // The connection belongs to the worker: this thread cannot even get a handle to it.
        QTest::ignoreMessage(
            QtWarningMsg, "QSqlDatabasePrivate::database: requested database does not belong to the calling thread.");
        QVERIFY(!QSqlDatabase::database(name, false).isValid());
    }
    QVERIFY(!QSqlDatabase::contains(name)); // closed and removed on the worker when the store goes
    QVERIFY(QSqlDatabase::connectionNames().isEmpty());
}

void HistoryStoreTest::survivesReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"reopen.sqlite"_s);
    qint64 id = 0;
    {
        HistoryStore store(path);
        auto recorded = store.record(makeEntry(u"Kept"_s, 0));
        AWAIT(recorded);
        id = recorded.result().id;
        QVERIFY(id > 0);
    }
    HistoryStore store(path);
    QSignalSpy errors(&store, &HistoryStore::errorOccurred);
    auto read = store.entry(id);
    AWAIT(read);
    QCOMPARE(read.result().operationName, u"Kept"_s);
    QCOMPARE(errors.size(), 0);
    QVERIFY(QDir(dir.path()).entryList({u"*.corrupt-*"_s}).isEmpty());
}

QTEST_GUILESS_MAIN(HistoryStoreTest)
#include "historystore_test.moc"
