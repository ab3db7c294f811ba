// SPDX-License-Identifier: MIT
// Sextant: atomic JSON persistence of the session state, without secrets.
#include "store/sessionstore.h"

#include "store/collectionimport.h"
#include "store/jsonfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

constexpr qint64 maxSessionFileSize = 64 * 1024 * 1024;

QString readString(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

} // namespace

bool SessionStore::isCredentialHeader(QStringView name)
{
    const QString lower = name.trimmed().toString().toLower();
    static const QStringList exact = {u"authorization"_s, u"proxy-authorization"_s, u"cookie"_s};
    if (exact.contains(lower))
        return true;
    static const QStringList parts = {u"token"_s,   u"secret"_s,   u"api-key"_s, u"apikey"_s,
                                      u"api_key"_s, u"password"_s, u"auth"_s,    u"session"_s};
    for (const QString &part : parts) {
        if (lower.contains(part))
            return true;
    }
    return false;
}

QString SessionStore::withoutCredentialHeaders(const QString &headers)
{
    QStringList kept;
    const QStringList lines = headers.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        const qsizetype colon = trimmed.indexOf(u':');
        // "Authorization: Bearer {{token}}" holds no secret (the value lives in an environment): it stays.
        if (!trimmed.startsWith(u'#') && colon > 0 && isCredentialHeader(QStringView(trimmed).left(colon))
            && !isReferenceOnlyHeaderValue(QStringView(trimmed).mid(colon + 1).trimmed()))
            continue;
        kept << line;
    }
    return kept.join(u'\n');
}

SessionStore::SessionState SessionStore::load(const QString &path, QString *error)
{
    const std::optional<QJsonObject> read =
        JsonFile::readObject(path, u"session file"_s, maxSessionFileSize, formatVersion, error);
    if (!read)
        return SessionState();
    const QJsonObject &object = *read;

    SessionState state;
    state.endpointKind = object.value(QLatin1StringView("endpointKind")).toInt(0);
    if (state.endpointKind < 0 || state.endpointKind > 2)
        state.endpointKind = 0;
    state.url = readString(object, QLatin1StringView("url"));
    state.query = readString(object, QLatin1StringView("query"));
    state.variables = readString(object, QLatin1StringView("variables"));
    state.headers = readString(object, QLatin1StringView("headers"));
    return state;
}

bool SessionStore::save(const QString &path, const SessionState &state, QString *error)
{
    QJsonObject object;
    object.insert(QLatin1StringView("version"), formatVersion);
    object.insert(QLatin1StringView("endpointKind"), state.endpointKind);
    // A password in the URL's user info is a credential too.
    const QUrl url(state.url);
    object.insert(QLatin1StringView("url"), url.password().isEmpty() ? state.url : url.toString(QUrl::RemovePassword));
    object.insert(QLatin1StringView("query"), state.query);
    object.insert(QLatin1StringView("variables"), state.variables);
    object.insert(QLatin1StringView("headers"), withoutCredentialHeaders(state.headers));

    return JsonFile::writeAtomically(path, u"session file"_s, QJsonDocument(object).toJson(QJsonDocument::Indented),
                                     error);
}

QString SessionStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/session.json"_s;
}

} // namespace Sextant::Store
