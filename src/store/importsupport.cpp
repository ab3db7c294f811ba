// SPDX-License-Identifier: MIT
// Sextant: helpers every collection reader shares (secrets to references, {{variables}}, GraphQL JSON bodies).
#include "importsupport.h"

#include <core/language/operationoutline.h>
#include <store/collectionimport.h>
#include <store/sessionstore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sextant::Store::ImportSupport {

std::optional<GraphQLBody> graphQLBodyFromJson(const QByteArray &json, QString *why)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.trimmed(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (why)
            *why = u"the body is not JSON ("_s + parseError.errorString() + u")"_s;
        return std::nullopt;
    }
    if (document.isArray()) {
        if (why)
            *why = u"batched GraphQL requests (a JSON array) are not supported"_s;
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    const QJsonValue query = object.value("query"_L1);
    if (!document.isObject() || !query.isString()) {
        if (why)
            *why = u"the body is not a GraphQL request (no \"query\" string)"_s;
        return std::nullopt;
    }
    GraphQLBody body;
    body.query = query.toString();
    body.variables = variablesText(object.value("variables"_L1));
    body.operationName = object.value("operationName"_L1).toString();
    return body;
}

QString variablesText(const QJsonValue &value)
{
    if (value.isObject()) {
        if (value.toObject().isEmpty())
            return {};
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    }
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isString())
        return value.toString().trimmed();
    return {};
}

QString normalizedReferences(const QString &text)
{
    if (!text.contains("{{"_L1))
        return text;
    // {{ _.name }}, {{_.name}}, {{ _['name'] }}, {{ _["name"] }}, {{ name }}
    static const QRegularExpression reference(
        uR"(\{\{\s*(?:_\.([A-Za-z0-9_$\-.]+)|_\[\s*['"]([^'"]+)['"]\s*\]|([A-Za-z0-9_$\-.]+))\s*\}\})"_s);
    QString result;
    qsizetype last = 0;
    auto it = reference.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(text).mid(last, match.capturedStart() - last);
        QString name = match.captured(1);
        if (name.isEmpty())
            name = match.captured(2);
        if (name.isEmpty())
            name = match.captured(3);
        result += u"{{"_s + name + u"}}"_s;
        last = match.capturedEnd();
    }
    result += QStringView(text).mid(last);
    return result;
}

bool isReferenceOnly(QStringView value)
{
    static const QRegularExpression pattern(uR"(^\s*(?:[A-Za-z][A-Za-z0-9_-]*\s+)?\{\{\s*[^{}\s]+\s*\}\}\s*$)"_s);
    return pattern.match(value.toString()).hasMatch();
}

QString lowerCamel(QStringView headerName)
{
    QString result;
    bool upperNext = false;
    for (const QChar c : headerName.trimmed()) {
        if (!c.isLetterOrNumber()) {
            upperNext = !result.isEmpty();
            continue;
        }
        result += upperNext ? c.toUpper() : (result.isEmpty() ? c.toLower() : c);
        upperNext = false;
    }
    // "X-API-KEY" → "xAPIKEY" is unreadable: lower-case a name that had no lower-case letter at all.
    const QString lower = headerName.toString().toLower();
    if (lower != headerName && headerName.toString().toUpper() == headerName)
        result = lowerCamel(lower);
    return result.isEmpty() ? u"secret"_s : result;
}

QString referenceForSecret(QStringView name, QStringView value)
{
    if (!SessionStore::isCredentialHeader(name))
        return value.toString();
    const QString normalized = normalizedReferences(value.trimmed().toString());
    if (isReferenceOnly(normalized))
        return normalized;
    const QString lowerName = name.trimmed().toString().toLower();
    if (lowerName == "authorization"_L1 || lowerName == "proxy-authorization"_L1) {
        const qsizetype space = normalized.indexOf(u' ');
        const QString scheme = space > 0 ? normalized.left(space) : QString();
        if (scheme.compare("bearer"_L1, Qt::CaseInsensitive) == 0)
            return u"Bearer {{token}}"_s;
        if (scheme.compare("basic"_L1, Qt::CaseInsensitive) == 0)
            return u"Basic {{basicAuth}}"_s;
        if (!scheme.isEmpty())
            return scheme + u" {{"_s + lowerCamel(name) + u"}}"_s;
    }
    return u"{{"_s + lowerCamel(name) + u"}}"_s;
}

void appendHeader(QStringList &lines, const QString &name, const QString &value)
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        return;
    lines << trimmedName + u": "_s + referenceForSecret(trimmedName, normalizedReferences(value.trimmed()));
}

namespace {

bool isCredentialParameter(const QString &name)
{
    QString key = name.toLower();
    key.remove(u'-');
    key.remove(u'_');
    static const QStringList exact = {u"key"_s,       u"auth"_s,   u"sig"_s,        u"signature"_s,
                                      u"jwt"_s,       u"bearer"_s, u"pass"_s,       u"session"_s,
                                      u"sessionid"_s, u"code"_s,   u"credential"_s, u"credentials"_s};
    static const QStringList endings = {u"token"_s, u"secret"_s, u"password"_s, u"apikey"_s, u"passwd"_s};
    return exact.contains(key)
           || std::any_of(endings.cbegin(), endings.cend(), [&](const QString &e) { return key.endsWith(e); });
}

} // namespace

QString secretFreeUrl(const QString &url, bool *hadUserInfo)
{
    QString result = normalizedReferences(url.trimmed());
    static const QRegularExpression userInfo(uR"(^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@]*)@)"_s);
    const QRegularExpressionMatch match = userInfo.match(result);
    if (match.hasMatch()) {
        if (hadUserInfo)
            *hadUserInfo = true;
        result = match.captured(1) + result.mid(match.capturedEnd());
    }
    const qsizetype question = result.indexOf(u'?');
    if (question < 0)
        return result;
    const qsizetype hash = result.indexOf(u'#', question);
    const QString query = result.mid(question + 1, hash < 0 ? -1 : hash - question - 1);
    QStringList parts = query.split(u'&');
    for (QString &part : parts) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals <= 0)
            continue;
        const QString name = QUrl::fromPercentEncoding(part.left(equals).toUtf8());
        const QString value = part.mid(equals + 1);
        if (!value.isEmpty() && isCredentialParameter(name) && !isReferenceOnly(value))
            part = part.left(equals) + u"={{"_s + lowerCamel(name) + u"}}"_s;
    }
    return result.left(question + 1) + parts.join(u'&') + (hash < 0 ? QString() : result.mid(hash));
}

void appendBasicAuthorization(QStringList &lines)
{
    const bool present = std::any_of(lines.cbegin(), lines.cend(), [](const QString &line) {
        return line.startsWith("Authorization:"_L1, Qt::CaseInsensitive);
    });
    if (!present)
        lines << u"Authorization: Basic {{basicAuth}}"_s;
}

void finishEndpointAndHeaders(SavedRequest &saved, QStringList &lines, bool basic, bool hadUserInfo)
{
    if (hadUserInfo) {
        appendBasicAuthorization(lines);
        basic = true;
    }
    saved.endpointKind = endpointKindForUrl(saved.endpointUrl, basic);
    if (saved.endpointKind == "dagger-session"_L1)
        lines.removeIf([](const QString &line) { return line.startsWith("Authorization:"_L1, Qt::CaseInsensitive); });
    saved.headers = lines.join(u'\n');
}

QString firstOperationName(const QString &document)
{
    const QList<Core::OperationInfo> operations = Core::outlineOperations(document);
    for (const Core::OperationInfo &operation : operations) {
        if (!operation.name.isEmpty())
            return operation.name;
    }
    return {};
}

QString requestName(const QString &preferred, const QString &document, const QString &fallback)
{
    if (!preferred.trimmed().isEmpty())
        return preferred.trimmed();
    const QString operation = firstOperationName(document);
    return operation.isEmpty() ? fallback : operation;
}

bool containsRequests(const CollectionFolder &folder)
{
    if (!folder.requests.isEmpty())
        return true;
    for (const CollectionFolder &sub : folder.folders) {
        if (containsRequests(sub))
            return true;
    }
    return false;
}

void pruneEmptyFolders(CollectionFolder &folder)
{
    for (CollectionFolder &sub : folder.folders)
        pruneEmptyFolders(sub);
    folder.folders.removeIf([](const CollectionFolder &sub) { return !containsRequests(sub); });
}

} // namespace Sextant::Store::ImportSupport
