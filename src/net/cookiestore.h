// SPDX-License-Identifier: MIT
// Sextant: HTTP cookies kept per endpoint profile, in memory only.
#pragma once

#include <QHash>
#include <QList>
#include <QNetworkCookie>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace Sextant::Net {

class ProfileCookieJar;

/**
 * One cookie jar per endpoint profile (EndpointProfile::profileKey()), so two profiles on the same server never
 * see each other's cookies (PROTOCOLS.md §6 "Auth and redirects"). Cookies are credentials: kept in memory only,
 * never persisted, never logged (only names appear in messages).
 *
 * GraphQLClient attaches cookiesForUrl(profileKey, url) as the Cookie header of each request to the endpoint's
 * own origin and stores the Set-Cookie headers of those replies with store(); hops to another origin neither send
 * nor store cookies. Matching follows RFC 6265 through QNetworkCookieJar (domain, path, expiry, Secure).
 * Thread: the thread it lives on (the client's); changed(profileKey) after every change.
 */
class CookieStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CookieStore)

public:
    explicit CookieStore(QObject *parent = nullptr);
    ~CookieStore() override;

    /// Every cookie held for the profile (unexpired ones; session cookies included).
    QList<QNetworkCookie> cookies(const QString &profileKey) const;
    /// The cookies to send to url for this profile.
    QList<QNetworkCookie> cookiesForUrl(const QString &profileKey, const QUrl &url) const;
    /// Stores Set-Cookie values received from url; returns true if anything changed.
    bool store(const QString &profileKey, const QList<QNetworkCookie> &cookies, const QUrl &url);
    void clear(const QString &profileKey);
    void clearAll();
    QStringList profileKeys() const;

signals:
    void changed(const QString &profileKey);

private:
    QHash<QString, std::shared_ptr<ProfileCookieJar>> m_jars;
};

} // namespace Sextant::Net
