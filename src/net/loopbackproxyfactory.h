// SPDX-License-Identifier: MIT
// Sextant: proxy selection: never for loopback, http_proxy/https_proxy/all_proxy and no_proxy, else the system's.
#pragma once

#include <QHash>
#include <QNetworkProxyFactory>

#include <optional>

namespace Sextant::Net {

/**
 * Proxy selection of PROTOCOLS.md §6 "Proxies, TLS, transport", in this order:
 *  1. NoProxy for localhost, *.localhost, 127.0.0.0/8 and ::1, so a corporate proxy never sees the Dagger session
 *     port or a local Dagster;
 *  2. the environment, read explicitly (curl's rules, not Qt's): http_proxy/HTTP_PROXY for http and ws,
 *     https_proxy/HTTPS_PROXY for https and wss, then all_proxy/ALL_PROXY; no_proxy/NO_PROXY (comma or space
 *     separated: `*`, host names matching the host and its subdomains, a leading dot for subdomains only,
 *     host:port, IP addresses and CIDR ranges like 10.0.0.0/8) makes a host direct;
 *  3. QNetworkProxyFactory::systemProxyForQuery() when the environment names no proxy.
 * Proxy URLs: [scheme://][user:password@]host[:port]; http (default) and socks5/socks5h, default port 1080.
 * Bad input: an unparsable proxy variable is ignored (falls through to the next rule).
 * queryProxy() is called by QNetworkAccessManager on its own thread; the static functions are pure, any thread.
 */
class LoopbackProxyFactory final : public QNetworkProxyFactory
{
public:
    using Environment = QHash<QString, QString>;

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;

    static bool isLoopbackHost(const QString &host);
    /// The proxy for a request from the environment variables alone: NoProxy (loopback or no_proxy match), a
    /// proxy, or nullopt when the environment says nothing for this scheme (use the system's settings).
    static std::optional<QNetworkProxy> proxyFromEnvironment(const QString &scheme, const QString &host, int port,
                                                             const Environment &environment);
    /// Whether a no_proxy value lists host (and port).
    static bool matchesNoProxy(const QString &noProxy, const QString &host, int port);
    /// A proxy URL as found in http_proxy; nullopt when unparsable or of an unsupported scheme.
    static std::optional<QNetworkProxy> parseProxyUrl(const QString &text);
    /// The proxy variables of this process (the names above, both cases).
    static Environment processEnvironment();
};

} // namespace Sextant::Net
