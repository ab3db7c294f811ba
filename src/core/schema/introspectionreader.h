// SPDX-License-Identifier: MIT
// Sextant: turns an introspection result (JSON) into an immutable Schema.
#pragma once

#include <core/schema/schema.h>

#include <QByteArray>
#include <QString>

#include <memory>

namespace Sextant::Core {

struct IntrospectionReadResult
{
    std::shared_ptr<const Schema> schema; ///< null on error
    QString error;                        ///< empty on success
    int truncatedTypeRefs = 0; ///< type references cut short by a too-shallow TypeRef fragment (PROTOCOLS.md §2.3 step 4)

    bool isValid() const { return schema != nullptr; }
};

/**
 * Reads the result of the introspection query (GraphQL spec §4.5, graphql-js getIntrospectionQuery
 * shape) into a Schema. Pure function; call it from any thread (parsing the GitHub schema, 2.8 MB,
 * is worth a worker thread).
 *
 * Accepts `{"data":{"__schema":…}}`, `{"__schema":…}` and a full response with "errors" next to
 * "data". Tolerates every variant of PROTOCOLS.md §2: absent optional fields (specifiedByURL or the
 * graphql-js 15 spelling specifiedByUrl, isRepeatable, schema description, isOneOf, input-value
 * deprecation), "" and null descriptions alike, non-string default values, and TypeRefs that end in
 * a LIST/NON_NULL with `ofType: null` (the field keeps an invalid TypeRef and Schema::warnings() says
 * where). Unknown kinds, nameless types and references to undefined types become warnings.
 *
 * Bad input never crashes: the result has no schema and an error naming the problem ("Not JSON:
 * Unexpected character … at line L, column C (offset N).", "no \"__schema\" in the response",
 * "__schema is null (introspection disabled?)", plus the server's own error messages when it sent any).
 *
 * The JSON is indexed with ResponseDocument (strict RFC 8259, no QJsonDocument tree) and walked once;
 * type names are interned, so the thousands of TypeRefs naming one type share a single QString.
 */
class IntrospectionReader final
{
public:
    static IntrospectionReadResult read(const QByteArray &json);

    IntrospectionReader() = delete;
};

} // namespace Sextant::Core
