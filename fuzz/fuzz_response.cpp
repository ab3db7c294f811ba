// SPDX-License-Identifier: MIT
// Sextant: libFuzzer target for ResponseDocument::parse (simdjson vs reference scanner) and the response reader.
#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <core/response/responsedocumentbuilder.h>

#include <QtCore/QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace Sextant::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ResponseDocument::ParseError error;
    const auto document = ResponseDocument::parse(bytes, &error);
    // Differential: the simdjson engine and the reference scanner accept the same documents (the simdjson engine
    // only adds its nesting limit) and describe errors the same way.
    ResponseDocument::ParseError referenceError;
    const auto reference =
        ResponseDocumentBuilder::parse(bytes, &referenceError, ResponseDocumentBuilder::Engine::Reference);
    const bool tooDeep = !document && error.message.startsWith(QStringLiteral("Nesting deeper than"));
    if (bool(document) != bool(reference) && !tooDeep)
        abort();
    if (!document) {
        if (error.message.isEmpty() || error.offset < 0 || error.offset > qint64(size))
            abort();
        if (!tooDeep && (error.message != referenceError.message || error.offset != referenceError.offset))
            abort();
        return 0;
    }
    if (reference->nodeCount() != document->nodeCount()
        || reference->toJson(reference->root(), 0) != document->toJson(document->root(), 0))
        abort();
    // Touch every accessor on every node: the index must be consistent with the bytes.
    const qint64 count = document->nodeCount();
    for (qint64 id = 0; id < count && id < 20000; ++id) {
        const auto node = ResponseDocument::NodeId(id);
        const int children = document->childCount(node);
        for (int i = 0; i < children; ++i) {
            const auto child = document->child(node, i);
            if (document->parent(child) != node || document->indexInParent(child) != i)
                abort();
        }
        (void)document->key(node);
        (void)document->stringValue(node);
        (void)document->numberText(node);
        (void)document->displayValue(node, 40);
        // Not compared with node: with duplicate member names the path leads to the first of them.
        int depth = 0;
        (void)document->nodeAtPath(document->path(node), &depth);
        (void)document->pathString(node);
    }
    // Documented round trip: toJson() writes valid JSON in document order.
    const QByteArray compact = document->toJson(document->root(), 0);
    const auto again = ResponseDocument::parse(compact);
    if (!again || again->nodeCount() != count)
        abort();
    (void)readGraphQLResponse(*document);
    return 0;
}
