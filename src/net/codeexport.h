// SPDX-License-Identifier: MIT
// Sextant: the current request as a runnable snippet (curl, Python, JavaScript, Rust, PHP), without its secrets.
#pragma once

#include <net/endpointprofile.h>
#include <net/graphqlrequest.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Sextant::Net {

/// The snippet languages "Export as Code" offers. PythonDagsterClient exists for Dagster endpoints only.
enum class CodeLanguage { Curl, PythonRequests, PythonDagsterClient, JavaScriptFetch, RustGqlClient, Php };

/**
 * Pure text generation: the request Run would send (GraphQL over HTTP POST, PROTOCOLS.md §1.2/§1.3: the same
 * Content-Type, Accept and body members) as a program in another language. Stateless; any thread.
 *
 * Secrets never appear in the text:
 * - a Dagger session (PROTOCOLS.md §5.1) authenticates with Basic auth, user = the token read from the environment
 *   variable DAGGER_SESSION_TOKEN, and the URL's port comes from DAGGER_SESSION_PORT (both set by `dagger run`);
 * - a credential header (isCredentialHeader) becomes an environment variable named placeholderName(header), with
 *   a comment saying so; other headers are copied verbatim;
 * - a credential query parameter of the URL (access_token=, api_key=, sig=, …) takes its value from the environment
 *   variable SEXTANT_QUERY_<NAME> (URL-encoded);
 * - user info in the URL is dropped (a comment says so).
 * Every string is quoted for its language (shell single quotes with '\'' , Python/JS/Rust/PHP escapes), so any
 * document — quotes, backslashes, $, backticks, newlines, non-ASCII — survives unchanged.
 *
 * The variables must be a JSON object or empty (the caller validates, as for Run); they are turned into a literal
 * of the language (integers beyond 2^53 stay exact: JavaScript then sends the body as text, Rust parses it at run
 * time). Unparsable variables are embedded as JSON text and parsed by the snippet at run time.
 * The operation name is sent when set (gql_client cannot send one; its snippet says so). With
 * EndpointProfile::useGetForQueries and a query operation, the curl snippet sends GET with URL parameters
 * (PROTOCOLS.md §1.4); the other languages always POST.
 * The Dagster client snippet calls the client's documented method when the operation is one (runOrError/
 * pipelineRunOrError → get_run_status, terminateRun → terminate_run, reloadRepositoryLocation →
 * reload_repository_location, launchRun/launchPipelineExecution with a job selector → submit_job_execution), else
 * its internal _execute (or its gql Client for a named operation in a document with several), commented as such.
 * Environment {{references}} are not substituted here: pass the prepared (substituted) endpoint and request.
 */
class CodeExport final
{
public:
    CodeExport() = delete;

    /// The languages offered for an endpoint kind, in menu order (the Dagster client only for Dagster).
    static QList<CodeLanguage> languagesFor(EndpointKind kind);
    /// User-visible name, e.g. "Python (requests)".
    static QString languageName(CodeLanguage language);
    /// Stable id for settings and the CLI: curl, python, python-dagster, javascript, rust, php.
    static QString languageId(CodeLanguage language);
    /// The language of an id from languageId(); nullopt for anything else.
    static std::optional<CodeLanguage> languageFromId(const QString &id);
    /// A file name suffix for the snippet: "sh", "py", "mjs", "rs", "php".
    static QString fileSuffix(CodeLanguage language);

    /// The snippet. PythonDagsterClient for a non-Dagster endpoint still generates it (host and path from the URL).
    static QString generate(CodeLanguage language, const EndpointProfile &endpoint, const GraphQLRequest &request);

    /// True for headers that carry credentials: Authorization, Proxy-Authorization, Cookie, X-Api-Key and any name
    /// containing token, secret, password, passwd, key, auth, session, credential or cookie (case-insensitive).
    static bool isCredentialHeader(const QByteArray &name);
    /// The environment variable a credential header's value comes from: "SEXTANT_" + the name upper-cased with
    /// every character outside [A-Z0-9] replaced by '_' (Authorization → SEXTANT_AUTHORIZATION).
    static QString placeholderName(const QByteArray &headerName);
};

} // namespace Sextant::Net
