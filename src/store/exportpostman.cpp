// SPDX-License-Identifier: MIT
// Sextant: writes a collection as a Postman Collection v2.1 file (GraphQL body mode, folders as item groups).
#include "collectionimport.h"

#include "importsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

/**
 * Postman Collection Format v2.1.0 (https://schema.getpostman.com/json/collection/v2.1.0/collection.json), as
 * Postman itself exports it: info {_postman_id, name, schema}, item[] where a folder is {name, item[]} and a
 * request is {name, request {method: "POST", header [{key, value, type: "text"}], body {mode: "graphql",
 * graphql {query, variables}}, url {raw, protocol, host[], port, path[]}, description}, response: []}.
 * Header values go through withSecretsAsReferences once more, so no secret can reach the file. A dagger-session
 * request gets Postman basic auth with the username {{DAGGER_SESSION_TOKEN}} (the session's protocol) instead.
 */
constexpr int maxDepth = 64;
const QString schemaUrl = u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s;

QJsonObject urlObject(const QString &raw)
{
    QJsonObject url;
    url.insert("raw"_L1, raw);
    static const QRegularExpression pattern(
        uR"(^(?:([A-Za-z][A-Za-z0-9+.-]*)://)?([^/?#:]*(?:\{\{[^}]*\}\}[^/?#:]*)*)(?::([^/?#]*))?([^?#]*)(?:\?([^#]*))?)"_s);
    const QRegularExpressionMatch match = pattern.match(raw);
    if (raw.isEmpty() || !match.hasMatch())
        return url;
    if (!match.captured(1).isEmpty())
        url.insert("protocol"_L1, match.captured(1));
    const QString host = match.captured(2);
    if (!host.isEmpty())
        url.insert("host"_L1,
                   QJsonArray::fromStringList(host.startsWith("{{"_L1) ? QStringList{host} : host.split(u'.')));
    if (!match.captured(3).isEmpty())
        url.insert("port"_L1, match.captured(3));
    const QStringList path = match.captured(4).split(u'/', Qt::SkipEmptyParts);
    if (!path.isEmpty())
        url.insert("path"_L1, QJsonArray::fromStringList(path));
    if (!match.captured(5).isEmpty()) {
        QJsonArray query;
        for (const QString &pair : match.captured(5).split(u'&', Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(u'=');
            query.append(QJsonObject{{"key"_L1, equals < 0 ? pair : pair.left(equals)},
                                     {"value"_L1, equals < 0 ? QString() : pair.mid(equals + 1)}});
        }
        url.insert("query"_L1, query);
    }
    return url;
}

QJsonObject requestItem(const SavedRequest &request)
{
    QJsonArray header;
    const QStringList lines = withSecretsAsReferences(request.headers).split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        const qsizetype colon = trimmed.indexOf(u':');
        if (trimmed.startsWith(u'#') || colon <= 0)
            continue;
        const QString name = trimmed.left(colon).trimmed();
        if (request.endpointKind == "dagger-session"_L1 && name.compare("authorization"_L1, Qt::CaseInsensitive) == 0)
            continue;
        header.append(
            QJsonObject{{"key"_L1, name}, {"value"_L1, trimmed.mid(colon + 1).trimmed()}, {"type"_L1, "text"_L1}});
    }
    QJsonObject graphql{{"query"_L1, request.document}, {"variables"_L1, request.variables}};
    if (!request.operationName.isEmpty()) // not in Postman's schema (it runs the first operation); read back by us
        graphql.insert("operationName"_L1, request.operationName);
    const QJsonObject body{{"mode"_L1, "graphql"_L1}, {"graphql"_L1, graphql}};
    QJsonObject httpRequest{{"method"_L1, "POST"_L1},
                            {"header"_L1, header},
                            {"body"_L1, body},
                            {"url"_L1, urlObject(ImportSupport::secretFreeUrl(request.endpointUrl, nullptr))}};
    if (request.endpointKind == "dagger-session"_L1) {
        httpRequest.insert("auth"_L1,
                           QJsonObject{{"type"_L1, "basic"_L1},
                                       {"basic"_L1, QJsonArray{QJsonObject{{"key"_L1, "username"_L1},
                                                                           {"value"_L1, "{{DAGGER_SESSION_TOKEN}}"_L1},
                                                                           {"type"_L1, "string"_L1}},
                                                               QJsonObject{{"key"_L1, "password"_L1},
                                                                           {"value"_L1, ""_L1},
                                                                           {"type"_L1, "string"_L1}}}}});
    }
    if (!request.description.isEmpty())
        httpRequest.insert("description"_L1, request.description);
    return QJsonObject{{"name"_L1, request.name}, {"request"_L1, httpRequest}, {"response"_L1, QJsonArray()}};
}

QJsonArray items(const CollectionFolder &folder, int depth)
{
    QJsonArray result;
    if (depth < maxDepth) {
        for (const CollectionFolder &sub : folder.folders)
            result.append(QJsonObject{{"name"_L1, sub.name}, {"item"_L1, items(sub, depth + 1)}});
    }
    for (const SavedRequest &request : folder.requests)
        result.append(requestItem(request));
    return result;
}

} // namespace

QByteArray postmanCollectionJson(const CollectionFolder &collection)
{
    const QJsonObject info{{"_postman_id"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                           {"name"_L1, collection.name.isEmpty() ? u"Sextant collection"_s : collection.name},
                           {"schema"_L1, schemaUrl}};
    const QJsonObject root{{"info"_L1, info}, {"item"_L1, items(collection, 0)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool exportPostmanCollection(const CollectionFolder &collection, const QString &path, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = QDir::toNativeSeparators(path) + u": "_s + message;
        return false;
    };
    const QFileInfo info(path);
    if (info.isDir())
        return fail(u"is a folder"_s);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(u"cannot create the folder "_s + info.absolutePath());
    const QByteArray bytes = postmanCollectionJson(collection);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(u"cannot write: "_s + file.errorString());
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return fail(u"cannot write: "_s + file.errorString());
    }
    if (!file.commit())
        return fail(u"cannot save: "_s + file.errorString());
    if (error)
        error->clear();
    return true;
}

} // namespace Sextant::Store
