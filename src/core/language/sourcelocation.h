// SPDX-License-Identifier: MIT
// Sextant: a position in a GraphQL source text (line, column, offset).
#pragma once

#include <QtCore/QStringView>

namespace Sextant::Core {

/**
 * A position in a GraphQL source held in a QString. Plain value type, usable from any thread.
 *
 * `line` and `column` are 1-based and count UTF-16 code units, exactly as graphql-js reports
 * GraphQLError locations (spec §2.1.2 LineTerminator: "\r\n", "\n" and "\r" each end a line).
 * `offset` is the 0-based index into the QString. A default-constructed location is invalid.
 */
struct SourceLocation
{
    int line = 0;
    int column = 0;
    int offset = -1;

    bool isValid() const { return line > 0 && column > 0 && offset >= 0; }
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

/**
 * Returns the location of `offset` in `source` the way graphql-js getLocation() computes it.
 * Linear in `offset`; an offset outside [0, source.size()] is clamped.
 */
SourceLocation locationAt(QStringView source, int offset);

} // namespace Sextant::Core
