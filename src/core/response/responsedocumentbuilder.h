// SPDX-License-Identifier: MIT
// Sextant: the single-pass JSON scanner that fills a ResponseDocument's node tape.
#pragma once

#include "responsedocument.h"

namespace Sextant::Core {

/**
 * Internal to core/response: scans the bytes of a ResponseDocument once, left to right, with an explicit
 * stack (no recursion, so nesting depth is bounded by memory only) and appends one node per JSON value.
 *
 * Follows RFC 8259 strictly (no comments, trailing commas, NaN, leading zeros or unescaped control
 * characters); a leading UTF-8 byte order mark is skipped (RFC 8259 §8.1 allows ignoring it). UTF-8 is
 * validated with simdjson once the structure is known to be valid. On the first error build() returns
 * false and describes it (message, byte offset, 1-based line and UTF-16 column); the document is then
 * unusable. Runs on the caller's thread.
 */
class ResponseDocumentBuilder final
{
public:
    explicit ResponseDocumentBuilder(ResponseDocument &document);

    bool build(ResponseDocument::ParseError *error);

    /// Fills @p error for a failure at @p offset of @p bytes ("<what> at line L, column C").
    static void describeError(const QByteArray &bytes, qint64 offset, const QString &what,
                              ResponseDocument::ParseError *error);

private:
    ResponseDocument &m_document;
};

} // namespace Sextant::Core
