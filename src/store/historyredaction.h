// SPDX-License-Identifier: MIT
// Sextant: strips secrets from a run before the history stores it (URL user info, credentials in JSON and literals).
#pragma once

#include <store/historyentry.h>

#include <QString>
#include <QStringView>

namespace Sextant::Store {

/**
 * What the history never stores, applied by HistoryStore::record() (and by RunController before it reports a
 * run). Stateless static functions; any thread.
 *
 * A *credential name* is, after lower-casing and dropping '-', '_', '.' and spaces: "auth", "authorization",
 * "cookie", "pwd", "pass", or any name containing "token", "secret", "password", "passwd", "apikey", "accesskey",
 * "privatekey", "credential" or "sessionid" (so accessToken, api_key, X-Api-Key, client_secret, refreshToken,
 * dbPassword). The redacted value is the string "••••••" (mask()).
 *
 * - URL: the user info (user name and password) is removed; query items with a credential name get the mask.
 * - Variables (JSON text): the value of every object member with a credential name, at any depth and inside
 *   arrays, becomes "••••••" whatever its type (a nested object included); the rest of the text is kept byte for
 *   byte (key order, spacing and big integers survive). Text that is not valid JSON is stored as the mask alone
 *   (empty or whitespace-only text stays as it is).
 * - Document: a String, BlockString, Int or Float literal right after `<credential name>:` (an argument or an
 *   input-object field such as `login(password: "hunter2")`) becomes "••••••"; nothing else changes. Values passed
 *   through variables are handled by the variables rule.
 * - Headers: credential header lines are dropped (SessionStore::withoutCredentialHeaders, whose name rule is the
 *   broader header one: it also drops any name containing "auth" or "session").
 * - The Dagger session token is never part of an entry (it lives in the endpoint profile only).
 *
 * Bad input: never fails; malformed text is handled as described above.
 */
class HistoryRedaction final
{
public:
    static QString mask();
    static bool isCredentialName(QStringView name);
    static QString redactedUrl(const QString &url);
    static QString redactedVariables(const QString &json);
    /// For collections: the value of every credential-named member (same names as above, any depth) becomes the
    /// reference "{{name}}" (the key made a template name: "api-key" → {{apiKey}}); a value that already is one
    /// reference stays. The rest is kept byte for byte; text that is not JSON comes back unchanged.
    static QString variablesWithSecretsAsReferences(const QString &json);
    static QString redactedDocument(const QString &document);
    static QString redactedHeaders(const QString &headers);
    /// Every rule above applied to the entry's URL, variables, document and headers.
    static HistoryEntry redacted(HistoryEntry entry);

    HistoryRedaction() = delete;
};

} // namespace Sextant::Store
