// SPDX-License-Identifier: MIT
// Sextant: the per-format collection readers behind importCollectionFile (one .cpp per format).
#pragma once

#include <store/savedrequest.h>

#include <QJsonObject>
#include <QString>
#include <optional>

namespace Sextant::Store::ImportFormats {

/**
 * One reader per format, called by importCollectionFile / importCollectionData after the format was detected.
 * Pure functions on already-parsed input (readBrunoFolder reads files); any thread. On bad input they return
 * std::nullopt with *error set to one line (without the file name, which the caller adds).
 */

/// Altair collection export ("type": "collection", importaltair.cpp) or a single window export ("type": "window").
std::optional<CollectionFolder> readAltair(const QJsonObject &root, QString *error);

/// Postman Collection v2.0 / v2.1 (importpostman.cpp).
std::optional<CollectionFolder> readPostman(const QJsonObject &root, QString *error);

/// Insomnia v4 export (importinsomnia.cpp).
std::optional<CollectionFolder> readInsomnia(const QJsonObject &root, QString *error);

/// One Bruno request file (importbruno.cpp). Returns std::nullopt with an empty *error for a well-formed request
/// that is not "type: graphql" (so a folder reader can skip it), and with *error set for a malformed file.
std::optional<SavedRequest> readBruRequest(const QString &text, const QString &fallbackName, QString *error);

/// A Bruno collection folder holding bruno.json (importbruno.cpp); folder.bru gives folder names, collection.bru
/// collection-wide headers and auth.
std::optional<CollectionFolder> readBrunoFolder(const QString &directory, QString *error);

} // namespace Sextant::Store::ImportFormats
