// SPDX-License-Identifier: MIT
// Sextant: strips secrets from a run before the history stores it (URL user info, credentials in JSON and literals).
#include "store/historyredaction.h"

#include "store/sessionstore.h"
#include "store/templatesubstitution.h"

#include <core/language/lexer.h>

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

// A small JSON walker over the original text: it copies everything but the values of credential members, so the
// stored variables keep their exact spelling (QJsonDocument would reorder keys and round big integers).
class JsonRedactor final
{
public:
    /// @p replace gets a credential-named member's key and raw value text and returns what to write instead
    /// (JSON text); null: the member's value is masked.
    explicit JsonRedactor(QStringView text, std::function<QString(const QString &, QStringView)> replace = {})
        : m_text(text), m_replace(std::move(replace))
    {
    }

    bool run(QString *out)
    {
        skipSpace();
        if (!value(0))
            return false;
        skipSpace();
        if (m_pos != m_text.size())
            return false;
        flushTo(m_pos);
        *out = m_out;
        return true;
    }

private:
    static constexpr int maxDepth = 512;

    void skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == u' ' || m_text[m_pos] == u'\t' || m_text[m_pos] == u'\n' || m_text[m_pos] == u'\r'))
            ++m_pos;
    }

    void flushTo(qsizetype end)
    {
        m_out += m_text.mid(m_copied, end - m_copied);
        m_copied = end;
    }

    bool string(QString *cooked)
    {
        if (m_pos >= m_text.size() || m_text[m_pos] != u'"')
            return false;
        ++m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos++];
            if (c == u'"')
                return true;
            if (c == u'\\') {
                if (m_pos >= m_text.size())
                    return false;
                const QChar escaped = m_text[m_pos++];
                if (escaped == u'u') {
                    if (m_pos + 4 > m_text.size())
                        return false;
                    bool ok = false;
                    const uint code = m_text.mid(m_pos, 4).toUInt(&ok, 16);
                    if (!ok)
                        return false;
                    if (cooked)
                        cooked->append(QChar(char16_t(code)));
                    m_pos += 4;
                } else if (cooked) {
                    cooked->append(escaped);
                }
            } else if (c.unicode() < 0x20) {
                return false;
            } else if (cooked) {
                cooked->append(c);
            }
        }
        return false;
    }

    bool literal()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c.isLetterOrNumber() || c == u'-' || c == u'+' || c == u'.')
                ++m_pos;
            else
                break;
        }
        const QStringView word = m_text.mid(start, m_pos - start);
        if (word == u"true" || word == u"false" || word == u"null")
            return true;
        bool ok = false;
        (void)word.toDouble(&ok);
        return ok && (word.front().isDigit() || word.front() == u'-');
    }

    bool value(int depth)
    {
        if (depth > maxDepth || m_pos >= m_text.size())
            return false;
        const QChar c = m_text[m_pos];
        if (c == u'{')
            return object(depth + 1);
        if (c == u'[')
            return array(depth + 1);
        if (c == u'"')
            return string(nullptr);
        return literal();
    }

    bool array(int depth)
    {
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == u']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (m_pos >= m_text.size())
                return false;
            const QChar c = m_text[m_pos++];
            if (c == u']')
                return true;
            if (c != u',')
                return false;
        }
    }

    bool object(int depth)
    {
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == u'}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            QString key;
            if (!string(&key))
                return false;
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != u':')
                return false;
            ++m_pos;
            skipSpace();
            const qsizetype valueStart = m_pos;
            if (!value(depth))
                return false;
            if (HistoryRedaction::isCredentialName(key)) {
                flushTo(valueStart);
                m_out += m_replace ? m_replace(key, m_text.sliced(valueStart, m_pos - valueStart))
                                   : u'"' + HistoryRedaction::mask() + u'"';
                m_copied = m_pos;
            }
            skipSpace();
            if (m_pos >= m_text.size())
                return false;
            const QChar c = m_text[m_pos++];
            if (c == u'}')
                return true;
            if (c != u',')
                return false;
        }
    }

    QStringView m_text;
    std::function<QString(const QString &, QStringView)> m_replace;
    qsizetype m_pos = 0;
    qsizetype m_copied = 0;
    QString m_out;
};

} // namespace

QString HistoryRedaction::mask()
{
    return u"••••••"_s;
}

bool HistoryRedaction::isCredentialName(QStringView name)
{
    QString normalized;
    normalized.reserve(name.size());
    for (const QChar c : name) {
        if (c != u'-' && c != u'_' && c != u'.' && !c.isSpace())
            normalized += c.toLower();
    }
    static const QStringList exact = {u"auth"_s, u"authorization"_s, u"cookie"_s, u"pwd"_s, u"pass"_s};
    if (exact.contains(normalized))
        return true;
    static const QStringList parts = {u"token"_s,     u"secret"_s,     u"password"_s,   u"passwd"_s,   u"apikey"_s,
                                      u"accesskey"_s, u"privatekey"_s, u"credential"_s, u"sessionid"_s};
    for (const QString &part : parts) {
        if (normalized.contains(part))
            return true;
    }
    return false;
}

QString HistoryRedaction::redactedUrl(const QString &text)
{
    QUrl url(text);
    if (!url.isValid())
        return url.adjusted(QUrl::RemoveUserInfo).toString();
    url.setUserInfo(QString());
    if (url.hasQuery()) {
        QUrlQuery query(url);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        bool changed = false;
        for (auto &item : items) {
            if (isCredentialName(item.first)) {
                item.second = mask();
                changed = true;
            }
        }
        if (changed) {
            query.setQueryItems(items);
            url.setQuery(query);
        }
    }
    QString redacted = url.toString();
    if (text.contains(u'{')) // environment references ({{baseUrl}}/graphql) stay readable; QUrl escapes braces
        redacted.replace(QLatin1StringView("%7B"), QLatin1StringView("{")).replace(QLatin1StringView("%7D"), QLatin1StringView("}"));
    return redacted;
}

namespace {

/// Runs the redactor over variables as typed. Text with environment references ({"first": {{limit}}}) is not JSON
/// yet: each reference becomes a unique JSON string for the redactor, then goes back to what the user typed.
/// nullopt when the text is not JSON even so.
std::optional<QString> rewriteCredentialValues(const QString &json,
                                               const std::function<QString(const QString &, QStringView)> &replace)
{
    QString out;
    if (JsonRedactor(json, replace).run(&out))
        return out;
    const QList<TemplateReference> references = templateReferences(json, TemplateSyntax::Json);
    if (references.isEmpty())
        return std::nullopt;
    QHash<QString, QString> placeholders;
    for (const TemplateReference &reference : references) {
        if (!placeholders.contains(reference.name))
            placeholders.insert(reference.name, u"\"__sextant_reference_%1__\""_s.arg(placeholders.size()));
    }
    if (!JsonRedactor(substituteTemplate(json, placeholders, TemplateSyntax::Json).text, replace).run(&out))
        return std::nullopt;
    for (auto it = placeholders.cbegin(); it != placeholders.cend(); ++it) {
        const QString reference = u"{{"_s + it.key() + u"}}"_s;
        QString insideString = it.value();
        insideString.replace(u'"', u"\\\""_s); // the placeholder as it reads between a string's quotes
        out.replace(insideString, reference).replace(it.value(), reference);
    }
    return out;
}

/// "api-key" → "apiKey", "client_secret" → "client_secret": a {{name}} for a member's key.
QString referenceNameFor(const QString &key)
{
    QString name;
    bool upper = false;
    for (const QChar c : key) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            name += upper ? c.toUpper() : c;
            upper = false;
        } else if (c == u'_') {
            name += c;
        } else {
            upper = !name.isEmpty();
        }
    }
    if (name.isEmpty() || name.front().isDigit())
        name.prepend(u"secret"_s);
    return name;
}

} // namespace

QString HistoryRedaction::redactedVariables(const QString &json)
{
    if (json.trimmed().isEmpty())
        return json;
    return rewriteCredentialValues(json, {}).value_or(mask());
}

QString HistoryRedaction::variablesWithSecretsAsReferences(const QString &json)
{
    if (json.trimmed().isEmpty())
        return json;
    // A value that is only a reference (or the placeholder standing for one while the text is checked) stays.
    static const QRegularExpression placeholder(
        QStringLiteral(R"re(^"(\\")?(__sextant_reference_\d+__|\{\{\s*[A-Za-z_][A-Za-z0-9_.-]*\s*\}\})(\\")?"$)re"));
    const auto reference = [](const QString &key, QStringView value) -> QString {
        if (placeholder.match(value.toString()).hasMatch())
            return value.toString(); // already a reference: no secret in it
        return u"\"{{"_s + referenceNameFor(key) + u"}}\""_s;
    };
    return rewriteCredentialValues(json, reference).value_or(json);
}

QString HistoryRedaction::redactedDocument(const QString &document)
{
    using Core::TokenKind;
    Core::Lexer lexer(document);
    lexer.setSkipComments(true);
    QString out;
    int copied = 0;
    Core::Token previous2; // two tokens back
    Core::Token previous;  // one token back
    for (int count = 0; count < 10'000'000; ++count) {
        Core::Token token = lexer.next();
        if (token.kind == TokenKind::EndOfFile)
            break;
        const bool literal = token.kind == TokenKind::String || token.kind == TokenKind::BlockString
                             || token.kind == TokenKind::Int || token.kind == TokenKind::Float;
        if (literal && previous.kind == TokenKind::Colon && previous2.kind == TokenKind::Name
            && isCredentialName(previous2.value)) {
            out += QStringView(document).mid(copied, token.start - copied);
            out += u'"' + mask() + u'"';
            copied = token.end;
        }
        previous2 = std::move(previous);
        previous = std::move(token);
    }
    out += QStringView(document).mid(copied);
    return out;
}

QString HistoryRedaction::redactedHeaders(const QString &headers)
{
    return SessionStore::withoutCredentialHeaders(headers);
}

HistoryEntry HistoryRedaction::redacted(HistoryEntry entry)
{
    entry.endpointUrl = redactedUrl(entry.endpointUrl);
    entry.variables = redactedVariables(entry.variables);
    entry.document = redactedDocument(entry.document);
    entry.headers = redactedHeaders(entry.headers);
    return entry;
}

} // namespace Sextant::Store
