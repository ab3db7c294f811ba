// SPDX-License-Identifier: MIT
// Sextant: endpoint profiles, the Dagger session environment and the header text format.
#include "net/endpointprofile.h"

#include <QDebug>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Sextant::Net {

namespace {

// RFC 9110 §5.6.2 token characters: a header name outside this set would be rejected or mangled on the wire.
bool isTokenChar(QChar c)
{
    if (c.unicode() > 0x7e || c.unicode() <= 0x20)
        return false;
    static constexpr QStringView delimiters = u"\"(),/:;<=>?@[\\]{}";
    return !delimiters.contains(c);
}

QString quoted(QStringView text)
{
    constexpr qsizetype maxShown = 60;
    if (text.size() > maxShown)
        return u'"' + text.left(maxShown).toString() + u"…\""_s;
    return u'"' + text.toString() + u'"';
}

} // namespace

QString EndpointProfile::subscriptionProtocolId(SubscriptionProtocol protocol)
{
    switch (protocol) {
    case SubscriptionProtocol::GraphQLTransportWs:
        return u"graphql-transport-ws"_s;
    case SubscriptionProtocol::GraphQLWs:
        return u"graphql-ws"_s;
    case SubscriptionProtocol::Auto:
        break;
    }
    return u"auto"_s;
}

std::optional<SubscriptionProtocol> EndpointProfile::subscriptionProtocolFromId(const QString &id)
{
    const QString key = id.trimmed().toLower();
    if (key == u"auto"_s)
        return SubscriptionProtocol::Auto;
    if (key == u"graphql-transport-ws"_s)
        return SubscriptionProtocol::GraphQLTransportWs;
    if (key == u"graphql-ws"_s || key == u"subscriptions-transport-ws"_s)
        return SubscriptionProtocol::GraphQLWs;
    return std::nullopt;
}

QUrl EndpointProfile::effectiveSubscriptionUrl() const
{
    if (!subscriptionUrl.isEmpty())
        return subscriptionUrl;
    QUrl ws = url;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s)
        ws.setScheme(u"wss"_s);
    else if (scheme == u"http"_s)
        ws.setScheme(u"ws"_s);
    return ws;
}

QString EndpointProfile::profileKey() const
{
    return kindId(kind) + u' '
           + url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString(QUrl::FullyEncoded);
}

EndpointProfile EndpointProfile::dagster(const QUrl &url)
{
    EndpointProfile profile;
    profile.kind = EndpointKind::Dagster;
    profile.url = url;
    profile.timeoutMs = 60000;
    return profile;
}

EndpointProfile EndpointProfile::daggerSession(quint16 port, const QString &token)
{
    EndpointProfile profile;
    profile.kind = EndpointKind::DaggerSession;
    profile.url.setScheme(u"http"_s);
    profile.url.setHost(u"127.0.0.1"_s);
    profile.url.setPort(port);
    profile.url.setPath(u"/query"_s);
    profile.daggerToken = token;
    profile.timeoutMs = 0;
    return profile;
}

std::optional<EndpointProfile> EndpointProfile::daggerSessionFromEnvironment(QString *error)
{
    if (error)
        error->clear();
    const QString portText = qEnvironmentVariable("DAGGER_SESSION_PORT").trimmed();
    if (portText.isEmpty())
        return std::nullopt;

    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535) {
        if (error)
            *error = u"DAGGER_SESSION_PORT is not a valid port number: "_s + quoted(portText);
        return std::nullopt;
    }
    const QString token = qEnvironmentVariable("DAGGER_SESSION_TOKEN");
    if (token.isEmpty()) {
        // Same rule as the Dagger SDKs (sdk/go/engineconn/env.go): a port without a token cannot authenticate.
        if (error)
            *error = u"DAGGER_SESSION_TOKEN must be set when DAGGER_SESSION_PORT is set"_s;
        return std::nullopt;
    }
    return daggerSession(quint16(port), token);
}

QString EndpointProfile::kindId(EndpointKind kind)
{
    switch (kind) {
    case EndpointKind::Dagster:
        return QStringLiteral("dagster");
    case EndpointKind::DaggerSession:
        return QStringLiteral("dagger-session");
    case EndpointKind::GenericHttp:
        break;
    }
    return QStringLiteral("http");
}

std::optional<EndpointKind> EndpointProfile::kindFromId(const QString &id)
{
    if (id == u"dagster")
        return EndpointKind::Dagster;
    if (id == u"dagger-session" || id == u"dagger")
        return EndpointKind::DaggerSession;
    if (id == u"http")
        return EndpointKind::GenericHttp;
    return std::nullopt;
}

QString EndpointProfile::kindName(EndpointKind kind)
{
    switch (kind) {
    case EndpointKind::Dagster:
        return u"Dagster webserver"_s;
    case EndpointKind::DaggerSession:
        return u"Dagger session"_s;
    case EndpointKind::GenericHttp:
        break;
    }
    return u"GraphQL over HTTP"_s;
}

QList<QPair<QByteArray, QByteArray>> EndpointProfile::parseHeaders(const QString &text, QString *error)
{
    if (error)
        error->clear();
    QList<QPair<QByteArray, QByteArray>> result;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto fail = [&](const QString &message) {
            if (error)
                *error = u"Line %1: "_s.arg(i + 1) + message;
            return QList<QPair<QByteArray, QByteArray>>();
        };
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            return fail(u"expected \"Name: value\", got "_s + quoted(line));
        const QString name = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (name.isEmpty())
            return fail(u"the header name before ':' is empty"_s);
        for (QChar c : name) {
            if (!isTokenChar(c))
                return fail(u"the header name "_s + quoted(name) + u" contains the character '"_s + c
                            + u"', which is not allowed in header names"_s);
        }
        for (QChar c : value) {
            if ((c.unicode() < 0x20 && c != u'\t') || c.unicode() == 0x7f)
                return fail(u"the value of "_s + quoted(name) + u" contains a control character"_s);
        }
        result.append({name.toLatin1(), value.toUtf8()});
    }
    return result;
}

QString EndpointProfile::toString() const
{
    QString text = kindName(kind) + u' ' + url.toDisplayString(QUrl::RemoveUserInfo);
    QStringList notes;
    if (kind == EndpointKind::DaggerSession)
        notes << (daggerToken.isEmpty() ? u"no token"_s : u"token set"_s);
    if (!headers.isEmpty()) {
        QStringList names;
        for (const auto &header : headers)
            names << QString::fromLatin1(header.first);
        notes << u"headers: "_s + names.join(u", "_s);
    }
    notes << (timeoutMs > 0 ? u"timeout %1 ms"_s.arg(timeoutMs) : u"no timeout"_s);
    return text + u" ("_s + notes.join(u"; "_s) + u')';
}

QDebug operator<<(QDebug debug, const EndpointProfile &profile)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "EndpointProfile(" << profile.toString() << ')';
    return debug;
}

} // namespace Sextant::Net
