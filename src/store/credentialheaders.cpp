// SPDX-License-Identifier: MIT
// Sextant: a tab's credential header lines taken out for the keychain and put back where they were.
#include "credentialheaders.h"

#include "sessionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace Sextant::Store {

namespace {
// The same test SessionStore::withoutCredentialHeaders applies to a line.
bool isCredentialLine(const QString &line)
{
    const QString trimmed = line.trimmed();
    const qsizetype colon = trimmed.indexOf(u':');
    return !trimmed.startsWith(u'#') && colon > 0 && SessionStore::isCredentialHeader(QStringView(trimmed).left(colon));
}
} // namespace

QString CredentialHeaders::extract(const QString &headers)
{
    QJsonArray lines;
    const QStringList all = headers.split(u'\n');
    for (int i = 0; i < all.size(); ++i)
        if (isCredentialLine(all[i]))
            lines.append(QJsonArray{i, all[i]});
    if (lines.isEmpty())
        return QString();
    // The line count tells an empty public text that had no lines left from one that kept one empty line.
    const QJsonObject blob{{QLatin1StringView("count"), int(all.size())}, {QLatin1StringView("lines"), lines}};
    return QString::fromUtf8(QJsonDocument(blob).toJson(QJsonDocument::Compact));
}

QString CredentialHeaders::merge(const QString &publicHeaders, const QString &extracted)
{
    if (extracted.isEmpty())
        return publicHeaders;
    const QJsonDocument json = QJsonDocument::fromJson(extracted.toUtf8());
    if (!json.isObject() || !json.object().value(QLatin1StringView("lines")).isArray())
        return publicHeaders;
    const QJsonArray extractedLines = json.object().value(QLatin1StringView("lines")).toArray();
    const int count = json.object().value(QLatin1StringView("count")).toInt(-1);
    QStringList lines = publicHeaders.split(u'\n');
    if (publicHeaders.isEmpty() && count == int(extractedLines.size()))
        lines.clear(); // every line was a credential
    // Ascending line numbers: inserting each at its index rebuilds the original order.
    for (const QJsonValue &value : extractedLines) {
        const QJsonArray entry = value.toArray();
        if (entry.size() != 2 || !entry[0].isDouble() || !entry[1].isString())
            continue;
        const int line = entry[0].toInt();
        lines.insert(qBound(0, line, int(lines.size())), entry[1].toString());
    }
    return lines.join(u'\n');
}

} // namespace Sextant::Store
