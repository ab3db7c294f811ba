// SPDX-License-Identifier: MIT
// Sextant: case-insensitive substring search over the keys and values of a ResponseDocument.
#pragma once

#include "responsedocument.h"

#include <QString>

#include <functional>
#include <vector>

namespace Sextant::Core {

/**
 * Finds the nodes of a ResponseDocument whose member name or scalar value contains a text, ignoring case, in
 * document order (the order of the bytes). String values match on their decoded text, numbers on their spelling
 * as written, booleans and null on "true", "false", "null"; containers never match themselves, and list indices
 * are no keys. An ASCII needle is matched directly on the UTF-8 bytes (no decoding unless the token has
 * escapes), so 100 MB take about half a second; others decode only tokens that contain non-ASCII bytes.
 *
 * run() is reentrant and meant for a worker thread (the document is immutable): it calls @p isCanceled every
 * few thousand nodes and stops early when it returns true, and hands matches to @p chunkReady in batches as it
 * goes (the first match alone, then batches of chunkSize), so a view can show the first hit while the rest is
 * searched. An empty needle matches nothing.
 */
class ResponseSearch final
{
public:
    using NodeId = ResponseDocument::NodeId;
    static constexpr int DefaultMaxMatches = 100000;
    static constexpr int DefaultChunkSize = 2000;

    struct Result
    {
        std::vector<NodeId> matches; ///< every match found (also those handed to chunkReady)
        bool capped = false;         ///< stopped at maxMatches: there are more
        bool canceled = false;       ///< stopped because isCanceled() returned true
    };

    explicit ResponseSearch(QString needle);

    /// Whether @p node's key or scalar value contains the needle.
    bool matches(const ResponseDocument &document, NodeId node) const;

    Result run(const ResponseDocument &document, int maxMatches = DefaultMaxMatches,
               const std::function<bool()> &isCanceled = {},
               const std::function<void(const std::vector<NodeId> &chunk)> &chunkReady = {},
               int chunkSize = DefaultChunkSize) const;

    /// "3 of 1,204", "0 of 100,000+" style count text: "1,204" or "100,000+" when @p capped.
    static QString countText(qint64 count, bool capped);

private:
    bool containsUtf8(QByteArrayView haystack) const;
    bool containsText(QStringView haystack) const;

    QString m_needle;
    bool mayMatch(QByteArrayView raw, bool hasEscapes) const;

    QByteArray m_asciiLower;      ///< the needle lowercased when it is all ASCII, else empty
    bool m_needsNonAscii = false; ///< a match must contain a character no ASCII letter folds to
};

} // namespace Sextant::Core
