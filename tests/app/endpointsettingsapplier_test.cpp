// SPDX-License-Identifier: MIT
// Sextant: stored per-endpoint settings reach the profile a request is sent with (timeout precedence, GET, ...).
#include <app/endpoints/endpointsettingsapplier.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;
using Net::EndpointKind;
using Net::EndpointProfile;
using Net::SubscriptionProtocol;
using Store::EndpointSettings;

class EndpointSettingsApplierTest final : public QObject
{
    Q_OBJECT

private slots:
    void timeoutPrecedence_data();
    void timeoutPrecedence();
    void flagsAndSubscriptionsAreCarried();
    void badSubscriptionValuesFallBack();
    void looksUpByProfileKey();
};

Q_DECLARE_METATYPE(std::optional<int>)

void EndpointSettingsApplierTest::timeoutPrecedence_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<std::optional<int>>("stored");
    QTest::addColumn<int>("preferences");
    QTest::addColumn<int>("expected");
    const int dagger = int(EndpointKind::DaggerSession);
    const int dagster = int(EndpointKind::Dagster);
    const int http = int(EndpointKind::GenericHttp);
    QTest::newRow("Dagger session: none by default") << dagger << std::optional<int>() << 60000 << 0;
    QTest::newRow("Dagger session: the user's timeout") << dagger << std::optional<int>(300000) << 60000 << 300000;
    QTest::newRow("Dagster: Preferences") << dagster << std::optional<int>() << 60000 << 60000;
    QTest::newRow("HTTP: Preferences of none") << http << std::optional<int>() << 0 << 0;
    QTest::newRow("HTTP: per-endpoint beats Preferences") << http << std::optional<int>(5000) << 60000 << 5000;
    QTest::newRow("HTTP: per-endpoint none beats Preferences") << http << std::optional<int>(0) << 60000 << 0;
    QTest::newRow("negative values are none") << http << std::optional<int>(-3) << 60000 << 0;
}

void EndpointSettingsApplierTest::timeoutPrecedence()
{
    QFETCH(int, kind);
    QFETCH(std::optional<int>, stored);
    QFETCH(int, preferences);
    QFETCH(int, expected);
    EndpointSettings settings;
    settings.timeoutMs = stored;
    QCOMPARE(App::effectiveTimeoutMs(EndpointKind(kind), settings, preferences), expected);
    EndpointProfile profile;
    profile.kind = EndpointKind(kind);
    profile.url = QUrl(u"http://127.0.0.1:3000/graphql"_s);
    profile.timeoutMs = 12345; // whatever the caller had: the settings decide
    QCOMPARE(App::applyEndpointSettings(profile, settings, preferences).timeoutMs, expected);
}

void EndpointSettingsApplierTest::flagsAndSubscriptionsAreCarried()
{
    EndpointProfile profile = EndpointProfile::daggerSession(40123, u"token-not-touched"_s);
    profile.headers = {{"X-A", "1"}};
    QCOMPARE(App::applyEndpointSettings(profile, EndpointSettings(), 60000).useGetForQueries, false);

    EndpointSettings settings;
    settings.useGetForQueries = true;
    settings.allowCrossOriginRedirects = true;
    settings.subscriptionProtocolId = u"graphql-ws"_s;
    settings.subscriptionUrl = u"  wss://events.example:8443/subscriptions "_s;
    const EndpointProfile applied = App::applyEndpointSettings(profile, settings, 60000);
    QVERIFY(applied.useGetForQueries);
    QVERIFY(applied.allowCrossOriginRedirects);
    QCOMPARE(applied.subscriptionProtocol, SubscriptionProtocol::GraphQLWs);
    QCOMPARE(applied.subscriptionUrl, QUrl(u"wss://events.example:8443/subscriptions"_s));
    QCOMPARE(applied.effectiveSubscriptionUrl(), QUrl(u"wss://events.example:8443/subscriptions"_s));
    QCOMPARE(applied.timeoutMs, 0); // still a Dagger session
    // The rest of the profile is untouched.
    QCOMPARE(applied.url, profile.url);
    QCOMPARE(applied.headers, profile.headers);
    QCOMPARE(applied.daggerToken, profile.daggerToken);
    QCOMPARE(applied.kind, profile.kind);

    settings.subscriptionProtocolId = u"graphql-transport-ws"_s;
    QCOMPARE(App::applyEndpointSettings(profile, settings, 0).subscriptionProtocol,
             SubscriptionProtocol::GraphQLTransportWs);
}

void EndpointSettingsApplierTest::badSubscriptionValuesFallBack()
{
    EndpointProfile profile;
    profile.url = QUrl(u"https://api.example/graphql"_s);
    profile.subscriptionProtocol = SubscriptionProtocol::GraphQLWs;
    EndpointSettings settings;
    settings.subscriptionProtocolId = u"future-protocol"_s;
    for (const QString &bad : {u"http://api.example/ws"_s, u"ws://"_s, u"not a url"_s, QString()}) {
        settings.subscriptionUrl = bad;
        const EndpointProfile applied = App::applyEndpointSettings(profile, settings, 60000);
        QCOMPARE(applied.subscriptionProtocol, SubscriptionProtocol::Auto);
        QVERIFY2(applied.subscriptionUrl.isEmpty(), qPrintable(bad));
        QCOMPARE(applied.effectiveSubscriptionUrl(), QUrl(u"wss://api.example/graphql"_s));
    }
}

void EndpointSettingsApplierTest::looksUpByProfileKey()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Store::EndpointSettingsStore store;
    QVERIFY(store.load(dir.filePath(u"endpoint-settings.json"_s)));
    EndpointProfile profile = EndpointProfile::dagster(QUrl(u"http://ann@127.0.0.1:3000/graphql?x=1"_s));
    EndpointSettings settings;
    settings.timeoutMs = 7000;
    settings.useGetForQueries = true;
    QVERIFY(store.setSettings(profile.profileKey(), settings));
    QCOMPARE(profile.profileKey(), u"dagster http://127.0.0.1:3000/graphql"_s); // no user info, no query

    const EndpointProfile applied = App::applyEndpointSettings(profile, &store, 60000);
    QCOMPARE(applied.timeoutMs, 7000);
    QVERIFY(applied.useGetForQueries);
    // Another endpoint (or another kind at the same URL) keeps the defaults.
    EndpointProfile other = profile;
    other.kind = EndpointKind::GenericHttp;
    QCOMPARE(App::applyEndpointSettings(other, &store, 60000).timeoutMs, 60000);
    QVERIFY(!App::applyEndpointSettings(other, &store, 60000).useGetForQueries);
    QCOMPARE(App::applyEndpointSettings(profile, nullptr, 30000).timeoutMs, 30000);
}

QTEST_GUILESS_MAIN(EndpointSettingsApplierTest)
#include "endpointsettingsapplier_test.moc"
