// SPDX-License-Identifier: MIT
// Sextant: reads Postman Collection v2.0 / v2.1 files (GraphQL body mode and raw JSON GraphQL bodies).
#include "collectionimport.h"
#include "importformats.h"
#include "importsupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Sextant::Store::ImportFormats {

namespace {

/**
 * Postman Collection Format v2.1.0 (https://schema.getpostman.com/json/collection/v2.1.0/collection.json):
 * {info: {name, schema}, item: [Item | ItemGroup], auth}. An Item has request {method, header: [{key, value,
 * disabled}], body: {mode: "graphql", graphql: {query, variables}} or {mode: "raw", raw}, url: string |
 * {raw, protocol, host, port, path}, auth, description}; an ItemGroup has item[] and may set auth for its items.
 * Auth parameters are an array of {key, value} in v2.1 and an object in v2.0.
 */
constexpr int maxDepth = 64;

QString authParameter(const QJsonObject &auth, const QString &type, const QString &key)
{
    const QJsonValue parameters = auth.value(type);
    if (parameters.isObject())
        return parameters.toObject().value(key).toString();
    const QJsonArray array = parameters.toArray();
    for (const QJsonValue &entry : array) {
        if (entry.toObject().value("key"_L1).toString() == key)
            return entry.toObject().value("value"_L1).toString();
    }
    return {};
}

/// The header a Postman auth block adds (empty for none/noauth and unsupported types); *basic for basic auth.
QString authHeader(const QJsonObject &auth, bool *basic)
{
    const QString type = auth.value("type"_L1).toString();
    if (type == "bearer"_L1) {
        const QString value =
            u"Bearer "_s + ImportSupport::normalizedReferences(authParameter(auth, type, u"token"_s).trimmed());
        return u"Authorization: "_s + ImportSupport::referenceForSecret(u"Authorization", value);
    }
    if (type == "basic"_L1) {
        *basic = true;
        return u"Authorization: Basic {{basicAuth}}"_s;
    }
    if (type == "apikey"_L1) {
        const QString in = authParameter(auth, type, u"in"_s);
        const QString key = authParameter(auth, type, u"key"_s).trimmed();
        if ((in.isEmpty() || in == "header"_L1) && !key.isEmpty()) {
            QStringList line;
            ImportSupport::appendHeader(line, key, authParameter(auth, type, u"value"_s));
            return line.value(0);
        }
    }
    return {};
}

QString urlText(const QJsonValue &url)
{
    if (url.isString())
        return url.toString().trimmed();
    const QJsonObject object = url.toObject();
    if (object.value("raw"_L1).isString())
        return object.value("raw"_L1).toString().trimmed();
    QString text;
    if (object.value("protocol"_L1).isString())
        text += object.value("protocol"_L1).toString() + u"://"_s;
    const QJsonValue host = object.value("host"_L1);
    if (host.isArray()) {
        QStringList parts;
        for (const QJsonValue &part : host.toArray())
            parts << part.toString();
        text += parts.join(u'.');
    } else {
        text += host.toString();
    }
    if (object.value("port"_L1).isString())
        text += u':' + object.value("port"_L1).toString();
    const QJsonValue path = object.value("path"_L1);
    if (path.isArray()) {
        for (const QJsonValue &part : path.toArray())
            text += u'/' + part.toString();
    } else if (path.isString()) {
        text += u'/' + path.toString();
    }
    return text;
}

QString descriptionText(const QJsonValue &description)
{
    if (description.isObject())
        return description.toObject().value("content"_L1).toString();
    return description.toString();
}

/// The request of an Item when its body is GraphQL; std::nullopt for other requests.
std::optional<SavedRequest> readItem(const QJsonObject &item, const QJsonObject &inheritedAuth)
{
    const QJsonObject request = item.value("request"_L1).toObject();
    const QJsonObject body = request.value("body"_L1).toObject();
    const QString mode = body.value("mode"_L1).toString();
    const QJsonArray header = request.value("header"_L1).toArray();

    SavedRequest saved;
    if (mode == "graphql"_L1) {
        const QJsonObject graphql = body.value("graphql"_L1).toObject();
        saved.document = graphql.value("query"_L1).toString();
        saved.variables = ImportSupport::variablesText(graphql.value("variables"_L1));
        saved.operationName = graphql.value("operationName"_L1).toString();
    } else if (mode == "raw"_L1) {
        const QString raw = body.value("raw"_L1).toString();
        bool graphQLContentType = false;
        for (const QJsonValue &entry : header) {
            const QJsonObject h = entry.toObject();
            graphQLContentType = graphQLContentType
                                 || (h.value("key"_L1).toString().compare("content-type"_L1, Qt::CaseInsensitive) == 0
                                     && h.value("value"_L1).toString().contains("application/graphql"_L1));
        }
        if (graphQLContentType) {
            saved.document = raw;
        } else {
            const auto parsed = ImportSupport::graphQLBodyFromJson(raw.toUtf8(), nullptr);
            if (!parsed)
                return std::nullopt;
            saved.document = parsed->query;
            saved.variables = parsed->variables;
            saved.operationName = parsed->operationName;
        }
    } else {
        return std::nullopt;
    }

    saved.name = ImportSupport::requestName(item.value("name"_L1).toString(), saved.document, u"Untitled"_s);
    bool userInfo = false;
    saved.endpointUrl = ImportSupport::secretFreeUrl(urlText(request.value("url"_L1)), &userInfo);
    saved.description = descriptionText(request.value("description"_L1));
    if (saved.description.isEmpty())
        saved.description = descriptionText(item.value("description"_L1));

    QStringList lines;
    bool basic = false;
    for (const QJsonValue &entry : header) {
        const QJsonObject h = entry.toObject();
        const QString key = h.value("key"_L1).toString();
        if (h.value("disabled"_L1).toBool() || key.compare("content-type"_L1, Qt::CaseInsensitive) == 0)
            continue;
        ImportSupport::appendHeader(lines, key, h.value("value"_L1).toString());
        basic = basic
                || (key.compare("authorization"_L1, Qt::CaseInsensitive) == 0
                    && h.value("value"_L1).toString().trimmed().startsWith("basic"_L1, Qt::CaseInsensitive));
    }
    const QJsonObject auth = request.contains("auth"_L1) && request.value("auth"_L1).isObject()
                                     && request.value("auth"_L1).toObject().value("type"_L1).toString() != "inherit"_L1
                                 ? request.value("auth"_L1).toObject()
                                 : inheritedAuth;
    const QString fromAuth = authHeader(auth, &basic);
    if (!fromAuth.isEmpty())
        lines << fromAuth;
    ImportSupport::finishEndpointAndHeaders(saved, lines, basic, userInfo);
    return saved;
}

void readItems(const QJsonArray &items, const QJsonObject &auth, CollectionFolder &folder, int depth)
{
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        if (item.value("item"_L1).isArray()) {
            if (depth >= maxDepth)
                continue;
            CollectionFolder sub;
            sub.name = item.value("name"_L1).toString().trimmed();
            if (sub.name.isEmpty())
                sub.name = u"Folder"_s;
            const QJsonObject subAuth =
                item.value("auth"_L1).isObject()
                        && item.value("auth"_L1).toObject().value("type"_L1).toString() != "inherit"_L1
                    ? item.value("auth"_L1).toObject()
                    : auth;
            readItems(item.value("item"_L1).toArray(), subAuth, sub, depth + 1);
            folder.folders.append(sub);
        } else if (item.value("request"_L1).isObject()) {
            if (auto request = readItem(item, auth))
                folder.requests.append(*request);
        }
    }
}

} // namespace

std::optional<CollectionFolder> readPostman(const QJsonObject &root, QString *error)
{
    const QJsonObject info = root.value("info"_L1).toObject();
    const QString schema = info.value("schema"_L1).toString();
    if (!root.value("item"_L1).isArray()) {
        *error = u"not a valid Postman collection: no \"item\" list"_s;
        return std::nullopt;
    }
    if (!schema.isEmpty() && !schema.contains("/v2."_L1)) {
        *error = u"unsupported Postman collection schema "_s + schema + u" (v2.0 and v2.1 are supported)"_s;
        return std::nullopt;
    }
    CollectionFolder folder;
    folder.name = info.value("name"_L1).toString().trimmed();
    if (folder.name.isEmpty())
        folder.name = u"Postman collection"_s;
    readItems(root.value("item"_L1).toArray(), root.value("auth"_L1).toObject(), folder, 0);
    ImportSupport::pruneEmptyFolders(folder);
    if (!ImportSupport::containsRequests(folder)) {
        *error = u"no GraphQL requests found"_s;
        return std::nullopt;
    }
    return folder;
}

} // namespace Sextant::Store::ImportFormats
