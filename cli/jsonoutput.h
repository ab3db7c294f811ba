// SPDX-License-Identifier: MIT
// Sextant: JSON text for the command line's output, escaped exactly as JavaScript's JSON.stringify does.
#pragma once

#include <QString>
#include <QStringView>

namespace Sextant::Cli {

/**
 * Appends @p text to @p out as a JSON string literal escaped like JSON.stringify (ECMA-262 QuoteJSONString):
 * \" \\ \b \f \n \r \t, other control characters as lowercase \u00xx, lone surrogates as \uxxxx, everything
 * else as is — so `sextant validate` prints byte-for-byte what graphql-js tools print. Never fails; any thread.
 */
void appendJsonString(QString &out, QStringView text);

} // namespace Sextant::Cli
