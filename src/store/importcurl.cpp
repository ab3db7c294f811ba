// SPDX-License-Identifier: MIT
// Sextant: reads a curl command line (bash or cmd.exe quoting) into a SavedRequest with a GraphQL body.
#include "collectionimport.h"

#include "curlcommand.h"
#include "importsupport.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

constexpr qsizetype maxCommandLength = 16 * 1024 * 1024;

/// Options that take an argument (curl 8 manual); all others are flags.
bool takesArgument(QStringView option)
{
    static const QStringList withArgument =
        QStringLiteral("--request --header --data --data-raw --data-binary --data-ascii --data-urlencode --json "
                       "--user --url --output --user-agent --cookie --cookie-jar --referer --max-time "
                       "--connect-timeout --proxy --proxy-user --cacert --capath --cert --cert-type --key "
                       "--key-type --write-out --form --form-string --retry --retry-delay --retry-max-time "
                       "--resolve --connect-to --oauth2-bearer --upload-file --config --range --interface "
                       "--limit-rate --max-redirs --dns-servers --ciphers --unix-socket --abstract-unix-socket "
                       "--aws-sigv4 --variable --expect100-timeout --max-filesize --output-dir --trace "
                       "--trace-ascii --stderr --pinnedpubkey --noproxy --preproxy --socks5 --socks5-hostname "
                       "--keepalive-time --speed-limit --speed-time --time-cond --request-target --service-name "
                       "--login-options --sasl-authzid --proto --proto-redir --proto-default "
                       "--happy-eyeballs-timeout-ms --tls-max --netrc-file --parallel-max --rate")
            .split(u' ');
    return withArgument.contains(option);
}

constexpr QStringView shortWithArgument = u"XHduoAbcemxwFTEKrCyYzUQtP";

QString longOptionFor(QChar shortOption)
{
    switch (shortOption.unicode()) {
    case 'X':
        return u"--request"_s;
    case 'H':
        return u"--header"_s;
    case 'd':
        return u"--data"_s;
    case 'u':
        return u"--user"_s;
    case 'A':
        return u"--user-agent"_s;
    case 'b':
        return u"--cookie"_s;
    case 'e':
        return u"--referer"_s;
    case 'F':
        return u"--form"_s;
    case 'T':
        return u"--upload-file"_s;
    case 'G':
        return u"--get"_s;
    case 'I':
        return u"--head"_s;
    default:
        return u"-"_s + shortOption;
    }
}

bool droppedHeader(const QString &lowerName)
{
    static const QStringList dropped = {u"content-type"_s,
                                        u"content-length"_s,
                                        u"host"_s,
                                        u"connection"_s,
                                        u"accept-encoding"_s,
                                        u"upgrade-insecure-requests"_s,
                                        u"priority"_s,
                                        u"te"_s,
                                        u"pragma"_s,
                                        u"cache-control"_s,
                                        u"dnt"_s};
    return dropped.contains(lowerName) || lowerName.startsWith("sec-"_L1) || lowerName.startsWith(u':');
}

} // namespace

bool looksLikeCurlCommand(const QString &text)
{
    // Leading comment lines (#!/bin/sh), a prompt, "dagger run [options] sh -c '" as in the Dagger docs.
    static const QRegularExpression pattern(
        uR"(^(?:\s*#[^\n]*\n)*\s*(?:\$\s+)?(?:dagger\s+run\s+(?:-\S+\s+)*)?(?:(?:ba|z)?sh\s+-c\s+['"])?)"
        uR"((?:\S*[/\\])?curl(?:\.exe)?(?:\s|\^|\\|$))"_s);
    return pattern.match(text).hasMatch();
}

std::optional<SavedRequest> parseCurlCommand(const QString &commandLine, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (error)
        error->clear();
    if (commandLine.size() > maxCommandLength)
        return fail(u"the command line is longer than 16 MB"_s);
    QString why;
    const auto split = CurlCommand::splitCommandLine(commandLine, &why);
    if (!split)
        return fail(u"cannot read the command line: "_s + why);
    QStringList args = *split;
    // Unwrap what the docs put around curl: "$ ", "dagger run [options]", "sh -c '…'", "env A=b", "sudo", "time".
    for (int round = 0; round < 8 && !args.isEmpty(); ++round) {
        const QString first = args.first();
        if (first == "$"_L1 || first == "sudo"_L1 || first == "time"_L1 || first == "command"_L1
            || first == "exec"_L1) {
            args.removeFirst();
        } else if (first == "env"_L1) {
            args.removeFirst();
            while (!args.isEmpty() && args.first().contains(u'=') && !args.first().startsWith(u'-'))
                args.removeFirst();
        } else if (first == "dagger"_L1 && args.size() > 1 && args.at(1) == "run"_L1) {
            args.remove(0, 2);
            while (!args.isEmpty() && args.first().startsWith(u'-'))
                args.removeFirst();
        } else if ((first == "sh"_L1 || first == "bash"_L1 || first == "zsh"_L1) && args.size() > 2
                   && args.at(1) == "-c"_L1) {
            const auto inner = CurlCommand::splitCommandLine(args.at(2), &why);
            if (!inner)
                return fail(u"cannot read the command line: "_s + why);
            args = *inner;
        } else {
            break;
        }
    }
    static const QRegularExpression curlProgram(uR"(^(?:.*[/\\])?curl(?:\.exe)?$)"_s);
    if (args.isEmpty() || !curlProgram.match(args.first()).hasMatch())
        return fail(u"not a curl command line (it does not start with curl)"_s);

    QString method;
    QString url;
    QStringList data;
    bool json = false;
    bool get = false;
    bool basic = false;
    QList<std::pair<QString, QString>> headers;
    bool positionalOnly = false;

    // Expand "-sSLX POST" style clusters into separate options first.
    QList<std::pair<QString, QString>> options; // option (long form when known), argument
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (positionalOnly || !arg.startsWith(u'-') || arg == "-"_L1) {
            options.append({QString(), arg});
            continue;
        }
        if (arg == "--"_L1) {
            positionalOnly = true;
            continue;
        }
        if (arg.startsWith("--"_L1)) {
            if (takesArgument(arg)) {
                if (i + 1 >= args.size())
                    return fail(u"the option "_s + arg + u" needs a value"_s);
                options.append({arg, args.at(++i)});
            } else {
                options.append({arg, QString()});
            }
            continue;
        }
        for (qsizetype k = 1; k < arg.size(); ++k) {
            const QChar option = arg.at(k);
            if (shortWithArgument.contains(option)) {
                QString value = arg.mid(k + 1);
                if (value.isEmpty()) {
                    if (i + 1 >= args.size())
                        return fail(u"the option -"_s + option + u" needs a value"_s);
                    value = args.at(++i);
                }
                options.append({longOptionFor(option), value});
                break;
            }
            options.append({longOptionFor(option), QString()});
        }
    }

    for (const auto &[option, value] : options) {
        if (option.isEmpty() || option == "--url"_L1) {
            if (url.isEmpty())
                url = value.trimmed();
        } else if (option == "--request"_L1) {
            method = value.trimmed().toUpper();
        } else if (option == "--header"_L1) {
            const qsizetype colon = value.indexOf(u':');
            if (colon > 0)
                headers.append({value.left(colon).trimmed(), value.mid(colon + 1).trimmed()});
        } else if (option == "--data-urlencode"_L1) {
            // curl: "content", "=content", "name=content" (content URL-encoded), "@file" / "name@file" (a file).
            const qsizetype equals = value.indexOf(u'=');
            const qsizetype at = value.indexOf(u'@');
            if (at >= 0 && (equals < 0 || at < equals))
                return fail(u"the body is read from a file ("_s + value + u"); paste a command with the body inline"_s);
            const QString name = equals > 0 ? value.left(equals) : QString();
            const QString content = equals >= 0 ? value.mid(equals + 1) : value;
            data << (name.isEmpty() ? QString() : name + u'=') + QString::fromLatin1(QUrl::toPercentEncoding(content));
        } else if (option == "--data"_L1 || option == "--data-binary"_L1 || option == "--data-ascii"_L1
                   || option == "--json"_L1) {
            if (value.startsWith(u'@'))
                return fail(u"the body is read from a file ("_s + value + u"); paste a command with the body inline"_s);
            data << value;
            json = json || option == "--json"_L1;
        } else if (option == "--data-raw"_L1) {
            data << value;
        } else if (option == "--user"_L1) {
            basic = true;
        } else if (option == "--oauth2-bearer"_L1) {
            headers.append({u"Authorization"_s, u"Bearer "_s + value});
        } else if (option == "--user-agent"_L1) {
            headers.append({u"User-Agent"_s, value});
        } else if (option == "--referer"_L1) {
            headers.append({u"Referer"_s, value});
        } else if (option == "--cookie"_L1) {
            if (value.contains(u'='))
                headers.append({u"Cookie"_s, value});
        } else if (option == "--get"_L1) {
            get = true;
        } else if (option == "--form"_L1 || option == "--form-string"_L1 || option == "--upload-file"_L1) {
            return fail(u"multipart and file uploads (-F, -T) are not GraphQL requests"_s);
        } else if (option == "--head"_L1) {
            return fail(u"a HEAD request (-I) has no GraphQL body"_s);
        }
    }
    if (url.isEmpty())
        return fail(u"the command line has no URL"_s);
    if (!url.contains("://"_L1) && !url.startsWith("{{"_L1))
        url.prepend("http://"_L1);

    QString contentType;
    for (const auto &[name, value] : headers) {
        if (name.compare("content-type"_L1, Qt::CaseInsensitive) == 0)
            contentType = value.toLower();
    }
    if (json && contentType.isEmpty())
        contentType = u"application/json"_s;

    SavedRequest saved;
    const QString body = json ? data.join(QString()) : data.join(u'&');
    if (get && !data.isEmpty()) {
        url += (url.contains(u'?') ? u'&' : u'?') + body;
    }
    if (!body.isEmpty() && !get) {
        if (method == "GET"_L1)
            return fail(u"a GET request with a body; use -G to send the data in the URL"_s);
        if (contentType.contains("application/graphql"_L1)) {
            saved.document = body;
        } else if (const auto parsed = ImportSupport::graphQLBodyFromJson(body.toUtf8(), &why)) {
            saved.document = parsed->query;
            saved.variables = parsed->variables;
            saved.operationName = parsed->operationName;
        } else if (contentType.contains("x-www-form-urlencoded"_L1) || body.startsWith("query="_L1)) {
            const QUrlQuery form(QString(body).replace(u'+', "%20"_L1)); // '+' is a space in a form
            if (!form.hasQueryItem(u"query"_s))
                return fail(u"the form body has no \"query\" field; not a GraphQL request"_s);
            saved.document = form.queryItemValue(u"query"_s, QUrl::FullyDecoded);
            saved.variables = form.queryItemValue(u"variables"_s, QUrl::FullyDecoded).trimmed();
            saved.operationName = form.queryItemValue(u"operationName"_s, QUrl::FullyDecoded);
        } else {
            return fail(why);
        }
    } else {
        // GraphQL over HTTP GET: ?query=…&variables=…&operationName=…
        const qsizetype question = url.indexOf(u'?');
        QUrlQuery query(question >= 0 ? url.mid(question + 1).replace(u'+', "%20"_L1) : QString());
        if (!query.hasQueryItem(u"query"_s))
            return fail(u"no GraphQL query: the command has no body and its URL has no ?query="_s);
        const auto decoded = [&](const QString &key) { return query.queryItemValue(key, QUrl::FullyDecoded); };
        saved.document = decoded(u"query"_s);
        saved.variables = decoded(u"variables"_s).trimmed();
        saved.operationName = decoded(u"operationName"_s);
        query.removeAllQueryItems(u"query"_s);
        query.removeAllQueryItems(u"variables"_s);
        query.removeAllQueryItems(u"operationName"_s);
        url = url.left(question);
        if (!query.isEmpty())
            url += u'?' + query.toString(QUrl::FullyEncoded);
    }
    if (saved.document.trimmed().isEmpty())
        return fail(u"the GraphQL query is empty"_s);
    if (const auto pretty = ImportSupport::graphQLBodyFromJson(
            (u"{\"query\":\"\",\"variables\":"_s + saved.variables + u'}').toUtf8(), nullptr);
        pretty && !saved.variables.isEmpty())
        saved.variables = pretty->variables; // re-indented when it is JSON

    bool userInfo = false;
    saved.endpointUrl = ImportSupport::secretFreeUrl(url, &userInfo);
    basic = basic || userInfo;
    saved.endpointKind = endpointKindForUrl(saved.endpointUrl, basic);
    QStringList lines;
    for (const auto &[name, value] : headers) {
        if (!droppedHeader(name.toLower()))
            ImportSupport::appendHeader(lines, name, value);
    }
    if (basic && saved.endpointKind != "dagger-session"_L1)
        ImportSupport::appendBasicAuthorization(lines); // an explicit -H Authorization wins, as in curl
    if (saved.endpointKind == "dagger-session"_L1)
        lines.removeIf([](const QString &line) { return line.startsWith("Authorization:"_L1, Qt::CaseInsensitive); });
    saved.headers = lines.join(u'\n');
    saved.name = ImportSupport::requestName(saved.operationName, saved.document, u"curl request"_s);
    return saved;
}

} // namespace Sextant::Store
