// SPDX-License-Identifier: MIT
// Sextant: writes one variable into the user's variables JSON text, keeping the rest of the text as typed.
#include "variablesjsonwriter.h"

#include "jsontext.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Sextant::Core {

namespace {

bool isJsonWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

qsizetype skipWhitespace(const QString &text, qsizetype i)
{
    while (i < text.size() && isJsonWhitespace(text[i]))
        ++i;
    return i;
}

/// Index just past the string token that starts at the quote @p i (the text is known to be valid JSON).
qsizetype skipString(const QString &text, qsizetype i)
{
    ++i;
    while (i < text.size() && text[i] != u'"')
        i += text[i] == u'\\' ? 2 : 1;
    return qMin(i + 1, text.size());
}

/// Index just past the value that starts at @p i.
qsizetype skipValue(const QString &text, qsizetype i)
{
    if (i >= text.size())
        return i;
    if (text[i] == u'"')
        return skipString(text, i);
    if (text[i] == u'{' || text[i] == u'[') {
        int depth = 0;
        while (i < text.size()) {
            const QChar c = text[i];
            if (c == u'"') {
                i = skipString(text, i);
                continue;
            }
            if (c == u'{' || c == u'[')
                ++depth;
            else if ((c == u'}' || c == u']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return i;
    }
    while (i < text.size() && !isJsonWhitespace(text[i]) && text[i] != u',' && text[i] != u'}' && text[i] != u']')
        ++i;
    return i;
}

struct Member
{
    qsizetype keyStart = 0;
    qsizetype valueStart = 0;
    qsizetype valueEnd = 0;
    QString key;
};

QString fail(const QString &text, QString *error, const QString &message)
{
    if (error)
        *error = message;
    return text;
}

} // namespace

QString setVariableInJsonText(const QString &variablesText, const QString &name, const QByteArray &jsonValue,
                              QString *error)
{
    if (error)
        error->clear();
    if (name.isEmpty())
        return fail(variablesText, error, u"the variable name is empty"_s);
    const auto value = ResponseDocument::parse(jsonValue);
    if (!value)
        return fail(variablesText, error, u"the value is not JSON"_s);
    QByteArray quotedName;
    JsonText::appendQuoted(quotedName, name);
    const QString member = QString::fromUtf8(quotedName) + u": "_s + QString::fromUtf8(jsonValue.trimmed());

    if (variablesText.trimmed().isEmpty())
        return u"{\n  "_s + member + u"\n}"_s;

    ResponseDocument::ParseError parseError;
    const auto document = ResponseDocument::parse(variablesText.toUtf8(), &parseError);
    if (!document)
        return fail(variablesText, error, u"the variables are not valid JSON: "_s + parseError.message);
    if (document->kind(document->root()) != JsonKind::Object)
        return fail(variablesText, error,
                    u"the variables must be a JSON object, not "_s + jsonKindName(document->kind(document->root())));

    // The text is valid JSON with an object at the top: walk its members without decoding anything else.
    const QString &text = variablesText;
    const qsizetype open = skipWhitespace(text, 0);
    QList<Member> members;
    qsizetype i = skipWhitespace(text, open + 1);
    while (i < text.size() && text[i] == u'"') {
        Member m;
        m.keyStart = i;
        const qsizetype keyEnd = skipString(text, i);
        m.key = JsonText::decode(QStringView(text).mid(i + 1, keyEnd - i - 2).toUtf8());
        i = skipWhitespace(text, keyEnd);
        i = skipWhitespace(text, i + 1); // past ':'
        m.valueStart = i;
        m.valueEnd = skipValue(text, i);
        members.append(m);
        i = skipWhitespace(text, m.valueEnd);
        if (i < text.size() && text[i] == u',')
            i = skipWhitespace(text, i + 1);
        else
            break;
    }
    const qsizetype close = i; // the closing brace

    for (const Member &m : std::as_const(members)) {
        if (m.key == name)
            return text.left(m.valueStart) + QString::fromUtf8(jsonValue.trimmed()) + text.mid(m.valueEnd);
    }
    if (members.isEmpty())
        return text.left(open) + u"{\n  "_s + member + u"\n}"_s + text.mid(close + 1);

    const Member &firstMember = members.constFirst();
    const QStringView lead = QStringView(text).mid(open + 1, firstMember.keyStart - open - 1);
    QString separator = u", "_s;
    if (const qsizetype newline = lead.lastIndexOf(u'\n'); newline >= 0)
        separator = u",\n"_s + lead.mid(newline + 1).toString();
    const qsizetype insertAt = members.constLast().valueEnd;
    return text.left(insertAt) + separator + member + text.mid(insertAt);
}

QString suggestVariableName(const ResponseDocument &document, ResponseDocument::NodeId node)
{
    // The nearest member names at or above the node, skipping list elements.
    QStringList keys;
    for (auto n = node; n != ResponseDocument::InvalidNode && keys.size() < 2; n = document.parent(n)) {
        const auto parent = document.parent(n);
        if (parent != ResponseDocument::InvalidNode && document.kind(parent) == JsonKind::Object)
            keys.append(document.key(n));
    }
    auto sanitize = [](const QString &text) {
        QString out;
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            const bool ok =
                (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_';
            out += ok ? c : QChar(u'_');
        }
        return out;
    };
    if (keys.isEmpty() || sanitize(keys.constFirst()).isEmpty())
        return u"value"_s;
    QString name = sanitize(keys.constFirst());
    static const QStringList generic = {u"id"_s, u"name"_s, u"key"_s, u"value"_s};
    if (keys.size() > 1 && generic.contains(name, Qt::CaseInsensitive)) {
        const QString prefix = sanitize(keys.at(1));
        if (!prefix.isEmpty())
            name = prefix + name.left(1).toUpper() + name.mid(1);
    }
    if (name.front().isDigit())
        name.prepend(u'_');
    return name;
}

} // namespace Sextant::Core
