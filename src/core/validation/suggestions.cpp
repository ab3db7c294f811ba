// SPDX-License-Identifier: MIT
// Sextant: "Did you mean …?" suggestions worded and ordered exactly like graphql-js 16.
#include <core/validation/suggestions.h>

#include <QtCore/QVarLengthArray>

#include <algorithm>
#include <optional>

namespace Sextant::Core {

namespace {

constexpr int MaxSuggestions = 5;

// LexicalDistance.measure() of jsutils/suggestionList.ts, including its early exits.
std::optional<int> lexicalDistance(const QString &input, const QString &inputLower, const QString &option,
                                   int threshold)
{
    if (input == option)
        return 0;
    const QString optionLower = option.toLower();
    if (inputLower == optionLower)
        return 1;
    QStringView a = optionLower;
    QStringView b = inputLower;
    if (a.size() < b.size())
        std::swap(a, b);
    const qsizetype aLength = a.size();
    const qsizetype bLength = b.size();
    if (aLength - bLength > threshold)
        return std::nullopt;
    QVarLengthArray<int, 64> rows[3];
    for (auto &row : rows)
        row.resize(bLength + 1);
    for (qsizetype j = 0; j <= bLength; ++j)
        rows[0][j] = int(j);
    for (qsizetype i = 1; i <= aLength; ++i) {
        auto &upRow = rows[(i - 1) % 3];
        auto &currentRow = rows[i % 3];
        int smallestCell = currentRow[0] = int(i);
        for (qsizetype j = 1; j <= bLength; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int currentCell = std::min({upRow[j] + 1, currentRow[j - 1] + 1, upRow[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                currentCell = std::min(currentCell, rows[(i - 2) % 3][j - 2] + 1);
            if (currentCell < smallestCell)
                smallestCell = currentCell;
            currentRow[j] = currentCell;
        }
        if (smallestCell > threshold)
            return std::nullopt;
    }
    const int distance = rows[aLength % 3][bLength];
    return distance <= threshold ? std::optional<int>(distance) : std::nullopt;
}

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

} // namespace

int naturalCompare(QStringView a, QStringView b)
{
    qsizetype ai = 0;
    qsizetype bi = 0;
    while (ai < a.size() && bi < b.size()) {
        QChar ac = a[ai];
        QChar bc = b[bi];
        if (isDigit(ac) && isDigit(bc)) {
            // Same quirk as graphql-js: a leading zero ends the number ("aNum > 0" loop condition).
            double aNum = 0;
            do {
                ++ai;
                aNum = aNum * 10 + (ac.unicode() - u'0');
                ac = ai < a.size() ? a[ai] : QChar();
            } while (ai < a.size() && isDigit(ac) && aNum > 0);
            double bNum = 0;
            do {
                ++bi;
                bNum = bNum * 10 + (bc.unicode() - u'0');
                bc = bi < b.size() ? b[bi] : QChar();
            } while (bi < b.size() && isDigit(bc) && bNum > 0);
            if (aNum < bNum)
                return -1;
            if (aNum > bNum)
                return 1;
        } else {
            if (ac.unicode() < bc.unicode())
                return -1;
            if (ac.unicode() > bc.unicode())
                return 1;
            ++ai;
            ++bi;
        }
    }
    return int(a.size() - b.size());
}

QStringList suggestionList(QStringView inputView, const QStringList &options)
{
    const QString input = inputView.toString();
    const QString inputLower = input.toLower();
    const int threshold = int(input.size() * 0.4) + 1;
    struct Candidate
    {
        const QString *name;
        int distance;
    };
    QVarLengthArray<Candidate, 16> candidates;
    for (const QString &option : options) {
        if (const auto distance = lexicalDistance(input, inputLower, option, threshold)) {
            // Object keys: a repeated option keeps its first position and its last distance.
            auto it = std::find_if(candidates.begin(), candidates.end(),
                                   [&](const Candidate &c) { return *c.name == option; });
            if (it != candidates.end())
                it->distance = *distance;
            else
                candidates.append({&option, *distance});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &x, const Candidate &y) {
        if (x.distance != y.distance)
            return x.distance < y.distance;
        return naturalCompare(*x.name, *y.name) < 0;
    });
    QStringList result;
    result.reserve(candidates.size());
    for (const Candidate &c : candidates)
        result.append(*c.name);
    return result;
}

QString didYouMean(QStringView subMessage, const QStringList &suggestions)
{
    if (suggestions.isEmpty())
        return {};
    QString message = QStringLiteral(" Did you mean ");
    if (!subMessage.isEmpty())
        message += subMessage + u' ';
    const auto quoted = [](const QString &s) -> QString { return u'"' + s + u'"'; };
    if (suggestions.size() == 1)
        return message + quoted(suggestions[0]) + u'?';
    if (suggestions.size() == 2)
        return message + quoted(suggestions[0]) + u" or " + quoted(suggestions[1]) + u'?';
    const qsizetype count = std::min<qsizetype>(suggestions.size(), MaxSuggestions);
    for (qsizetype i = 0; i < count - 1; ++i) {
        if (i > 0)
            message += u", ";
        message += quoted(suggestions[i]);
    }
    return message + u", or " + quoted(suggestions[count - 1]) + u'?';
}

QString didYouMean(const QStringList &suggestions)
{
    return didYouMean(QStringView(), suggestions);
}

} // namespace Sextant::Core
