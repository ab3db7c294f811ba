// SPDX-License-Identifier: MIT
// Sextant: BlockStringValue() (spec §2.9.4) without per-line allocations.
#include "blockstring.h"

#include "characterclasses.h"

#include <QtCore/QVarLengthArray>

#include <algorithm>
#include <climits>

namespace Sextant::Core {

namespace {

struct LineRange
{
    int start;
    int end;
};

// Appends raw[from, to) with every escaped triple quote \""" turned into """.
void appendUnescaped(QString &out, const char16_t *raw, int from, int to)
{
    int chunk = from;
    for (int i = from; i < to; ++i) {
        if (raw[i] == u'\\' && to - i >= 4 && raw[i + 1] == u'"' && raw[i + 2] == u'"' && raw[i + 3] == u'"') {
            out.append(QStringView(raw + chunk, i - chunk));
            chunk = i + 1; // keep the three quotes, drop the backslash
            i += 3;
        }
    }
    out.append(QStringView(raw + chunk, to - chunk));
}

} // namespace

QString blockStringValue(QStringView rawValue)
{
    using namespace CharacterClasses;
    const char16_t *raw = rawValue.utf16();
    const int length = int(rawValue.size());

    QVarLengthArray<LineRange, 64> lines;
    int lineStart = 0;
    for (int i = 0; i < length; ++i) {
        const char16_t c = raw[i];
        if (c == u'\n' || c == u'\r') {
            lines.append({lineStart, i});
            if (c == u'\r' && i + 1 < length && raw[i + 1] == u'\n')
                ++i;
            lineStart = i + 1;
        }
    }
    lines.append({lineStart, length});

    int commonIndent = INT_MAX;
    int firstNonEmpty = -1;
    int lastNonEmpty = -1;
    for (int n = 0; n < int(lines.size()); ++n) {
        const LineRange line = lines[n];
        int indent = 0;
        while (line.start + indent < line.end && isWhiteSpace(raw[line.start + indent]))
            ++indent;
        if (line.start + indent == line.end)
            continue; // blank lines do not take part in the common indentation
        if (firstNonEmpty < 0)
            firstNonEmpty = n;
        lastNonEmpty = n;
        if (n != 0 && indent < commonIndent)
            commonIndent = indent;
    }
    if (firstNonEmpty < 0)
        return QString(); // only blank lines: the value is the empty string

    QString out;
    out.reserve(length);
    for (int n = firstNonEmpty; n <= lastNonEmpty; ++n) {
        if (n != firstNonEmpty)
            out.append(u'\n');
        const LineRange line = lines[n];
        const int from = n == 0 ? line.start : line.start + std::min(commonIndent, line.end - line.start);
        appendUnescaped(out, raw, from, line.end);
    }
    return out;
}

} // namespace Sextant::Core
