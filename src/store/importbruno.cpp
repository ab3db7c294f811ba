// SPDX-License-Identifier: MIT
// Sextant: reads Bruno .bru request files and Bruno collection folders (GraphQL requests only).
#include "collectionimport.h"
#include "importformats.h"
#include "importsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Sextant::Store::ImportFormats {

namespace {

/**
 * The Bru language (usebruno/bruno, packages/bruno-lang; docs "Bru Tag Reference"): a file is a sequence of
 * top-level blocks "name {" … "}" where the closing brace stands alone at column 0. Dictionary blocks (meta,
 * get/post/…, headers, auth:bearer, auth:basic, auth:apikey) hold "key: value" lines ("~key" = disabled); text
 * blocks (body:graphql, body:graphql:vars, docs) hold text indented by two spaces. A GraphQL request has
 * meta { type: graphql }, its method block gives url and auth mode (none, inherit, bearer, basic, apikey).
 */
constexpr int maxFolderDepth = 32;
constexpr int maxFiles = 20000;
constexpr qint64 maxBruSize = 16 * 1024 * 1024;

struct BruBlock
{
    QString name;
    QStringList lines;
};

struct BruFile
{
    QList<BruBlock> blocks;

    const BruBlock *block(QLatin1StringView name) const
    {
        for (const BruBlock &b : blocks) {
            if (b.name == name)
                return &b;
        }
        return nullptr;
    }
    /// Enabled "key: value" pairs of a dictionary block, in order.
    QList<std::pair<QString, QString>> dictionary(QLatin1StringView name) const
    {
        QList<std::pair<QString, QString>> pairs;
        if (const BruBlock *b = block(name)) {
            for (const QString &line : b->lines) {
                const QString trimmed = line.trimmed();
                const qsizetype colon = trimmed.indexOf(u':');
                if (trimmed.isEmpty() || trimmed.startsWith(u'~') || colon <= 0)
                    continue;
                pairs.append({trimmed.left(colon).trimmed(), trimmed.mid(colon + 1).trimmed()});
            }
        }
        return pairs;
    }
    QString value(QLatin1StringView blockName, QLatin1StringView key) const
    {
        for (const auto &[k, v] : dictionary(blockName)) {
            if (k == key)
                return v;
        }
        return {};
    }
    /// A text block without its two-space indentation, trimmed at both ends.
    QString text(QLatin1StringView name) const
    {
        const BruBlock *b = block(name);
        if (!b)
            return {};
        QStringList lines;
        for (const QString &line : b->lines)
            lines << (line.startsWith("  "_L1) ? line.mid(2) : line.trimmed());
        return lines.join(u'\n').trimmed();
    }
};

std::optional<BruFile> parseBru(const QString &text, QString *error)
{
    static const QRegularExpression opening(uR"(^([A-Za-z][A-Za-z0-9:_\-]*)\s*\{\s*$)"_s);
    BruFile file;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const QRegularExpressionMatch match = opening.match(line);
        if (!match.hasMatch()) {
            *error =
                u"line %1: expected a block such as \"meta {\", found \"%2\""_s.arg(i + 1).arg(line.trimmed().left(40));
            return std::nullopt;
        }
        BruBlock block;
        block.name = match.captured(1);
        const qsizetype start = i;
        bool closed = false;
        for (++i; i < lines.size(); ++i) {
            QString content = lines.at(i);
            if (content.endsWith(u'\r'))
                content.chop(1);
            if (content.trimmed() == "}"_L1 && !content.startsWith(u' ') && !content.startsWith(u'\t')) {
                closed = true;
                break;
            }
            block.lines << content;
        }
        if (!closed) {
            *error = u"line %1: the block \"%2\" is not closed by a \"}\" line"_s.arg(start + 1).arg(block.name);
            return std::nullopt;
        }
        file.blocks.append(block);
    }
    return file;
}

QLatin1StringView httpMethodBlock(const BruFile &file)
{
    static const QList<QLatin1StringView> methods = {"post"_L1, "get"_L1,     "put"_L1,     "patch"_L1, "delete"_L1,
                                                     "head"_L1, "options"_L1, "connect"_L1, "trace"_L1};
    for (const QLatin1StringView method : methods) {
        if (file.block(method))
            return method;
    }
    return QLatin1StringView();
}

/// Headers and the auth header of a request or of collection.bru; *basic for basic auth.
void appendHeadersAndAuth(QStringList &lines, const BruFile &file, const QString &authMode, bool *basic)
{
    for (const auto &[key, value] : file.dictionary("headers"_L1)) {
        ImportSupport::appendHeader(lines, key, value);
        *basic = *basic
                 || (key.compare("authorization"_L1, Qt::CaseInsensitive) == 0
                     && value.startsWith("basic"_L1, Qt::CaseInsensitive));
    }
    if (authMode == "bearer"_L1) {
        ImportSupport::appendHeader(lines, u"Authorization"_s, u"Bearer "_s + file.value("auth:bearer"_L1, "token"_L1));
    } else if (authMode == "basic"_L1) {
        lines << u"Authorization: Basic {{basicAuth}}"_s;
        *basic = true;
    } else if (authMode == "apikey"_L1) {
        const QString placement = file.value("auth:apikey"_L1, "placement"_L1);
        if (placement.isEmpty() || placement == "header"_L1)
            ImportSupport::appendHeader(lines, file.value("auth:apikey"_L1, "key"_L1),
                                        file.value("auth:apikey"_L1, "value"_L1));
    }
}

struct Inherited
{
    BruFile collection; // collection.bru (may be empty)
    QString authMode;   // collection.bru auth { mode }
};

std::optional<SavedRequest> requestFrom(const BruFile &file, const QString &fallbackName, const Inherited *inherited)
{
    if (file.value("meta"_L1, "type"_L1) != "graphql"_L1)
        return std::nullopt;
    const QLatin1StringView methodBlock = httpMethodBlock(file);
    SavedRequest saved;
    saved.document = file.text("body:graphql"_L1);
    saved.variables = file.text("body:graphql:vars"_L1);
    saved.description = file.text("docs"_L1);
    saved.name = ImportSupport::requestName(file.value("meta"_L1, "name"_L1), saved.document, fallbackName);
    bool userInfo = false;
    saved.endpointUrl =
        methodBlock.isEmpty() ? QString() : ImportSupport::secretFreeUrl(file.value(methodBlock, "url"_L1), &userInfo);
    const QString authMode = methodBlock.isEmpty() ? QString() : file.value(methodBlock, "auth"_L1);
    QStringList lines;
    bool basic = false;
    if (inherited)
        appendHeadersAndAuth(lines, inherited->collection, authMode == "inherit"_L1 ? inherited->authMode : QString(),
                             &basic);
    appendHeadersAndAuth(lines, file, authMode, &basic);
    ImportSupport::finishEndpointAndHeaders(saved, lines, basic, userInfo);
    return saved;
}

std::optional<QString> readText(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QFileInfo(path).fileName() + u": cannot read: "_s + file.errorString();
        return std::nullopt;
    }
    if (file.size() > maxBruSize) {
        *error = QFileInfo(path).fileName() + u": larger than 16 MB"_s;
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

struct FolderReader
{
    QString root;
    Inherited inherited;
    int files = 0;
    QString error;

    /// Reads @p directory into @p folder; returns the folder's seq from folder.bru (or a large number).
    bool read(const QString &directory, CollectionFolder &folder, int depth)
    {
        QList<std::pair<double, CollectionFolder>> folders;
        QList<std::pair<double, SavedRequest>> requests;
        const QDir dir(directory);
        const QFileInfoList entries =
            dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name);
        for (const QFileInfo &entry : entries) {
            if (++files > maxFiles) {
                error = u"more than 20000 files; not imported"_s;
                return false;
            }
            if (entry.isDir()) {
                if (depth >= maxFolderDepth || entry.isSymLink() || entry.fileName().startsWith(u'.')
                    || (depth == 0 && entry.fileName() == "environments"_L1) || entry.fileName() == "node_modules"_L1)
                    continue;
                CollectionFolder sub;
                sub.name = entry.fileName();
                double seq = 1e9;
                const QString folderBru = entry.absoluteFilePath() + u"/folder.bru"_s;
                if (QFileInfo::exists(folderBru)) {
                    const auto text = readText(folderBru, &error);
                    if (!text)
                        return false;
                    QString why;
                    if (const auto parsed = parseBru(*text, &why)) {
                        const QString name = parsed->value("meta"_L1, "name"_L1);
                        if (!name.isEmpty())
                            sub.name = name;
                        bool ok = false;
                        const double s = parsed->value("meta"_L1, "seq"_L1).toDouble(&ok);
                        if (ok)
                            seq = s;
                    }
                }
                if (!read(entry.absoluteFilePath(), sub, depth + 1))
                    return false;
                folders.append({seq, sub});
            } else if (entry.suffix() == "bru"_L1 && entry.fileName() != "folder.bru"_L1
                       && entry.fileName() != "collection.bru"_L1) {
                const auto text = readText(entry.absoluteFilePath(), &error);
                if (!text)
                    return false;
                QString why;
                const auto parsed = parseBru(*text, &why);
                if (!parsed) {
                    error = QDir(root).relativeFilePath(entry.absoluteFilePath()) + u": "_s + why;
                    return false;
                }
                if (auto request = requestFrom(*parsed, entry.completeBaseName(), &inherited)) {
                    bool ok = false;
                    const double seq = parsed->value("meta"_L1, "seq"_L1).toDouble(&ok);
                    requests.append({ok ? seq : 1e9, *request});
                }
            }
        }
        std::stable_sort(folders.begin(), folders.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        std::stable_sort(requests.begin(), requests.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[seq, sub] : folders)
            folder.folders.append(sub);
        for (const auto &[seq, request] : requests)
            folder.requests.append(request);
        return true;
    }
};

} // namespace

std::optional<SavedRequest> readBruRequest(const QString &text, const QString &fallbackName, QString *error)
{
    error->clear();
    const auto file = parseBru(text, error);
    if (!file)
        return std::nullopt;
    if (!file->block("meta"_L1)) {
        *error = u"not a Bruno request: no \"meta\" block"_s;
        return std::nullopt;
    }
    return requestFrom(*file, fallbackName, nullptr);
}

std::optional<CollectionFolder> readBrunoFolder(const QString &directory, QString *error)
{
    QFile manifest(directory + u"/bruno.json"_s);
    if (!manifest.open(QIODevice::ReadOnly)) {
        *error = u"not a Bruno collection: cannot read bruno.json: "_s + manifest.errorString();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(manifest.read(1024 * 1024), &parseError);
    if (!json.isObject()) {
        *error = u"bruno.json is not a JSON object"_s;
        return std::nullopt;
    }
    FolderReader reader;
    reader.root = directory;
    const QString collectionBru = directory + u"/collection.bru"_s;
    if (QFileInfo::exists(collectionBru)) {
        const auto text = readText(collectionBru, error);
        if (!text)
            return std::nullopt;
        QString why;
        const auto parsed = parseBru(*text, &why);
        if (!parsed) {
            *error = u"collection.bru: "_s + why;
            return std::nullopt;
        }
        reader.inherited.collection = *parsed;
        reader.inherited.authMode = parsed->value("auth"_L1, "mode"_L1);
    }
    CollectionFolder folder;
    folder.name = json.object().value("name"_L1).toString().trimmed();
    if (folder.name.isEmpty())
        folder.name = QFileInfo(directory).fileName();
    if (!reader.read(directory, folder, 0)) {
        *error = reader.error;
        return std::nullopt;
    }
    ImportSupport::pruneEmptyFolders(folder);
    if (!ImportSupport::containsRequests(folder)) {
        *error = u"no GraphQL requests found"_s;
        return std::nullopt;
    }
    return folder;
}

} // namespace Sextant::Store::ImportFormats
