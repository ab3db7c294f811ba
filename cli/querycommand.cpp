// SPDX-License-Identifier: MIT
// Sextant: `sextant query` — stdin document to one endpoint, response to stdout, exit status by outcome.
#include "cli/querycommand.h"

#include "cli/queryoptions.h"
#include "cli/subscribecommand.h"

#include <core/response/responsedocument.h>
#include <net/certificatetrust.h>
#include <net/graphqlclient.h>
#include <net/responseclassifier.h>

#include <QEventLoop>
#include <QFile>

#include <cstdio>
#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;

namespace Sextant::Cli {

namespace {

enum ExitStatus { ExitOk = 0, ExitResponseErrors = 1, ExitFailure = 2 };

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeErr(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

int fail(const QString &message)
{
    writeErr(u"sextant: "_s + message);
    return ExitFailure;
}

QByteArray readStandardInput()
{
#if defined(Q_OS_UNIX)
    if (isatty(STDIN_FILENO))
        writeErr(u"sextant: reading the GraphQL document from standard input (end with Ctrl-D)"_s);
#endif
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    return input.readAll();
}

/// Prints the body and decides the exit status from its "errors" member (GraphQL spec §7.1).
int reportGraphQLResponse(const Sextant::Net::HttpResult &result)
{
    ResponseDocument::ParseError parseError;
    const auto document = ResponseDocument::parse(result.body, &parseError);
    if (!document) {
        // Only bodies over the classifier's validation limit get here unparsed; show them as they are.
        writeOut(result.body.endsWith('\n') ? result.body : result.body + '\n');
        return fail(u"the response is not valid JSON: "_s + parseError.message);
    }
    writeOut(document->toJson(document->root(), 2) + '\n');

    const auto errors = document->member(document->root(), u"errors");
    const int errorCount = errors != ResponseDocument::InvalidNode && document->kind(errors) == JsonKind::Array
                               ? document->childCount(errors)
                               : 0;
    if (errorCount == 0) {
        if (!result.message.isEmpty())
            writeErr(u"sextant: "_s + result.message);
        return ExitOk;
    }
    const auto first = document->child(errors, 0);
    const auto message = document->member(first, u"message");
    QString text = message != ResponseDocument::InvalidNode ? document->stringValue(message) : QString();
    text = text.simplified();
    if (text.size() > 200)
        text = text.left(200) + u'…';
    // A GraphQL error body on a non-2xx status (403, 429, 500 ...): the status and Retry-After matter as much as
    // the first error's message (PROTOCOLS.md §1.7: the status may come from a proxy).
    const bool success = result.httpStatus >= 200 && result.httpStatus < 300;
    const QString status =
        result.httpStatus > 0 && !success
            ? Sextant::Net::ResponseClassifier::statusText(result.httpStatus, result.reasonPhrase) + u": "_s
            : QString();
    const QString retry = Sextant::Net::ResponseClassifier::retryAfter(result);
    writeErr(u"sextant: %1the response has %2 error%3%4%5"_s.arg(status)
                 .arg(errorCount)
                 .arg(errorCount == 1 ? QString() : u"s"_s)
                 .arg(text.isEmpty() ? QString() : u": "_s + text)
                 .arg(retry.isEmpty() ? QString() : u" — "_s + retry));
    return ExitResponseErrors;
}

} // namespace

int runQueryCommand(const QStringList &arguments)
{
    QString error;
    const auto options = QueryOptions::parse(arguments, &error);
    if (!options)
        return fail(error);
    if (options->showHelp) {
        writeOut(QueryOptions::helpText().toUtf8());
        return ExitOk;
    }

    Sextant::Net::GraphQLRequest request = options->request;
    request.query = QString::fromUtf8(readStandardInput());
    if (request.query.trimmed().isEmpty())
        return fail(u"no GraphQL document on standard input"_s);
    if (isSubscriptionRequest(request)) // subscriptions go over a WebSocket (PROTOCOLS.md §3)
        return runSubscribeCommand(*options, request);

    Sextant::Net::GraphQLClient client;
    Sextant::Net::CertificateTrust trust;
    const QUrl &url = options->endpoint.url;
    const QString hostPort =
        url.host() + u':' + QString::number(url.port(url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80));
    for (const QByteArray &digest : options->trustedCertificates)
        trust.trust(hostPort, digest);
    client.setCertificateTrust(&trust);
    Sextant::Net::HttpResult result;
    QEventLoop loop;
    Sextant::Net::GraphQLCall *call = client.execute(options->endpoint, request);
    QObject::connect(call, &Sextant::Net::GraphQLCall::finished, &loop, [&](const Sextant::Net::HttpResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();

    if (!result.isGraphQL()) {
        const int status = fail(result.message.isEmpty() ? result.statusLine() : result.message);
        if (result.tls && result.tls->hasCertificate()) {
            // The details on their own lines too, and how to accept exactly this certificate.
            const Sextant::Net::TlsFailure &tls = *result.tls;
            writeErr(u"sextant: certificate: "_s + tls.subjectText() + u", issued by "_s
                     + (tls.selfSigned ? u"itself (self-signed)"_s : tls.issuer) + u", valid "_s
                     + tls.notBefore.toString(Qt::ISODate) + u" to "_s + tls.notAfter.toString(Qt::ISODate));
            writeErr(u"sextant: to trust this certificate for "_s + tls.hostPort
                     + u" only, add --trust-certificate "_s + tls.sha256Hex());
        }
        return status;
    }
    return reportGraphQLResponse(result);
}

int runVersionCommand()
{
    writeOut(QByteArrayLiteral("sextant " SEXTANT_VERSION "\n"));
    return ExitOk;
}

int runHelpCommand()
{
    writeOut(uR"(Usage: sextant [FILE.graphql ...]         start the GraphQL explorer; each file opens in a tab
       sextant --endpoint URL --kind dagster|dagger|http
                                           start it on that endpoint (--no-session: start empty,
                                           restore and write nothing)
       sextant query [options] < DOCUMENT  send a GraphQL document to an endpoint, print the response
       sextant validate --schema FILE < DOCUMENT
                                           validate a document against a schema (introspection JSON
                                           or SDL), errors printed as graphql-js prints them
       sextant format [--minify] < DOCUMENT
                                           prettify (keeping comments) or minify a document
       sextant schema --print-sdl FILE     print a schema (introspection JSON or SDL) as SDL
       sextant complete --schema FILE --line L --column C < DOCUMENT
                                           completion items at a cursor, as JSON
       sextant --version                   print the version
       sextant --help                      show this help

Run "sextant COMMAND --help" for the options of a command.
)"_s.toUtf8());
    return ExitOk;
}

} // namespace Sextant::Cli
