// SPDX-License-Identifier: MIT
// Sextant: fills a ResponseDocument's node tape from simdjson's structural index.
#pragma once

#include "responsedocument.h"

namespace Sextant::Core {

/**
 * Internal to core/response (and the response benchmark): indexes the bytes of a ResponseDocument once.
 *
 * Engine::Simdjson (what ResponseDocument::parse() uses) runs simdjson's stage 1 alone (one SIMD pass that finds
 * every structural character and the start of every scalar, and validates UTF-8, string bounds and unescaped control
 * characters), then walks that structural index left to right with an explicit stack (no recursion) and appends one
 * node per JSON value. Scalars are never decoded: the node keeps the position of the raw token, so numbers keep
 * their exact spelling and strings stay escaped until asked for. The walk checks what stage 1 leaves unchecked (the
 * grammar, number grammar, literal spelling, escape sequences), so the result is strict RFC 8259. The index (4
 * bytes per structural character, ~0.7x a GraphQL response) is read once, front to back: on Linux its pages are
 * given back (madvise MADV_DONTNEED) as the walk passes them, so it and the growing node tape are never resident in
 * full together (peak ~2.0x the body for 100 MB instead of ~3.1x).
 * Nesting deeper than maxDepth levels is rejected with "Nesting deeper than 131072 levels at line L, column C"
 * (the error points at the bracket that opens level maxDepth + 1).
 *
 * Input padding: simdjson reads up to ResponseDocument::requiredPadding bytes past the end of the data. When
 * bytes.capacity() - bytes.size() is at least that (reserve it when you fill the buffer, as GraphQLCall does),
 * the bytes are parsed in place; otherwise they are copied once into a padded buffer, which the document then
 * keeps instead of the input.
 *
 * On bad input the Simdjson engine reruns Engine::Reference (the byte-at-a-time scanner of
 * referencejsonscanner.h) to describe the first error: message, byte offset, 1-based line and UTF-16 column. A
 * leading UTF-8 byte order mark is skipped (RFC 8259 §8.1). Runs on the caller's thread; each call has its own
 * simdjson parser implementation, so calls on different threads are independent.
 */
class ResponseDocumentBuilder final
{
public:
    enum class Engine { Simdjson, Reference };
    /// Deepest nesting of arrays/objects the Simdjson engine accepts (the Reference engine has no limit).
    static constexpr int maxDepth = 131072;

    static std::shared_ptr<const ResponseDocument> parse(const QByteArray &bytes, ResponseDocument::ParseError *error,
                                                         Engine engine = Engine::Simdjson);

    /// Fills @p error for a failure at @p offset of @p bytes ("<what> at line L, column C").
    static void describeError(const QByteArray &bytes, qint64 offset, const QString &what,
                              ResponseDocument::ParseError *error);

private:
    static bool buildWithReference(ResponseDocument &document, ResponseDocument::ParseError *error);
    static bool buildWithSimdjson(ResponseDocument &document, ResponseDocument::ParseError *error);
};

} // namespace Sextant::Core
