// SPDX-License-Identifier: MIT
// Sextant: Store::WorkspaceStore — tab files and index round trip, secrets stripped, nothing lost on odd disks.
#include <store/workspacestore.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class WorkspaceStoreTest final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsTabsInOrder();
    void dropsCredentialHeadersAndUrlPasswords();
    void keepsTabsTheIndexDoesNotList();
    void setsACorruptTabFileAside();
    void removeTabDeletesOnlyThatTab();
    void missingDirectoryIsAnEmptyWorkspace();
    void rejectsUnsafeIds();
    void newTabIdsAreUniqueAndSafe();

private:
    static Store::TabState tab(const QString &id, const QString &query)
    {
        Store::TabState state;
        state.id = id;
        state.query = query;
        state.endpointKind = 2;
        state.url = u"http://127.0.0.1:4000/graphql"_s;
        state.variables = u"{\"n\": 1}"_s;
        state.headers = u"X-Trace: on"_s;
        state.resultSummary = u"200 · 12 ms · 1.2 KB"_s;
        return state;
    }
};

void WorkspaceStoreTest::roundTripsTabsInOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Store::TabState first = tab(u"t-1"_s, u"query A { a }"_s);
    Store::TabState second = tab(u"t-2"_s, u"query B { b }\n# ünïcode ✓"_s);
    second.title = u"Mine"_s;
    second.customTitle = true;
    second.collectionPath = u"/tmp/collections/B.graphql"_s;
    QString error;
    QVERIFY2(Store::WorkspaceStore::saveTab(dir.path(), first, &error), qPrintable(error));
    QVERIFY2(Store::WorkspaceStore::saveTab(dir.path(), second, &error), qPrintable(error));
    QVERIFY2(Store::WorkspaceStore::saveIndex(dir.path(), {u"t-2"_s, u"t-1"_s}, u"t-1"_s, &error), qPrintable(error));

    const Store::WorkspaceState loaded = Store::WorkspaceStore::load(dir.path(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(loaded.tabs.size(), 2);
    QCOMPARE(loaded.tabs[0], second);
    QCOMPARE(loaded.tabs[1], first);
    QCOMPARE(loaded.currentId, u"t-1"_s);
}

void WorkspaceStoreTest::dropsCredentialHeadersAndUrlPasswords()
{
    QTemporaryDir dir;
    Store::TabState state = tab(u"t-s"_s, u"{ a }"_s);
    state.headers = u"Authorization: Bearer s3cr3t-value\nX-Api-Key: s3cr3t-value\nX-Trace: on"_s;
    state.url = u"http://user:s3cr3t-value@127.0.0.1:4000/graphql"_s;
    QVERIFY(Store::WorkspaceStore::saveTab(dir.path(), state, nullptr));
    QFile file(QDir(dir.path()).filePath(u"tab-t-s.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("s3cr3t-value"));
    QString error;
    const Store::WorkspaceState loaded = Store::WorkspaceStore::load(dir.path(), &error);
    QCOMPARE(loaded.tabs.value(0).headers, u"X-Trace: on"_s);
    QCOMPARE(loaded.tabs.value(0).url, u"http://user@127.0.0.1:4000/graphql"_s);
}

void WorkspaceStoreTest::keepsTabsTheIndexDoesNotList()
{
    // A crash after a new tab's file was written but before the index was: the tab still comes back.
    QTemporaryDir dir;
    QVERIFY(Store::WorkspaceStore::saveTab(dir.path(), tab(u"t-a"_s, u"{ a }"_s), nullptr));
    QVERIFY(Store::WorkspaceStore::saveIndex(dir.path(), {u"t-a"_s, u"t-gone"_s}, u"t-gone"_s, nullptr));
    QVERIFY(Store::WorkspaceStore::saveTab(dir.path(), tab(u"t-b"_s, u"{ b }"_s), nullptr));
    QString error;
    const Store::WorkspaceState loaded = Store::WorkspaceStore::load(dir.path(), &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(loaded.tabs.size(), 2);
    QCOMPARE(loaded.tabs[0].id, u"t-a"_s);
    QCOMPARE(loaded.tabs[1].id, u"t-b"_s);
    QCOMPARE(loaded.currentId, u"t-a"_s); // the listed current tab is gone: the first one is in front
}

void WorkspaceStoreTest::setsACorruptTabFileAside()
{
    QTemporaryDir dir;
    QVERIFY(Store::WorkspaceStore::saveTab(dir.path(), tab(u"t-ok"_s, u"{ ok }"_s), nullptr));
    QFile corrupt(QDir(dir.path()).filePath(u"tab-t-bad.json"_s));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write("{\"version\":1,\"query\":\"trunc");
    corrupt.close();
    QString error;
    const Store::WorkspaceState loaded = Store::WorkspaceStore::load(dir.path(), &error);
    QCOMPARE(loaded.tabs.size(), 1);
    QCOMPARE(loaded.tabs[0].id, u"t-ok"_s);
    QVERIFY(error.contains(u"tab-t-bad.json"_s));
    QVERIFY(QFile::exists(QDir(dir.path()).filePath(u"tab-t-bad.json.corrupt"_s))); // kept for the user
    QVERIFY(!QFile::exists(corrupt.fileName()));
}

void WorkspaceStoreTest::removeTabDeletesOnlyThatTab()
{
    QTemporaryDir dir;
    QVERIFY(Store::WorkspaceStore::saveTab(dir.path(), tab(u"t-1"_s, u"{ a }"_s), nullptr));
    QVERIFY(Store::WorkspaceStore::saveTab(dir.path(), tab(u"t-2"_s, u"{ b }"_s), nullptr));
    QVERIFY(Store::WorkspaceStore::removeTab(dir.path(), u"t-1"_s, nullptr));
    QVERIFY(Store::WorkspaceStore::removeTab(dir.path(), u"t-never"_s, nullptr));
    QString error;
    const Store::WorkspaceState loaded = Store::WorkspaceStore::load(dir.path(), &error);
    QCOMPARE(loaded.tabs.size(), 1);
    QCOMPARE(loaded.tabs[0].id, u"t-2"_s);
}

void WorkspaceStoreTest::missingDirectoryIsAnEmptyWorkspace()
{
    QTemporaryDir dir;
    QString error = u"stale"_s;
    const Store::WorkspaceState loaded =
        Store::WorkspaceStore::load(QDir(dir.path()).filePath(u"does-not-exist"_s), &error);
    QVERIFY(loaded.tabs.isEmpty());
    QVERIFY(error.isEmpty());
}

void WorkspaceStoreTest::rejectsUnsafeIds()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!Store::WorkspaceStore::saveTab(dir.path(), tab(u"../escape"_s, u"{ a }"_s), &error));
    QVERIFY(error.contains(u"invalid tab id"_s));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void WorkspaceStoreTest::newTabIdsAreUniqueAndSafe()
{
    QSet<QString> ids;
    QTemporaryDir dir;
    for (int i = 0; i < 200; ++i) {
        const QString id = Store::WorkspaceStore::newTabId();
        QVERIFY(!ids.contains(id));
        ids.insert(id);
    }
    QVERIFY(Store::WorkspaceStore::saveTab(dir.path(), tab(*ids.begin(), u"{ a }"_s), nullptr));
}

QTEST_GUILESS_MAIN(WorkspaceStoreTest)
#include "workspacestore_test.moc"
