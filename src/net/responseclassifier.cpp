// SPDX-License-Identifier: MIT
// Sextant: the PROTOCOLS.md §1.8 decision procedure for finished HTTP replies.
#include "net/responseclassifier.h"

#include <core/response/responsedocument.h>

#include <QDateTime>
#include <QLocale>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sextant::Net {

namespace {

enum class BodyShape { Empty, GraphQLObject, OtherJson, NotJson };

/// What inspect() found: the shape, for OtherJson the kind of JSON ("an array", "null", ...), for NotJson a reason
/// more precise than "not JSON" when the body is almost JSON (invalid UTF-8, nesting beyond the reader's limit).
struct BodyInspection
{
    BodyShape shape = BodyShape::NotJson;
    QString jsonKind;
    QString problem;
};

qsizetype firstNonSpace(const QByteArray &body)
{
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return i;
    }
    return -1;
}

QString jsonKindText(Core::JsonKind kind)
{
    switch (kind) {
    case Core::JsonKind::Null: return u"JSON null"_s;
    case Core::JsonKind::Bool: return u"JSON boolean"_s;
    case Core::JsonKind::Number: return u"JSON number"_s;
    case Core::JsonKind::String: return u"JSON string"_s;
    case Core::JsonKind::Array: return u"JSON array"_s;
    case Core::JsonKind::Object: return u"JSON object"_s;
    }
    return u"JSON value"_s;
}

BodyInspection inspect(const QByteArray &body)
{
    const qsizetype start = firstNonSpace(body);
    if (start < 0)
        return {BodyShape::Empty, {}, {}};
    const char first = body.at(start);
    if (body.size() > ResponseClassifier::maxValidatedBodySize) {
        // Too big to parse twice on the GUI thread: the response index parses it later anyway.
        if (first == '{')
            return {BodyShape::GraphQLObject, {}, {}};
        if (first == '[')
            return {BodyShape::OtherJson, u"JSON array"_s, {}};
        return {BodyShape::NotJson, {}, {}};
    }
    if (first != '{' && first != '[' && first != '"' && first != '-' && !(first >= '0' && first <= '9') && first != 't'
        && first != 'f' && first != 'n') {
        return {BodyShape::NotJson, {}, {}};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        if (document.isObject()) {
            const QJsonObject object = document.object();
            if (object.contains(QLatin1StringView("data")) || object.contains(QLatin1StringView("errors")))
                return {BodyShape::GraphQLObject, {}, {}};
            return {BodyShape::OtherJson, u"JSON object"_s, {}};
        }
        return {BodyShape::OtherJson, document.isArray() ? u"JSON array"_s : u"JSON value"_s, {}};
    }
    switch (error.error) {
    case QJsonParseError::IllegalUTF8String:
        return {BodyShape::NotJson, {},
                u"the body is not valid UTF-8 at byte %1, so it is not a JSON text"_s.arg(error.offset)};
    case QJsonParseError::DeepNesting:
        // QJsonDocument stops at 1024 levels; a GraphQL response that deep is not something to display.
        return {BodyShape::NotJson, {}, u"the JSON body is nested too deep (more than 1024 levels of arrays/objects)"_s};
    default:
        break;
    }
    if (first != '{' && first != '[') {
        // Qt 6.4's QJsonDocument rejects top-level scalars (null, 1, "x"); RFC 8259 allows them.
        Core::ResponseDocument::ParseError parseError;
        if (const auto scalar = Core::ResponseDocument::parse(body, &parseError))
            return {BodyShape::OtherJson, jsonKindText(scalar->kind(scalar->root())), {}};
    }
    return {BodyShape::NotJson, {}, {}};
}

bool looksLikeHtml(const QByteArray &mediaType, const QByteArray &body)
{
    if (mediaType == "text/html" || mediaType == "application/xhtml+xml")
        return true;
    const qsizetype start = firstNonSpace(body);
    if (start < 0)
        return false;
    const QByteArray head = body.mid(start, 32).toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html");
}

} // namespace

QByteArray ResponseClassifier::mediaType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView type = semicolon < 0 ? contentType : contentType.first(semicolon);
    return type.trimmed().toByteArray().toLower();
}

QString ResponseClassifier::statusText(int status, const QByteArray &reasonPhrase)
{
    QString text = u"HTTP %1"_s.arg(status);
    if (status == 294)
        return text + u" Partial Success"_s; // GoH draft §Partial success: success with errors, not a failure
    if (status >= 200 && status < 300)
        return text;
    const QByteArray reason = reasonPhrase.isEmpty() ? HttpResult::standardReasonPhrase(status) : reasonPhrase;
    if (!reason.isEmpty())
        text += u' ' + QString::fromUtf8(reason);
    return text;
}

QString ResponseClassifier::excerpt(const QByteArray &body, qsizetype maxChars)
{
    // Decode a little more than needed so a multi-byte character at the cut is not mangled.
    const QString text = QString::fromUtf8(body.left(maxChars * 4 + 4)).simplified();
    if (text.size() <= maxChars && body.size() <= maxChars * 4 + 4)
        return text;
    return text.left(maxChars) + u'…';
}

QString ResponseClassifier::retryAfter(const HttpResult &result, const QDateTime &now)
{
    const QByteArray value = result.responseHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return {};
    // RFC 9110 §10.2.3: delay-seconds or an HTTP-date.
    bool isNumber = false;
    const qlonglong seconds = value.toLongLong(&isNumber);
    if (isNumber && seconds >= 0)
        return u"retry after %1 s"_s.arg(seconds);
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the form RFC 9110 §5.6.7 requires senders to use; Qt's
    // RFC2822Date parser does not take the "GMT" zone name, so read it with the C locale and fall back to RFC 2822.
    const QString text = QString::fromLatin1(value);
    QDateTime when = QLocale::c().toDateTime(text, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (when.isValid())
        when.setTimeSpec(Qt::UTC);
    else
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return {};
    const qint64 delay = std::max<qint64>(0, now.secsTo(when));
    return u"retry after %1 s (%2)"_s.arg(delay).arg(when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s));
}

void ResponseClassifier::classify(HttpResult &result, const EndpointProfile &endpoint)
{
    classifyBody(result, endpoint);
    if (result.message.isEmpty())
        return;
    const QString retry = retryAfter(result);
    if (!retry.isEmpty())
        result.message += u" — "_s + retry;
}

void ResponseClassifier::classifyBody(HttpResult &result, const EndpointProfile &endpoint)
{
    const int status = result.httpStatus;
    const bool success = status >= 200 && status < 300;
    const QByteArray type = mediaType(result.contentType);
    const QString head = statusText(status, result.reasonPhrase);
    const QString typeLabel = type.isEmpty() ? u"no Content-Type"_s : QString::fromLatin1(type);
    const BodyInspection inspection = inspect(result.body);
    const BodyShape shape = inspection.shape;
    const bool declared = type == "application/graphql-response+json";
    const bool jsonType = type == "application/json" || type.endsWith("+json");
    const bool viaGet = result.requestMethod == "GET";
    result.probablyGraphQL = false;

    if (shape == BodyShape::GraphQLObject) {
        result.kind = ResultKind::GraphQLResponse;
        if (declared) {
            // §1.7: graphql-response+json is a GraphQL response whatever the status; 294 = partial success.
            if (success)
                result.message.clear();
            else
                result.message = head + u": GraphQL request error (the server answered with a GraphQL response)"_s;
            return;
        }
        if (success && jsonType) {
            result.message.clear();
            return;
        }
        // Legacy servers (Dagster 400/500, gqlgen 422, Dagger's text/plain errors) put GraphQL bodies on error
        // statuses or under other media types; the body may come from a proxy (§1.7), so the status stays prominent.
        result.probablyGraphQL = true;
        if (success) {
            result.message.clear();
            return;
        }
        result.message = head + u": the server returned a GraphQL response with an error status (probably GraphQL: "_s
                         + typeLabel + u", not application/graphql-response+json)"_s;
        return;
    }

    if (declared && shape != BodyShape::Empty) {
        // §1.7: a server MUST NOT label a body that is not a GraphQL response this way.
        result.kind = ResultKind::NotGraphQL;
        result.message = head + u": the body is labelled application/graphql-response+json but is not a GraphQL "
                                u"response (no \"data\" or \"errors\" object): "_s
                         + excerpt(result.body);
        return;
    }

    result.kind = ResultKind::NotGraphQL;
    switch (status) {
    case 405:
        if (viaGet) {
            result.message = head + u": the server does not accept GET for this request — turn off \"GET for "
                                    u"queries\" to send it as POST"_s;
            return;
        }
        break;
    case 406:
        result.message = head + u": the server cannot answer with application/graphql-response+json or "
                                u"application/json (the Accept header that was sent)"_s;
        return;
    case 413:
        result.message = head + u": the request body is too large for the server"_s;
        return;
    case 414:
        result.message = head + (viaGet ? u": the URL is too long for a GET request — turn off \"GET for queries\" "
                                          u"to send the document as POST"_s
                                        : u": the request URL is too long"_s);
        return;
    case 415:
        result.message = head + u": the server does not accept the request's Content-Type application/json"_s;
        return;
    case 431:
        result.message = head + u": the request headers are too large — check the endpoint's headers and cookies"_s;
        return;
    default:
        break;
    }
    if (status == 401) {
        if (endpoint.kind == EndpointKind::DaggerSession) {
            result.message = head + u": the Dagger session token was rejected (check DAGGER_SESSION_TOKEN)"_s;
        } else {
            const QByteArray challenge = result.responseHeader("WWW-Authenticate");
            const QByteArray scheme = challenge.left(challenge.indexOf(' ')).trimmed();
            result.message = head + u": the server requires authentication"_s
                             + (scheme.isEmpty() ? QString() : u" ("_s + QString::fromLatin1(scheme) + u')')
                             + u" — add an Authorization header to the endpoint"_s;
        }
        return;
    }
    if (status == 403 && shape == BodyShape::Empty) {
        result.message = head + u": the server refused access with the credentials that were sent"_s;
        return;
    }
    switch (shape) {
    case BodyShape::Empty:
        if (result.responseHeader("Transfer-Encoding").toLower().contains("chunked")) {
            // Qt 6.4 reads a malformed chunk size ("zz") as the final 0 chunk, without an error.
            const QUrl &url = result.finalUrl;
            const QString from = url.isValid() ? u" from "_s + url.host() + u':'
                                                     + QString::number(url.port(
                                                         url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0
                                                             ? 443
                                                             : 80))
                                               : QString();
            result.message = head + u": empty response body — the chunked transfer"_s + from
                             + u" ended before any data (a malformed chunk size or an empty answer)"_s;
            return;
        }
        result.message = head + u": empty response body"_s;
        return;
    case BodyShape::OtherJson:
        if (inspection.jsonKind == u"JSON object"_s) {
            result.message = head + u": the JSON body has no \"data\" or \"errors\", so it is not a GraphQL response ("_s
                             + typeLabel + u"): "_s + excerpt(result.body);
        } else {
            result.message = head + u": the body is a "_s + inspection.jsonKind
                             + u", not a GraphQL response (no \"data\" or \"errors\" object; "_s + typeLabel + u"): "_s
                             + excerpt(result.body);
        }
        return;
    case BodyShape::NotJson:
        break;
    case BodyShape::GraphQLObject:
        Q_UNREACHABLE();
    }
    if (looksLikeHtml(type, result.body)) {
        result.message = head + u": the server returned an HTML page, not a GraphQL response"_s;
        if (success || status == 404 || status == 405) {
            result.message += endpoint.kind == EndpointKind::Dagster
                                  ? u" — check the endpoint path (Dagster serves GraphQL at /graphql)"_s
                                  : u" — check the endpoint path"_s;
        }
        return;
    }
    if (status == 404 || status == 405) {
        result.message = head + u": this URL does not serve GraphQL — check the endpoint path ("_s + typeLabel
                         + u"): "_s + excerpt(result.body);
        return;
    }
    if (!inspection.problem.isEmpty()) {
        result.message = head + u": "_s + inspection.problem + u" ("_s + typeLabel + u")"_s;
        return;
    }
    result.message = head + u": the body is not JSON ("_s + typeLabel + u"): "_s + excerpt(result.body);
}

} // namespace Sextant::Net
