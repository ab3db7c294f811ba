// SPDX-License-Identifier: MIT
// Sextant: the store's small JSON files: read one versioned object, write bytes atomically.
#include "store/jsonfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

std::optional<QJsonObject> JsonFile::readObject(const QString &path, const QString &what, qint64 maxBytes,
                                                int maxVersion, QString *error)
{
    const auto fail = [&](const QString &message) -> std::optional<QJsonObject> {
        if (error)
            *error = path + u": "_s + message;
        return std::nullopt;
    };
    if (error)
        error->clear();
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read the "_s + what + u": "_s + file.errorString());
    if (file.size() > maxBytes)
        return fail(u"the %1 is larger than %2 MB; ignored"_s.arg(what).arg(maxBytes / (1024 * 1024)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"not a valid %1 (invalid JSON: %2 at offset %3)"_s.arg(what, parseError.errorString())
                        .arg(parseError.offset));
    if (!document.isObject())
        return fail(u"not a valid "_s + what + u": expected a JSON object"_s);
    const int version = document.object().value("version"_L1).toInt(0);
    if (version > maxVersion)
        return fail(u"written by a newer Sextant (format %1); ignored"_s.arg(version));
    return document.object();
}

bool JsonFile::writeAtomically(const QString &path, const QString &what, const QByteArray &bytes, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = path + u": "_s + message;
        return false;
    };
    if (error)
        error->clear();
    const QFileInfo info(path);
    if (info.isDir())
        return fail(u"is a directory"_s);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(u"cannot create the directory "_s + info.absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(u"cannot write the "_s + what + u": "_s + file.errorString());
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return fail(u"cannot write the "_s + what + u": "_s + file.errorString());
    }
    if (!file.commit())
        return fail(u"cannot save the "_s + what + u": "_s + file.errorString());
    return true;
}

} // namespace Sextant::Store
