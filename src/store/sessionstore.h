// SPDX-License-Identifier: MIT
// Sextant: the last session (endpoint, document, variables, headers) saved to and restored from one JSON file.
#pragma once

#include <QString>

namespace Sextant::Store {

/**
 * Reads and writes the session file: a small JSON object {"version":1,"endpointKind","url","query","variables",
 * "headers"}. Stateless static functions; any thread (one writer per path at a time).
 *
 * Writes go through QSaveFile (a temporary file renamed over the target), so a crash or a full disk leaves the
 * previous file intact — never a partial one. Secrets are never written: the state has no token field, the URL
 * loses its password, and header lines whose name carries credentials (Authorization, Proxy-Authorization, Cookie,
 * and names containing token, secret, api-key/apikey/api_key, password, auth or session) are left out of the saved
 * header text (secrets belong in a secret store, not in this file).
 *
 * Bad input: a missing file loads as the default state with no error; an unreadable, non-JSON or newer-version
 * file loads as the default state with a one-line error naming the path.
 */
class SessionStore final
{
public:
    struct SessionState
    {
        int endpointKind = 0; ///< Sextant::Net::EndpointKind as int (store does not depend on net)
        QString url;
        QString query;
        QString variables;
        QString headers; ///< "Key: Value" lines

        bool operator==(const SessionState &) const = default;
    };

    static constexpr int formatVersion = 1;

    static SessionState load(const QString &path, QString *error);
    static bool save(const QString &path, const SessionState &state, QString *error);
    /// QStandardPaths::AppDataLocation + "/session.json".
    static QString defaultPath();

    /// The header text without lines whose header name carries credentials, except those whose value is only an
    /// environment reference ("Authorization: Bearer {{token}}", see isReferenceOnlyHeaderValue in
    /// collectionimport.h); comments and other lines unchanged.
    static QString withoutCredentialHeaders(const QString &headers);
    /// True for header names that carry credentials (case-insensitive).
    static bool isCredentialHeader(QStringView name);

    SessionStore() = delete;
};

} // namespace Sextant::Store
