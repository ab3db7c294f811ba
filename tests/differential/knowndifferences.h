// SPDX-License-Identifier: MIT
// Sextant: the allow-list of intentional differences from graphql-js (known_differences.json).
#pragma once

#include <QtCore/QList>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

namespace Sextant::Differential {

/**
 * Reads tests/differential/known_differences.json, the machine-readable companion of KNOWN_DIFFERENCES.md:
 * `{"differences":[{"id","op","ours","theirs","reason"}]}`. `ours` and `theirs` are regular expressions that
 * must both match (QRegularExpression::match, unanchored) the one-line rendering of each side of a mismatch,
 * e.g. `Syntax Error: Expected Name, found <EOF>. @1:5`. Plain value type; used on the test thread.
 *
 * load() returns false with a reason for a missing file, bad JSON, an entry without a reason or an invalid
 * pattern, so a broken allow-list fails the test instead of allowing everything.
 */
class KnownDifferences final
{
public:
    struct Entry
    {
        QString id;
        QString op;
        QRegularExpression ours;
        QRegularExpression theirs;
        int hits = 0;
    };

    bool load(const QString &path, QString *error);
    /// The entry that allows this mismatch (its hit count incremented), or nullptr.
    const Entry *allow(const QString &op, const QString &ours, const QString &theirs);
    const QList<Entry> &entries() const { return m_entries; }

private:
    QList<Entry> m_entries;
};

} // namespace Sextant::Differential
