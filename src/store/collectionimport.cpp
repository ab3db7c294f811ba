// SPDX-License-Identifier: MIT
// Sextant: detects a collection file's format and hands it to the matching reader; endpoint kinds; .graphql files.
#include "collectionimport.h"

#include "importformats.h"
#include "importsupport.h"

#include <core/language/operationoutline.h>
#include <store/sessionstore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

constexpr qint64 maxImportSize = 64 * 1024 * 1024;
constexpr int maxGraphQLFolderDepth = 32;
constexpr int maxGraphQLFiles = 20000;

bool isGraphQLSuffix(const QString &suffix)
{
    return suffix.compare("graphql"_L1, Qt::CaseInsensitive) == 0 || suffix.compare("gql"_L1, Qt::CaseInsensitive) == 0;
}

SavedRequest graphQLRequest(const QString &text, const QString &baseName)
{
    SavedRequest request;
    request.document = text;
    request.name = ImportSupport::requestName(QString(), text, baseName.isEmpty() ? u"Untitled"_s : baseName);
    return request;
}

std::optional<CollectionFolder> fromJson(const QJsonObject &root, QString *error)
{
    if (root.value("_type"_L1).toString() == "export"_L1 || root.contains("__export_format"_L1))
        return ImportFormats::readInsomnia(root, error);
    const QString type = root.value("type"_L1).toString();
    if ((type == "collection"_L1 && (root.contains("queries"_L1) || root.contains("title"_L1))) || type == "window"_L1)
        return ImportFormats::readAltair(root, error);
    if (root.value("info"_L1).isObject() || root.value("item"_L1).isArray())
        return ImportFormats::readPostman(root, error);
    if (type == "collection"_L1)
        *error = u"this is a Bruno bruno.json: import the collection's folder"_s;
    else if (root.contains("requests"_L1) && root.contains("order"_L1))
        *error = u"Postman Collection v1 is not supported; export the collection as v2.1 from Postman"_s;
    else
        *error = u"unrecognized JSON: not an Altair, Postman v2.1 or Insomnia v4 export"_s;
    return std::nullopt;
}

std::optional<CollectionFolder> fromData(const QByteArray &data, const QString &fileName, QString *error)
{
    const QFileInfo info(fileName);
    const QString suffix = info.suffix().toLower();
    const QString baseName = info.completeBaseName();
    const QByteArray trimmed = data.trimmed();
    if (trimmed.isEmpty()) {
        *error = u"the file is empty"_s;
        return std::nullopt;
    }
    if (trimmed.startsWith('{') && !isGraphQLSuffix(suffix) && suffix != "bru"_L1) {
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            if (suffix == "json"_L1 || suffix == "agc"_L1) {
                *error = u"not valid JSON: "_s + parseError.errorString() + u" at offset %1"_s.arg(parseError.offset);
                return std::nullopt;
            }
        } else {
            return fromJson(json.object(), error);
        }
    }
    const QString text = QString::fromUtf8(data);
    static const QRegularExpression bruBlock(uR"(^\s*meta\s*\{\s*$)"_s, QRegularExpression::MultilineOption);
    if (suffix == "bru"_L1 || (!isGraphQLSuffix(suffix) && bruBlock.match(text).hasMatch())) {
        auto request = ImportFormats::readBruRequest(text, baseName, error);
        if (!request) {
            if (error->isEmpty())
                *error = u"not a GraphQL request (Bruno meta type is not graphql)"_s;
            return std::nullopt;
        }
        CollectionFolder folder;
        folder.name = request->name;
        folder.requests.append(*request);
        return folder;
    }
    if (!isGraphQLSuffix(suffix) && looksLikeCurlCommand(text)) {
        auto request = parseCurlCommand(text, error);
        if (!request)
            return std::nullopt;
        CollectionFolder folder;
        folder.name = request->name;
        folder.requests.append(*request);
        return folder;
    }
    if (isGraphQLSuffix(suffix) || !ImportSupport::firstOperationName(text).isEmpty()
        || text.trimmed().startsWith(u'{')) {
        if (Core::outlineOperations(text).isEmpty()) {
            *error = u"no GraphQL operation in the document"_s;
            return std::nullopt;
        }
        CollectionFolder folder;
        folder.requests.append(graphQLRequest(text, baseName));
        folder.name = folder.requests.first().name;
        return folder;
    }
    *error =
        u"unrecognized format: not an Altair (.agc), Postman v2.1, Insomnia v4, Bruno (.bru), .graphql or curl file"_s;
    return std::nullopt;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read: "_s + file.errorString();
        return std::nullopt;
    }
    if (file.size() > maxImportSize) {
        *error = u"larger than 64 MB; not imported"_s;
        return std::nullopt;
    }
    return file.readAll();
}

bool readGraphQLFolder(const QString &directory, CollectionFolder &folder, int depth, int *files, QString *error)
{
    const QFileInfoList entries =
        QDir(directory).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsFirst);
    for (const QFileInfo &entry : entries) {
        if (++*files > maxGraphQLFiles) {
            *error = u"more than 20000 files; not imported"_s;
            return false;
        }
        if (entry.isDir()) {
            if (depth >= maxGraphQLFolderDepth || entry.isSymLink() || entry.fileName().startsWith(u'.'))
                continue;
            CollectionFolder sub;
            sub.name = entry.fileName();
            if (!readGraphQLFolder(entry.absoluteFilePath(), sub, depth + 1, files, error))
                return false;
            folder.folders.append(sub);
        } else if (isGraphQLSuffix(entry.suffix())) {
            const auto bytes = readFile(entry.absoluteFilePath(), error);
            if (!bytes) {
                *error = entry.fileName() + u": "_s + *error;
                return false;
            }
            folder.requests.append(graphQLRequest(QString::fromUtf8(*bytes), entry.completeBaseName()));
        }
    }
    return true;
}

} // namespace

std::optional<CollectionFolder> importCollectionFile(const QString &path, QString *error)
{
    QString why;
    const auto fail = [&](const QString &message) -> std::optional<CollectionFolder> {
        if (error)
            *error = QDir::toNativeSeparators(path) + u": "_s + message;
        return std::nullopt;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(u"no such file or folder"_s);
    if (info.isDir() || info.fileName() == "bruno.json"_L1) {
        const QString directory = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
        std::optional<CollectionFolder> folder;
        if (QFileInfo::exists(directory + u"/bruno.json"_s)) {
            folder = ImportFormats::readBrunoFolder(directory, &why);
        } else {
            CollectionFolder graphql;
            graphql.name = QFileInfo(directory).fileName();
            int files = 0;
            if (readGraphQLFolder(directory, graphql, 0, &files, &why)) {
                ImportSupport::pruneEmptyFolders(graphql);
                if (ImportSupport::containsRequests(graphql))
                    folder = graphql;
                else
                    why = u"no bruno.json and no .graphql/.gql files: not an importable folder"_s;
            }
        }
        if (!folder)
            return fail(why);
        if (error)
            error->clear();
        return folder;
    }
    const auto bytes = readFile(path, &why);
    if (!bytes)
        return fail(why);
    auto folder = fromData(*bytes, info.fileName(), &why);
    if (!folder)
        return fail(why);
    if (error)
        error->clear();
    return folder;
}

std::optional<CollectionFolder> importCollectionData(const QByteArray &data, const QString &fileName, QString *error)
{
    QString why;
    if (data.size() > maxImportSize)
        why = u"larger than 64 MB; not imported"_s;
    auto folder = why.isEmpty() ? fromData(data, fileName, &why) : std::nullopt;
    if (error)
        *error = folder ? QString() : (fileName.isEmpty() ? why : fileName + u": "_s + why);
    return folder;
}

std::optional<CollectionFolder> importGraphQLFiles(const QStringList &paths, const QString &name, QString *error)
{
    CollectionFolder folder;
    folder.name = name;
    for (const QString &path : paths) {
        QString why;
        const auto bytes = readFile(path, &why);
        if (!bytes) {
            if (error)
                *error = QDir::toNativeSeparators(path) + u": "_s + why;
            return std::nullopt;
        }
        folder.requests.append(graphQLRequest(QString::fromUtf8(*bytes), QFileInfo(path).completeBaseName()));
    }
    if (folder.requests.isEmpty()) {
        if (error)
            *error = u"no files to import"_s;
        return std::nullopt;
    }
    if (error)
        error->clear();
    return folder;
}

QString importFileDialogFilter()
{
    return u"Collections (*.agc *.json *.bru *.graphql *.gql *.sh *.txt);;Altair collection (*.agc);;"
           "Postman or Insomnia export (*.json);;Bruno request (*.bru);;GraphQL documents (*.graphql *.gql);;"
           "curl command (*.sh *.txt);;All files (*)"_s;
}

QString endpointKindForUrl(const QString &url, bool hasBasicAuth)
{
    static const QRegularExpression pattern(uR"(^(https?)://([^/:?#]+)(?::([^/?#]*))?(/[^?#]*)?)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(url.trimmed());
    if (!match.hasMatch())
        return {};
    const QString host = match.captured(2).toLower();
    const QString port = match.captured(3);
    QString path = match.captured(4);
    while (path.endsWith(u'/') && path.size() > 1)
        path.chop(1);
    if ((host == "127.0.0.1"_L1 || host == "localhost"_L1) && path.endsWith("/query"_L1) && hasBasicAuth)
        return u"dagger-session"_s;
    if (port == "3000"_L1 && path.endsWith("/graphql"_L1))
        return u"dagster"_s;
    return u"http"_s;
}

bool isReferenceOnlyHeaderValue(QStringView value)
{
    return ImportSupport::isReferenceOnly(value);
}

QString withSecretsAsReferences(const QString &headers)
{
    QStringList lines = headers.split(u'\n');
    for (QString &line : lines) {
        const QString trimmed = line.trimmed();
        const qsizetype colon = trimmed.indexOf(u':');
        if (trimmed.startsWith(u'#') || colon <= 0)
            continue;
        const QString name = trimmed.left(colon).trimmed();
        if (!SessionStore::isCredentialHeader(name))
            continue;
        line = name + u": "_s + ImportSupport::referenceForSecret(name, trimmed.mid(colon + 1).trimmed());
    }
    return lines.join(u'\n');
}

} // namespace Sextant::Store
