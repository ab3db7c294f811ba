// SPDX-License-Identifier: MIT
// Sextant: proxy selection that bypasses proxies for loopback hosts and reads the proxy variables explicitly.
#include "net/loopbackproxyfactory.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sextant::Net {

namespace {

QString bareHost(const QString &host)
{
    QString bare = host.toLower();
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    while (bare.endsWith(u'.'))
        bare.chop(1);
    return bare;
}

QString firstSet(const LoopbackProxyFactory::Environment &environment, std::initializer_list<QString> names)
{
    for (const QString &name : names) {
        const QString value = environment.value(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

} // namespace

bool LoopbackProxyFactory::isLoopbackHost(const QString &host)
{
    const QString name = bareHost(host);
    if (name == u"localhost"_s || name.endsWith(u".localhost"_s))
        return true;
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

bool LoopbackProxyFactory::matchesNoProxy(const QString &noProxy, const QString &host, int port)
{
    const QString name = bareHost(host);
    const QHostAddress hostAddress(name);
    static const QRegularExpression separators(u"[,\\s]+"_s);
    for (QString entry : noProxy.split(separators, Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry == u"*"_s)
            return true;
        // CIDR range or bare IP (IPv6 possibly in brackets).
        if (entry.contains(u'/')) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (!hostAddress.isNull() && subnet.first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol
                && hostAddress.isInSubnet(subnet)) {
                return true;
            }
            continue;
        }
        int entryPort = -1;
        QString entryHost = entry;
        if (entry.startsWith(u'[')) {
            const qsizetype close = entry.indexOf(u']');
            if (close < 0)
                continue;
            entryHost = entry.mid(1, close - 1);
            if (entry.size() > close + 2 && entry.at(close + 1) == u':')
                entryPort = entry.mid(close + 2).toInt();
        } else if (entry.count(u':') == 1) {
            const qsizetype colon = entry.indexOf(u':');
            bool ok = false;
            entryPort = entry.mid(colon + 1).toInt(&ok);
            if (!ok)
                continue;
            entryHost = entry.left(colon);
        }
        if (entryPort >= 0 && entryPort != port)
            continue;
        const QHostAddress entryAddress(entryHost);
        if (!entryAddress.isNull()) {
            if (!hostAddress.isNull() && entryAddress.isEqual(hostAddress))
                return true;
            continue;
        }
        while (entryHost.endsWith(u'.'))
            entryHost.chop(1);
        if (entryHost.startsWith(u"*."_s))
            entryHost = entryHost.mid(1); // "*.example.com" as ".example.com"
        if (entryHost.startsWith(u'.')) {
            if (name.endsWith(entryHost))
                return true; // subdomains only
            continue;
        }
        if (entryHost.isEmpty())
            continue;
        if (name == entryHost || name.endsWith(u'.' + entryHost))
            return true;
    }
    return false;
}

std::optional<QNetworkProxy> LoopbackProxyFactory::parseProxyUrl(const QString &text)
{
    QString value = text.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    if (!value.contains(u"://"_s))
        value.prepend(u"http://"_s);
    const QUrl url(value, QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type;
    if (scheme == u"http"_s)
        type = QNetworkProxy::HttpProxy;
    else if (scheme == u"socks5"_s || scheme == u"socks5h"_s)
        type = QNetworkProxy::Socks5Proxy;
    else
        return std::nullopt; // https:// proxies and socks4 are not supported by QNetworkProxy
    QNetworkProxy proxy(type, url.host(), quint16(url.port(1080)));
    if (!url.userName().isEmpty()) {
        proxy.setUser(url.userName(QUrl::FullyDecoded));
        proxy.setPassword(url.password(QUrl::FullyDecoded));
    }
    return proxy;
}

std::optional<QNetworkProxy> LoopbackProxyFactory::proxyFromEnvironment(const QString &scheme, const QString &host,
                                                                        int port, const Environment &environment)
{
    if (isLoopbackHost(host))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QString noProxy = firstSet(environment, {u"no_proxy"_s, u"NO_PROXY"_s});
    if (!noProxy.isEmpty() && matchesNoProxy(noProxy, host, port))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QString lower = scheme.toLower();
    QString value;
    if (lower == u"https"_s || lower == u"wss"_s)
        value = firstSet(environment, {u"https_proxy"_s, u"HTTPS_PROXY"_s});
    else if (lower == u"http"_s || lower == u"ws"_s)
        value = firstSet(environment, {u"http_proxy"_s, u"HTTP_PROXY"_s});
    if (const auto proxy = parseProxyUrl(value))
        return proxy;
    if (const auto proxy = parseProxyUrl(firstSet(environment, {u"all_proxy"_s, u"ALL_PROXY"_s})))
        return proxy;
    return std::nullopt;
}

LoopbackProxyFactory::Environment LoopbackProxyFactory::processEnvironment()
{
    Environment environment;
    for (const char *name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                             "no_proxy", "NO_PROXY"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            environment.insert(QString::fromLatin1(name), value);
    }
    return environment;
}

QList<QNetworkProxy> LoopbackProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    QString host = query.peerHostName();
    int port = query.peerPort();
    QString scheme = query.protocolTag();
    if (query.url().isValid() && !query.url().host().isEmpty()) {
        host = query.url().host();
        scheme = query.url().scheme();
        port = query.url().port(scheme.compare(u"https"_s, Qt::CaseInsensitive) == 0
                                        || scheme.compare(u"wss"_s, Qt::CaseInsensitive) == 0
                                    ? 443
                                    : 80);
    }
    if (isLoopbackHost(host))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    if (const auto proxy = proxyFromEnvironment(scheme, host, port, processEnvironment()))
        return {*proxy};
    return systemProxyForQuery(query);
}

} // namespace Sextant::Net
