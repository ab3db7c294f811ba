// SPDX-License-Identifier: MIT
// Sextant: the allow-list of intentional differences from graphql-js (known_differences.json).
#include "knowndifferences.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace Sextant::Differential {

bool KnownDifferences::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + path;
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = path + u": "_s + parseError.errorString();
        return false;
    }
    m_entries.clear();
    const QJsonArray differences = document.object().value(u"differences"_s).toArray();
    for (const QJsonValue &value : differences) {
        const QJsonObject object = value.toObject();
        Entry entry;
        entry.id = object.value(u"id"_s).toString();
        entry.op = object.value(u"op"_s).toString();
        entry.ours = QRegularExpression(object.value(u"ours"_s).toString());
        entry.theirs = QRegularExpression(object.value(u"theirs"_s).toString());
        if (entry.id.isEmpty() || entry.op.isEmpty() || object.value(u"reason"_s).toString().isEmpty()) {
            *error = path + u": every entry needs an id, an op and a reason"_s;
            return false;
        }
        if (!entry.ours.isValid() || !entry.theirs.isValid()) {
            *error = path + u": invalid pattern in "_s + entry.id;
            return false;
        }
        m_entries.append(entry);
    }
    return true;
}

const KnownDifferences::Entry *KnownDifferences::allow(const QString &op, const QString &ours, const QString &theirs)
{
    for (Entry &entry : m_entries) {
        if (entry.op == op && entry.ours.match(ours).hasMatch() && entry.theirs.match(theirs).hasMatch()) {
            ++entry.hits;
            return &entry;
        }
    }
    return nullptr;
}

} // namespace Sextant::Differential
