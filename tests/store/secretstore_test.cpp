// SPDX-License-Identifier: MIT
// Sextant: SecretStore: ordered operations, and the session-only store with its notice where no keychain runs.
#include <store/secretstore.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class SecretStoreTest final : public QObject
{
    Q_OBJECT

private slots:
    void fallsBackToSessionOnlyWithNotice();
    void sessionOnlyKeepsOrderAndValues();
    void callbacksAreNeverSynchronous();
    void droppedWhenContextIsGone();
    void keys();

private:
    static QString testService();
};

namespace {
const QString SecretValue = u"pa55-\u00e9-\"quoted\"-7c1d"_s; // never printed
constexpr int WaitMs = 30000; // the keychain probe gives up after 20 s; normally it fails at once without D-Bus
} // namespace

QString SecretStoreTest::testService()
{
    return u"dev.sextant.Sextant.test-"_s + QString::number(QCoreApplication::applicationPid());
}

void SecretStoreTest::fallsBackToSessionOnlyWithNotice()
{
    Store::SecretStore store(testService(), 20000);
    QSignalSpy notices(&store, &Store::SecretStore::sessionOnlyStarted);
    QCOMPARE(store.backend(), Store::SecretStore::Backend::Unknown);

    bool written = false;
    bool writeOk = false;
    store.writeSecret(u"environment/e1/token"_s, SecretValue, this, [&](bool ok, const QString &) {
        written = true;
        writeOk = ok;
    });
    QTRY_VERIFY_WITH_TIMEOUT(written, WaitMs);
    if (store.backend() == Store::SecretStore::Backend::Keychain) {
        store.removeSecret(u"environment/e1/token"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!store.isBusy(), WaitMs);
        QSKIP("a system keychain answered on this machine: the fallback is not reachable");
    }
    QVERIFY(writeOk); // kept for the session
    QVERIFY(store.isSessionOnly());
    QCOMPARE(notices.size(), 1);
    const QString notice = notices.first().first().toString();
    QCOMPARE(notice, store.notice());
    QVERIFY2(notice.contains(u"No system keychain"_s) && notice.contains(u"for this session only"_s),
             qPrintable(notice));
    QVERIFY(!notice.contains(SecretValue));

    Store::SecretStore::ReadResult read;
    bool readDone = false;
    store.readSecret(u"environment/e1/token"_s, this, [&](const Store::SecretStore::ReadResult &result) {
        read = result;
        readDone = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(readDone, 5000);
    QVERIFY(read.found);
    QVERIFY(read.error.isEmpty());
    QVERIFY2(read.value == SecretValue, "the session store returned another value");

    // Later operations stay in memory; the notice is not repeated.
    store.writeSecret(u"other"_s, u"x"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!store.isBusy(), 5000);
    QCOMPARE(notices.size(), 1);
}

void SecretStoreTest::sessionOnlyKeepsOrderAndValues()
{
    Store::SecretStore store(testService(), 20000);
    QSignalSpy notices(&store, &Store::SecretStore::sessionOnlyStarted);
    store.useSessionOnly(u"chosen by the test"_s);
    QCOMPARE(notices.size(), 1);
    QVERIFY(store.notice().contains(u"chosen by the test"_s));
    store.useSessionOnly(u"again"_s);
    QCOMPARE(notices.size(), 1);

    // Asked in one go: each read sees exactly the writes and removals asked before it.
    QStringList events;
    const QString key = Store::SecretStore::tabHeadersKey(u"tab-1"_s);
    const auto record = [&](const QString &label) {
        return [&events, label](const Store::SecretStore::ReadResult &result) {
            events << label + (result.found ? (result.value == SecretValue ? u":secret"_s : u":other"_s) : u":none"_s);
        };
    };
    store.readSecret(key, this, record(u"r1"_s));
    store.writeSecret(key, SecretValue, this,
                      [&](bool ok, const QString &) { events << (ok ? u"w:ok"_s : u"w:fail"_s); });
    store.readSecret(key, this, record(u"r2"_s));
    store.writeSecret(key, u"replaced"_s);
    store.readSecret(key, this, record(u"r3"_s));
    store.removeSecret(key, this, [&](bool ok, const QString &) { events << (ok ? u"d:ok"_s : u"d:fail"_s); });
    store.readSecret(key, this, record(u"r4"_s));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 6, 5000);
    QCOMPARE(events, (QStringList{u"r1:none"_s, u"w:ok"_s, u"r2:secret"_s, u"r3:other"_s, u"d:ok"_s, u"r4:none"_s}));
    QVERIFY(!store.isBusy());
}

void SecretStoreTest::callbacksAreNeverSynchronous()
{
    Store::SecretStore store(testService(), 20000);
    store.useSessionOnly(u"test"_s);
    bool called = false;
    store.writeSecret(u"k"_s, u"v"_s, this, [&](bool, const QString &) { called = true; });
    QVERIFY(!called);
    QVERIFY(store.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
}

void SecretStoreTest::droppedWhenContextIsGone()
{
    Store::SecretStore store(testService(), 20000);
    store.useSessionOnly(u"test"_s);
    bool called = false;
    bool otherCalled = false;
    auto *context = new QObject;
    store.readSecret(u"k"_s, context, [&](const Store::SecretStore::ReadResult &) { called = true; });
    store.readSecret(u"k"_s, this, [&](const Store::SecretStore::ReadResult &) { otherCalled = true; });
    delete context;
    QTRY_VERIFY_WITH_TIMEOUT(otherCalled, 5000);
    QVERIFY(!called);
}

void SecretStoreTest::keys()
{
    QCOMPARE(Store::SecretStore::defaultService(), u"dev.sextant.Sextant"_s);
    QCOMPARE(Store::SecretStore::tabHeadersKey(u"7f"_s), u"tab/7f/headers"_s);
}

QTEST_GUILESS_MAIN(SecretStoreTest)
#include "secretstore_test.moc"
