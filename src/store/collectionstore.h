// SPDX-License-Identifier: MIT
// Sextant: collections on disk — one .graphql per saved request plus a small JSON sidecar, folders as folders.
#pragma once

#include "store/savedrequest.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sextant::Store {

/**
 * Reads and writes git-friendly collections. A collection is a directory; each saved request is two files:
 *
 * - `<name>.graphql`: the Document exactly as typed (UTF-8, byte for byte);
 * - `<name>.request.json` (the sidecar, optional): a small JSON object with a fixed key order, two-space
 *   indentation and a trailing newline, so diffs stay readable:
 *   {"version": 1, "operationName", "endpoint": {"kind", "url"}, "variables": <the variables as a JSON value
 *   when they parse, else as a string>, "headers": ["Key: Value", ...], "description"}.
 *   Variables keep their key order and number spelling (CollectionJson) and are re-indented; an empty
 *   variables text is written as {} and read back as empty. Credential headers
 *   (SessionStore::withoutCredentialHeaders) and URL passwords are never written, and the value of a
 *   credential-named variable ("token", "apiKey", "password", …) is written as a {{reference}}
 *   (HistoryRedaction::variablesWithSecretsAsReferences).
 *
 * Sub-directories are nested folders; hidden entries (.git) are skipped; requests and folders are sorted by name
 * (case-insensitive). A request's name is its file's base name; writing uses the path, not SavedRequest::name.
 *
 * Stateless static functions. They block on the file system: call them from a worker thread for whole trees
 * (readFolder, writeFolder); single-request reads and writes are small and may run on the UI thread. One writer
 * per path at a time. Every write goes through QSaveFile, so a target is either its old or its new content,
 * never partial. Also works on read-only Qt resource paths (":/collections/...") for reading.
 *
 * Bad input never throws or crashes: a missing or unreadable .graphql gives std::nullopt with an error; a sidecar
 * that is unreadable, not JSON, of a newer version or with mistyped fields still yields the request (document and
 * whatever fields were readable) and an error line "PATH: message".
 */
class CollectionStore final
{
public:
    static constexpr int formatVersion = 1;
    static constexpr int maxDepth = 32; ///< deeper sub-folders are not read (guards against symlink loops)

    /// ".graphql"
    static QString documentSuffix();
    /// ".request.json"
    static QString sidecarSuffix();
    /// The sidecar path of a .graphql path: "dir/a.graphql" -> "dir/a.request.json".
    static QString sidecarPath(const QString &documentPath);
    /// True when @p path names a request document (ends with ".graphql").
    static bool isRequestPath(const QString &path);
    /// The request name of a .graphql path (file name without ".graphql").
    static QString requestName(const QString &documentPath);

    /// The folder at @p dir with all sub-folders and requests; folder.name is the directory's name. Problems
    /// (unreadable files, corrupt sidecars) are appended to @p errors as "PATH: message". Worker thread.
    static CollectionFolder readFolder(const QString &dir, QStringList *errors = nullptr);
    /// One request from its .graphql path (the sidecar next to it when present). std::nullopt only when the
    /// .graphql cannot be read; a bad sidecar sets @p error and still returns the request.
    static std::optional<SavedRequest> readRequest(const QString &documentPath, QString *error = nullptr);
    /// Writes the .graphql and the sidecar atomically (each through QSaveFile), creating parent directories.
    static bool writeRequest(const SavedRequest &request, const QString &documentPath, QString *error = nullptr);
    /// Writes @p folder's requests and sub-folders into the existing or new directory @p dir, each under a
    /// sanitized, unique name (existing files are never overwritten). Worker thread for big folders.
    static bool writeFolder(const CollectionFolder &folder, const QString &dir, QString *error = nullptr);

    /// The sidecar bytes for @p request (stable order, trailing newline, no secrets).
    static QByteArray sidecarBytes(const SavedRequest &request);
    /// Fills the sidecar fields of @p request from @p bytes; false with @p error when (some of) it is unusable.
    static bool parseSidecar(const QByteArray &bytes, SavedRequest *request, QString *error);

    /// Moves a request (both files) from @p fromDocumentPath to @p toDocumentPath; fails when the target exists.
    /// Renaming is a move within the same directory. Rolls back on a half-done move.
    static bool moveRequest(const QString &fromDocumentPath, const QString &toDocumentPath, QString *error = nullptr);
    /// Moves a folder; fails when the target exists or is inside the source.
    static bool moveFolder(const QString &fromDir, const QString &toDir, QString *error = nullptr);

    /// @p name made safe as a file base name on Linux, macOS and Windows: path separators, reserved characters and
    /// control characters become '_', leading dots and trailing dots/spaces are dropped, reserved Windows names get
    /// a '_' suffix, at most 120 characters; an empty result is "Untitled".
    static QString sanitizeFileName(const QString &name);
    /// The sanitized @p name, or "name 2", "name 3", ... so that no request (either file) or folder of that name
    /// exists in @p dir.
    static QString uniqueName(const QString &dir, const QString &name);

    CollectionStore() = delete;
};

} // namespace Sextant::Store
