// SPDX-License-Identifier: MIT
// Sextant: deterministic, seeded mutations of GraphQL documents for the differential test.
#pragma once

#include <QtCore/QString>
#include <QtCore/QtGlobal>

namespace Sextant::Differential {

/**
 * Turns a valid or invalid GraphQL document into a nearby variant: deletes, inserts or duplicates a character
 * or a token, swaps two names, drops a brace, truncates, inserts a keyword, a bad literal or an unusual code
 * point (NBSP, BOM, U+2028, a control character, a lone surrogate, a non-BMP character). Each call applies one
 * to three such edits.
 *
 * The PRNG is splitmix64 with no library distributions, so a seed yields the same mutations on every platform
 * and standard library. Single-threaded value type; any input (including "") gives some output.
 */
class DocumentMutator final
{
public:
    explicit DocumentMutator(quint64 seed) : m_state(seed) {}

    QString mutate(const QString &document);

    /// Uniform in [0, bound), bound > 0.
    quint64 below(quint64 bound);

private:
    quint64 next();
    void mutateOnce(QString &text);

    quint64 m_state;
};

} // namespace Sextant::Differential
