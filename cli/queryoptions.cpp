// SPDX-License-Identifier: MIT
// Sextant: argument parsing and variable merging for `sextant query`.
#include "cli/queryoptions.h"

#include "cli/variablereference.h"

#include <core/response/responsedocument.h>
#include <net/certificatetrust.h>

#include <QCommandLineParser>
#include <QList>
#include <QPair>

#include <cmath>

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;
using Sextant::Net::EndpointProfile;
using Sextant::Net::GraphQLRequest;

namespace Sextant::Cli {

QString QueryOptions::helpText()
{
    return uR"(Usage: sextant query [options] [OPERATION] < document.graphql

Sends the GraphQL document read from standard input to one endpoint and prints the
response body as indented JSON on standard output (keys in the server's order).

Endpoint (choose one):
  --endpoint URL        any GraphQL-over-HTTP server, e.g. http://127.0.0.1:4000/graphql
  --dagster             the local Dagster webserver, http://127.0.0.1:3000/graphql
  --dagger              the Dagger session of `dagger run` (DAGGER_SESSION_PORT and
                        DAGGER_SESSION_TOKEN; sent as HTTP Basic auth, no timeout)

Request:
  --operation NAME      the operation to run when the document has several
                        (a single positional argument means the same)
  --variables JSON      the variables as a JSON object
  --var NAME=VALUE      one variable (repeatable; overrides the same key in --variables).
                        VALUE is used as JSON when it is a JSON value (42, true, null,
                        "text", [1,2], {"a":1}); anything else is sent as a string, so
                        --var name=hello sends "hello". Quote to force a string:
                        --var 'id="42"'. Numbers keep every digit (no rounding).
  --var NAME=@FILE:PATH one variable taken from a JSON file, e.g. the saved output
                        of an earlier query: PATH is the result tree's "Copy path"
                        (data.git.branch.tree.id, results[3].runId, data["a b"]) from
                        the top of the file; @FILE alone takes the whole file.
                        Example: sextant query --dagger > previous.json, then
                        --var id=@previous.json:data.git.branch.tree.id
                        (a literal string starting with @: --var 'x="@home"').
  --header 'NAME: VALUE'
                        an extra HTTP header (repeatable)
  --timeout SECONDS     give up after this long without data; 0 = never
                        (default 60, or never for --dagger)
  --get                 send a query operation as GET with URL parameters (GraphQL
                        over HTTP); mutations and subscriptions are still sent as POST
  --allow-cross-origin-redirects
                        follow redirects to another origin too; the Authorization,
                        Cookie and other credential headers (names containing token,
                        secret, key, auth or password) are never sent there
  --trust-certificate SHA256
                        accept this server certificate although it is not trusted
                        (self-signed, expired, wrong name) — the SHA-256 fingerprint
                        the TLS error printed (AB:CD:...); for the endpoint's host and
                        port only (repeatable)
  -h, --help            show this help

Subscriptions (when the operation run is a subscription; WebSocket, one JSON line per payload):
  --ws-protocol auto|graphql-transport-ws|graphql-ws
                        the WebSocket subprotocol (default auto: offer both and follow the
                        server; graphql-ws only for --dagster)
  --ws-url URL          where to connect (default: the endpoint with http->ws, https->wss)
  --max-messages N      unsubscribe after N payloads (default: until the server completes;
                        Ctrl-C unsubscribes too). Exit status 0 then; 1 the server refused the
                        operation; 2 close codes, timeouts and transport errors.

Exit status: 0 the response has data and no errors; 1 the response has errors;
2 usage errors, transport errors and replies that are not GraphQL responses
(one line on standard error starting with "sextant: ").
)"_s;
}

QByteArray QueryOptions::mergeVariables(const QByteArray &variablesJson, const QStringList &vars, QString *error)
{
    QList<QPair<QString, QByteArray>> members;
    if (!variablesJson.trimmed().isEmpty()) {
        ResponseDocument::ParseError parseError;
        const auto document = ResponseDocument::parse(variablesJson, &parseError);
        if (!document) {
            *error = u"--variables is not valid JSON: "_s + parseError.message;
            return {};
        }
        if (document->kind(document->root()) != JsonKind::Object) {
            *error = u"--variables must be a JSON object, got "_s
                     + Sextant::Core::jsonKindName(document->kind(document->root()));
            return {};
        }
        for (int i = 0; i < document->childCount(document->root()); ++i) {
            const auto member = document->child(document->root(), i);
            members.append({document->key(member), document->toJson(member, 0)});
        }
    }
    for (const QString &var : vars) {
        const qsizetype equals = var.indexOf(u'=');
        const QString name = equals < 0 ? QString() : var.left(equals).trimmed();
        if (name.isEmpty()) {
            *error = u"--var expects NAME=VALUE, got \""_s + var + u'"';
            return {};
        }
        const QString value = var.mid(equals + 1);
        const QByteArray valueUtf8 = value.toUtf8();
        QByteArray json;
        if (value.startsWith(u'@')) {
            QString referenceError;
            const auto referenced = resolveVariableReference(value.mid(1), &referenceError);
            if (!referenced) {
                *error = u"--var "_s + name + u": "_s + referenceError;
                return {};
            }
            json = *referenced;
        } else if (!valueUtf8.trimmed().isEmpty()) {
            if (const auto document = ResponseDocument::parse(valueUtf8))
                json = document->toJson(document->root(), 0);
        }
        if (json.isEmpty())
            json = GraphQLRequest::jsonString(value);
        const auto existing =
            std::find_if(members.begin(), members.end(), [&](const auto &m) { return m.first == name; });
        if (existing != members.end())
            existing->second = json;
        else
            members.append({name, json});
    }
    if (members.isEmpty())
        return variablesJson.trimmed().isEmpty() ? QByteArray() : QByteArrayLiteral("{}");
    QByteArray out = "{";
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i > 0)
            out += ',';
        out += GraphQLRequest::jsonString(members.at(i).first) + ':' + members.at(i).second;
    }
    out += '}';
    return out;
}

std::optional<QueryOptions> QueryOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption endpointOption(u"endpoint"_s, QString(), u"URL"_s);
    const QCommandLineOption daggerOption(u"dagger"_s);
    const QCommandLineOption dagsterOption(u"dagster"_s);
    const QCommandLineOption varOption(u"var"_s, QString(), u"NAME=VALUE"_s);
    const QCommandLineOption variablesOption(u"variables"_s, QString(), u"JSON"_s);
    const QCommandLineOption operationOption(u"operation"_s, QString(), u"NAME"_s);
    const QCommandLineOption headerOption(u"header"_s, QString(), u"HEADER"_s);
    const QCommandLineOption timeoutOption(u"timeout"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption getOption(u"get"_s);
    const QCommandLineOption crossOriginOption(u"allow-cross-origin-redirects"_s);
    const QCommandLineOption trustOption(u"trust-certificate"_s, QString(), u"SHA256"_s);
    const QCommandLineOption helpOption(QStringList{u"h"_s, u"help"_s});
    parser.addOptions({endpointOption, daggerOption, dagsterOption, varOption, variablesOption, operationOption,
                       headerOption, timeoutOption, getOption, crossOriginOption, trustOption, helpOption});
    const QCommandLineOption wsProtocolOption(u"ws-protocol"_s, QString(), u"PROTOCOL"_s);
    const QCommandLineOption wsUrlOption(u"ws-url"_s, QString(), u"URL"_s);
    const QCommandLineOption maxMessagesOption(u"max-messages"_s, QString(), u"N"_s);
    parser.addOptions({wsProtocolOption, wsUrlOption, maxMessagesOption});

    if (!parser.parse(QStringList{u"sextant query"_s} + arguments)) {
        *error = parser.errorText() + u" (see sextant query --help)"_s;
        return std::nullopt;
    }
    QueryOptions options;
    if (parser.isSet(helpOption)) {
        options.showHelp = true;
        return options;
    }

    const int endpointChoices =
        int(parser.isSet(endpointOption)) + int(parser.isSet(daggerOption)) + int(parser.isSet(dagsterOption));
    if (endpointChoices == 0) {
        *error = u"no endpoint: use --endpoint URL, --dagster or --dagger (see sextant query --help)"_s;
        return std::nullopt;
    }
    if (endpointChoices > 1) {
        *error = u"choose only one of --endpoint, --dagster and --dagger"_s;
        return std::nullopt;
    }
    if (parser.isSet(daggerOption)) {
        QString environmentError;
        const auto profile = EndpointProfile::daggerSessionFromEnvironment(&environmentError);
        if (!profile) {
            *error = environmentError.isEmpty()
                         ? u"--dagger needs DAGGER_SESSION_PORT and DAGGER_SESSION_TOKEN (run inside `dagger run`)"_s
                         : environmentError;
            return std::nullopt;
        }
        options.endpoint = *profile;
    } else if (parser.isSet(dagsterOption)) {
        options.endpoint = EndpointProfile::dagster();
    } else {
        const QString text = parser.value(endpointOption).trimmed();
        const QUrl url(text, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)) {
            *error = u"invalid endpoint URL \""_s + text + u"\" (expected http://host:port/path or https://…)"_s;
            return std::nullopt;
        }
        options.endpoint.kind = Sextant::Net::EndpointKind::GenericHttp;
        options.endpoint.url = url;
    }

    for (const QString &header : parser.values(headerOption)) {
        QString headerError;
        const auto parsed = EndpointProfile::parseHeaders(header, &headerError);
        if (!headerError.isEmpty() || parsed.isEmpty()) {
            const qsizetype colon = headerError.indexOf(u": "_s);
            *error = u"invalid --header \""_s + header + u"\": "_s
                     + (headerError.isEmpty() ? u"expected \"Name: value\""_s : headerError.mid(colon + 2));
            return std::nullopt;
        }
        options.endpoint.headers += parsed;
    }

    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        const double seconds = parser.value(timeoutOption).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > 2000000.0 /* keeps milliseconds in an int */) {
            *error = u"--timeout expects a number of seconds (0 = no timeout), got \""_s + parser.value(timeoutOption)
                     + u'"';
            return std::nullopt;
        }
        options.endpoint.timeoutMs = int(std::lround(seconds * 1000.0));
    }

    options.endpoint.useGetForQueries = parser.isSet(getOption);
    options.endpoint.allowCrossOriginRedirects = parser.isSet(crossOriginOption);
    for (const QString &fingerprint : parser.values(trustOption)) {
        const QByteArray digest = Sextant::Net::CertificateTrust::parseFingerprint(fingerprint);
        if (digest.isEmpty()) {
            *error = u"--trust-certificate expects a SHA-256 fingerprint (64 hex digits, colons optional), got \""_s
                     + fingerprint + u'"';
            return std::nullopt;
        }
        options.trustedCertificates.append(digest);
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(operationOption))) {
        *error =
            u"unexpected argument \""_s + positional.constLast() + u"\" (the document is read from standard input)"_s;
        return std::nullopt;
    }
    options.request.operationName =
        parser.isSet(operationOption) ? parser.value(operationOption).trimmed() : positional.value(0).trimmed();

    if (parser.isSet(wsProtocolOption)) {
        const auto protocol = EndpointProfile::subscriptionProtocolFromId(parser.value(wsProtocolOption).trimmed());
        if (!protocol) {
            *error = u"--ws-protocol expects auto, graphql-transport-ws or graphql-ws, got \""_s
                     + parser.value(wsProtocolOption) + u'"';
            return std::nullopt;
        }
        options.endpoint.subscriptionProtocol = *protocol;
    }
    if (parser.isSet(wsUrlOption)) {
        const QUrl url(parser.value(wsUrlOption).trimmed(), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"ws"_s && scheme != u"wss"_s)) {
            *error = u"invalid --ws-url \""_s + parser.value(wsUrlOption)
                     + u"\" (expected ws://host:port/path or wss://…)"_s;
            return std::nullopt;
        }
        options.endpoint.subscriptionUrl = url;
    }
    if (parser.isSet(maxMessagesOption)) {
        bool ok = false;
        options.maxMessages = parser.value(maxMessagesOption).toInt(&ok);
        if (!ok || options.maxMessages < 1) {
            *error = u"--max-messages expects a positive number, got \""_s + parser.value(maxMessagesOption) + u'"';
            return std::nullopt;
        }
    }

    QString variablesError;
    options.request.variablesJson =
        mergeVariables(parser.value(variablesOption).toUtf8(), parser.values(varOption), &variablesError);
    if (!variablesError.isEmpty()) {
        *error = variablesError;
        return std::nullopt;
    }
    return options;
}

} // namespace Sextant::Cli
