// SPDX-License-Identifier: MIT
// Sextant: a tab's credential header lines taken out for the keychain and put back where they were.
#pragma once

#include <QString>

namespace Sextant::Store {

/**
 * The other half of SessionStore::withoutCredentialHeaders(): the header lines it drops (Authorization, Cookie,
 * *token*, … per SessionStore::isCredentialHeader) packed into one string for SecretStore (key
 * SecretStore::tabHeadersKey(tabId)), and merged back into the saved text at their original line numbers when the
 * tab is restored. Stateless; any thread. Bad input: merge() of a blob that is not ours returns the public text
 * unchanged; lines whose number is past the end are appended.
 */
class CredentialHeaders final
{
public:
    /// The credential lines of @p headers with their 0-based line numbers and the text's line count, as compact
    /// JSON {"count":n,"lines":[[line,"text"],…]};
    /// empty when there are none (then nothing needs to be stored, and the key can be removed).
    static QString extract(const QString &headers);
    /// @p publicHeaders (withoutCredentialHeaders of the original) with the lines of @p extracted put back.
    /// merge(SessionStore::withoutCredentialHeaders(h), extract(h)) == h.
    static QString merge(const QString &publicHeaders, const QString &extracted);

    CredentialHeaders() = delete;
};

} // namespace Sextant::Store
