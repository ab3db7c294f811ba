// SPDX-License-Identifier: MIT
// Sextant: one validation error (message and locations), shaped like a graphql-js GraphQLError.
#pragma once

#include <core/language/sourcelocation.h>

#include <QtCore/QList>
#include <QtCore/QString>

namespace Sextant::Core {

/** A validation (or syntax) error as graphql-js reports it: its message and the 1-based UTF-16 locations of the
 * nodes it names, in order (empty for document-wide errors). Plain value, any thread. */
struct ValidationError
{
    QString message;
    QList<SourceLocation> locations;

    friend bool operator==(const ValidationError &, const ValidationError &) = default;
};

} // namespace Sextant::Core
