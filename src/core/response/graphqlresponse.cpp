// SPDX-License-Identifier: MIT
// Sextant: the GraphQL view of a response document: data presence, errors, extensions.
#include "graphqlresponse.h"

#include "responsedocument.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Sextant::Core {

namespace {

using NodeId = ResponseDocument::NodeId;

// A positive integer (1-based line/column), written as 3 or 3.0; 0 when not usable.
int positiveInt(const ResponseDocument &doc, NodeId node)
{
    if (doc.kind(node) != JsonKind::Number)
        return 0;
    const double value = doc.numberValue(node);
    if (value < 1 || value > 2147483647.0 || std::trunc(value) != value)
        return 0;
    return int(value);
}

QList<SourceLocation> readLocations(const ResponseDocument &doc, NodeId locations)
{
    QList<SourceLocation> result;
    const auto readOne = [&](NodeId location) {
        if (doc.kind(location) != JsonKind::Object)
            return;
        SourceLocation loc;
        loc.line = positiveInt(doc, doc.member(location, u"line"));
        loc.column = positiveInt(doc, doc.member(location, u"column"));
        if (loc.line > 0 && loc.column > 0)
            result.append(loc);
    };
    if (doc.kind(locations) == JsonKind::Array) {
        for (int i = 0; i < doc.childCount(locations); ++i)
            readOne(doc.child(locations, i));
    } else {
        readOne(locations); // a lone {line, column} object instead of a list
    }
    return result;
}

QVariantList readPath(const ResponseDocument &doc, NodeId path)
{
    QVariantList result;
    if (doc.kind(path) != JsonKind::Array)
        return result;
    for (int i = 0; i < doc.childCount(path); ++i) {
        const NodeId step = doc.child(path, i);
        switch (doc.kind(step)) {
        case JsonKind::String:
            result.append(doc.stringValue(step));
            break;
        case JsonKind::Number: {
            const double value = doc.numberValue(step);
            if (std::trunc(value) == value && value >= 0 && value <= 2147483647.0)
                result.append(int(value));
            else
                result.append(doc.numberText(step));
            break;
        }
        default:
            // Not a response path step; keep its JSON text so nothing is silently lost.
            result.append(QString::fromUtf8(doc.toJson(step, 0)));
            break;
        }
    }
    return result;
}

ResponseError readError(const ResponseDocument &doc, NodeId entry)
{
    ResponseError error;
    error.json = doc.toJson(entry, 2);
    switch (doc.kind(entry)) {
    case JsonKind::Object:
        break;
    case JsonKind::String:
        error.message = doc.stringValue(entry);
        return error;
    default:
        error.message = QString::fromUtf8(doc.toJson(entry, 0));
        return error;
    }
    const NodeId message = doc.member(entry, u"message");
    if (doc.kind(message) == JsonKind::String)
        error.message = doc.stringValue(message);
    else if (message != ResponseDocument::InvalidNode && doc.kind(message) != JsonKind::Null)
        error.message = QString::fromUtf8(doc.toJson(message, 0));

    const NodeId locations = doc.member(entry, u"locations");
    if (locations != ResponseDocument::InvalidNode)
        error.locations = readLocations(doc, locations);

    error.path = readPath(doc, doc.member(entry, u"path"));
    error.pathString = ResponseDocument::pathToString(error.path);

    const NodeId extensions = doc.member(entry, u"extensions");
    if (extensions != ResponseDocument::InvalidNode)
        error.extensionsJson = doc.toJson(extensions, 0);
    return error;
}

} // namespace

GraphQLResponse readGraphQLResponse(const ResponseDocument &document)
{
    GraphQLResponse response;
    const NodeId root = document.root();
    if (document.kind(root) != JsonKind::Object)
        return response;
    response.isObject = true;

    const NodeId data = document.member(root, u"data");
    response.hasData = data != ResponseDocument::InvalidNode;
    response.dataIsNull = response.hasData && document.kind(data) == JsonKind::Null;

    const NodeId errors = document.member(root, u"errors");
    switch (document.kind(errors)) {
    case JsonKind::Array:
        response.errors.reserve(document.childCount(errors));
        for (int i = 0; i < document.childCount(errors); ++i)
            response.errors.append(readError(document, document.child(errors, i)));
        break;
    case JsonKind::Object:
    case JsonKind::String:
        response.errors.append(readError(document, errors)); // not a list, but clearly an error
        break;
    default:
        break; // absent or null: no errors
    }

    response.hasExtensions = document.member(root, u"extensions") != ResponseDocument::InvalidNode;
    return response;
}

} // namespace Sextant::Core
