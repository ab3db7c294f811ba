// SPDX-License-Identifier: MIT
// Sextant: the workspace on disk: one small JSON file per tab plus an index of their order, each written atomically.
#include "store/workspacestore.h"

#include "store/jsonfile.h"
#include "store/sessionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

constexpr qint64 maxTabFileSize = 256 * 1024 * 1024;
const auto indexFileName = "workspace.json"_L1;

bool isSafeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (!(c.isDigit() || (c >= u'a' && c <= u'z') || c == u'-'))
            return false;
    }
    return true;
}

QString tabFileName(const QString &id)
{
    return u"tab-"_s + id + u".json"_s;
}

TabState tabFromObject(const QJsonObject &object)
{
    TabState tab;
    tab.id = object.value("id"_L1).toString();
    tab.title = object.value("title"_L1).toString();
    tab.customTitle = object.value("customTitle"_L1).toBool();
    tab.endpointKind = qBound(0, object.value("endpointKind"_L1).toInt(0), 2);
    tab.url = object.value("url"_L1).toString();
    tab.query = object.value("query"_L1).toString();
    tab.variables = object.value("variables"_L1).toString();
    tab.headers = object.value("headers"_L1).toString();
    tab.collectionPath = object.value("collectionPath"_L1).toString();
    tab.resultSummary = object.value("resultSummary"_L1).toString();
    return tab;
}

} // namespace

QByteArray WorkspaceStore::tabFileBytes(const TabState &tab)
{
    QJsonObject object;
    object.insert("version"_L1, formatVersion);
    object.insert("id"_L1, tab.id);
    object.insert("title"_L1, tab.title);
    object.insert("customTitle"_L1, tab.customTitle);
    object.insert("endpointKind"_L1, tab.endpointKind);
    const QUrl url(tab.url);
    object.insert("url"_L1, url.password().isEmpty() ? tab.url : url.toString(QUrl::RemovePassword));
    object.insert("query"_L1, tab.query);
    object.insert("variables"_L1, tab.variables);
    object.insert("headers"_L1, SessionStore::withoutCredentialHeaders(tab.headers));
    object.insert("collectionPath"_L1, tab.collectionPath);
    object.insert("resultSummary"_L1, tab.resultSummary);
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

bool WorkspaceStore::saveTab(const QString &directory, const TabState &tab, QString *error)
{
    if (!isSafeId(tab.id)) {
        if (error)
            *error = u"invalid tab id \"%1\""_s.arg(tab.id);
        return false;
    }
    return JsonFile::writeAtomically(QDir(directory).filePath(tabFileName(tab.id)), u"tab file"_s, tabFileBytes(tab),
                                     error);
}

bool WorkspaceStore::saveIndex(const QString &directory, const QStringList &tabIds, const QString &currentId,
                               QString *error)
{
    QJsonObject object;
    object.insert("version"_L1, formatVersion);
    object.insert("tabs"_L1, QJsonArray::fromStringList(tabIds));
    object.insert("current"_L1, currentId);
    return JsonFile::writeAtomically(QDir(directory).filePath(indexFileName), u"workspace index"_s,
                                     QJsonDocument(object).toJson(), error);
}

bool WorkspaceStore::removeTab(const QString &directory, const QString &id, QString *error)
{
    if (!isSafeId(id))
        return true;
    QFile file(QDir(directory).filePath(tabFileName(id)));
    if (!file.exists() || file.remove())
        return true;
    if (error)
        *error = file.fileName() + u": "_s + file.errorString();
    return false;
}

WorkspaceState WorkspaceStore::load(const QString &directory, QString *error)
{
    QStringList problems;
    WorkspaceState state;
    const QDir dir(directory);
    if (!dir.exists()) {
        if (error)
            error->clear();
        return state;
    }

    // QSaveFile's temporary files ("tab-x.json.AbC123") left by a process killed in the middle of a write: the
    // target next to each is intact, so they are only clutter.
    const QStringList leftovers = dir.entryList({u"tab-*.json.*"_s, u"workspace.json.*"_s}, QDir::Files);
    for (const QString &file : leftovers) {
        if (!file.endsWith(u".corrupt"_s))
            QFile::remove(dir.filePath(file));
    }

    QStringList order;
    const QString indexPath = dir.filePath(indexFileName);
    if (QFile::exists(indexPath)) {
        QString message;
        if (const auto index = JsonFile::readObject(indexPath, u"workspace index"_s, maxTabFileSize, formatVersion,
                                                    &message)) {
            for (const QJsonValue &value : index->value("tabs"_L1).toArray()) {
                const QString id = value.toString();
                if (isSafeId(id) && !order.contains(id))
                    order << id;
            }
            state.currentId = index->value("current"_L1).toString();
        } else if (!message.isEmpty()) {
            problems << message;
        }
    }
    // Tab files the index does not know (written just before a crash) come after the listed ones.
    const QStringList files = dir.entryList({u"tab-*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString id = file.mid(4, file.size() - 4 - 5);
        if (isSafeId(id) && !order.contains(id))
            order << id;
    }

    QSet<QString> seen;
    for (const QString &id : std::as_const(order)) {
        const QString path = dir.filePath(tabFileName(id));
        if (!QFile::exists(path))
            continue; // listed, then closed before the index was rewritten
        QString message;
        const auto object = JsonFile::readObject(path, u"tab file"_s, maxTabFileSize, formatVersion, &message);
        if (!object && message.isEmpty())
            continue; // gone since the directory was listed
        if (!object) {
            const QString aside = path + u".corrupt"_s;
            QFile::remove(aside);
            QFile::rename(path, aside);
            problems << message + u" (kept as "_s + QFileInfo(aside).fileName() + u')';
            continue;
        }
        TabState tab = tabFromObject(*object);
        tab.id = id; // the file name is the identity
        if (seen.contains(id))
            continue;
        seen.insert(id);
        state.tabs << tab;
    }
    if (!seen.contains(state.currentId))
        state.currentId = state.tabs.isEmpty() ? QString() : state.tabs.first().id;
    if (error)
        *error = problems.join(u'\n');
    return state;
}

QString WorkspaceStore::newTabId()
{
    return u"t-"_s + QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 16).rightJustified(12, u'0');
}

QString WorkspaceStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/workspace"_s;
}

} // namespace Sextant::Store
