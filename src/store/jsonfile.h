// SPDX-License-Identifier: MIT
// Sextant: the store's small JSON files: read one versioned object, write bytes atomically.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Sextant::Store {

/**
 * What the session, workspace and environments files share. @p what names the file in messages ("session file").
 * Every message starts with the path: "<path>: not a valid session file (invalid JSON: … at offset 12)".
 * Stateless; any thread; one writer per path at a time.
 */
class JsonFile final
{
public:
    /// The file's top-level object. A missing file: nullopt and an empty *error. Unreadable, larger than
    /// @p maxBytes, not JSON, not an object, or a "version" above @p maxVersion: nullopt and a one-line *error.
    static std::optional<QJsonObject> readObject(const QString &path, const QString &what, qint64 maxBytes,
                                                 int maxVersion, QString *error);
    /// Creates the directory and writes @p bytes through QSaveFile: the file is either as it was or complete,
    /// whatever happens (kill -9, full disk). False with a one-line *error.
    static bool writeAtomically(const QString &path, const QString &what, const QByteArray &bytes, QString *error);

    JsonFile() = delete;
};

} // namespace Sextant::Store
