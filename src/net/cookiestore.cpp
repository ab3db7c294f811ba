// SPDX-License-Identifier: MIT
// Sextant: per-profile in-memory cookie jars.
#include "net/cookiestore.h"

#include <QDateTime>
#include <QNetworkCookieJar>

namespace Sextant::Net {

/// QNetworkCookieJar with its protected cookie list made reachable (RFC 6265 matching stays Qt's).
class ProfileCookieJar final : public QNetworkCookieJar
{
public:
    QList<QNetworkCookie> everything() const { return allCookies(); }
};

CookieStore::CookieStore(QObject *parent) : QObject(parent) {}

CookieStore::~CookieStore() = default;

QList<QNetworkCookie> CookieStore::cookies(const QString &profileKey) const
{
    const auto jar = m_jars.value(profileKey);
    if (!jar)
        return {};
    QList<QNetworkCookie> out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QNetworkCookie &cookie : jar->everything()) {
        if (cookie.isSessionCookie() || cookie.expirationDate().toUTC() > now)
            out.append(cookie);
    }
    return out;
}

QList<QNetworkCookie> CookieStore::cookiesForUrl(const QString &profileKey, const QUrl &url) const
{
    const auto jar = m_jars.value(profileKey);
    return jar ? jar->cookiesForUrl(url) : QList<QNetworkCookie>();
}

bool CookieStore::store(const QString &profileKey, const QList<QNetworkCookie> &cookies, const QUrl &url)
{
    if (cookies.isEmpty())
        return false;
    auto &jar = m_jars[profileKey];
    if (!jar)
        jar = std::make_shared<ProfileCookieJar>();
    const bool changedAny = jar->setCookiesFromUrl(cookies, url);
    if (changedAny)
        emit changed(profileKey);
    return changedAny;
}

void CookieStore::clear(const QString &profileKey)
{
    if (m_jars.remove(profileKey) > 0)
        emit changed(profileKey);
}

void CookieStore::clearAll()
{
    const QStringList keys = m_jars.keys();
    m_jars.clear();
    for (const QString &key : keys)
        emit changed(key);
}

QStringList CookieStore::profileKeys() const
{
    return m_jars.keys();
}

} // namespace Sextant::Net
