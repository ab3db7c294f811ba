// SPDX-License-Identifier: MIT
// Sextant: order- and spelling-preserving JSON text helpers for diff-friendly collection sidecars.
#pragma once

#include <QString>
#include <QStringView>

namespace Sextant::Store {

/**
 * Text-level JSON helpers used by CollectionStore so a sidecar keeps the user's key order and number spelling
 * (QJsonDocument sorts keys and turns big integers into doubles; RFC 8259 allows neither to matter, but a git
 * diff and a 20-digit ID do). Stateless, any thread.
 *
 * Inputs are expected to be valid JSON (callers check with QJsonDocument first). On invalid input nothing
 * crashes: reindent() copies unknown characters through and memberText() returns an empty string.
 */
class CollectionJson final
{
public:
    /// @p json re-indented with two spaces per level, as if it started at nesting @p depth: one member or element
    /// per line, "key": value with one space, empty objects and arrays as {} and []. Strings, numbers and literals
    /// are copied byte for byte.
    static QString reindent(QStringView json, int depth = 0);
    /// The raw text of the value of member @p key of the top-level object in @p objectJson; empty when absent.
    static QString memberText(QStringView objectJson, QStringView key);
    /// @p text as a JSON string literal (with quotes; control characters, quotes and backslashes escaped).
    static QString quoted(const QString &text);

    CollectionJson() = delete;
};

} // namespace Sextant::Store
