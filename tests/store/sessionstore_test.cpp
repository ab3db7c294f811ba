// SPDX-License-Identifier: MIT
// Sextant: SessionStore — round trip, atomic replacement, bad files, and no credentials written.
#include <store/sessionstore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Store::SessionStore;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

SessionStore::SessionState sampleState()
{
    SessionStore::SessionState state;
    state.endpointKind = 1;
    state.url = u"http://127.0.0.1:41234/query"_s;
    state.query = u"query Q($n: Int) {\n  container { from(address: \"alpine\") { id } }\n}\n# “unicode” ✓"_s;
    state.variables = u"{\"n\": 12345678901234567890}"_s;
    state.headers = u"# staging\nX-Trace: on"_s;
    return state;
}

} // namespace

class SessionStoreTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void missingFileIsNoError();
    void badFiles_data();
    void badFiles();
    void createsParentDirectories();
    void replacesAtomically();
    void failedSaveKeepsOldFile();
    void neverWritesCredentials();
    void defaultPath();
};

void SessionStoreTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void SessionStoreTest::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"session.json"_s);
    QString error = u"stale"_s;
    QVERIFY(SessionStore::save(path, sampleState(), &error));
    QVERIFY(error.isEmpty());
    const SessionStore::SessionState loaded = SessionStore::load(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(loaded, sampleState());
    QVERIFY(readAll(path).contains("\"version\": 1"));
}

void SessionStoreTest::missingFileIsNoError()
{
    QTemporaryDir dir;
    QString error = u"stale"_s;
    const auto state = SessionStore::load(dir.filePath(u"nope.json"_s), &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(state, SessionStore::SessionState());
}

void SessionStoreTest::badFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("not JSON") << QByteArray("{\"url\": ") << u"not a valid session file"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << u"expected a JSON object"_s;
    QTest::newRow("newer format") << QByteArray(R"({"version": 7, "url": "x"})") << u"newer Sextant (format 7)"_s;
    QTest::newRow("empty file") << QByteArray() << u"not a valid session file"_s;
}

void SessionStoreTest::badFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedError);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"session.json"_s);
    QVERIFY(writeAll(path, content));
    QString error;
    const auto state = SessionStore::load(path, &error);
    QVERIFY2(error.startsWith(path + u": "_s), qPrintable(error));
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QCOMPARE(state, SessionStore::SessionState());
}

void SessionStoreTest::createsParentDirectories()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a/b/session.json"_s);
    QString error;
    QVERIFY2(SessionStore::save(path, sampleState(), &error), qPrintable(error));
    QCOMPARE(SessionStore::load(path, &error), sampleState());
}

void SessionStoreTest::replacesAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"session.json"_s);
    // A big old file replaced by a small new state: nothing of the old bytes may remain, and no temporary file
    // is left next to it.
    SessionStore::SessionState big = sampleState();
    big.query = QString(200000, u'x');
    QString error;
    QVERIFY(SessionStore::save(path, big, &error));
    const qint64 bigSize = QFileInfo(path).size();
    QVERIFY(SessionStore::save(path, sampleState(), &error));
    QVERIFY(QFileInfo(path).size() < bigSize / 10);
    QCOMPARE(SessionStore::load(path, &error), sampleState());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList{u"session.json"_s});
}

void SessionStoreTest::failedSaveKeepsOldFile()
{
    QTemporaryDir dir;
    QString error;
    // Target is a directory: the save must fail with a message and create nothing.
    const QString dirPath = dir.filePath(u"occupied"_s);
    QVERIFY(QDir().mkdir(dirPath));
    QVERIFY(!SessionStore::save(dirPath, sampleState(), &error));
    QVERIFY2(error.startsWith(dirPath + u": "_s), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList());

    // Parent path is a file: the directory cannot be created, the existing file stays as it was.
    const QString blocker = dir.filePath(u"blocker"_s);
    QVERIFY(writeAll(blocker, "previous content"));
    QVERIFY(!SessionStore::save(blocker + u"/session.json"_s, sampleState(), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(blocker), QByteArray("previous content"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList{u"blocker"_s});
}

void SessionStoreTest::neverWritesCredentials()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"session.json"_s);
    SessionStore::SessionState state = sampleState();
    state.url = u"https://alice:hunter2-password@example.com/graphql"_s;
    state.headers = u"Authorization: Basic dG9rZW4tc2VjcmV0Og==\n"
                    u"X-Trace: on\n"
                    u"dagster-cloud-api-token: cloud-secret-1\n"
                    u"Cookie: session=cookie-secret-2\n"
                    u"X-Api-Key: key-secret-3\n"
                    u"# Authorization: commented-out stays\n"
                    u"Accept-Language: en\n"
                    u"X-Api-Key: {{apiKey}}\n"
                    u"Authorization: Bearer {{token}}"_s;
    QString error;
    QVERIFY(SessionStore::save(path, state, &error));
    const QByteArray written = readAll(path);
    for (const char *secret :
         {"hunter2-password", "dG9rZW4tc2VjcmV0Og==", "cloud-secret-1", "cookie-secret-2", "key-secret-3"}) {
        QVERIFY2(!written.contains(secret), secret);
    }
    const auto loaded = SessionStore::load(path, &error);
    QCOMPARE(loaded.url, u"https://alice@example.com/graphql"_s);
    // Credential headers whose value is only an environment reference hold no secret and are kept.
    QCOMPARE(loaded.headers, u"X-Trace: on\n# Authorization: commented-out stays\nAccept-Language: en\n"
                             u"X-Api-Key: {{apiKey}}\nAuthorization: Bearer {{token}}"_s);
    QVERIFY(!written.contains("token\""));
}

void SessionStoreTest::defaultPath()
{
    const QString path = SessionStore::defaultPath();
    QVERIFY(path.endsWith(u"/session.json"_s));
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
}

QTEST_GUILESS_MAIN(SessionStoreTest)
#include "sessionstore_test.moc"
