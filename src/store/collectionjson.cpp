// SPDX-License-Identifier: MIT
// Sextant: a tiny JSON tokenizer for re-indenting and slicing sidecar text without reordering it.
#include "store/collectionjson.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

struct Token
{
    qsizetype start = 0;
    qsizetype end = 0; ///< one past the last character
    QChar kind;        ///< '{' '}' '[' ']' ':' ',' for punctuation, '"' for strings, 'v' for other scalars
};

bool isPunctuation(QChar c)
{
    return c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',';
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

QList<Token> tokenize(QStringView json)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = json.size();
    while (i < n) {
        const QChar c = json[i];
        if (isSpace(c)) {
            ++i;
        } else if (isPunctuation(c)) {
            tokens.append({i, i + 1, c});
            ++i;
        } else if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && json[j] != u'"')
                j += json[j] == u'\\' ? 2 : 1;
            j = qMin(j + 1, n);
            tokens.append({i, j, u'"'});
            i = j;
        } else {
            qsizetype j = i;
            while (j < n && !isSpace(json[j]) && !isPunctuation(json[j]) && json[j] != u'"')
                ++j;
            tokens.append({i, j, u'v'});
            i = j;
        }
    }
    return tokens;
}

void newline(QString &out, int depth)
{
    out += u'\n';
    out += QString(qMax(depth, 0) * 2, u' ');
}

} // namespace

QString CollectionJson::reindent(QStringView json, int depth)
{
    const QList<Token> tokens = tokenize(json);
    QString out;
    out.reserve(json.size() + json.size() / 2);
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        const Token &token = tokens[t];
        const QChar kind = token.kind;
        if (kind == u'{' || kind == u'[') {
            out += kind;
            const bool empty =
                t + 1 < tokens.size() && tokens[t + 1].kind == (kind == u'{' ? QChar(u'}') : QChar(u']'));
            if (empty) {
                out += tokens[t + 1].kind;
                ++t;
            } else {
                newline(out, ++depth);
            }
        } else if (kind == u'}' || kind == u']') {
            newline(out, --depth);
            out += kind;
        } else if (kind == u',') {
            out += kind;
            newline(out, depth);
        } else if (kind == u':') {
            out += u": "_s;
        } else {
            out += json.sliced(token.start, token.end - token.start);
        }
    }
    return out;
}

QString CollectionJson::memberText(QStringView objectJson, QStringView key)
{
    const QList<Token> tokens = tokenize(objectJson);
    if (tokens.isEmpty() || tokens.first().kind != u'{')
        return QString();
    int depth = 0;
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        const QChar kind = tokens[t].kind;
        if (kind == u'{' || kind == u'[') {
            ++depth;
            continue;
        }
        if (kind == u'}' || kind == u']') {
            --depth;
            continue;
        }
        // A member name: a string at depth 1 followed by ':'.
        if (depth != 1 || kind != u'"' || t + 2 >= tokens.size() || tokens[t + 1].kind != u':')
            continue;
        const QStringView name = objectJson.sliced(tokens[t].start + 1, tokens[t].end - tokens[t].start - 2);
        qsizetype v = t + 2;
        const qsizetype valueStart = tokens[v].start;
        int nested = 0;
        for (; v < tokens.size(); ++v) {
            const QChar k = tokens[v].kind;
            if (k == u'{' || k == u'[')
                ++nested;
            else if (k == u'}' || k == u']')
                --nested;
            if (nested <= 0)
                break;
        }
        if (v >= tokens.size())
            return QString();
        if (name == key) // member names in sidecars are plain ASCII: no escapes to decode
            return objectJson.sliced(valueStart, tokens[v].end - valueStart).toString();
        t = v;
    }
    return QString();
}

QString CollectionJson::quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        case u'\b':
            out += u"\\b"_s;
            break;
        case u'\f':
            out += u"\\f"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u%1"_s.arg(c.unicode(), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

} // namespace Sextant::Store
