// SPDX-License-Identifier: MIT
// Sextant: the endpoint settings file: round trip, bad files load as defaults with a message, atomic writes.
#include <store/endpointsettingsstore.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;
using Store::EndpointSettings;
using Store::EndpointSettingsStore;
using Store::TrustedCertificate;

namespace {

const QString DagsterKey = u"dagster http://127.0.0.1:3000/graphql"_s;
const QString DaggerKey = u"dagger-session http://127.0.0.1:40123/query"_s;
const QString Fingerprint = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;

TrustedCertificate sampleCertificate()
{
    TrustedCertificate certificate;
    certificate.hostPort = u"Dagster.Example:443"_s;
    certificate.sha256Hex = TrustedCertificate::formatFingerprint(Fingerprint); // "9F:86:…" is accepted too
    certificate.subject = u"CN=dagster.example"_s;
    certificate.issuer = u"CN=Example Private CA"_s;
    certificate.notAfter = QDateTime(QDate(2027, 3, 1), QTime(12, 0), Qt::UTC);
    certificate.addedAt = QDateTime(QDate(2026, 11, 25), QTime(22, 40, 5), Qt::UTC);
    return certificate;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class EndpointSettingsStoreTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void defaultSettingsAreNotWritten();
    void missingFileIsEmpty();
    void corruptFileLoadsDefaultsWithMessage_data();
    void corruptFileLoadsDefaultsWithMessage();
    void badEntriesAreDropped();
    void certificatesAddReplaceRemove();
    void fingerprintFormats();
    void writesAreAtomic();
    void failedSaveIsReported();
    void defaultPathInTestMode();

private:
    QTemporaryDir m_dir;
};

void EndpointSettingsStoreTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void EndpointSettingsStoreTest::roundTrip()
{
    const QString path = m_dir.filePath(u"roundtrip/endpoint-settings.json"_s);
    EndpointSettingsStore store;
    QVERIFY(store.load(path)); // missing: fine
    QSignalSpy changed(&store, &EndpointSettingsStore::settingsChanged);
    QSignalSpy certificatesChanged(&store, &EndpointSettingsStore::trustedCertificatesChanged);

    EndpointSettings dagster;
    dagster.timeoutMs = 15000;
    dagster.useGetForQueries = true;
    dagster.subscriptionProtocolId = u"graphql-ws"_s;
    dagster.subscriptionUrl = u"ws://127.0.0.1:3000/graphql"_s;
    EndpointSettings dagger;
    dagger.timeoutMs = 0; // explicitly none (not the default: the user chose it)
    dagger.allowCrossOriginRedirects = true;
    QVERIFY2(store.setSettings(DagsterKey, dagster), qPrintable(store.lastError()));
    QVERIFY2(store.setSettings(DaggerKey, dagger), qPrintable(store.lastError()));
    QVERIFY(store.addTrustedCertificate(sampleCertificate()));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).toString(), DagsterKey);
    QCOMPARE(certificatesChanged.size(), 1);
    // Setting the same value again changes nothing and writes nothing.
    QVERIFY(store.setSettings(DagsterKey, dagster));
    QCOMPARE(changed.size(), 2);

    EndpointSettingsStore reloaded;
    QString error;
    QVERIFY(reloaded.load(path, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(reloaded.profileKeys(), QStringList({DaggerKey, DagsterKey}));
    QCOMPARE(reloaded.settings(DagsterKey), dagster);
    QCOMPARE(reloaded.settings(DaggerKey), dagger);
    QCOMPARE(reloaded.settings(DaggerKey).timeoutMs, std::optional<int>(0));
    QCOMPARE(reloaded.settings(u"http http://elsewhere/graphql"_s), EndpointSettings());
    QCOMPARE(reloaded.settings(u"http http://elsewhere/graphql"_s).timeoutMs, std::nullopt);
    QCOMPARE(reloaded.trustedCertificates().size(), 1);
    const TrustedCertificate certificate = reloaded.trustedCertificates().first();
    QCOMPARE(certificate.hostPort, u"dagster.example:443"_s);
    QCOMPARE(certificate.sha256Hex, Fingerprint);
    QCOMPARE(certificate.subject, sampleCertificate().subject);
    QCOMPARE(certificate.issuer, sampleCertificate().issuer);
    QCOMPARE(certificate.notAfter, sampleCertificate().notAfter);
    QCOMPARE(certificate.addedAt, sampleCertificate().addedAt);
    QCOMPARE(reloaded.serialize(), store.serialize());
    QCOMPARE(readAll(path), store.serialize());
}

void EndpointSettingsStoreTest::defaultSettingsAreNotWritten()
{
    const QString path = m_dir.filePath(u"defaults.json"_s);
    EndpointSettingsStore store;
    QVERIFY(store.load(path));
    EndpointSettings settings;
    settings.useGetForQueries = true;
    QVERIFY(store.setSettings(DagsterKey, settings));
    QVERIFY(readAll(path).contains(DagsterKey.toUtf8()));
    QVERIFY(store.setSettings(DagsterKey, EndpointSettings())); // back to defaults: the entry goes
    QVERIFY(store.profileKeys().isEmpty());
    QVERIFY(!readAll(path).contains(DagsterKey.toUtf8()));
    QVERIFY(!store.setSettings(u"  "_s, settings)); // no key, nothing stored
    QVERIFY(!store.lastError().isEmpty());
    QVERIFY(store.profileKeys().isEmpty());
}

void EndpointSettingsStoreTest::missingFileIsEmpty()
{
    EndpointSettingsStore store;
    QString error = u"stale"_s;
    QVERIFY(store.load(m_dir.filePath(u"none/endpoint-settings.json"_s), &error));
    QVERIFY(error.isEmpty());
    QVERIFY(store.profileKeys().isEmpty());
    QVERIFY(store.trustedCertificates().isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(u"none/endpoint-settings.json"_s))); // loading writes nothing
}

void EndpointSettingsStoreTest::corruptFileLoadsDefaultsWithMessage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated JSON") << QByteArray(R"({"version":1,"endpoints":[{"profile":)") << u"invalid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[1,2,3]") << u"expected a JSON object"_s;
    QTest::newRow("binary garbage") << QByteArray("\x00\xff\xfe garbage", 12) << u"invalid JSON"_s;
    QTest::newRow("newer version") << QByteArray(R"({"version":99,"endpoints":[]})") << u"newer Sextant"_s;
}

void EndpointSettingsStoreTest::corruptFileLoadsDefaultsWithMessage()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(u"corrupt-%1.json"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    EndpointSettingsStore store;
    QString error;
    QVERIFY(!store.load(path, &error));
    QVERIFY2(error.startsWith(path + u": "_s), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(u"defaults are used"_s), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
    QCOMPARE(store.lastError(), error);
    QVERIFY(store.profileKeys().isEmpty());
    QVERIFY(store.trustedCertificates().isEmpty());
    QCOMPARE(store.settings(DagsterKey), EndpointSettings());
    // The bad bytes are kept aside; the next change writes a good file in their place.
    QCOMPARE(readAll(path + u".corrupt"_s), bytes);
    EndpointSettings settings;
    settings.timeoutMs = 5000;
    QVERIFY(store.setSettings(DagsterKey, settings));
    EndpointSettingsStore reloaded;
    QVERIFY(reloaded.load(path));
    QCOMPARE(reloaded.settings(DagsterKey).timeoutMs, std::optional<int>(5000));
}

void EndpointSettingsStoreTest::badEntriesAreDropped()
{
    const QString path = m_dir.filePath(u"entries.json"_s);
    const QByteArray bytes = R"({"version":1,
        "endpoints":[
            {"timeoutMs":1000},
            {"profile":"http http://a/graphql","timeoutMs":-5,"useGetForQueries":true},
            {"profile":"http http://b/graphql","timeoutMs":999999999999,"subscriptionProtocol":"  GRAPHQL-WS "},
            {"profile":"http http://c/graphql","useGetForQueries":"yes","subscriptionProtocol":"future-ws"},
            {"profile":"http http://d/graphql","timeoutMs":1000},
            {"profile":"http http://d/graphql","timeoutMs":2000}
        ],
        "trustedCertificates":[
            {"hostPort":"","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
            {"hostPort":"x:443","sha256":"abc"},
            {"hostPort":"x:443","sha256":"zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
            {"hostPort":"ok:8443","sha256":"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
             "notAfter":"not a date"}
        ]})";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    EndpointSettingsStore store;
    QString error;
    QVERIFY2(store.load(path, &error), qPrintable(error));
    QCOMPARE(store.profileKeys(),
             QStringList({u"http http://b/graphql"_s, u"http http://c/graphql"_s, u"http http://d/graphql"_s}));
    QCOMPARE(store.settings(u"http http://a/graphql"_s), EndpointSettings()); // negative timeout: dropped
    QCOMPARE(store.settings(u"http http://b/graphql"_s).timeoutMs,
             std::optional<int>(EndpointSettingsStore::MaxTimeoutMs));
    QCOMPARE(store.settings(u"http http://b/graphql"_s).subscriptionProtocolId, u"graphql-ws"_s);
    QCOMPARE(store.settings(u"http http://c/graphql"_s).useGetForQueries, false); // not a boolean
    QCOMPARE(store.settings(u"http http://c/graphql"_s).subscriptionProtocolId, u"future-ws"_s); // kept
    QCOMPARE(store.settings(u"http http://d/graphql"_s).timeoutMs, std::optional<int>(2000)); // the last one wins
    QCOMPARE(store.trustedCertificates().size(), 1);
    QCOMPARE(store.trustedCertificates().first().hostPort, u"ok:8443"_s);
    QCOMPARE(store.trustedCertificates().first().sha256Hex, Fingerprint);
    QVERIFY(!store.trustedCertificates().first().notAfter.isValid());
}

void EndpointSettingsStoreTest::certificatesAddReplaceRemove()
{
    const QString path = m_dir.filePath(u"certificates.json"_s);
    EndpointSettingsStore store;
    QVERIFY(store.load(path));
    QSignalSpy changed(&store, &EndpointSettingsStore::trustedCertificatesChanged);

    TrustedCertificate bad = sampleCertificate();
    bad.sha256Hex = u"1234"_s;
    QVERIFY(!store.addTrustedCertificate(bad));
    QVERIFY(!store.lastError().isEmpty());
    bad = sampleCertificate();
    bad.hostPort = u"  "_s;
    QVERIFY(!store.addTrustedCertificate(bad));
    QCOMPARE(changed.size(), 0);

    TrustedCertificate noDate = sampleCertificate();
    noDate.addedAt = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(store.addTrustedCertificate(noDate));
    QVERIFY(store.trustedCertificates().first().addedAt >= before);
    TrustedCertificate renewed = sampleCertificate();
    renewed.subject = u"CN=dagster.example (renamed)"_s;
    QVERIFY(store.addTrustedCertificate(renewed)); // same host and fingerprint: replaced, not duplicated
    QCOMPARE(store.trustedCertificates().size(), 1);
    QCOMPARE(store.trustedCertificates().first().subject, renewed.subject);
    TrustedCertificate other = sampleCertificate();
    other.hostPort = u"other.example:443"_s;
    QVERIFY(store.addTrustedCertificate(other));
    QCOMPARE(store.trustedCertificates().size(), 2);
    QCOMPARE(changed.size(), 3);

    QVERIFY(!store.removeTrustedCertificate(u"unknown:443"_s, Fingerprint));
    QVERIFY(store.removeTrustedCertificate(u"DAGSTER.example:443"_s, TrustedCertificate::formatFingerprint(Fingerprint)));
    QCOMPARE(store.trustedCertificates().size(), 1);
    QCOMPARE(changed.size(), 4);
    EndpointSettingsStore reloaded;
    QVERIFY(reloaded.load(path));
    QCOMPARE(reloaded.trustedCertificates().size(), 1);
    QCOMPARE(reloaded.trustedCertificates().first().hostPort, u"other.example:443"_s);

    // Mirroring a whole list (Net::CertificateTrust::entries()) drops invalid ones.
    TrustedCertificate invalid = sampleCertificate();
    invalid.sha256Hex.clear();
    QVERIFY(store.setTrustedCertificates({sampleCertificate(), invalid}));
    QCOMPARE(store.trustedCertificates().size(), 1);
    QCOMPARE(store.trustedCertificates().first().hostPort, u"dagster.example:443"_s);
    QVERIFY(store.setTrustedCertificates({}));
    QVERIFY(store.trustedCertificates().isEmpty());
    QVERIFY(reloaded.load(path));
    QVERIFY(reloaded.trustedCertificates().isEmpty());
}

void EndpointSettingsStoreTest::fingerprintFormats()
{
    QCOMPARE(TrustedCertificate::normalizeFingerprint(Fingerprint.toUpper()), Fingerprint);
    QCOMPARE(TrustedCertificate::normalizeFingerprint(TrustedCertificate::formatFingerprint(Fingerprint)), Fingerprint);
    const QString formatted = TrustedCertificate::formatFingerprint(Fingerprint);
    QCOMPARE(formatted.size(), 64 + 31);
    QVERIFY(formatted.startsWith(u"9F:86:D0:81"_s));
    QCOMPARE(TrustedCertificate::normalizeFingerprint(Fingerprint.left(62)), QString());
    QCOMPARE(TrustedCertificate::normalizeFingerprint(Fingerprint + u"00"_s), QString());
    QCOMPARE(TrustedCertificate::normalizeFingerprint(u"g"_s + Fingerprint.mid(1)), QString());
    QCOMPARE(TrustedCertificate::formatFingerprint(u"short"_s), u"short"_s);
}

void EndpointSettingsStoreTest::writesAreAtomic()
{
    // Every write leaves either the old or the new complete file, never a partial one nor a temporary beside it.
    const QString directory = m_dir.filePath(u"atomic"_s);
    const QString path = directory + u"/endpoint-settings.json"_s;
    EndpointSettingsStore store;
    QVERIFY(store.load(path));
    for (int i = 1; i <= 25; ++i) {
        EndpointSettings settings;
        settings.timeoutMs = i * 1000;
        QVERIFY2(store.setSettings(u"http http://host-%1/graphql"_s.arg(i), settings), qPrintable(store.lastError()));
        const QByteArray bytes = readAll(path);
        QCOMPARE(bytes, store.serialize());
        QJsonParseError parseError;
        QVERIFY(QJsonDocument::fromJson(bytes, &parseError).isObject());
        QCOMPARE(QDir(directory).entryList(QDir::Files), QStringList({u"endpoint-settings.json"_s}));
    }
    EndpointSettingsStore reloaded;
    QVERIFY(reloaded.load(path));
    QCOMPARE(reloaded.profileKeys().size(), 25);
}

void EndpointSettingsStoreTest::failedSaveIsReported()
{
    // The path is a directory: the save fails, says why, and the change stays in memory for this run.
    const QString path = m_dir.filePath(u"is-a-directory.json"_s);
    QVERIFY(QDir().mkpath(path));
    EndpointSettingsStore store;
    QVERIFY(store.load(path) || !store.lastError().isEmpty());
    QSignalSpy failed(&store, &EndpointSettingsStore::saveFailed);
    EndpointSettings settings;
    settings.useGetForQueries = true;
    QVERIFY(!store.setSettings(DagsterKey, settings));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().startsWith(path), qPrintable(failed.first().first().toString()));
    QCOMPARE(store.lastError(), failed.first().first().toString());
    QCOMPARE(store.settings(DagsterKey), settings);
}

void EndpointSettingsStoreTest::defaultPathInTestMode()
{
    const QString path = EndpointSettingsStore::defaultPath();
    QVERIFY(path.endsWith(u"/endpoint-settings.json"_s));
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
}

QTEST_GUILESS_MAIN(EndpointSettingsStoreTest)
#include "endpointsettingsstore_test.moc"
