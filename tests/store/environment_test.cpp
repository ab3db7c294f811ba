// SPDX-License-Identifier: MIT
// Sextant: the environments file round trip; a secret value never reaches the file.
#include <store/environmentstore.h>

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class EnvironmentTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void secretValueNeverInFile();
    void badFiles_data();
    void badFiles();
    void missingFileIsEmpty();
    void secretKeysSurviveRename();
    void defaultPathInTestMode();

private:
    static Store::EnvironmentStore::State sample();
    QTemporaryDir m_dir;
};

namespace {
// A value that cannot appear in the file by chance; the tests never print it.
const QString SecretValue = u"s3cr3t-VALUE-\u00e9-9f2c41"_s;
} // namespace

void EnvironmentTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

Store::EnvironmentStore::State EnvironmentTest::sample()
{
    Store::Environment local = Store::Environment::create(u"Local"_s);
    local.variables = {{u"baseUrl"_s, u"http://127.0.0.1:3000"_s, false}, {u"token"_s, SecretValue, true}};
    Store::Environment staging = Store::Environment::create(u"Staging \u2603"_s);
    staging.variables = {{u"baseUrl"_s, u"https://staging.example"_s, false}, {u"empty"_s, QString(), false}};
    Store::EnvironmentStore::State state;
    state.environments = {local, staging};
    state.activeId = staging.id;
    return state;
}

void EnvironmentTest::roundTrip()
{
    const QString path = m_dir.filePath(u"sub/environments.json"_s);
    Store::EnvironmentStore::State state = sample();
    QString error;
    QVERIFY2(Store::EnvironmentStore::save(path, state, &error), qPrintable(error));
    const Store::EnvironmentStore::State loaded = Store::EnvironmentStore::load(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Everything comes back except the secret's value, which is the keychain's business.
    state.environments[0].variables[1].value.clear();
    QVERIFY(loaded == state);
    QCOMPARE(loaded.active()->name, u"Staging \u2603"_s);
    QVERIFY(loaded.environments[0].variables[1].isSecret);
    QCOMPARE(loaded.environments[1].values().value(u"baseUrl"_s), u"https://staging.example"_s);
}

void EnvironmentTest::secretValueNeverInFile()
{
    const QString path = m_dir.filePath(u"secret.json"_s);
    const Store::EnvironmentStore::State state = sample();
    QString error;
    QVERIFY(Store::EnvironmentStore::save(path, state, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.isEmpty());
    QVERIFY2(!bytes.contains(SecretValue.toUtf8()), "the secret value reached the file");
    QVERIFY(!bytes.contains("s3cr3t"));
    QVERIFY(bytes.contains("\"secret\": true")); // the marker
    QVERIFY(bytes.contains("\"name\": \"token\""));
    QVERIFY(Store::EnvironmentStore::serialize(state) == bytes);
}

void EnvironmentTest::badFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorContains");
    QTest::addColumn<int>("environments");
    QTest::newRow("not json") << QByteArray("{nope") << u"invalid JSON"_s << 0;
    QTest::newRow("newer version") << QByteArray(R"({"version": 99, "environments": []})") << u"newer Sextant"_s << 0;
    QTest::newRow("entries cleaned") << QByteArray(R"({"version":1,"active":"gone","environments":[
             {"id":"a","name":"A","variables":[{"name":"ok","value":"1"},{"name":"bad name","value":"2"}]},
             {"id":"a","name":"duplicate id"},
             {"name":""},
             {"name":"No id"}]})") << QString()
                                     << 2;
}

void EnvironmentTest::badFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorContains);
    QFETCH(int, environments);
    const QString path = m_dir.filePath(u"bad.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    QString error;
    const Store::EnvironmentStore::State state = Store::EnvironmentStore::load(path, &error);
    QCOMPARE(int(state.environments.size()), environments);
    QVERIFY(state.activeId.isEmpty());
    if (errorContains.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(state.environments[0].variables.size(), 1);
        QCOMPARE(state.environments[1].name, u"No id"_s);
        QVERIFY(!state.environments[1].id.isEmpty());
    } else {
        QVERIFY2(error.contains(errorContains) && error.startsWith(path), qPrintable(error));
    }
}

void EnvironmentTest::missingFileIsEmpty()
{
    QString error = u"stale"_s;
    const auto state = Store::EnvironmentStore::load(m_dir.filePath(u"none.json"_s), &error);
    QVERIFY(error.isEmpty());
    QVERIFY(state.environments.isEmpty());
}

void EnvironmentTest::secretKeysSurviveRename()
{
    Store::Environment environment = Store::Environment::create(u"A"_s);
    const QString key = environment.secretKey(u"token"_s);
    environment.name = u"B"_s;
    QCOMPARE(environment.secretKey(u"token"_s), key);
    QCOMPARE(key, u"environment/"_s + environment.id + u"/token"_s);
    QVERIFY(Store::Environment::create(u"A"_s).id != environment.id);
}

void EnvironmentTest::defaultPathInTestMode()
{
    QVERIFY(Store::EnvironmentStore::defaultPath().endsWith(u"/environments.json"_s));
    QVERIFY(Store::EnvironmentStore::defaultPath().contains(u"qttest"_s)); // never the real ~/.local/share
}

QTEST_GUILESS_MAIN(EnvironmentTest)
#include "environment_test.moc"
