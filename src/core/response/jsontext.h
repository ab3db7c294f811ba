// SPDX-License-Identifier: MIT
// Sextant: decoding and encoding of JSON string tokens (RFC 8259 §7) shared by the response index.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace Sextant::Core::JsonText {

/**
 * Helpers over JSON string tokens that are already known to be valid (ResponseDocument validated them),
 * so they never fail: they run on any thread and touch nothing but their arguments.
 */

/// Length of the string token starting at the opening quote @p token[0], including both quotes.
qsizetype stringTokenLength(QByteArrayView token);

/// Unescapes the inside of a string token (without quotes). Stops once @p maxUnits UTF-16 code units
/// were produced (-1: no limit) and sets *truncated when it stopped early.
QString decode(QByteArrayView inner, qsizetype maxUnits = -1, bool *truncated = nullptr);

/// Appends @p text to @p out as a quoted JSON string: ", \, control characters, U+2028/U+2029 and lone
/// surrogates are escaped; everything else stays UTF-8.
void appendQuoted(QByteArray &out, QStringView text);

/// @p text escaped like a JSON string body but as QString, for one-line display (no quotes added).
QString escapedForDisplay(QStringView text);

/// True for a GraphQL Name ([_A-Za-z][_0-9A-Za-z]*), which paths can write after a dot.
bool isName(QStringView text);

} // namespace Sextant::Core::JsonText
