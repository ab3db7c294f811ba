// SPDX-License-Identifier: MIT
// Sextant: reads Altair GraphQL Client collection exports (.agc) and single window exports.
#include "collectionimport.h"
#include "importformats.h"
#include "importsupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Sextant::Store::ImportFormats {

namespace {

/**
 * Altair's shapes (altair-graphql/altair, packages/altair-core/src/types/state): ExportCollectionState
 * {version: 1, type: "collection", title, description, queries: IQuery[], collections: ExportCollectionState[],
 * headers: [{key, value, enabled}]}; IQuery extends ExportWindowState {windowName, apiUrl, query, variables,
 * headers: [{key, value, enabled}]}, plus authorizationType / authorizationData in newer versions.
 */
struct HeaderEntry
{
    QString key;
    QString value;
};

QList<HeaderEntry> readHeaders(const QJsonValue &value)
{
    QList<HeaderEntry> headers;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        const QJsonObject object = entry.toObject();
        if (object.value("enabled"_L1).isBool() && !object.value("enabled"_L1).toBool())
            continue;
        const QString key = object.value("key"_L1).toString().trimmed();
        if (!key.isEmpty())
            headers.append({key, object.value("value"_L1).toString()});
    }
    return headers;
}

/// Inherited (collection) headers first unless the request sets the same name.
QList<HeaderEntry> merged(const QList<HeaderEntry> &inherited, const QList<HeaderEntry> &own)
{
    QList<HeaderEntry> result;
    for (const HeaderEntry &header : inherited) {
        const bool overridden = std::any_of(own.cbegin(), own.cend(), [&](const HeaderEntry &o) {
            return o.key.compare(header.key, Qt::CaseInsensitive) == 0;
        });
        if (!overridden)
            result.append(header);
    }
    result += own;
    return result;
}

/// Altair's authorization panel ("bearer" {token}, "basic" {username, password}, "api-key" {key, value}).
void appendAuthorization(QStringList &lines, const QJsonObject &query, bool *basic)
{
    const QString type = query.value("authorizationType"_L1).toString();
    const QJsonObject data = query.value("authorizationData"_L1).toObject();
    if (type == "bearer"_L1) {
        ImportSupport::appendHeader(lines, u"Authorization"_s, u"Bearer "_s + data.value("token"_L1).toString());
    } else if (type == "basic"_L1) {
        lines << u"Authorization: Basic {{basicAuth}}"_s;
        *basic = true;
    } else if (type == "api-key"_L1) {
        const QString key = data.value("key"_L1).toString();
        if (!key.trimmed().isEmpty())
            ImportSupport::appendHeader(lines, key, data.value("value"_L1).toString());
    }
}

SavedRequest readQuery(const QJsonObject &query, const QList<HeaderEntry> &inherited)
{
    SavedRequest request;
    request.document = query.value("query"_L1).toString();
    QString url = query.value("apiUrl"_L1).toString();
    if (url.isEmpty())
        url = query.value("url"_L1).toString();
    bool userInfo = false;
    request.endpointUrl = ImportSupport::secretFreeUrl(url, &userInfo);
    request.variables = ImportSupport::variablesText(query.value("variables"_L1));
    request.operationName = query.value("selectedOperation"_L1).toString();
    request.name = ImportSupport::requestName(query.value("windowName"_L1).toString(), request.document, u"Untitled"_s);
    request.description = query.value("description"_L1).toString();

    QStringList lines;
    bool basic = false;
    for (const HeaderEntry &header : merged(inherited, readHeaders(query.value("headers"_L1)))) {
        ImportSupport::appendHeader(lines, header.key, header.value);
        basic = basic
                || (header.key.compare("authorization"_L1, Qt::CaseInsensitive) == 0
                    && header.value.trimmed().startsWith("basic"_L1, Qt::CaseInsensitive));
    }
    appendAuthorization(lines, query, &basic);
    if (userInfo) {
        ImportSupport::appendBasicAuthorization(lines);
        basic = true;
    }
    request.endpointKind = endpointKindForUrl(request.endpointUrl, basic);
    if (request.endpointKind == "dagger-session"_L1)
        lines.removeIf([](const QString &line) { return line.startsWith("Authorization:"_L1, Qt::CaseInsensitive); });
    request.headers = lines.join(u'\n');
    return request;
}

CollectionFolder readCollection(const QJsonObject &collection, const QList<HeaderEntry> &inherited, int depth)
{
    CollectionFolder folder;
    folder.name = collection.value("title"_L1).toString().trimmed();
    if (folder.name.isEmpty())
        folder.name = u"Altair collection"_s;
    const QList<HeaderEntry> headers = merged(inherited, readHeaders(collection.value("headers"_L1)));
    const QJsonArray queries = collection.value("queries"_L1).toArray();
    for (const QJsonValue &query : queries) {
        if (query.isObject() && query.toObject().value("query"_L1).isString())
            folder.requests.append(readQuery(query.toObject(), headers));
    }
    if (depth < 64) {
        const QJsonArray collections = collection.value("collections"_L1).toArray();
        for (const QJsonValue &sub : collections) {
            if (sub.isObject())
                folder.folders.append(readCollection(sub.toObject(), headers, depth + 1));
        }
    }
    return folder;
}

} // namespace

std::optional<CollectionFolder> readAltair(const QJsonObject &root, QString *error)
{
    const QString type = root.value("type"_L1).toString();
    CollectionFolder folder;
    if (type == "window"_L1) {
        if (!root.value("query"_L1).isString()) {
            *error = u"not a valid Altair window export: no \"query\""_s;
            return std::nullopt;
        }
        const SavedRequest request = readQuery(root, {});
        folder.name = request.name;
        folder.requests.append(request);
        return folder;
    }
    if (!root.value("queries"_L1).isArray() && !root.value("collections"_L1).isArray()) {
        *error = u"not a valid Altair collection: no \"queries\" list"_s;
        return std::nullopt;
    }
    folder = readCollection(root, {}, 0);
    ImportSupport::pruneEmptyFolders(folder);
    if (!ImportSupport::containsRequests(folder)) {
        *error = u"no GraphQL requests found"_s;
        return std::nullopt;
    }
    return folder;
}

} // namespace Sextant::Store::ImportFormats
