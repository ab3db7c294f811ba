// SPDX-License-Identifier: MIT
// Sextant: import query collections (Altair, Postman, Insomnia, Bruno, .graphql, curl) and export them as Postman.
#pragma once

#include <store/savedrequest.h>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace Sextant::Store {

/**
 * Readers for the collection formats of other GraphQL clients, a curl command-line reader and the Postman
 * Collection v2.1 writer. Stateless free functions on plain data (SavedRequest / CollectionFolder); any thread.
 * importCollectionFile / importGraphQLFiles / exportPostmanCollection touch the disk: run them on a worker thread
 * for folders (Bruno, .graphql trees); parseCurlCommand, importCollectionData and postmanCollectionJson are pure
 * and cheap enough for the UI thread (a paste).
 *
 * Formats (tests/fixtures/import/SOURCE.md lists the real-format samples they are tested with):
 * - Altair GraphQL Client collection export (.agc): {"version":1,"type":"collection","title","queries":[{"query",
 *   "variables","windowName","apiUrl" (older: "url"),"headers":[{key,value,enabled}],"authorizationType",
 *   "authorizationData"}],"collections":[sub-collections],"headers"}; a single window export ("type":"window")
 *   too. Collection headers are inherited by the queries below them.
 * - Postman Collection v2.1 and v2.0: requests whose body mode is "graphql" (body.graphql.query / .variables) and
 *   "raw" bodies that are JSON {"query":…} or sent as application/graphql; item groups become folders; auth
 *   (bearer, basic, apikey in a header) is inherited from item groups and the collection as in Postman; REST
 *   requests are skipped. v1 collections are refused with a message.
 * - Insomnia v4 export ("_type":"export","__export_format":4): "request" resources whose body is
 *   application/graphql (text = JSON {query, variables, operationName}) or application/json with a "query";
 *   "request_group" resources become folders (parentId), siblings keep metaSortKey order, the workspace names the
 *   collection; environments and cookie jars are not imported.
 * - Bruno: one .bru file (one request) or a collection folder (bruno.json + .bru files, sub-folders as folders
 *   named by their folder.bru, requests in meta seq order, environments/ skipped); only "type: graphql" requests
 *   are imported; collection.bru headers apply to every request and its auth to requests with "auth: inherit".
 * - .graphql / .gql: one request per file (document = the file, unchanged), named after its first named
 *   OperationDefinition, else the file's base name; a folder of them keeps its sub-folders.
 * - A file holding a curl command line (see parseCurlCommand).
 *
 * Conversions applied by every reader:
 * - References: Postman/Bruno/Altair "{{name}}" stay "{{name}}" (our environment syntax); Insomnia's
 *   "{{ _.name }}", "{{_.name}}", "{{ _['name'] }}" and "{{ name }}" become "{{name}}" in URLs, headers and
 *   variables. Shell variables of a curl line ($NAME, ${NAME}) become "{{NAME}}".
 * - Secrets (never in SavedRequest.headers, URL or variables): a credential header (SessionStore::
 *   isCredentialHeader: Authorization, Proxy-Authorization, Cookie, names with token/secret/api-key/password/auth/
 *   session) keeps its name and gets an environment reference instead of its value: "Authorization: Bearer
 *   {{token}}" for Bearer, "Authorization: Basic {{basicAuth}}" for Basic (a base64 user:password; also for
 *   Postman/Insomnia/Bruno/Altair basic auth and curl -u), "<Scheme> {{authorization}}" for other schemes, and
 *   "{{<header name in lower camel case>}}" otherwise ("X-Api-Key: {{xApiKey}}", "Cookie: {{cookie}}"). A value that
 *   already is one reference ("Bearer {{myToken}}", "{{apiKey}}") is kept as is. URLs lose "user:password@" (the
 *   request gets "Authorization: Basic {{basicAuth}}" unless it has an Authorization header) and the values of
 *   credential query parameters (access_token=, api_key=, key=, secret=, sig=, …) become references too. The user
 *   then defines token, basicAuth, … in an environment (secret values go to the keychain). Variables and documents
 *   are the user's data and are kept unchanged.
 * - endpointKind (endpointKindForUrl): "dagger-session" for http://127.0.0.1|localhost:<port>/query with basic
 *   auth (the port may be a reference, e.g. {{DAGGER_SESSION_PORT}}); its Authorization header is dropped because
 *   the dagger-session endpoint authenticates with the session token itself. "dagster" for a …/graphql URL on port
 *   3000; "http" for any other absolute http(s) URL; empty (use the tab's endpoint) when the URL is empty or its
 *   host is an unresolved reference ("{{baseUrl}}/graphql").
 *
 * Bad input: each function returns std::nullopt / false and sets *error (when non-null) to one line naming the file
 * and the problem; it never throws or crashes on malformed or truncated input. A collection without any GraphQL
 * request is an error ("no GraphQL requests found"). Inputs over 64 MB (16 MB for a curl line) are refused.
 */

/// Imports the collection at @p path (a file or, for Bruno, a folder holding bruno.json). The format is detected from
/// the content first and the extension second. The folder's name is the collection's name.
std::optional<CollectionFolder> importCollectionFile(const QString &path, QString *error);

/// Imports a collection from bytes already read (e.g. dropped or pasted); @p fileName (may be empty) is used for the
/// format's extension and for naming a single .graphql/.bru request. Bruno folders need importCollectionFile.
std::optional<CollectionFolder> importCollectionData(const QByteArray &data, const QString &fileName, QString *error);

/// A file-dialog filter list for the importable files ("Collections (*.agc *.json *.bru *.graphql *.gql);;…").
QString importFileDialogFilter();

/// Reads one curl command line (as copied from Chrome/Firefox devtools in bash or cmd form, Postman, Altair, or the
/// Dagger docs; CurlCommand::splitCommandLine has the quoting rules): -X/--request, -H/--header, -d/--data/
/// --data-raw/--data-binary/--data-ascii/--data-urlencode/--json, -u/--user, --url, -G/--get, -b/--cookie,
/// -A/--user-agent, -e/--referer, --oauth2-bearer; other options are ignored. The body must be GraphQL: JSON
/// {query, variables, operationName}, application/graphql text, or a form with query=; a GET (or -G) takes
/// ?query= (&variables=, &operationName=) from the URL and keeps the URL's other parameters. Transport and
/// browser headers (Content-Type, Content-Length, Host, Connection, Accept-Encoding, Sec-*, Priority, Pragma,
/// Cache-Control, DNT, TE, Upgrade-Insecure-Requests) are dropped; credentials become references (see above); -u
/// gives "Authorization: Basic {{basicAuth}}" (nothing for dagger-session URLs). Named after operationName, else
/// the first named operation, else "curl request". Not GraphQL (REST JSON, multipart -F, upload -T, a body read
/// from @file, HEAD) → std::nullopt with the reason.
std::optional<SavedRequest> parseCurlCommand(const QString &commandLine, QString *error);

/// True when @p text looks like a curl command line (starts with "curl" after whitespace / a prompt), so a paste
/// handler can decide to call parseCurlCommand.
bool looksLikeCurlCommand(const QString &text);

/// Writes @p collection as a Postman Collection v2.1 file: requests as POST items with body mode "graphql" (query
/// and variables strings), folders as item groups, url {raw, protocol, host, port, path, query}, headers as saved
/// but passed through withSecretsAsReferences, description. A dagger-session request gets Postman basic auth with
/// username {{DAGGER_SESSION_TOKEN}} (its Authorization header is left out), so the file works in Postman inside
/// `dagger run` and re-imports as dagger-session. A non-empty operationName is written as graphql.operationName
/// (outside Postman's schema; Postman ignores it, our importer reads it back). endpointKind has no Postman field: the
/// importer derives it from the URL again ("http" for a {{baseUrl}} URL comes back empty). Atomic (QSaveFile): on
/// failure the previous file is left intact.
bool exportPostmanCollection(const CollectionFolder &collection, const QString &path, QString *error);

/// The Postman v2.1 JSON document exportPostmanCollection writes (for tests and the clipboard).
QByteArray postmanCollectionJson(const CollectionFolder &collection);

/// The endpoint kind guessed from a URL (see the class comment); @p hasBasicAuth: the source had basic auth / -u.
QString endpointKindForUrl(const QString &url, bool hasBasicAuth);

/// Header text ("Key: Value" lines) with every credential header's secret value replaced by an environment
/// reference as the importers do ("Authorization: Bearer abc" → "Authorization: Bearer {{token}}"); lines whose
/// value already is a reference, comments and other headers are unchanged. For writers that keep the header name.
QString withSecretsAsReferences(const QString &headers);

/// True when a header value is nothing but one {{name}} environment reference, optionally after an auth scheme
/// ("{{apiKey}}", "Bearer {{token}}", "Basic {{basicAuth}}"): a credential header with such a value holds no secret,
/// so a writer may keep the line (SessionStore::withoutCredentialHeaders drops it).
bool isReferenceOnlyHeaderValue(QStringView value);

/// Imports several .graphql/.gql files (one request each, in the given order) as one folder named @p name.
std::optional<CollectionFolder> importGraphQLFiles(const QStringList &paths, const QString &name, QString *error);

} // namespace Sextant::Store
