// SPDX-License-Identifier: MIT
// Sextant: the PROTOCOLS.md §1.8 decision procedure for finished HTTP replies.
#include "net/responseclassifier.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Sextant::Net {

namespace {

enum class BodyShape { Empty, GraphQLObject, OtherJson, NotJson };

qsizetype firstNonSpace(const QByteArray &body)
{
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return i;
    }
    return -1;
}

BodyShape inspect(const QByteArray &body)
{
    const qsizetype start = firstNonSpace(body);
    if (start < 0)
        return BodyShape::Empty;
    const char first = body.at(start);
    if (body.size() > ResponseClassifier::maxValidatedBodySize) {
        // Too big to parse twice on the GUI thread: the response index parses it later anyway.
        if (first == '{')
            return BodyShape::GraphQLObject;
        return first == '[' ? BodyShape::OtherJson : BodyShape::NotJson;
    }
    if (first != '{' && first != '[' && first != '"' && first != '-' && !(first >= '0' && first <= '9') && first != 't'
        && first != 'f' && first != 'n') {
        return BodyShape::NotJson;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return BodyShape::NotJson;
    if (document.isObject()) {
        const QJsonObject object = document.object();
        if (object.contains(QLatin1StringView("data")) || object.contains(QLatin1StringView("errors")))
            return BodyShape::GraphQLObject;
    }
    return BodyShape::OtherJson;
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

void ResponseClassifier::classify(HttpResult &result, const EndpointProfile &endpoint)
{
    const int status = result.httpStatus;
    const bool success = status >= 200 && status < 300;
    const QByteArray type = mediaType(result.contentType);
    const QString head = statusText(status, result.reasonPhrase);
    const QString typeLabel = type.isEmpty() ? u"no Content-Type"_s : QString::fromLatin1(type);
    const BodyShape shape = inspect(result.body);
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
        result.message = head + u": empty response body"_s;
        return;
    case BodyShape::OtherJson:
        result.message = head + u": the JSON body has no \"data\" or \"errors\", so it is not a GraphQL response ("_s
                         + typeLabel + u"): "_s + excerpt(result.body);
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
    result.message = head + u": the body is not JSON ("_s + typeLabel + u"): "_s + excerpt(result.body);
}

} // namespace Sextant::Net
