// SPDX-License-Identifier: MIT
// Sextant: case-insensitive substring search over the keys and values of a ResponseDocument.
#include "responsesearch.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Sextant::Core {

namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

} // namespace

ResponseSearch::ResponseSearch(QString needle) : m_needle(std::move(needle))
{
    bool ascii = true;
    for (const QChar c : std::as_const(m_needle))
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        m_asciiLower = m_needle.toLatin1().toLower();
        return;
    }
    // A character whose case variants are all non-ASCII (é, ж, 数) can only be in text with non-ASCII bytes.
    for (const QChar c : std::as_const(m_needle)) {
        if (c.unicode() >= 0x80 && c.toLower().unicode() >= 0x80 && c.toUpper().unicode() >= 0x80
            && c.toCaseFolded().unicode() >= 0x80)
            m_needsNonAscii = true;
    }
}

bool ResponseSearch::mayMatch(QByteArrayView raw, bool hasEscapes) const
{
    if (!m_needsNonAscii || hasEscapes)
        return true;
    for (const char c : raw) {
        if (uchar(c) >= 0x80)
            return true;
    }
    return false;
}

bool ResponseSearch::containsUtf8(QByteArrayView haystack) const
{
    // ASCII needle on UTF-8 bytes: multi-byte sequences never equal ASCII bytes, so folding A-Z is exact.
    const qsizetype n = m_asciiLower.size();
    if (n == 0 || haystack.size() < n)
        return false;
    const char *const h = haystack.data();
    const char *const needle = m_asciiLower.constData();
    const char first = needle[0];
    const char firstUpper = (first >= 'a' && first <= 'z') ? char(first - ('a' - 'A')) : first;
    const qsizetype last = haystack.size() - n;
    for (qsizetype i = 0; i <= last; ++i) {
        if (h[i] != first && h[i] != firstUpper)
            continue;
        qsizetype j = 1;
        while (j < n && asciiLower(h[i + j]) == needle[j])
            ++j;
        if (j == n)
            return true;
    }
    return false;
}

bool ResponseSearch::containsText(QStringView haystack) const
{
    return haystack.contains(m_needle, Qt::CaseInsensitive);
}

bool ResponseSearch::matches(const ResponseDocument &document, NodeId node) const
{
    if (m_needle.isEmpty())
        return false;
    const bool ascii = !m_asciiLower.isEmpty();
    const QByteArrayView key = document.rawKey(node);
    if (!key.isEmpty()) {
        const bool escapes = document.keyHasEscapes(node);
        if (ascii && !escapes ? containsUtf8(key) : (mayMatch(key, escapes) && containsText(document.key(node))))
            return true;
    }
    switch (document.kind(node)) {
    case JsonKind::String: {
        const bool escapes = document.stringHasEscapes(node);
        const QByteArrayView raw = document.rawString(node);
        if (ascii && !escapes)
            return containsUtf8(raw);
        return mayMatch(raw, escapes) && containsText(document.stringValue(node));
    }
    case JsonKind::Number:
        return !m_needsNonAscii && containsText(document.numberText(node));
    case JsonKind::Bool:
        return !m_needsNonAscii && containsText(document.boolValue(node) ? u"true" : u"false");
    case JsonKind::Null:
        return !m_needsNonAscii && containsText(u"null");
    default:
        return false;
    }
}

ResponseSearch::Result ResponseSearch::run(const ResponseDocument &document, int maxMatches,
                                           const std::function<bool()> &isCanceled,
                                           const std::function<void(const std::vector<NodeId> &)> &chunkReady,
                                           int chunkSize) const
{
    Result result;
    if (m_needle.isEmpty())
        return result;
    maxMatches = qMax(1, maxMatches);
    chunkSize = qMax(1, chunkSize);
    std::vector<NodeId> chunk;
    auto flush = [&] {
        if (chunkReady && !chunk.empty())
            chunkReady(chunk);
        chunk.clear();
    };
    constexpr qint64 CancelCheckInterval = 4096;
    const qint64 count = document.nodeCount();
    // Node ids are assigned in document order (pre-order), so a linear walk yields matches in reading order.
    for (qint64 i = 0; i < count; ++i) {
        if (isCanceled && i % CancelCheckInterval == 0 && isCanceled()) {
            result.canceled = true;
            break;
        }
        const auto node = NodeId(i);
        if (!matches(document, node))
            continue;
        if (qsizetype(result.matches.size()) >= maxMatches) {
            result.capped = true;
            break;
        }
        result.matches.push_back(node);
        chunk.push_back(node);
        // The first match goes out alone, so a view can select it while the rest of the document is searched.
        if (qsizetype(chunk.size()) >= chunkSize || result.matches.size() == 1)
            flush();
    }
    flush();
    return result;
}

QString ResponseSearch::countText(qint64 count, bool capped)
{
    QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(count) + (capped ? u"+"_s : QString());
}

} // namespace Sextant::Core
