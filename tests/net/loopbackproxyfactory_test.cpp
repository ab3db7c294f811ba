// SPDX-License-Identifier: MIT
// Sextant: proxy decisions from injected environment variables (loopback, http_proxy/https_proxy/all_proxy,
// no_proxy).
#include <net/loopbackproxyfactory.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Net;

class LoopbackProxyFactoryTest final : public QObject
{
    Q_OBJECT

private slots:
    void decision_data();
    void decision();
    void noProxyMatching_data();
    void noProxyMatching();
    void proxyUrl();
};

using Env = LoopbackProxyFactory::Environment;

void LoopbackProxyFactoryTest::decision_data()
{
    QTest::addColumn<Env>("environment");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected"); // "system", "direct" or "type host:port"

    const Env http{{u"http_proxy"_s, u"http://proxy.corp:3128"_s}};
    const Env upper{{u"HTTPS_PROXY"_s, u"proxy.corp:8443"_s}};
    const Env both{{u"http_proxy"_s, u"http://lower:1"_s}, {u"HTTP_PROXY"_s, u"http://upper:2"_s}};
    const Env all{{u"all_proxy"_s, u"socks5://sock:1080"_s}, {u"no_proxy"_s, u".internal"_s}};
    Env withNo = http;
    withNo.insert(u"no_proxy"_s, u"example.com, 10.0.0.0/8"_s);

    QTest::newRow("nothing set") << Env() << u"http"_s << u"example.com"_s << 80 << u"system"_s;
    QTest::newRow("loopback ip") << http << u"http"_s << u"127.0.0.1"_s << 3000 << u"direct"_s;
    QTest::newRow("localhost") << http << u"http"_s << u"LOCALHOST"_s << 3000 << u"direct"_s;
    QTest::newRow("ipv6 loopback") << http << u"http"_s << u"::1"_s << 3000 << u"direct"_s;
    QTest::newRow("sub.localhost") << http << u"http"_s << u"api.localhost"_s << 80 << u"direct"_s;
    QTest::newRow("http proxy") << http << u"http"_s << u"example.org"_s << 80 << u"http proxy.corp:3128"_s;
    QTest::newRow("ws uses http_proxy") << http << u"ws"_s << u"example.org"_s << 80 << u"http proxy.corp:3128"_s;
    QTest::newRow("https without https_proxy") << http << u"https"_s << u"example.org"_s << 443 << u"system"_s;
    QTest::newRow("HTTPS_PROXY upper case, no scheme")
        << upper << u"https"_s << u"example.org"_s << 443 << u"http proxy.corp:8443"_s;
    QTest::newRow("lower case wins") << both << u"http"_s << u"example.org"_s << 80 << u"http lower:1"_s;
    QTest::newRow("all_proxy socks") << all << u"https"_s << u"example.org"_s << 443 << u"socks sock:1080"_s;
    QTest::newRow("no_proxy leading dot") << all << u"https"_s << u"db.internal"_s << 443 << u"direct"_s;
    QTest::newRow("no_proxy domain") << withNo << u"http"_s << u"api.example.com"_s << 80 << u"direct"_s;
    QTest::newRow("no_proxy exact") << withNo << u"http"_s << u"example.com"_s << 80 << u"direct"_s;
    QTest::newRow("no_proxy not a suffix match")
        << withNo << u"http"_s << u"notexample.com"_s << 80 << u"http proxy.corp:3128"_s;
    QTest::newRow("no_proxy cidr") << withNo << u"http"_s << u"10.1.2.3"_s << 80 << u"direct"_s;
    QTest::newRow("no_proxy cidr miss") << withNo << u"http"_s << u"11.1.2.3"_s << 80 << u"http proxy.corp:3128"_s;
}

void LoopbackProxyFactoryTest::decision()
{
    QFETCH(Env, environment);
    QFETCH(QString, scheme);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, expected);
    const auto proxy = LoopbackProxyFactory::proxyFromEnvironment(scheme, host, port, environment);
    QString actual;
    if (!proxy)
        actual = u"system"_s;
    else if (proxy->type() == QNetworkProxy::NoProxy)
        actual = u"direct"_s;
    else
        actual = (proxy->type() == QNetworkProxy::HttpProxy ? u"http "_s : u"socks "_s) + proxy->hostName() + u':'
                 + QString::number(proxy->port());
    QCOMPARE(actual, expected);
}

void LoopbackProxyFactoryTest::noProxyMatching_data()
{
    QTest::addColumn<QString>("noProxy");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star") << u"*"_s << u"anything.org"_s << 80 << true;
    QTest::newRow("empty") << u""_s << u"anything.org"_s << 80 << false;
    QTest::newRow("leading dot excludes the domain itself") << u".corp"_s << u"corp"_s << 80 << false;
    QTest::newRow("leading dot subdomain") << u".corp"_s << u"a.b.corp"_s << 80 << true;
    QTest::newRow("star dot") << u"*.corp"_s << u"a.corp"_s << 80 << true;
    QTest::newRow("case-insensitive") << u"Example.COM"_s << u"api.example.com"_s << 80 << true;
    QTest::newRow("host:port match") << u"gw.corp:8080"_s << u"gw.corp"_s << 8080 << true;
    QTest::newRow("host:port other port") << u"gw.corp:8080"_s << u"gw.corp"_s << 80 << false;
    QTest::newRow("ip") << u"192.168.1.5"_s << u"192.168.1.5"_s << 80 << true;
    QTest::newRow("ip miss") << u"192.168.1.5"_s << u"192.168.1.6"_s << 80 << false;
    QTest::newRow("ipv6 in brackets") << u"[2001:db8::1]"_s << u"2001:db8::1"_s << 80 << true;
    QTest::newRow("ipv6 cidr") << u"2001:db8::/32"_s << u"[2001:db8::7]"_s << 443 << true;
    QTest::newRow("spaces and commas") << u" a.org ,b.org  c.org"_s << u"c.org"_s << 80 << true;
    QTest::newRow("trailing dot host") << u"example.com"_s << u"example.com."_s << 80 << true;
}

void LoopbackProxyFactoryTest::noProxyMatching()
{
    QFETCH(QString, noProxy);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, matches);
    QCOMPARE(LoopbackProxyFactory::matchesNoProxy(noProxy, host, port), matches);
}

void LoopbackProxyFactoryTest::proxyUrl()
{
    auto proxy = LoopbackProxyFactory::parseProxyUrl(u"http://user:p%40ss@proxy:3128/"_s);
    QVERIFY(proxy);
    QCOMPARE(proxy->user(), u"user"_s);
    QCOMPARE(proxy->password(), u"p@ss"_s);
    QCOMPARE(proxy->port(), quint16(3128));
    proxy = LoopbackProxyFactory::parseProxyUrl(u"proxy"_s);
    QVERIFY(proxy);
    QCOMPARE(proxy->port(), quint16(1080));
    QVERIFY(!LoopbackProxyFactory::parseProxyUrl(u"ftp://proxy:21"_s));
    QVERIFY(!LoopbackProxyFactory::parseProxyUrl(u""_s));
}

QTEST_GUILESS_MAIN(LoopbackProxyFactoryTest)
#include "loopbackproxyfactory_test.moc"
