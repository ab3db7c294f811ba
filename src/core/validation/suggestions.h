// SPDX-License-Identifier: MIT
// Sextant: "Did you mean …?" suggestions worded and ordered exactly like graphql-js 16.
#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>

namespace Sextant::Core {

/**
 * Ports of graphql-js 16 jsutils: suggestionList() (lexical distance: Damerau-Levenshtein over UTF-16 code
 * units with a case change counting as one edit, threshold floor(0.4 * input length) + 1, sorted by distance
 * then naturalCompare), naturalCompare() and didYouMean() (at most five quoted names, "A, B, or C" — the v16
 * replacement of the older quotedOrList/orList). Pure functions, any thread; empty input gives empty output.
 */
QStringList suggestionList(QStringView input, const QStringList &options);

/** graphql-js naturalCompare: digit runs compare as numbers, the rest by UTF-16 code unit. */
int naturalCompare(QStringView a, QStringView b);

/** " Did you mean \"a\", \"b\", or \"c\"?" ("" when there is no suggestion). */
QString didYouMean(const QStringList &suggestions);
/** " Did you mean <subMessage> \"a\" or \"b\"?" */
QString didYouMean(QStringView subMessage, const QStringList &suggestions);

} // namespace Sextant::Core
