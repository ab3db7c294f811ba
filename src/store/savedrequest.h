// SPDX-License-Identifier: MIT
// Sextant: one saved GraphQL request and a folder of them, the shape every collection reader and writer shares.
#pragma once

#include <QList>
#include <QString>

namespace Sextant::Store {

/**
 * A request as a collection keeps it (Store::CollectionStore on disk, the importers and exporters in memory).
 * Plain data, any thread.
 *
 * - @c document is the GraphQL document exactly as typed (it may hold several operations).
 * - @c endpointKind is "dagster", "dagger-session", "http" or empty (use the tab's endpoint); @c endpointUrl may
 *   hold environment references such as {{baseUrl}}/graphql. Neither ever holds a password or token.
 * - @c variables is JSON text (an object, or empty); @c headers is "Key: Value" lines with every credential header
 *   already removed (SessionStore::withoutCredentialHeaders) — secrets stay in the keychain or in {{token}}
 *   environment references.
 */
struct SavedRequest final
{
    QString name;          ///< display name; on disk the file's base name
    QString document;
    QString operationName; ///< the operation to run when the document has several; empty = the first
    QString endpointKind;
    QString endpointUrl;
    QString variables;
    QString headers;
    QString description;

    bool operator==(const SavedRequest &) const = default;
};

/// A folder of a collection: sub-folders and requests, each list in the order it is shown.
struct CollectionFolder final
{
    QString name;
    QList<CollectionFolder> folders;
    QList<SavedRequest> requests;

    bool operator==(const CollectionFolder &) const = default;
};

} // namespace Sextant::Store
