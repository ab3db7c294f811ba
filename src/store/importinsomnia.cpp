// SPDX-License-Identifier: MIT
// Sextant: reads Insomnia v4 exports (GraphQL and JSON GraphQL requests, request groups as folders).
#include "collectionimport.h"
#include "importformats.h"
#include "importsupport.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Sextant::Store::ImportFormats {

namespace {

/**
 * Insomnia export format 4: {"_type": "export", "__export_format": 4, "resources": [...]}, a flat list linked by
 * parentId. "workspace" names the collection, "request_group" is a folder, "request" has url, method, headers
 * [{name, value, disabled}], authentication {type: bearer|basic|apikey, token, prefix, disabled, key, value,
 * addTo}, body {mimeType: "application/graphql", text: JSON {query, variables, operationName}}; siblings are
 * ordered by metaSortKey. Environments, cookie jars and specs are not requests and are skipped.
 */
constexpr int maxDepth = 64;

struct Index
{
    QHash<QString, QList<QJsonObject>> children; // parentId → resources, in file order
};

std::optional<SavedRequest> readRequest(const QJsonObject &resource)
{
    const QJsonObject body = resource.value("body"_L1).toObject();
    const QString mimeType = body.value("mimeType"_L1).toString();
    const QString text = body.value("text"_L1).toString();
    SavedRequest saved;
    if (mimeType == "application/graphql"_L1) {
        if (const auto parsed = ImportSupport::graphQLBodyFromJson(text.toUtf8(), nullptr)) {
            saved.document = parsed->query;
            saved.variables = parsed->variables;
            saved.operationName = parsed->operationName;
        } else {
            saved.document = text; // an old export whose text is the bare document
        }
    } else if (mimeType == "application/json"_L1) {
        const auto parsed = ImportSupport::graphQLBodyFromJson(text.toUtf8(), nullptr);
        if (!parsed)
            return std::nullopt;
        saved.document = parsed->query;
        saved.variables = parsed->variables;
        saved.operationName = parsed->operationName;
    } else {
        return std::nullopt;
    }
    saved.variables = ImportSupport::normalizedReferences(saved.variables);
    saved.name = ImportSupport::requestName(resource.value("name"_L1).toString(), saved.document, u"Untitled"_s);
    bool userInfo = false;
    saved.endpointUrl = ImportSupport::secretFreeUrl(resource.value("url"_L1).toString(), &userInfo);
    saved.description = resource.value("description"_L1).toString();

    QStringList lines;
    bool basic = false;
    const QJsonArray headers = resource.value("headers"_L1).toArray();
    for (const QJsonValue &entry : headers) {
        const QJsonObject header = entry.toObject();
        const QString name = header.value("name"_L1).toString();
        if (header.value("disabled"_L1).toBool() || name.compare("content-type"_L1, Qt::CaseInsensitive) == 0)
            continue;
        ImportSupport::appendHeader(lines, name, header.value("value"_L1).toString());
        basic = basic
                || (name.compare("authorization"_L1, Qt::CaseInsensitive) == 0
                    && header.value("value"_L1).toString().trimmed().startsWith("basic"_L1, Qt::CaseInsensitive));
    }
    const QJsonObject auth = resource.value("authentication"_L1).toObject();
    if (!auth.value("disabled"_L1).toBool()) {
        const QString type = auth.value("type"_L1).toString();
        if (type == "bearer"_L1) {
            QString prefix = auth.value("prefix"_L1).toString().trimmed();
            if (prefix.isEmpty())
                prefix = u"Bearer"_s;
            ImportSupport::appendHeader(lines, u"Authorization"_s,
                                        prefix + u' ' + auth.value("token"_L1).toString().trimmed());
        } else if (type == "basic"_L1) {
            lines << u"Authorization: Basic {{basicAuth}}"_s;
            basic = true;
        } else if (type == "apikey"_L1 && auth.value("addTo"_L1).toString(u"header"_s) == "header"_L1) {
            ImportSupport::appendHeader(lines, auth.value("key"_L1).toString(), auth.value("value"_L1).toString());
        }
    }
    ImportSupport::finishEndpointAndHeaders(saved, lines, basic, userInfo);
    return saved;
}

void fill(CollectionFolder &folder, const QString &parentId, const Index &index, int depth)
{
    QList<QJsonObject> children = index.children.value(parentId);
    std::stable_sort(children.begin(), children.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value("metaSortKey"_L1).toDouble() < b.value("metaSortKey"_L1).toDouble();
    });
    for (const QJsonObject &child : children) {
        const QString type = child.value("_type"_L1).toString();
        if (type == "request_group"_L1 && depth < maxDepth) {
            CollectionFolder sub;
            sub.name = child.value("name"_L1).toString().trimmed();
            if (sub.name.isEmpty())
                sub.name = u"Folder"_s;
            fill(sub, child.value("_id"_L1).toString(), index, depth + 1);
            folder.folders.append(sub);
        } else if (type == "request"_L1) {
            if (auto request = readRequest(child))
                folder.requests.append(*request);
        }
    }
}

} // namespace

std::optional<CollectionFolder> readInsomnia(const QJsonObject &root, QString *error)
{
    const int format = root.value("__export_format"_L1).toInt();
    if (format != 4) {
        *error = u"unsupported Insomnia export format %1 (format 4 is supported)"_s.arg(format);
        return std::nullopt;
    }
    if (!root.value("resources"_L1).isArray()) {
        *error = u"not a valid Insomnia export: no \"resources\" list"_s;
        return std::nullopt;
    }
    Index index;
    QStringList workspaces;
    QHash<QString, bool> known;
    const QJsonArray resources = root.value("resources"_L1).toArray();
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        known.insert(resource.value("_id"_L1).toString(), true);
        if (resource.value("_type"_L1).toString() == "workspace"_L1)
            workspaces << resource.value("_id"_L1).toString();
    }
    CollectionFolder folder;
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        const QString type = resource.value("_type"_L1).toString();
        if (type == "workspace"_L1 && folder.name.isEmpty())
            folder.name = resource.value("name"_L1).toString().trimmed();
        QString parent = resource.value("parentId"_L1).toString();
        // Requests of a workspace, or whose parent is not in the file, hang at the top.
        if (workspaces.contains(parent) || !known.contains(parent))
            parent.clear();
        index.children[parent].append(resource);
    }
    if (folder.name.isEmpty())
        folder.name = u"Insomnia collection"_s;
    fill(folder, QString(), index, 0);
    ImportSupport::pruneEmptyFolders(folder);
    if (!ImportSupport::containsRequests(folder)) {
        *error = u"no GraphQL requests found"_s;
        return std::nullopt;
    }
    return folder;
}

} // namespace Sextant::Store::ImportFormats
