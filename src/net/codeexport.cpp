// SPDX-License-Identifier: MIT
// Sextant: snippet generation for "Export as Code": quoting per language, secrets as environment variables.
#include "net/codeexport.h"

#include "net/graphqlclient.h"

#include <core/language/ast.h>
#include <core/language/operationoutline.h>
#include <core/language/parser.h>
#include <core/response/responsedocument.h>

#include <QStringList>

#include <vector>

using namespace Qt::StringLiterals;

namespace Sextant::Net {

namespace {

// ---------------------------------------------------------------------------------------------------------------
// A JSON tree that keeps number literals as written (so big integers stay exact).

struct Json
{
    enum Type { Null, Bool, Number, String, Array, Object } type = Null;
    QString text;                 // number literal, or string value
    bool boolean = false;
    std::vector<QString> keys;    // object member names, parallel to items
    std::vector<Json> items;      // array items or object member values
};

constexpr int maxJsonDepth = 512; ///< deeper variables are exported as the text typed (variablesUnparsed)

/// The JSON tree of a parsed document node (Core::ResponseDocument keeps key order and number spelling); false
/// when it nests deeper than maxJsonDepth.
bool jsonFromDocument(const Core::ResponseDocument &document, Core::ResponseDocument::NodeId node, int depth,
                      Json &out)
{
    if (depth > maxJsonDepth)
        return false;
    switch (document.kind(node)) {
    case Core::JsonKind::Null:
        out.type = Json::Null;
        break;
    case Core::JsonKind::Bool:
        out.type = Json::Bool;
        out.boolean = document.boolValue(node);
        break;
    case Core::JsonKind::Number:
        out.type = Json::Number;
        out.text = document.numberText(node);
        break;
    case Core::JsonKind::String:
        out.type = Json::String;
        out.text = document.stringValue(node);
        break;
    case Core::JsonKind::Array:
    case Core::JsonKind::Object: {
        const bool object = document.kind(node) == Core::JsonKind::Object;
        out.type = object ? Json::Object : Json::Array;
        const int count = document.childCount(node);
        for (int index = 0; index < count; ++index) {
            const Core::ResponseDocument::NodeId child = document.child(node, index);
            if (object)
                out.keys.push_back(document.key(child));
            Json item;
            if (!jsonFromDocument(document, child, depth + 1, item))
                return false;
            out.items.push_back(std::move(item));
        }
        break;
    }
    }
    return true;
}

/// The variables text as a Json tree; nullopt when it is not valid JSON (RFC 8259).
std::optional<Json> readJson(const QByteArray &text)
{
    const auto document = Core::ResponseDocument::parse(text);
    Json out;
    if (!document || !jsonFromDocument(*document, document->root(), 0, out))
        return std::nullopt;
    return out;
}

/// Integers JavaScript's double cannot hold exactly (conservatively: 16 digits and more).
bool hasBigInteger(const Json &json)
{
    if (json.type == Json::Number) {
        if (json.text.contains(u'.') || json.text.contains(u'e') || json.text.contains(u'E'))
            return false;
        QString digits = json.text;
        digits.remove(u'-');
        return digits.size() >= 16;
    }
    for (const Json &item : json.items) {
        if (hasBigInteger(item))
            return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------------------------
// String literals, one function per language.

QString hex2(uint code)
{
    return QString::number(code, 16).rightJustified(2, u'0');
}
QString hex4(uint code)
{
    return QString::number(code, 16).rightJustified(4, u'0');
}

/// Bash: '…' with each ' as '\'' (nothing else is special inside single quotes).
QString shellSingle(const QString &text)
{
    QString out = text;
    out.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + out + u'\'';
}

/// Python "…" (or """…""" keeping line breaks): every " and \ escaped, control characters as \xNN.
QString pythonString(const QString &text, bool keepNewlines)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\\')
            out += u"\\\\"_s;
        else if (u == u'"')
            out += u"\\\""_s;
        else if (u == u'\n')
            out += keepNewlines ? u"\n"_s : u"\\n"_s;
        else if (u == u'\r')
            out += u"\\r"_s;
        else if (u == u'\t')
            out += u"\\t"_s;
        else if (u < 0x20 || u == 0x7f)
            out += u"\\x"_s + hex2(u);
        else
            out += c;
    }
    const QString quote = keepNewlines ? u"\"\"\""_s : u"\""_s;
    return quote + out + quote;
}

/// The query as a Python literal: triple-quoted when it has several lines.
QString pythonQuery(const QString &query)
{
    return pythonString(query, query.contains(u'\n'));
}

/// JavaScript "…": JSON-style escapes, U+2028/U+2029 escaped too.
QString jsString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'\\': out += u"\\\\"_s; break;
        case u'"': out += u"\\\""_s; break;
        case u'\n': out += u"\\n"_s; break;
        case u'\r': out += u"\\r"_s; break;
        case u'\t': out += u"\\t"_s; break;
        default:
            if (u < 0x20 || u == 0x7f || u == 0x2028 || u == 0x2029)
                out += u"\\u"_s + hex4(u);
            else
                out += c;
        }
    }
    return u'"' + out + u'"';
}

/// JavaScript template literal `…` keeping line breaks: \, ` and $ escaped; CR escaped (templates turn it into LF).
QString jsTemplate(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'\\': out += u"\\\\"_s; break;
        case u'`': out += u"\\`"_s; break;
        case u'$': out += u"\\$"_s; break;
        case u'\n': out += u"\n"_s; break;
        case u'\r': out += u"\\r"_s; break;
        case u'\t': out += u"\t"_s; break;
        default:
            if (u < 0x20 || u == 0x7f)
                out += u"\\u"_s + hex4(u);
            else
                out += c;
        }
    }
    return u'`' + out + u'`';
}

QString jsQuery(const QString &query)
{
    return query.contains(u'\n') ? jsTemplate(query) : jsString(query);
}

/// Rust "…" with escapes (\u{…} for control characters).
QString rustString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'\\': out += u"\\\\"_s; break;
        case u'"': out += u"\\\""_s; break;
        case u'\n': out += u"\\n"_s; break;
        case u'\r': out += u"\\r"_s; break;
        case u'\t': out += u"\\t"_s; break;
        default:
            if (u < 0x20 || u == 0x7f)
                out += u"\\u{"_s + QString::number(u, 16) + u'}';
            else
                out += c;
        }
    }
    return u'"' + out + u'"';
}

/// The query in Rust: a raw string r#"…"# (enough #s) when it has line breaks and no other control character.
QString rustQuery(const QString &query)
{
    if (!query.contains(u'\n'))
        return rustString(query);
    for (const QChar c : query) {
        if ((c.unicode() < 0x20 && c != u'\n' && c != u'\t') || c.unicode() == 0x7f)
            return rustString(query);
    }
    QString hashes = u"#"_s;
    while (query.contains(u'"' + hashes))
        hashes += u'#';
    return u'r' + hashes + u'"' + query + u'"' + hashes;
}

/// PHP '…': only \ and ' are escaped; line breaks and any other byte stay as they are.
QString phpString(const QString &text)
{
    QString out = text;
    out.replace(u"\\"_s, u"\\\\"_s);
    out.replace(u"'"_s, u"\\'"_s);
    return u'\'' + out + u'\'';
}

// ---------------------------------------------------------------------------------------------------------------
// JSON values as literals.

enum class Dialect { Python, JavaScript, Rust };

QString literalString(Dialect dialect, const QString &text)
{
    switch (dialect) {
    case Dialect::Python: return pythonString(text, false);
    case Dialect::JavaScript: return jsString(text);
    case Dialect::Rust: return rustString(text);
    }
    return QString();
}

/// A JSON value as a literal: Python dict/list/True/None, a JavaScript object literal, or serde_json's json! syntax.
QString literal(Dialect dialect, const Json &json, int indent)
{
    const int width = dialect == Dialect::JavaScript ? 2 : 4;
    const QString pad(indent * width, u' ');
    const QString innerPad((indent + 1) * width, u' ');
    switch (json.type) {
    case Json::Null: return dialect == Dialect::Python ? u"None"_s : u"null"_s;
    case Json::Bool:
        if (dialect == Dialect::Python)
            return json.boolean ? u"True"_s : u"False"_s;
        return json.boolean ? u"true"_s : u"false"_s;
    case Json::Number: return json.text;
    case Json::String: return literalString(dialect, json.text);
    case Json::Array: {
        if (json.items.empty())
            return u"[]"_s;
        QString out = u"[\n"_s;
        for (const Json &item : json.items)
            out += innerPad + literal(dialect, item, indent + 1) + u",\n"_s;
        if (dialect == Dialect::Rust) { // json! accepts no trailing comma in older serde_json
            out.chop(2);
            out += u'\n';
        }
        return out + pad + u']';
    }
    case Json::Object: {
        if (json.items.empty())
            return u"{}"_s;
        QString out = u"{\n"_s;
        for (size_t i = 0; i < json.items.size(); ++i)
            out += innerPad + literalString(dialect, json.keys[i]) + u": "_s + literal(dialect, json.items[i], indent + 1)
                + u",\n"_s;
        if (dialect == Dialect::Rust) {
            out.chop(2);
            out += u'\n';
        }
        return out + pad + u'}';
    }
    }
    return QString();
}

// ---------------------------------------------------------------------------------------------------------------
// What every snippet needs, worked out once.

struct Header
{
    QString name;
    QString value; // empty for a credential
    bool secret = false;
    QString env;   // the environment variable of a credential
};

/// A piece of the endpoint URL: literal text, or the value of an environment variable.
struct UrlPart
{
    bool environment = false;
    QString text; // the literal, or the variable's name
};

/// Query parameters that carry credentials (access_token=, api_key=, sig=, …).
bool isCredentialParameter(const QString &name)
{
    const QString lower = name.toLower();
    return CodeExport::isCredentialHeader(name.toUtf8()) || lower == u"sig"_s || lower == u"signature"_s
        || lower == u"code"_s;
}

struct Context
{
    bool dagger = false;
    bool portFromEnvironment = false; // Dagger session on the loopback: the port is DAGGER_SESSION_PORT
    QString url;                      // without user info; credential query values as $NAME (for comments)
    QList<UrlPart> urlParts;          // the URL as literal text and environment variables, in order
    QStringList queryCredentials;     // "name → SEXTANT_QUERY_NAME" of credential query parameters
    bool droppedUserInfo = false;
    QString query;
    QString operationName;
    std::optional<Json> variables;    // absent: no variables member
    QString variablesText;            // as typed (trimmed), when present
    bool variablesUnparsed = false;   // not a JSON object: the snippet parses the text at run time
    bool bigIntegers = false;
    QList<Header> headers;
    int timeoutSeconds = 0;           // 0: none
    bool getForQuery = false;         // the profile sends queries as GET and the operation is a query
    QString accept;
};

Context makeContext(const EndpointProfile &endpoint, const GraphQLRequest &request)
{
    Context context;
    context.dagger = endpoint.kind == EndpointKind::DaggerSession;
    QUrl url = endpoint.url;
    context.droppedUserInfo = !url.userInfo().isEmpty();
    url.setUserInfo(QString());
    url.setFragment(QString());
    const QString host = url.host().toLower();
    context.portFromEnvironment =
        context.dagger && url.port() > 0 && (host == u"127.0.0.1"_s || host == u"localhost"_s);
    const auto literalPart = [&context](const QString &text) {
        if (!context.urlParts.isEmpty() && !context.urlParts.last().environment)
            context.urlParts.last().text += text;
        else
            context.urlParts.append({false, text});
    };
    QString authority = url.host(QUrl::FullyEncoded);
    if (url.host().contains(u':'))
        authority = u'[' + authority + u']';
    literalPart(url.scheme() + u"://"_s + authority);
    if (context.portFromEnvironment) {
        literalPart(u":"_s);
        context.urlParts.append({true, u"DAGGER_SESSION_PORT"_s});
    } else if (url.port() >= 0) {
        literalPart(u':' + QString::number(url.port()));
    }
    literalPart(url.path(QUrl::FullyEncoded));
    if (url.hasQuery()) {
        literalPart(u"?"_s);
        const QStringList items = url.query(QUrl::FullyEncoded).split(u'&');
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                literalPart(u"&"_s);
            const QString &item = items[i];
            const qsizetype equals = item.indexOf(u'=');
            const QString key = QUrl::fromPercentEncoding(item.left(equals < 0 ? item.size() : equals).toUtf8());
            if (equals >= 0 && isCredentialParameter(key)) {
                const QString env = u"SEXTANT_QUERY_"_s + CodeExport::placeholderName(key.toUtf8()).mid(8);
                literalPart(item.left(equals + 1));
                context.urlParts.append({true, env});
                context.queryCredentials << env + u" (the URL parameter "_s + key + u", URL-encoded)"_s;
            } else {
                literalPart(item);
            }
        }
    }
    for (const UrlPart &part : std::as_const(context.urlParts))
        context.url += part.environment ? u'$' + part.text : part.text;
    context.query = request.query;
    context.operationName = request.operationName;
    const QString variables = QString::fromUtf8(request.variablesJson).trimmed();
    if (!variables.isEmpty() && variables != u"null"_s) {
        context.variablesText = variables;
        std::optional<Json> parsed = readJson(variables.toUtf8());
        if (parsed && parsed->type == Json::Object) {
            context.variables = std::move(parsed);
            context.bigIntegers = hasBigInteger(*context.variables);
        } else {
            context.variablesUnparsed = true;
        }
    }
    for (const auto &[name, value] : endpoint.headers) {
        Header header;
        header.name = QString::fromLatin1(name);
        header.secret = CodeExport::isCredentialHeader(name);
        if (header.secret)
            header.env = CodeExport::placeholderName(name);
        else
            header.value = QString::fromUtf8(value);
        context.headers.append(header);
    }
    if (endpoint.useGetForQueries) {
        const QList<Core::OperationInfo> operations = Core::outlineOperations(request.query);
        for (const Core::OperationInfo &operation : operations) {
            if ((request.operationName.isEmpty() && operations.size() == 1) || operation.name == request.operationName) {
                context.getForQuery = operation.operation == Core::OperationType::Query;
                break;
            }
        }
    }
    context.timeoutSeconds = endpoint.timeoutMs > 0 ? qMax(1, (endpoint.timeoutMs + 999) / 1000) : 0;
    context.accept = QString::fromLatin1(GraphQLClient::acceptHeader.toByteArray());
    return context;
}

bool hasVariables(const Context &context)
{
    return context.variables.has_value() || context.variablesUnparsed;
}

/// Comment lines (without the comment marker) every snippet starts with.
QStringList preamble(const Context &context, const QString &what)
{
    QStringList lines;
    lines << what;
    if (context.dagger) {
        lines << u"Dagger session (Basic auth, the token as user name): run it inside `dagger run`, which sets"_s
              << (context.portFromEnvironment ? u"DAGGER_SESSION_PORT and DAGGER_SESSION_TOKEN."_s
                                              : u"DAGGER_SESSION_TOKEN."_s);
    }
    for (const Header &header : context.headers) {
        if (header.secret)
            lines << u"Set %1 to the value of the %2 header (a credential: not exported)."_s.arg(header.env,
                                                                                                 header.name);
    }
    for (const QString &credential : context.queryCredentials)
        lines << u"Set %1 (a credential: not exported)."_s.arg(credential);
    if (context.droppedUserInfo)
        lines << u"The user name and password in the endpoint URL were left out (credentials)."_s;
    return lines;
}

QString commentBlock(const QStringList &lines, const QString &marker)
{
    QString out;
    for (const QString &line : lines)
        out += marker + u' ' + line + u'\n';
    return out;
}

enum class Language { Shell, Python, JavaScript, Rust, Php };

/// The endpoint URL as an expression of the language: one literal, or literals joined with environment variables.
QString urlExpression(const Context &context, Language language)
{
    QStringList parts;
    for (const UrlPart &part : context.urlParts) {
        switch (language) {
        case Language::Shell:
            break;
        case Language::Python:
            parts << (part.environment ? QString(u"os.environ[\""_s + part.text + u"\"]"_s) : pythonString(part.text, false));
            break;
        case Language::JavaScript:
            parts << (part.environment ? QString(u"process.env."_s + part.text) : jsString(part.text));
            break;
        case Language::Rust:
            parts << (part.environment ? QString(u"std::env::var(\""_s + part.text + u"\")?"_s)
                                       : QString(rustString(part.text) + u".to_string()"_s));
            break;
        case Language::Php:
            parts << (part.environment ? QString(u"getenv('"_s + part.text + u"')"_s) : phpString(part.text));
            break;
        }
    }
    switch (language) {
    case Language::Shell: {
        bool anyEnvironment = false;
        for (const UrlPart &part : context.urlParts)
            anyEnvironment = anyEnvironment || part.environment;
        if (!anyEnvironment)
            return shellSingle(context.url);
        QString word = u"\""_s;
        for (const UrlPart &part : context.urlParts) {
            if (part.environment) {
                word += u"${"_s + part.text + u'}';
            } else {
                for (const QChar c : part.text) {
                    if (c == u'\\' || c == u'"' || c == u'`' || c == u'$')
                        word += u'\\';
                    word += c;
                }
            }
        }
        return word + u'"';
    }
    case Language::Python:
    case Language::JavaScript:
        return parts.join(u" + "_s);
    case Language::Rust:
        return parts.size() == 1 ? parts.first() : u"["_s + parts.join(u", "_s) + u"].concat()"_s;
    case Language::Php:
        return parts.join(u" . "_s);
    }
    return QString();
}

// ---------------------------------------------------------------------------------------------------------------
// curl

/// Text for inside a "…" shell word that follows with a $NAME reference: \, ", $ and ` escaped.
QString shellDoubleWithVariables(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'\\' || c == u'"' || c == u'`' || c == u'$')
            out += u'\\';
        out += c;
    }
    return out;
}

QString curlSnippet(const Context &context, const GraphQLRequest &request)
{
    QString out = u"#!/usr/bin/env bash\n"_s
        + commentBlock(preamble(context, u"GraphQL over HTTP with curl, as Sextant sends it."_s), u"#"_s);
    out += u"curl -sS"_s;
    if (context.dagger)
        out += u" -u \"$DAGGER_SESSION_TOKEN:\""_s;
    if (context.timeoutSeconds > 0)
        out += u" --max-time "_s + QString::number(context.timeoutSeconds);
    // GET for query operations when the profile asks for it (PROTOCOLS.md §1.4): URL parameters, no body.
    const bool get = context.getForQuery;
    if (get)
        out += u" -G"_s;
    else
        out += u" \\\n  -H 'Content-Type: application/json'"_s;
    out += u" \\\n  -H "_s + shellSingle(u"Accept: "_s + context.accept);
    for (const Header &header : context.headers) {
        if (header.secret)
            out += u" \\\n  -H \""_s + shellDoubleWithVariables(header.name) + u": $"_s + header.env + u'"';
        else
            out += u" \\\n  -H "_s + shellSingle(header.name + u": "_s + header.value);
    }
    if (get) {
        out += u" \\\n  --data-urlencode "_s + shellSingle(u"query="_s + context.query);
        if (!context.operationName.isEmpty())
            out += u" \\\n  --data-urlencode "_s + shellSingle(u"operationName="_s + context.operationName);
        if (hasVariables(context))
            out += u" \\\n  --data-urlencode "_s + shellSingle(u"variables="_s + context.variablesText);
    } else {
        const QByteArray body = request.toJsonBody(); // exactly what Run sends
        out += u" \\\n  --data-binary "_s + shellSingle(QString::fromUtf8(body));
    }
    out += u" \\\n  "_s + urlExpression(context, Language::Shell);
    return out + u'\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Python

QString pythonUrl(const Context &context)
{
    return urlExpression(context, Language::Python);
}

QString pythonVariables(const Context &context, int indent)
{
    if (context.variables)
        return literal(Dialect::Python, *context.variables, indent);
    return u"json.loads("_s + pythonString(context.variablesText, false) + u')';
}

QString pythonHeaders(const Context &context, bool withProtocolHeaders)
{
    QString out = u"{\n"_s;
    if (withProtocolHeaders) {
        out += u"    \"Content-Type\": \"application/json\",\n"_s;
        out += u"    \"Accept\": "_s + pythonString(context.accept, false) + u",\n"_s;
    }
    for (const Header &header : context.headers) {
        if (header.secret)
            out += u"    "_s + pythonString(header.name, false) + u": os.environ["_s + pythonString(header.env, false)
                + u"],  # credential\n"_s;
        else
            out += u"    "_s + pythonString(header.name, false) + u": "_s + pythonString(header.value, false)
                + u",\n"_s;
    }
    return out + u'}';
}

QString pythonRequestsSnippet(const Context &context)
{
    QString out = commentBlock(preamble(context, u"GraphQL over HTTP with requests (pip install requests)."_s),
                              u"#"_s);
    out += u"import json\nimport os\nimport sys\n\nimport requests\n\n"_s;
    out += u"url = "_s + pythonUrl(context) + u'\n';
    out += u"headers = "_s + pythonHeaders(context, true) + u'\n';
    out += u"payload = {\n    \"query\": "_s + pythonQuery(context.query) + u",\n"_s;
    if (!context.operationName.isEmpty())
        out += u"    \"operationName\": "_s + pythonString(context.operationName, false) + u",\n"_s;
    if (hasVariables(context))
        out += u"    \"variables\": "_s + pythonVariables(context, 1) + u",\n"_s;
    out += u"}\n\n"_s;
    out += u"response = requests.post(\n    url,\n    json=payload,\n    headers=headers,\n"_s;
    if (context.dagger)
        out += u"    auth=(os.environ[\"DAGGER_SESSION_TOKEN\"], \"\"),\n"_s;
    out += u"    timeout="_s + (context.timeoutSeconds > 0 ? QString::number(context.timeoutSeconds) : u"None"_s)
        + u",\n)\n"_s;
    out += u"print(response.status_code, file=sys.stderr)\n"_s;
    out += u"print(json.dumps(response.json(), indent=2, ensure_ascii=False))\n"_s;
    return out;
}

// The Dagster client: the documented method when the operation is one of its own, else its _execute.

/// A GraphQL value with $variables resolved from the request's variables; nullopt when a variable has no value.
std::optional<Json> resolveValue(const Core::Ast::Value *value, const Json *variables)
{
    using namespace Core::Ast;
    if (!value)
        return std::nullopt;
    Json out;
    switch (value->kind) {
    case NodeKind::Variable: {
        const auto *variable = astCast<Variable>(value);
        if (!variables)
            return std::nullopt;
        for (size_t i = 0; i < variables->keys.size(); ++i) {
            if (variables->keys[i] == variable->name)
                return variables->items[i];
        }
        return std::nullopt;
    }
    case NodeKind::IntValue:
        out.type = Json::Number;
        out.text = astCast<IntValue>(value)->value;
        return out;
    case NodeKind::FloatValue:
        out.type = Json::Number;
        out.text = astCast<FloatValue>(value)->value;
        return out;
    case NodeKind::StringValue:
        out.type = Json::String;
        out.text = astCast<StringValue>(value)->value;
        return out;
    case NodeKind::EnumValue:
        out.type = Json::String;
        out.text = astCast<EnumValue>(value)->value;
        return out;
    case NodeKind::BooleanValue:
        out.type = Json::Bool;
        out.boolean = astCast<BooleanValue>(value)->value;
        return out;
    case NodeKind::NullValue:
        return out;
    case NodeKind::ListValue:
        out.type = Json::Array;
        for (const Value *item : astCast<ListValue>(value)->values) {
            std::optional<Json> resolved = resolveValue(item, variables);
            if (!resolved)
                return std::nullopt;
            out.items.push_back(std::move(*resolved));
        }
        return out;
    case NodeKind::ObjectValue:
        out.type = Json::Object;
        for (const ObjectField *field : astCast<ObjectValue>(value)->fields) {
            std::optional<Json> resolved = resolveValue(field->value, variables);
            if (!resolved)
                return std::nullopt;
            out.keys.push_back(field->name);
            out.items.push_back(std::move(*resolved));
        }
        return out;
    default:
        return std::nullopt;
    }
}

const Json *member(const Json &object, const QString &key)
{
    if (object.type != Json::Object)
        return nullptr;
    for (size_t i = 0; i < object.keys.size(); ++i) {
        if (object.keys[i] == key)
            return &object.items[i];
    }
    return nullptr;
}

bool onlyKeys(const Json &object, const QStringList &allowed)
{
    if (object.type != Json::Object)
        return false;
    for (const QString &key : object.keys) {
        if (!allowed.contains(key))
            return false;
    }
    return true;
}

/// The documented DagsterGraphQLClient call for the request's operation (Python code and what it prints), or
/// nothing when the operation is not one of the client's own.
std::optional<QString> dagsterMethodCall(const Context &context)
{
    using namespace Core::Ast;
    const Core::ParseResult parsed = Core::Parser::parse(context.query);
    if (!parsed.isValid() || !parsed.document->fragments().isEmpty())
        return std::nullopt;
    const QList<const OperationDefinition *> operations = parsed.document->operations();
    const OperationDefinition *operation = nullptr;
    if (!context.operationName.isEmpty())
        operation = parsed.document->operation(context.operationName);
    else if (operations.size() == 1)
        operation = operations.first();
    if (!operation || !operation->selectionSet || operation->selectionSet->selections.size() != 1
        || !operation->directives.isEmpty())
        return std::nullopt;
    const auto *field = astCast<Field>(operation->selectionSet->selections.first());
    if (!field || !field->directives.isEmpty() || field->arguments.size() != 1)
        return std::nullopt;
    const Json *variables = context.variables ? &*context.variables : nullptr;
    if (context.variablesUnparsed)
        return std::nullopt;
    const Argument *argument = field->arguments.first();
    const std::optional<Json> value = resolveValue(argument->value, variables);
    if (!value)
        return std::nullopt;
    const auto stringArgument = [&](const QString &name) -> std::optional<QString> {
        if (argument->name == name && value->type == Json::String)
            return pythonString(value->text, false);
        return std::nullopt;
    };

    if (operation->operation == Core::OperationType::Query
        && (field->name == u"runOrError"_s || field->name == u"pipelineRunOrError"_s)) {
        if (const auto runId = stringArgument(u"runId"_s)) {
            return u"# The operation reads a run: get_run_status sends the client's own query for it.\n"_s
                   u"status = client.get_run_status("_s + *runId + u")\nprint(status.value)\n"_s;
        }
    }
    if (operation->operation == Core::OperationType::Mutation && field->name == u"terminateRun"_s) {
        if (const auto runId = stringArgument(u"runId"_s)) {
            return u"# The operation terminates a run: terminate_run sends the client's own mutation for it\n"_s
                   u"# and raises DagsterGraphQLClientError when the run cannot be terminated.\n"_s
                   u"client.terminate_run("_s + *runId + u")\nprint(\"terminated\")\n"_s;
        }
    }
    if (operation->operation == Core::OperationType::Mutation && field->name == u"reloadRepositoryLocation"_s) {
        if (const auto location = stringArgument(u"repositoryLocationName"_s)) {
            return u"# The operation reloads a code location: reload_repository_location sends the client's own\n"_s
                   u"# mutation for it.\n"_s
                   u"info = client.reload_repository_location("_s + *location + u")\n"_s
                   u"print(info.status.value, info.failure_type or \"\", info.message or \"\")\n"_s;
        }
    }
    if (operation->operation == Core::OperationType::Mutation
        && (field->name == u"launchRun"_s || field->name == u"launchPipelineExecution"_s)
        && argument->name == u"executionParams"_s) {
        // Only what submit_job_execution can express: a job selector, run config, tags, mode "default".
        if (!onlyKeys(*value, {u"selector"_s, u"runConfigData"_s, u"executionMetadata"_s, u"mode"_s}))
            return std::nullopt;
        const Json *selector = member(*value, u"selector"_s);
        if (!selector || !onlyKeys(*selector, {u"jobName"_s, u"pipelineName"_s, u"repositoryLocationName"_s,
                                                u"repositoryName"_s}))
            return std::nullopt;
        const Json *job = member(*selector, u"jobName"_s);
        if (!job)
            job = member(*selector, u"pipelineName"_s);
        if (!job || job->type != Json::String)
            return std::nullopt;
        if (const Json *mode = member(*value, u"mode"_s); mode && !(mode->type == Json::String && mode->text == u"default"_s))
            return std::nullopt;
        QString call = u"# The operation launches a run: submit_job_execution sends the client's own mutation for\n"_s
                       u"# it and returns the new run's id (errors raise DagsterGraphQLClientError).\n"_s
                       u"run_id = client.submit_job_execution(\n    "_s + pythonString(job->text, false) + u",\n"_s;
        for (const auto &[key, parameter] : {std::pair{u"repositoryLocationName"_s, u"repository_location_name"_s},
                                             std::pair{u"repositoryName"_s, u"repository_name"_s}}) {
            const Json *item = member(*selector, key);
            if (!item)
                continue;
            if (item->type != Json::String)
                return std::nullopt;
            call += u"    "_s + parameter + u'=' + pythonString(item->text, false) + u",\n"_s;
        }
        if (const Json *config = member(*value, u"runConfigData"_s)) {
            if (config->type != Json::Object && config->type != Json::Null)
                return std::nullopt;
            if (config->type == Json::Object)
                call += u"    run_config="_s + literal(Dialect::Python, *config, 1) + u",\n"_s;
        }
        if (const Json *metadata = member(*value, u"executionMetadata"_s)) {
            if (!onlyKeys(*metadata, {u"tags"_s}))
                return std::nullopt;
            if (const Json *tags = member(*metadata, u"tags"_s)) {
                if (tags->type != Json::Array)
                    return std::nullopt;
                QString dict = u"{"_s;
                for (const Json &tag : tags->items) {
                    const Json *key = member(tag, u"key"_s);
                    const Json *tagValue = member(tag, u"value"_s);
                    if (!onlyKeys(tag, {u"key"_s, u"value"_s}) || !key || !tagValue || key->type != Json::String
                        || tagValue->type != Json::String)
                        return std::nullopt;
                    if (dict.size() > 1)
                        dict += u", "_s;
                    dict += pythonString(key->text, false) + u": "_s + pythonString(tagValue->text, false);
                }
                call += u"    tags="_s + dict + u"},\n"_s;
            }
        }
        return call + u")\nprint(run_id)\n"_s;
    }
    return std::nullopt;
}

QString pythonDagsterSnippet(const Context &context, const EndpointProfile &endpoint)
{
    QString out = commentBlock(
        preamble(context, u"Dagster's Python GraphQL client (pip install dagster-graphql)."_s), u"#"_s);
    out += u"import json\nimport os\n\nfrom dagster_graphql import DagsterGraphQLClient\n"_s;
    QUrl url = endpoint.url;
    url.setUserInfo(QString());
    const QString path = url.path();
    const bool standardPath = path.endsWith(u"/graphql"_s) && url.query().isEmpty() && !url.host().isEmpty();
    if (!standardPath)
        out += u"from gql.transport.requests import RequestsHTTPTransport\n"_s;
    const Context &c = context;
    const std::optional<QString> method = dagsterMethodCall(context);
    const qsizetype operations = Core::Parser::parse(c.query).document->operations().size();
    const bool internalClient = !method && operations > 1 && !c.operationName.isEmpty();
    if (internalClient)
        out += u"from gql import gql\n"_s;
    out += u'\n';

    QString arguments = pythonString(url.host(), false);
    if (url.port() > 0)
        arguments += u", port_number="_s + QString::number(url.port());
    if (url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0)
        arguments += u", use_https=True"_s;
    if (standardPath) {
        const QString prefix = path.chopped(8) /* "/graphql" */;
        if (!prefix.isEmpty())
            arguments += u", path_prefix="_s + pythonString(prefix, false);
    }
    if (standardPath && !c.headers.isEmpty())
        arguments += u",\n    headers="_s + pythonHeaders(c, false).replace(u"\n"_s, u"\n    "_s);
    if (standardPath) {
        if (c.timeoutSeconds > 0)
            arguments += u", timeout="_s + QString::number(c.timeoutSeconds);
    } else {
        // The client always appends /graphql to host and port: another path needs a transport of its own.
        arguments += u",\n    transport=RequestsHTTPTransport(url="_s + urlExpression(c, Language::Python)
            + (c.headers.isEmpty() ? QString() : u", headers=headers"_s)
            + (c.timeoutSeconds > 0 ? u", timeout="_s + QString::number(c.timeoutSeconds) : QString()) + u')';
        if (!c.headers.isEmpty())
            out += u"headers = "_s + pythonHeaders(c, false) + u'\n';
    }
    out += u"client = DagsterGraphQLClient("_s + arguments + u")\n\n"_s;

    if (method)
        return out + *method;

    out += u"query = "_s + pythonQuery(c.query) + u'\n';
    if (hasVariables(c))
        out += u"variables = "_s + pythonVariables(c, 0) + u'\n';
    const QString variablesArgument = hasVariables(c) ? u"variables"_s : u"None"_s;
    if (internalClient) {
        out += u"# DagsterGraphQLClient has no public method for an arbitrary document, and its _execute cannot\n"_s
               u"# name the operation to run: this calls its gql Client (client._client, internal) directly.\n"_s
               u"data = client._client.execute(gql(query), variable_values="_s
            + variablesArgument + u", operation_name="_s + pythonString(c.operationName, false) + u")\n"_s;
    } else {
        out += u"# DagsterGraphQLClient has no public method for an arbitrary document: _execute is the client's\n"_s
               u"# internal method (it returns the data member and raises DagsterGraphQLClientError on errors).\n"_s
               u"data = client._execute(query, "_s
            + variablesArgument + u")\n"_s;
    }
    return out + u"print(json.dumps({\"data\": data}, indent=2, ensure_ascii=False))\n"_s;
}

// ---------------------------------------------------------------------------------------------------------------
// JavaScript

QString jsSnippet(const Context &c, const GraphQLRequest &request)
{
    QString out = commentBlock(
        preamble(c, u"GraphQL over HTTP with fetch (Node.js 18+ or a browser; run with: node snippet.mjs)."_s),
        u"//"_s);
    const QString url = urlExpression(c, Language::JavaScript);
    out += u"const url = "_s + url + u";\n"_s;
    out += u"const headers = {\n  \"Content-Type\": \"application/json\",\n  Accept: "_s + jsString(c.accept)
        + u",\n"_s;
    if (c.dagger)
        out += u"  Authorization: \"Basic \" + btoa(`${process.env.DAGGER_SESSION_TOKEN}:`),\n"_s;
    for (const Header &header : c.headers) {
        if (header.secret)
            out += u"  "_s + jsString(header.name) + u": process.env."_s + header.env + u", // credential\n"_s;
        else
            out += u"  "_s + jsString(header.name) + u": "_s + jsString(header.value) + u",\n"_s;
    }
    out += u"};\n"_s;
    if (c.bigIntegers || c.variablesUnparsed) {
        out += (c.bigIntegers ? u"// The variables hold integers beyond 2^53 (JavaScript numbers would round them): the body is\n"_s
                              : u"// The variables are not a JSON object: the body is\n"_s)
            + u"// sent as the exact JSON text.\n"_s;
        out += u"const body = "_s + jsString(QString::fromUtf8(request.toJsonBody())) + u";\n"_s;
    } else {
        out += u"const body = JSON.stringify({\n  query: "_s + jsQuery(c.query) + u",\n"_s;
        if (!c.operationName.isEmpty())
            out += u"  operationName: "_s + jsString(c.operationName) + u",\n"_s;
        if (c.variables) {
            out += u"  variables: "_s + literal(Dialect::JavaScript, *c.variables, 1) + u",\n"_s;
        }
        out += u"});\n"_s;
    }
    out += u"\nasync function main() {\n"_s;
    out += u"  const response = await fetch(url, {\n    method: \"POST\",\n    headers,\n    body,\n"_s;
    if (c.timeoutSeconds > 0)
        out += u"    signal: AbortSignal.timeout("_s + QString::number(c.timeoutSeconds * 1000) + u"),\n"_s;
    out += u"  });\n"_s;
    out += u"  console.error(response.status);\n"_s;
    out += u"  console.log(JSON.stringify(await response.json(), null, 2));\n}\n\n"_s;
    out += u"main().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n"_s;
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Rust

QString rustSnippet(const Context &c)
{
    QStringList intro = preamble(c, u"GraphQL with the gql_client crate. Cargo.toml [dependencies]:"_s);
    intro.insert(1, u"  gql_client = \"1\", serde_json = \"1\", tokio = { version = \"1\", features = [\"full\"] }"_s
                        + (c.dagger ? u", base64 = \"0.22\""_s : QString()));
    intro.insert(2, u"gql_client sends only query and variables (no operationName): the document should hold one"_s);
    intro.insert(3, u"operation (or the server picks none)."_s);
    QString out = commentBlock(intro, u"//"_s);
    out += u"use std::collections::HashMap;\n\n"_s;
    if (c.dagger)
        out += u"use base64::Engine as _;\n"_s;
    out += u"use gql_client::{Client, ClientConfig};\n\n"_s;
    out += u"#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {\n"_s;
    out += u"    let endpoint = "_s + urlExpression(c, Language::Rust) + u";\n"_s;
    out += u"    let mut headers: HashMap<String, String> = HashMap::new();\n"_s;
    out += u"    headers.insert(\"Accept\".to_string(), "_s + rustString(c.accept) + u".to_string());\n"_s;
    if (c.dagger) {
        out += u"    let token = std::env::var(\"DAGGER_SESSION_TOKEN\")?;\n"_s
               u"    let credentials = base64::engine::general_purpose::STANDARD.encode(format!(\"{token}:\"));\n"_s
               u"    headers.insert(\"Authorization\".to_string(), format!(\"Basic {credentials}\"));\n"_s;
    }
    for (const Header &header : c.headers) {
        if (header.secret)
            out += u"    headers.insert("_s + rustString(header.name) + u".to_string(), std::env::var("_s
                + rustString(header.env) + u")?); // credential\n"_s;
        else
            out += u"    headers.insert("_s + rustString(header.name) + u".to_string(), "_s + rustString(header.value)
                + u".to_string());\n"_s;
    }
    out += u"    let client = Client::new_with_config(ClientConfig {\n        endpoint,\n"_s;
    // gql_client's own default is 5 s; a Dagger session has no timeout (builds run for minutes): one day.
    out += u"        timeout: Some("_s + QString::number(c.timeoutSeconds > 0 ? c.timeoutSeconds : 86400)
        + u"),\n        headers: Some(headers),\n        proxy: None,\n    });\n"_s;
    out += u"    let query = "_s + rustQuery(c.query) + u";\n"_s;
    if (c.variables && !c.bigIntegers) {
        QString variables = literal(Dialect::Rust, *c.variables, 1);
        out += u"    let variables = serde_json::json!("_s + variables + u");\n"_s;
    } else if (hasVariables(c)) {
        out += u"    let variables: serde_json::Value = serde_json::from_str("_s + rustQuery(c.variablesText + u'\n')
            + u")?;\n"_s;
    } else {
        out += u"    let variables = serde_json::json!({});\n"_s;
    }
    out += u"    let data = client\n        .query_with_vars::<serde_json::Value, _>(query, variables)\n"_s
           u"        .await\n        .map_err(|error| format!(\"{error:?}\"))?;\n"_s;
    out += u"    println!(\"{}\", serde_json::to_string_pretty(&data)?);\n    Ok(())\n}\n"_s;
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// PHP

QString phpSnippet(const Context &c, const GraphQLRequest &request)
{
    QString out = u"<?php\n"_s + commentBlock(preamble(c, u"GraphQL over HTTP with PHP's curl extension."_s), u"//"_s);
    out += u"$url = "_s + urlExpression(c, Language::Php) + u";\n"_s;
    if (c.bigIntegers || c.variablesUnparsed) {
        out += (c.bigIntegers ? u"// The variables hold integers beyond PHP's int (json_decode would round them): the body is\n"_s
                              : u"// The variables are not a JSON object: the body is\n"_s)
            + u"// sent as the exact JSON text.\n$body = "_s + phpString(QString::fromUtf8(request.toJsonBody())) + u";\n"_s;
    } else {
        out += u"$query = "_s + phpString(c.query) + u";\n"_s;
        out += u"$payload = ['query' => $query];\n"_s;
        if (!c.operationName.isEmpty())
            out += u"$payload['operationName'] = "_s + phpString(c.operationName) + u";\n"_s;
        if (c.variables) {
            // JSON text decoded to objects: {} stays an object when encoded again.
            out += u"$payload['variables'] = json_decode("_s + phpString(c.variablesText)
                + u", false, 512, JSON_THROW_ON_ERROR);\n"_s;
        }
        out += u"$body = json_encode($payload, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);\n"_s;
    }
    out += u"$headers = [\n    'Content-Type: application/json',\n    "_s + phpString(u"Accept: "_s + c.accept)
        + u",\n"_s;
    for (const Header &header : c.headers) {
        if (header.secret)
            out += u"    "_s + phpString(header.name + u": "_s) + u" . getenv("_s + phpString(header.env)
                + u"), // credential\n"_s;
        else
            out += u"    "_s + phpString(header.name + u": "_s + header.value) + u",\n"_s;
    }
    out += u"];\n\n$ch = curl_init($url);\ncurl_setopt_array($ch, [\n    CURLOPT_POST => true,\n"_s
           u"    CURLOPT_POSTFIELDS => $body,\n"_s
           u"    CURLOPT_HTTPHEADER => $headers,\n    CURLOPT_RETURNTRANSFER => true,\n"_s;
    if (c.timeoutSeconds > 0)
        out += u"    CURLOPT_TIMEOUT => "_s + QString::number(c.timeoutSeconds) + u",\n"_s;
    if (c.dagger)
        out += u"    CURLOPT_HTTPAUTH => CURLAUTH_BASIC,\n    CURLOPT_USERPWD => getenv('DAGGER_SESSION_TOKEN') . ':',\n"_s;
    out += u"]);\n$response = curl_exec($ch);\nif ($response === false) {\n    fwrite(STDERR, curl_error($ch) . PHP_EOL);\n"_s
           u"    exit(1);\n}\ncurl_close($ch);\necho $response, PHP_EOL;\n"_s;
    return out;
}

} // namespace

QList<CodeLanguage> CodeExport::languagesFor(EndpointKind kind)
{
    QList<CodeLanguage> languages{CodeLanguage::Curl, CodeLanguage::PythonRequests};
    if (kind == EndpointKind::Dagster)
        languages << CodeLanguage::PythonDagsterClient;
    languages << CodeLanguage::JavaScriptFetch << CodeLanguage::RustGqlClient << CodeLanguage::Php;
    return languages;
}

QString CodeExport::languageName(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Curl: return u"curl"_s;
    case CodeLanguage::PythonRequests: return u"Python (requests)"_s;
    case CodeLanguage::PythonDagsterClient: return u"Python (DagsterGraphQLClient)"_s;
    case CodeLanguage::JavaScriptFetch: return u"JavaScript (fetch)"_s;
    case CodeLanguage::RustGqlClient: return u"Rust (gql_client)"_s;
    case CodeLanguage::Php: return u"PHP (curl)"_s;
    }
    return QString();
}

QString CodeExport::languageId(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Curl: return u"curl"_s;
    case CodeLanguage::PythonRequests: return u"python"_s;
    case CodeLanguage::PythonDagsterClient: return u"python-dagster"_s;
    case CodeLanguage::JavaScriptFetch: return u"javascript"_s;
    case CodeLanguage::RustGqlClient: return u"rust"_s;
    case CodeLanguage::Php: return u"php"_s;
    }
    return QString();
}

std::optional<CodeLanguage> CodeExport::languageFromId(const QString &id)
{
    for (CodeLanguage language : {CodeLanguage::Curl, CodeLanguage::PythonRequests, CodeLanguage::PythonDagsterClient,
                                  CodeLanguage::JavaScriptFetch, CodeLanguage::RustGqlClient, CodeLanguage::Php}) {
        if (languageId(language) == id)
            return language;
    }
    return std::nullopt;
}

QString CodeExport::fileSuffix(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Curl: return u"sh"_s;
    case CodeLanguage::PythonRequests:
    case CodeLanguage::PythonDagsterClient: return u"py"_s;
    case CodeLanguage::JavaScriptFetch: return u"mjs"_s;
    case CodeLanguage::RustGqlClient: return u"rs"_s;
    case CodeLanguage::Php: return u"php"_s;
    }
    return QString();
}

QString CodeExport::generate(CodeLanguage language, const EndpointProfile &endpoint, const GraphQLRequest &request)
{
    const Context context = makeContext(endpoint, request);
    switch (language) {
    case CodeLanguage::Curl: return curlSnippet(context, request);
    case CodeLanguage::PythonRequests: return pythonRequestsSnippet(context);
    case CodeLanguage::PythonDagsterClient: return pythonDagsterSnippet(context, endpoint);
    case CodeLanguage::JavaScriptFetch: return jsSnippet(context, request);
    case CodeLanguage::RustGqlClient: return rustSnippet(context);
    case CodeLanguage::Php: return phpSnippet(context, request);
    }
    return QString();
}

bool CodeExport::isCredentialHeader(const QByteArray &name)
{
    const QByteArray lower = name.trimmed().toLower();
    if (lower == "authorization" || lower == "proxy-authorization" || lower == "cookie" || lower == "x-api-key")
        return true;
    for (const char *word : {"token", "secret", "password", "passwd", "key", "auth", "session", "credential", "cookie"}) {
        if (lower.contains(word))
            return true;
    }
    return false;
}

QString CodeExport::placeholderName(const QByteArray &headerName)
{
    QString name = u"SEXTANT_"_s;
    for (const char ch : headerName.trimmed().toUpper()) {
        const bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        name += ok ? QChar::fromLatin1(ch) : u'_';
    }
    return name;
}

} // namespace Sextant::Net
