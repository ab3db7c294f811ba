// SPDX-License-Identifier: MIT
// Sextant: the BlockStringValue() algorithm of spec §2.9.4 (String Value, "Block Strings").
#pragma once

#include <QtCore/QString>

namespace Sextant::Core {

/**
 * Returns the value of a block string from its raw text between the opening and closing `"""`.
 * Pure function, any thread.
 *
 * Implements the spec's BlockStringValue(rawValue) as graphql-js dedentBlockStringLines() does:
 * split on LineTerminator, remove the common indentation (WhiteSpace) of all lines but the first,
 * drop leading and trailing blank lines, join with "\n". The escape `\"""` becomes `"""`.
 * Never fails: any input yields a string.
 */
QString blockStringValue(QStringView rawValue);

} // namespace Sextant::Core
