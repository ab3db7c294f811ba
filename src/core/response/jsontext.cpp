// SPDX-License-Identifier: MIT
// Sextant: decoding and encoding of JSON string tokens (RFC 8259 §7) shared by the response index.
#include "jsontext.h"

#include <cstring>

namespace Sextant::Core::JsonText {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 0;
}

char16_t shortEscape(char16_t c)
{
    switch (c) {
    case u'"':
        return u'"';
    case u'\\':
        return u'\\';
    case u'\b':
        return u'b';
    case u'\f':
        return u'f';
    case u'\n':
        return u'n';
    case u'\r':
        return u'r';
    case u'\t':
        return u't';
    default:
        return 0;
    }
}

bool needsUnicodeEscape(char16_t c)
{
    return c < 0x20 || c == 0x2028 || c == 0x2029;
}

constexpr char kHex[] = "0123456789abcdef";

} // namespace

qsizetype stringTokenLength(QByteArrayView token)
{
    // Valid tokens only: the first unescaped quote after the opening one closes the string.
    const char *const begin = token.data();
    const char *p = begin + 1;
    const char *const end = begin + token.size();
    while (p < end) {
        const void *hit = std::memchr(p, '"', size_t(end - p));
        if (!hit)
            return token.size();
        const char *q = static_cast<const char *>(hit);
        qsizetype backslashes = 0;
        for (const char *b = q - 1; b > begin && *b == '\\'; --b)
            ++backslashes;
        if (backslashes % 2 == 0)
            return q - begin + 1;
        p = q + 1;
    }
    return token.size();
}

QString decode(QByteArrayView inner, qsizetype maxUnits, bool *truncated)
{
    if (truncated)
        *truncated = false;
    const qsizetype limit = maxUnits < 0 ? inner.size() : qMin(maxUnits, inner.size());
    QString result(limit, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(result.data());
    char16_t *const outBegin = out;
    char16_t *const outEnd = out + limit;
    const auto *p = reinterpret_cast<const uchar *>(inner.data());
    const auto *const end = p + inner.size();

    // The input was validated as UTF-8 and JSON, so the decoder below trusts lead bytes and escapes.
    bool stopped = false;
    while (p < end) {
        char32_t cp;
        uchar b = *p;
        if (b == '\\') {
            const char e = char(p[1]);
            p += 2;
            switch (e) {
            case 'b':
                cp = u'\b';
                break;
            case 'f':
                cp = u'\f';
                break;
            case 'n':
                cp = u'\n';
                break;
            case 'r':
                cp = u'\r';
                break;
            case 't':
                cp = u'\t';
                break;
            case 'u':
                cp = char32_t(hexValue(char(p[0])) << 12 | hexValue(char(p[1])) << 8 | hexValue(char(p[2])) << 4
                              | hexValue(char(p[3])));
                p += 4;
                break;
            default:
                cp = char32_t(uchar(e));
                break; // '"', '\\', '/'
            }
            // A \uXXXX escape is one UTF-16 unit; pairs of escaped surrogates come out as the pair.
            if (out == outEnd) {
                stopped = true;
                break;
            }
            *out++ = char16_t(cp);
            continue;
        }
        if (b < 0x80) {
            cp = b;
            p += 1;
        } else if (b < 0xE0) {
            cp = char32_t(b & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else if (b < 0xF0) {
            cp = char32_t(b & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            p += 3;
        } else {
            cp = char32_t(b & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 | char32_t(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
            p += 4;
        }
        if (cp >= 0x10000) {
            if (outEnd - out < 2) {
                stopped = true;
                break;
            }
            *out++ = char16_t(0xD800 + ((cp - 0x10000) >> 10));
            *out++ = char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            if (out == outEnd) {
                stopped = true;
                break;
            }
            *out++ = char16_t(cp);
        }
    }
    if (truncated && stopped)
        *truncated = true;
    result.truncate(out - outBegin);
    return result;
}

void appendQuoted(QByteArray &out, QStringView text)
{
    out.append('"');
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            if (const char16_t s = shortEscape(c)) {
                out.append('\\');
                out.append(char(s));
            } else if (c < 0x20) {
                out.append("\\u00", 4);
                out.append(kHex[c >> 4]);
                out.append(kHex[c & 0xF]);
            } else {
                out.append(char(c));
            }
            continue;
        }
        char32_t cp = c;
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
            cp = QChar::surrogateToUcs4(c, text[i + 1].unicode());
            ++i;
        } else if (QChar::isSurrogate(c) || needsUnicodeEscape(c)) {
            const char esc[6] = {'\\',         'u', kHex[(c >> 12) & 0xF], kHex[(c >> 8) & 0xF], kHex[(c >> 4) & 0xF],
                                 kHex[c & 0xF]};
            out.append(esc, 6);
            continue;
        }
        if (cp < 0x800) {
            out.append(char(0xC0 | (cp >> 6)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.append(char(0xE0 | (cp >> 12)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else {
            out.append(char(0xF0 | (cp >> 18)));
            out.append(char(0x80 | ((cp >> 12) & 0x3F)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        }
    }
    out.append('"');
}

QString escapedForDisplay(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (const char16_t s = shortEscape(c)) {
            result += QLatin1Char('\\');
            result += QChar(s);
        } else if (needsUnicodeEscape(c)) {
            result += QLatin1StringView("\\u");
            result += QString::number(c, 16).rightJustified(4, QLatin1Char('0'));
        } else {
            result += ch;
        }
    }
    return result;
}

bool isName(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

} // namespace Sextant::Core::JsonText
