// SPDX-License-Identifier: MIT
// Sextant: helpers every collection reader shares (secrets to references, {{variables}}, GraphQL JSON bodies).
#pragma once

#include <store/savedrequest.h>

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace Sextant::Store::ImportSupport {

/**
 * Small pure functions for the readers in collectionimport.cpp, importaltair.cpp, importpostman.cpp,
 * importinsomnia.cpp, importbruno.cpp, importcurl.cpp and exportpostman.cpp. Any thread. They never fail: odd input
 * gives a best-effort value (an empty string, the text unchanged).
 */

/// The body of a GraphQL-over-HTTP POST: {"query", "variables", "operationName"} (GraphQL over HTTP, §"Request").
struct GraphQLBody
{
    QString query;
    QString variables; ///< JSON text, empty when absent or null
    QString operationName;
};

/// Reads a JSON GraphQL body. std::nullopt with *why set when it is not JSON, not an object or has no string
/// "query" (a batched array is refused too).
std::optional<GraphQLBody> graphQLBodyFromJson(const QByteArray &json, QString *why);

/// Variables as JSON text: an object or array is printed indented, a string is kept (trimmed), anything else is "".
QString variablesText(const QJsonValue &value);

/// Insomnia/Nunjucks references to ours: "{{ _.baseUrl }}", "{{_.baseUrl}}", "{{ _['base-url'] }}" and
/// "{{ baseUrl }}" become "{{baseUrl}}" / "{{base-url}}". Other text (including {% tags %}) is unchanged.
QString normalizedReferences(const QString &text);

/// True when @p value is nothing but one {{name}} reference, optionally after an auth scheme word
/// ("{{token}}", "Bearer {{token}}", "Basic {{basicAuth}}").
bool isReferenceOnly(QStringView value);

/// "X-Api-Key" → "xApiKey", "authorization" → "authorization".
QString lowerCamel(QStringView headerName);

/// The value to keep for header @p name: unchanged for non-credential headers and for values that are already
/// references; otherwise the secret is replaced (see collectionimport.h: Bearer → "Bearer {{token}}",
/// Basic → "Basic {{basicAuth}}", others → "{{<lowerCamel(name)>}}").
QString referenceForSecret(QStringView name, QStringView value);

/// Appends "Name: value" (value through referenceForSecret) to @p lines; empty names are skipped.
void appendHeader(QStringList &lines, const QString &name, const QString &value);

/// @p url with normalizedReferences, without "user:password@" (then *hadUserInfo is set: the caller adds a Basic
/// Authorization reference, as curl and browsers send URL credentials) and with the values of credential query
/// parameters (token, access_token, api_key, key, secret, password, sig, …) replaced by {{<lowerCamel(name)>}}.
QString secretFreeUrl(const QString &url, bool *hadUserInfo);

/// Appends "Authorization: Basic {{basicAuth}}" unless @p lines already hold an Authorization header.
void appendBasicAuthorization(QStringList &lines);

/// The end every importer shares: URL credentials (@p hadUserInfo) become a Basic reference, the endpoint kind is
/// guessed from the URL (endpointKindForUrl), a Dagger session keeps no Authorization line (the session
/// authenticates itself), and @p lines become @p saved's headers.
void finishEndpointAndHeaders(SavedRequest &saved, QStringList &lines, bool basic, bool hadUserInfo);

/// The name of the document's first named OperationDefinition, or empty.
QString firstOperationName(const QString &document);

/// A display name: @p preferred if not blank, else the first operation name, else @p fallback.
QString requestName(const QString &preferred, const QString &document, const QString &fallback);

/// True when the folder or any sub-folder holds a request.
bool containsRequests(const CollectionFolder &folder);

/// Removes sub-folders (recursively) that hold no request.
void pruneEmptyFolders(CollectionFolder &folder);

} // namespace Sextant::Store::ImportSupport
