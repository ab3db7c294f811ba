// SPDX-License-Identifier: MIT
// Sextant: deterministic, seeded mutations of GraphQL documents for the differential test.
#include "documentmutator.h"

#include <QtCore/QList>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace Sextant::Differential {

namespace {

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_';
}

/// The [begin, end) span of the token around @p at: a run of name characters, or one other character.
std::pair<qsizetype, qsizetype> tokenAt(const QString &text, qsizetype at)
{
    qsizetype begin = at;
    qsizetype end = at + 1;
    if (isNameChar(text.at(at))) {
        while (begin > 0 && isNameChar(text.at(begin - 1)))
            --begin;
        while (end < text.size() && isNameChar(text.at(end)))
            ++end;
    }
    return {begin, end};
}

QList<std::pair<qsizetype, qsizetype>> nameTokens(const QString &text)
{
    QList<std::pair<qsizetype, qsizetype>> names;
    for (qsizetype i = 0; i < text.size();) {
        if (isNameChar(text.at(i)) && !text.at(i).isDigit()) {
            const auto span = tokenAt(text, i);
            names.append(span);
            i = span.second;
        } else {
            ++i;
        }
    }
    return names;
}

// clang-format off
// Snippets chosen to reach every lexer and parser error path of graphql-js.
const std::array<QStringView, 38> &snippets()
{
    static const std::array<QStringView, 38> values = {
        u"{", u"}", u"(", u")", u"[", u"]", u":", u"$", u"@", u"!", u"=", u"|", u"&", u"...", u"..", u".",
        u"\"", u"\"\"\"", u"\\", u"#", u",", u"\n", u"\r", u"\t", u"query", u"fragment", u"on", u"mutation",
        u"subscription", u"null", u"true", u"type", u"extend", u"schema", u"directive", u"implements", u"input",
        u"repeatable",
    };
    return values;
}

const std::array<QStringView, 24> &badLiterals()
{
    static const std::array<QStringView, 24> values = {
        u"\"\\q\"", u"\"\\u12G4\"", u"\"\\u00\"", u"\"\\u{}\"", u"\"\\u{110000}\"", u"\"\\uD83D\"",
        u"\"\\uD83D\\uDE00\"", u"\"\\u{1F600}\"", u"1.", u"007", u"1e", u"12abc", u".5", u"-", u"0x1F",
        u"-0", u"1.5e+3", u"$", u"$1", u"@1", u"\"\"\"a\\\"\"\"b\"\"\"", u"\"unterminated", u"\"\"\"open", u"1.e2",
    };
    return values;
}

const std::array<char16_t, 12> &oddCodeUnits()
{
    static const std::array<char16_t, 12> values = {
        0x00a0, 0xfeff, 0x2028, 0x0007, 0x0000, 0x001f, 0xd83d, 0xde00, 0x00e9, 0x0085, 0x200b, 0x007f,
    };
    return values;
}
// clang-format on

} // namespace

quint64 DocumentMutator::next()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

quint64 DocumentMutator::below(quint64 bound)
{
    return next() % bound; // the tiny modulo bias does not matter for test input
}

QString DocumentMutator::mutate(const QString &document)
{
    QString text = document;
    const int edits = 1 + int(below(3));
    for (int i = 0; i < edits; ++i)
        mutateOnce(text);
    return text;
}

void DocumentMutator::mutateOnce(QString &text)
{
    const qsizetype size = text.size();
    const qsizetype at = size > 0 ? qsizetype(below(quint64(size))) : 0;
    const qsizetype insertAt = qsizetype(below(quint64(size) + 1));
    switch (below(12)) {
    case 0: // delete a character
        if (size > 0)
            text.remove(at, 1);
        break;
    case 1: { // delete a token
        if (size > 0) {
            const auto [begin, end] = tokenAt(text, at);
            text.remove(begin, end - begin);
        }
        break;
    }
    case 2: { // duplicate a token
        if (size > 0) {
            const auto [begin, end] = tokenAt(text, at);
            text.insert(end, text.mid(begin, end - begin));
        }
        break;
    }
    case 3: // duplicate a character
        if (size > 0)
            text.insert(at, text.at(at));
        break;
    case 4: { // insert punctuation or a keyword
        const auto &values = snippets();
        text.insert(insertAt, values[below(values.size())].toString());
        break;
    }
    case 5: { // insert a bad or unusual literal
        const auto &values = badLiterals();
        text.insert(insertAt, values[below(values.size())].toString());
        break;
    }
    case 6: { // insert an unusual code unit (or a whole non-BMP character)
        const auto &values = oddCodeUnits();
        if (below(4) == 0)
            text.insert(insertAt, u"\U0001D54F"_s); // 𝕏: two UTF-16 units, shifts graphql-js columns by 2
        else
            text.insert(insertAt, QChar(values[below(values.size())]));
        break;
    }
    case 7: { // swap two names
        const auto names = nameTokens(text);
        if (names.size() >= 2) {
            auto first = names.at(qsizetype(below(quint64(names.size()))));
            auto second = names.at(qsizetype(below(quint64(names.size()))));
            if (first.first > second.first)
                std::swap(first, second);
            if (first.second <= second.first) {
                const QString a = text.mid(first.first, first.second - first.first);
                const QString b = text.mid(second.first, second.second - second.first);
                text.replace(second.first, b.size(), a);
                text.replace(first.first, a.size(), b);
            }
        }
        break;
    }
    case 8: { // drop a brace, bracket or parenthesis
        QList<qsizetype> braces;
        for (qsizetype i = 0; i < size; ++i) {
            const char16_t u = text.at(i).unicode();
            if (u == u'{' || u == u'}' || u == u'(' || u == u')' || u == u'[' || u == u']')
                braces.append(i);
        }
        if (!braces.isEmpty())
            text.remove(braces.at(qsizetype(below(quint64(braces.size())))), 1);
        break;
    }
    case 9: // truncate
        text.truncate(insertAt);
        break;
    case 10: { // duplicate a line
        const qsizetype lineStart = text.lastIndexOf(u'\n', at > 0 ? at - 1 : 0) + 1;
        qsizetype lineEnd = text.indexOf(u'\n', at);
        lineEnd = lineEnd < 0 ? size : lineEnd + 1;
        if (lineEnd > lineStart)
            text.insert(lineStart, text.mid(lineStart, lineEnd - lineStart));
        break;
    }
    default: // replace a character with a random printable ASCII one
        if (size > 0)
            text[at] = QChar(char16_t(0x20 + below(0x5f)));
        break;
    }
}

} // namespace Sextant::Differential
