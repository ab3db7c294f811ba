// SPDX-License-Identifier: MIT
// Sextant: collection files on disk (document + sidecar per request), atomic writes, moves and safe names.
#include "store/collectionstore.h"

#include "store/collectionjson.h"
#include "store/historyredaction.h"
#include "store/sessionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

constexpr qint64 maxFileSize = 64 * 1024 * 1024;
constexpr int maxNameLength = 120;
constexpr int maxUniqueAttempts = 10000;

bool writeBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = path + u": cannot write: "_s + file.errorString();
        return false;
    }
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        if (error)
            *error = path + u": cannot write: "_s + reason;
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = path + u": cannot save: "_s + file.errorString();
        return false;
    }
    return true;
}

std::optional<QByteArray> readBytes(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + u": cannot read: "_s + file.errorString();
        return std::nullopt;
    }
    if (file.size() > maxFileSize) {
        if (error)
            *error = path + u": larger than 64 MB; not read"_s;
        return std::nullopt;
    }
    return file.readAll();
}

/// True when @p text is one JSON value (QJsonDocument only takes objects and arrays at the top).
bool isJsonValue(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument wrapped = QJsonDocument::fromJson((u"["_s + text + u"]"_s).toUtf8(), &parseError);
    return parseError.error == QJsonParseError::NoError && wrapped.array().size() == 1;
}

QString withoutPassword(const QString &url)
{
    const QUrl parsed(url);
    return parsed.password().isEmpty() ? url : parsed.toString(QUrl::RemovePassword);
}

QString cleanDir(const QString &dir)
{
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

void readFolderInto(const QString &dir, int depth, CollectionFolder *folder, QStringList *errors)
{
    folder->name = QFileInfo(dir).fileName();
    const QDir directory(dir);
    const QFileInfoList entries =
        directory.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name | QDir::IgnoreCase);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir()) {
            if (depth >= CollectionStore::maxDepth) {
                if (errors)
                    *errors << entry.filePath() + u": nested too deeply; not read"_s;
                continue;
            }
            CollectionFolder child;
            readFolderInto(entry.filePath(), depth + 1, &child, errors);
            folder->folders.append(std::move(child));
        } else if (CollectionStore::isRequestPath(entry.fileName())) {
            QString error;
            std::optional<SavedRequest> request = CollectionStore::readRequest(entry.filePath(), &error);
            if (!error.isEmpty() && errors)
                *errors << error;
            if (request)
                folder->requests.append(std::move(*request));
        }
    }
}

bool writeFolderInto(const CollectionFolder &folder, const QString &dir, int depth, QString *error)
{
    if (depth > CollectionStore::maxDepth) {
        if (error)
            *error = dir + u": nested too deeply; not written"_s;
        return false;
    }
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = dir + u": cannot create the directory"_s;
        return false;
    }
    for (const SavedRequest &request : folder.requests) {
        const QString name = CollectionStore::uniqueName(dir, request.name);
        if (!CollectionStore::writeRequest(request, dir + u'/' + name + CollectionStore::documentSuffix(), error))
            return false;
    }
    for (const CollectionFolder &child : folder.folders) {
        const QString name = CollectionStore::uniqueName(dir, child.name);
        if (!writeFolderInto(child, dir + u'/' + name, depth + 1, error))
            return false;
    }
    return true;
}

} // namespace

QString CollectionStore::documentSuffix()
{
    return u".graphql"_s;
}

QString CollectionStore::sidecarSuffix()
{
    return u".request.json"_s;
}

QString CollectionStore::sidecarPath(const QString &documentPath)
{
    QString base = documentPath;
    if (base.endsWith(documentSuffix()))
        base.chop(documentSuffix().size());
    return base + sidecarSuffix();
}

bool CollectionStore::isRequestPath(const QString &path)
{
    return path.endsWith(documentSuffix()) && QFileInfo(path).fileName().size() > documentSuffix().size();
}

QString CollectionStore::requestName(const QString &documentPath)
{
    QString name = QFileInfo(documentPath).fileName();
    if (name.endsWith(documentSuffix()))
        name.chop(documentSuffix().size());
    return name;
}

CollectionFolder CollectionStore::readFolder(const QString &dir, QStringList *errors)
{
    CollectionFolder folder;
    if (!QFileInfo(dir).isDir()) {
        if (errors)
            *errors << dir + u": not a directory"_s;
        folder.name = QFileInfo(dir).fileName();
        return folder;
    }
    readFolderInto(dir, 0, &folder, errors);
    return folder;
}

std::optional<SavedRequest> CollectionStore::readRequest(const QString &documentPath, QString *error)
{
    if (error)
        error->clear();
    const std::optional<QByteArray> document = readBytes(documentPath, error);
    if (!document)
        return std::nullopt;
    SavedRequest request;
    request.name = requestName(documentPath);
    request.document = QString::fromUtf8(*document);

    const QString sidecar = sidecarPath(documentPath);
    if (!QFileInfo::exists(sidecar))
        return request;
    const std::optional<QByteArray> bytes = readBytes(sidecar, error);
    if (!bytes)
        return request;
    QString sidecarError;
    if (!parseSidecar(*bytes, &request, &sidecarError) && error)
        *error = sidecar + u": "_s + sidecarError;
    return request;
}

bool CollectionStore::writeRequest(const SavedRequest &request, const QString &documentPath, QString *error)
{
    if (error)
        error->clear();
    const QFileInfo info(documentPath);
    if (!isRequestPath(documentPath)) {
        if (error)
            *error = documentPath + u": a request file name must end with .graphql"_s;
        return false;
    }
    if (info.isDir()) {
        if (error)
            *error = documentPath + u": is a directory"_s;
        return false;
    }
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = documentPath + u": cannot create the directory "_s + info.absolutePath();
        return false;
    }
    // The sidecar first: a request whose document write fails keeps its old document, the one users care about.
    return writeBytes(sidecarPath(documentPath), sidecarBytes(request), error)
           && writeBytes(documentPath, request.document.toUtf8(), error);
}

bool CollectionStore::writeFolder(const CollectionFolder &folder, const QString &dir, QString *error)
{
    if (error)
        error->clear();
    return writeFolderInto(folder, dir, 0, error);
}

QByteArray CollectionStore::sidecarBytes(const SavedRequest &request)
{
    // A credential-named variable's value never reaches a collection: it becomes a {{reference}} to an environment.
    const QString typed = HistoryRedaction::variablesWithSecretsAsReferences(request.variables);
    QString variables = typed.trimmed();
    if (variables.isEmpty())
        variables = u"{}"_s;
    // Text that is not JSON (half typed) is kept exactly, as a string.
    variables = isJsonValue(variables) ? CollectionJson::reindent(variables, 1) : CollectionJson::quoted(typed);

    QStringList headerLines;
    const QStringList lines = SessionStore::withoutCredentialHeaders(request.headers).split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            headerLines << u"    "_s + CollectionJson::quoted(trimmed);
    }
    const QString headers = headerLines.isEmpty() ? u"[]"_s : u"[\n"_s + headerLines.join(u",\n"_s) + u"\n  ]"_s;

    const QString text = u"{\n"_s + u"  \"version\": %1,\n"_s.arg(formatVersion) + u"  \"operationName\": "_s
                         + CollectionJson::quoted(request.operationName) + u",\n  \"endpoint\": {\n    \"kind\": "_s
                         + CollectionJson::quoted(request.endpointKind) + u",\n    \"url\": "_s
                         + CollectionJson::quoted(withoutPassword(request.endpointUrl)) + u"\n  },\n  \"variables\": "_s
                         + variables + u",\n  \"headers\": "_s + headers + u",\n  \"description\": "_s
                         + CollectionJson::quoted(request.description) + u"\n}\n"_s;
    return text.toUtf8();
}

bool CollectionStore::parseSidecar(const QByteArray &bytes, SavedRequest *request, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"not a valid request sidecar: "_s + parseError.errorString()
                    + u" at offset %1"_s.arg(parseError.offset));
    if (!json.isObject())
        return fail(u"not a valid request sidecar: expected a JSON object"_s);
    const QJsonObject object = json.object();
    const int version = object.value(QLatin1StringView("version")).toInt(formatVersion);
    if (version > formatVersion)
        return fail(u"written by a newer Sextant (format %1); its settings are ignored"_s.arg(version));

    QStringList problems;
    const auto readString = [&](const QJsonObject &from, QLatin1StringView key, QString *into) {
        const QJsonValue value = from.value(key);
        if (value.isString())
            *into = value.toString();
        else if (!value.isUndefined() && !value.isNull())
            problems << u"\"%1\" is not a string"_s.arg(key);
    };
    readString(object, QLatin1StringView("operationName"), &request->operationName);
    readString(object, QLatin1StringView("description"), &request->description);
    const QJsonValue endpoint = object.value(QLatin1StringView("endpoint"));
    if (endpoint.isObject()) {
        readString(endpoint.toObject(), QLatin1StringView("kind"), &request->endpointKind);
        readString(endpoint.toObject(), QLatin1StringView("url"), &request->endpointUrl);
    } else if (!endpoint.isUndefined() && !endpoint.isNull()) {
        problems << u"\"endpoint\" is not an object"_s;
    }

    const QJsonValue variables = object.value(QLatin1StringView("variables"));
    if (variables.isString()) {
        request->variables = variables.toString();
    } else if (variables.isObject() && variables.toObject().isEmpty()) {
        request->variables.clear();
    } else if (!variables.isUndefined() && !variables.isNull()) {
        // The raw text, so key order and the spelling of big numbers survive.
        request->variables =
            CollectionJson::reindent(CollectionJson::memberText(QString::fromUtf8(bytes), u"variables"));
    }

    const QJsonValue headers = object.value(QLatin1StringView("headers"));
    if (headers.isArray()) {
        QStringList lines;
        const QJsonArray array = headers.toArray();
        for (const QJsonValue &line : array) {
            if (line.isString())
                lines << line.toString();
            else
                problems << u"a header is not a string"_s;
        }
        request->headers = SessionStore::withoutCredentialHeaders(lines.join(u'\n'));
    } else if (headers.isString()) {
        request->headers = SessionStore::withoutCredentialHeaders(headers.toString());
    } else if (!headers.isUndefined() && !headers.isNull()) {
        problems << u"\"headers\" is not a list"_s;
    }
    if (!problems.isEmpty())
        return fail(problems.join(u"; "_s));
    return true;
}

bool CollectionStore::moveRequest(const QString &fromDocumentPath, const QString &toDocumentPath, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!isRequestPath(toDocumentPath))
        return fail(toDocumentPath + u": a request file name must end with .graphql"_s);
    if (!QFileInfo::exists(fromDocumentPath))
        return fail(fromDocumentPath + u": no such request"_s);
    if (cleanDir(fromDocumentPath) == cleanDir(toDocumentPath))
        return true;
    const QString fromSidecar = sidecarPath(fromDocumentPath);
    const QString toSidecar = sidecarPath(toDocumentPath);
    if (QFileInfo::exists(toDocumentPath) || QFileInfo::exists(toSidecar))
        return fail(toDocumentPath + u": a request of that name exists already"_s);
    const QString targetDir = QFileInfo(toDocumentPath).absolutePath();
    if (!QDir().mkpath(targetDir))
        return fail(targetDir + u": cannot create the directory"_s);
    if (!QFile::rename(fromDocumentPath, toDocumentPath))
        return fail(fromDocumentPath + u": cannot move to "_s + toDocumentPath);
    if (QFileInfo::exists(fromSidecar) && !QFile::rename(fromSidecar, toSidecar)) {
        QFile::rename(toDocumentPath, fromDocumentPath);
        return fail(fromSidecar + u": cannot move to "_s + toSidecar);
    }
    return true;
}

bool CollectionStore::moveFolder(const QString &fromDir, const QString &toDir, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString from = cleanDir(fromDir);
    const QString to = cleanDir(toDir);
    if (!QFileInfo(from).isDir())
        return fail(fromDir + u": no such folder"_s);
    if (from == to)
        return true;
    if (to.startsWith(from + u'/'))
        return fail(toDir + u": cannot move a folder into itself"_s);
    if (QFileInfo::exists(to))
        return fail(toDir + u": a folder or file of that name exists already"_s);
    if (!QDir().mkpath(QFileInfo(to).absolutePath()))
        return fail(QFileInfo(to).absolutePath() + u": cannot create the directory"_s);
    if (!QDir().rename(from, to))
        return fail(fromDir + u": cannot move to "_s + toDir);
    return true;
}

QString CollectionStore::sanitizeFileName(const QString &name)
{
    static const QString reserved = u"/\\:*?\"<>|"_s;
    QString out;
    out.reserve(name.size());
    for (const QChar c : name)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f || reserved.contains(c)) ? QChar(u'_') : c;
    out = out.trimmed();
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    if (out.size() > maxNameLength)
        out.truncate(maxNameLength);
    while (out.endsWith(u'.') || out.endsWith(u' '))
        out.chop(1);
    if (out.isEmpty())
        return u"Untitled"_s;
    static const QStringList windowsReserved = {u"con"_s,  u"prn"_s,  u"aux"_s,  u"nul"_s,  u"com1"_s, u"com2"_s,
                                                u"com3"_s, u"com4"_s, u"com5"_s, u"com6"_s, u"com7"_s, u"com8"_s,
                                                u"com9"_s, u"lpt1"_s, u"lpt2"_s, u"lpt3"_s, u"lpt4"_s, u"lpt5"_s,
                                                u"lpt6"_s, u"lpt7"_s, u"lpt8"_s, u"lpt9"_s};
    if (windowsReserved.contains(out.section(u'.', 0, 0).toLower()))
        out += u'_';
    return out;
}

QString CollectionStore::uniqueName(const QString &dir, const QString &name)
{
    const QString base = sanitizeFileName(name);
    const auto taken = [&](const QString &candidate) {
        const QString path = dir + u'/' + candidate;
        return QFileInfo::exists(path) || QFileInfo::exists(path + documentSuffix())
               || QFileInfo::exists(path + sidecarSuffix());
    };
    if (!taken(base))
        return base;
    for (int n = 2; n < maxUniqueAttempts; ++n) {
        const QString candidate = base + u" %1"_s.arg(n);
        if (!taken(candidate))
            return candidate;
    }
    return base + u" %1"_s.arg(maxUniqueAttempts);
}

} // namespace Sextant::Store
