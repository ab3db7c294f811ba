// SPDX-License-Identifier: MIT
// Sextant: system proxies for remote hosts, never a proxy for loopback (Dagger session, local Dagster).
#pragma once

#include <QNetworkProxyFactory>

namespace Sextant::Net {

/**
 * Honours the system/environment proxy configuration (http_proxy, https_proxy, no_proxy on Linux) but always
 * answers NoProxy for localhost, 127.0.0.0/8 and ::1, so a corporate proxy never sees the Dagger session port or a
 * local Dagster (PROTOCOLS.md §6 "Proxies, TLS, transport"). Called by QNetworkAccessManager on its own thread.
 */
class LoopbackProxyFactory final : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;

    static bool isLoopbackHost(const QString &host);
};

} // namespace Sextant::Net
