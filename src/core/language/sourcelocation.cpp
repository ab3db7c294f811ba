// SPDX-License-Identifier: MIT
// Sextant: line/column computation for SourceLocation.
#include "sourcelocation.h"

#include <algorithm>

namespace Sextant::Core {

SourceLocation locationAt(QStringView source, int offset)
{
    const int length = int(source.size());
    offset = std::clamp(offset, 0, length);
    const char16_t *data = source.utf16();
    int line = 1;
    int lineStart = 0;
    // Mirrors graphql-js: every line terminator that *starts* before `offset` opens a new line.
    for (int i = 0; i < offset;) {
        const char16_t c = data[i];
        if (c == u'\r' && i + 1 < length && data[i + 1] == u'\n') {
            i += 2;
        } else if (c == u'\n' || c == u'\r') {
            ++i;
        } else {
            ++i;
            continue;
        }
        ++line;
        lineStart = i;
    }
    return SourceLocation{line, offset + 1 - lineStart, offset};
}

} // namespace Sextant::Core
