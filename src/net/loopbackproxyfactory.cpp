// SPDX-License-Identifier: MIT
// Sextant: proxy selection that bypasses proxies for loopback hosts.
#include "net/loopbackproxyfactory.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Sextant::Net {

bool LoopbackProxyFactory::isLoopbackHost(const QString &host)
{
    const QString name = host.toLower();
    if (name == u"localhost"_s || name.endsWith(u".localhost"_s))
        return true;
    QString bare = name;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    const QHostAddress address(bare);
    return !address.isNull() && address.isLoopback();
}

QList<QNetworkProxy> LoopbackProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (isLoopbackHost(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    return systemProxyForQuery(query);
}

} // namespace Sextant::Net
