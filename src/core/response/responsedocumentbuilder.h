// SPDX-License-Identifier: MIT
// Sextant: fills a ResponseDocument's node tape from simdjson's On Demand iterator.
#pragma once

#include "responsedocument.h"

namespace Sextant::Core {

/**
 * Internal to core/response (and the response benchmark): indexes the bytes of a ResponseDocument once.
 *
 * Engine::Simdjson (what ResponseDocument::parse() uses) runs simdjson's On Demand API (stage 1 finds every
 * structural character and validates UTF-8, unescaped control characters and string bounds with SIMD; the walk
 * then visits every value in document order with an explicit stack, no recursion) and appends one node per JSON
 * value. Scalars are never decoded: the node keeps the position of the raw token, so numbers keep their exact
 * spelling and strings stay escaped until asked for. The walk checks what On Demand leaves unchecked for values it
 * does not decode (number grammar, literal spelling, escape sequences), so the result is strict RFC 8259.
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
 * simdjson parser, so calls on different threads are independent.
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
