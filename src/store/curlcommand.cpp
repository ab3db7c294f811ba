// SPDX-License-Identifier: MIT
// Sextant: splits a pasted curl command line into arguments the way bash or cmd.exe would.
#include "curlcommand.h"

#include <QRegularExpression>

#include <cctype>

using namespace Qt::StringLiterals;

namespace Sextant::Store::CurlCommand {

namespace {

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

/// Reads $NAME or ${NAME…} at s[i] == '$'; appends {{NAME}} and returns the index after it, or -1 if not a variable.
qsizetype readVariable(const QString &s, qsizetype i, QString &out)
{
    if (i + 1 < s.size() && s.at(i + 1) == u'{') {
        const qsizetype close = s.indexOf(u'}', i + 2);
        if (close < 0)
            return -1;
        QString name = s.mid(i + 2, close - i - 2);
        static const QRegularExpression notName(u"[^A-Za-z0-9_]"_s); // ${NAME:-default}, ${NAME#prefix}
        const qsizetype modifier = name.indexOf(notName);
        if (modifier >= 0)
            name.truncate(modifier);
        if (name.isEmpty())
            return -1;
        out += u"{{"_s + name + u"}}"_s;
        return close + 1;
    }
    if (i + 1 < s.size() && isNameStart(s.at(i + 1))) {
        qsizetype end = i + 1;
        while (end < s.size() && isNameChar(s.at(end)))
            ++end;
        out += u"{{"_s + s.mid(i + 1, end - i - 1) + u"}}"_s;
        return end;
    }
    return -1;
}

/// ANSI-C quoting $'…' starting after the opening quote; returns the index after the closing quote or -1.
qsizetype readAnsiC(const QString &s, qsizetype i, QString &out)
{
    const auto hexValue = [&](qsizetype from, int maxDigits, qsizetype *next) {
        uint value = 0;
        int digits = 0;
        qsizetype j = from;
        while (digits < maxDigits && j < s.size() && isxdigit(s.at(j).toLatin1())) {
            const QChar h = s.at(j).toLower();
            value = value * 16 + uint(h.isDigit() ? h.digitValue() : h.unicode() - u'a' + 10);
            ++j;
            ++digits;
        }
        *next = j;
        return digits ? std::optional<uint>(value) : std::nullopt;
    };
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == u'\'')
            return i + 1;
        if (c != u'\\' || i + 1 >= s.size()) {
            out += c;
            ++i;
            continue;
        }
        const QChar e = s.at(i + 1);
        i += 2;
        switch (e.unicode()) {
        case 'n':
            out += u'\n';
            break;
        case 't':
            out += u'\t';
            break;
        case 'r':
            out += u'\r';
            break;
        case 'a':
            out += QChar(7);
            break;
        case 'b':
            out += QChar(8);
            break;
        case 'e':
        case 'E':
            out += QChar(27);
            break;
        case 'f':
            out += QChar(12);
            break;
        case 'v':
            out += QChar(11);
            break;
        case 'x':
        case 'u':
        case 'U': {
            qsizetype next = i;
            const auto value = hexValue(i, e == u'x' ? 2 : (e == u'u' ? 4 : 8), &next);
            if (!value) {
                out += u'\\';
                out += e;
                break;
            }
            const char32_t codePoint = char32_t(*value);
            out += QString::fromUcs4(&codePoint, 1);
            i = next;
            break;
        }
        default:
            if (e >= u'0' && e <= u'7') {
                uint value = uint(e.unicode() - '0');
                for (int k = 0; k < 2 && i < s.size() && s.at(i) >= u'0' && s.at(i) <= u'7'; ++k, ++i)
                    value = value * 8 + uint(s.at(i).unicode() - '0');
                out += QChar(char16_t(value));
            } else {
                out += e; // \\ \' \" \? and anything else: the character itself
            }
        }
    }
    return -1;
}

std::optional<QStringList> splitBash(const QString &s, QString *error)
{
    QStringList words;
    QString word;
    bool inWord = false;
    const auto finish = [&] {
        if (inWord)
            words << word;
        word.clear();
        inWord = false;
    };
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        const QChar next = i + 1 < s.size() ? s.at(i + 1) : QChar();
        if ((c == u'\\' || c == u'`') && next == u'\n') { // line continuation (bash, PowerShell)
            i += 2;
            continue;
        }
        if (c == u' ' || c == u'\t' || c == u'\n') {
            finish();
            ++i;
            continue;
        }
        if (!inWord && c == u'#') {
            while (i < s.size() && s.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'|' || c == u';' || c == u'>' || c == u'&' || c == u'<')
            break; // end of the curl command (a pipe, redirect, next command)
        inWord = true;
        if (c == u'\'') {
            const qsizetype close = s.indexOf(u'\'', i + 1);
            if (close < 0) {
                *error = u"unterminated ' quote"_s;
                return std::nullopt;
            }
            word += QStringView(s).mid(i + 1, close - i - 1);
            i = close + 1;
        } else if (c == u'$' && next == u'\'') {
            i = readAnsiC(s, i + 2, word);
            if (i < 0) {
                *error = u"unterminated $' quote"_s;
                return std::nullopt;
            }
        } else if (c == u'"') {
            ++i;
            bool closed = false;
            while (i < s.size()) {
                const QChar d = s.at(i);
                if (d == u'"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == u'\\' && i + 1 < s.size()) {
                    const QChar e = s.at(i + 1);
                    if (e == u'\n') {
                    } else if (e == u'"' || e == u'\\' || e == u'$' || e == u'`') {
                        word += e;
                    } else {
                        word += d;
                        word += e;
                    }
                    i += 2;
                    continue;
                }
                if (d == u'$') {
                    const qsizetype after = readVariable(s, i, word);
                    if (after > 0) {
                        i = after;
                        continue;
                    }
                }
                word += d;
                ++i;
            }
            if (!closed) {
                *error = u"unterminated \" quote"_s;
                return std::nullopt;
            }
        } else if (c == u'\\') {
            if (i + 1 < s.size())
                word += s.at(i + 1);
            i += 2;
        } else if (c == u'$') {
            const qsizetype after = readVariable(s, i, word);
            if (after > 0) {
                i = after;
            } else {
                word += c;
                ++i;
            }
        } else {
            word += c;
            ++i;
        }
    }
    finish();
    return words;
}

std::optional<QStringList> splitCmd(const QString &s, QString *error)
{
    // cmd.exe first: ^X is X, ^newline continues the line.
    QString text;
    text.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == u'^' && i + 1 < s.size()) {
            ++i;
            if (s.at(i) != u'\n')
                text += s.at(i);
        } else {
            text += s.at(i);
        }
    }
    // Then the C runtime's argument rules as Chrome's escaping expects them: "…" with \" \\ and "" inside.
    QStringList words;
    QString word;
    bool inWord = false;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (!quoted && (c == u' ' || c == u'\t' || c == u'\n')) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == u'\\' && (next == u'"' || next == u'\\')) {
            word += next;
            ++i;
        } else if (c == u'"') {
            if (quoted && next == u'"') {
                word += u'"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else {
            word += c;
        }
    }
    if (quoted) {
        *error = u"unterminated \" quote"_s;
        return std::nullopt;
    }
    if (inWord)
        words << word;
    return words;
}

} // namespace

std::optional<QStringList> splitCommandLine(const QString &commandLine, QString *error)
{
    QString text = commandLine;
    text.replace("\r\n"_L1, "\n"_L1);
    text.replace(u'\r', u'\n');
    static const QRegularExpression cmdContinuation(uR"(\^[ \t]*\n)"_s);
    const bool cmd = text.contains("^\""_L1) || cmdContinuation.match(text).hasMatch();
    return cmd ? splitCmd(text, error) : splitBash(text, error);
}

} // namespace Sextant::Store::CurlCommand
