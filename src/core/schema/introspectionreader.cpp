// SPDX-License-Identifier: MIT
// Sextant: turns an introspection result (JSON) into an immutable Schema.
#include "introspectionreader.h"

#include <core/response/responsedocument.h>

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <array>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

using Doc = ResponseDocument;
using NodeId = ResponseDocument::NodeId;
constexpr NodeId NoNode = ResponseDocument::InvalidNode;

// A broken server can produce thousands of identical problems; the first ones say enough.
constexpr int MaxWarnings = 100;

QString describeJsonKind(const Doc &doc, NodeId node)
{
    if (!doc.isValidNode(node))
        return u"missing"_s;
    switch (doc.kind(node)) {
    case JsonKind::Null: return u"null"_s;
    case JsonKind::Bool: return u"a boolean"_s;
    case JsonKind::Number: return u"a number"_s;
    case JsonKind::String: return u"a string"_s;
    case JsonKind::Array: return u"an array"_s;
    case JsonKind::Object: return u"an object"_s;
    }
    return u"missing"_s;
}

// Element count of an array; 0 for anything else (QJsonValue::toArray() semantics).
int arraySize(const Doc &doc, NodeId node)
{
    return doc.kind(node) == JsonKind::Array ? doc.childCount(node) : 0;
}

bool isObject(const Doc &doc, NodeId node)
{
    return doc.isValidNode(node) && doc.kind(node) == JsonKind::Object;
}

// "" and null descriptions mean the same thing (PROTOCOLS.md §2.3 step 5); stringValue() maps both to "".
QString stringMember(const Doc &doc, NodeId object, QStringView key)
{
    return doc.stringValue(doc.member(object, key));
}

bool boolMember(const Doc &doc, NodeId object, QStringView key)
{
    return doc.boolValue(doc.member(object, key));
}

// Byte-wise equality of a raw member name and an ASCII key; inline, as the keys are a few bytes long.
bool sameBytes(QByteArrayView raw, QLatin1StringView key)
{
    if (raw.size() != key.size())
        return false;
    const char *a = raw.data();
    const char *b = key.data();
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// The members named `keys` of `object`, found in one pass over its members (first occurrence wins, like
// ResponseDocument::member()); InvalidNode for absent keys and when `object` is not an object. `keys` must
// be ASCII: member names without escapes are then compared as raw UTF-8 bytes, with no QString at all;
// only names with backslash escapes (never seen in practice) are decoded.
template<std::size_t N>
std::array<NodeId, N> membersOf(const Doc &doc, NodeId object, const std::array<QLatin1StringView, N> &keys)
{
    std::array<NodeId, N> found;
    found.fill(NoNode);
    if (!isObject(doc, object))
        return found;
    const int count = doc.childCount(object);
    for (int i = 0; i < count; ++i) {
        const NodeId child = doc.child(object, i);
        if (doc.keyHasEscapes(child)) {
            const QString key = doc.key(child);
            for (std::size_t k = 0; k < N; ++k) {
                if (found[k] == NoNode && key == keys[k]) {
                    found[k] = child;
                    break;
                }
            }
            continue;
        }
        const QByteArrayView key = doc.rawKey(child);
        for (std::size_t k = 0; k < N; ++k) {
            if (found[k] == NoNode && sameBytes(key, keys[k])) {
                found[k] = child;
                break;
            }
        }
    }
    return found;
}

// The "message" of each GraphQL error (spec §7.1.2), a few at most.
QString errorMessages(const Doc &doc, NodeId errors)
{
    QStringList messages;
    const int count = arraySize(doc, errors);
    for (int i = 0; i < count; ++i) {
        const QString message = stringMember(doc, doc.child(errors, i), u"message");
        if (!message.isEmpty())
            messages.append(message);
        if (messages.size() == 3)
            break;
    }
    if (count > messages.size() && !messages.isEmpty())
        messages.append(u"(%1 errors in total)"_s.arg(count));
    return messages.join("; "_L1);
}

class Reader final
{
public:
    explicit Reader(const Doc &doc)
        : m_doc(doc)
    {
        m_names.reserve(4096);
        m_rawNames.reserve(4096);
    }

    QStringList warnings;
    int truncatedTypeRefs = 0;

    void warn(const QString &message)
    {
        if (warnings.size() < MaxWarnings)
            warnings.append(message);
        else
            ++m_droppedWarnings;
    }

    void finish()
    {
        if (m_droppedWarnings > 0)
            warnings.append(u"… and %1 more warnings."_s.arg(m_droppedWarnings));
    }

    // One shared QString per distinct type, field or argument name: a big schema names the same types
    // tens of thousands of times in TypeRefs, interfaces and possibleTypes.
    // intern(stringValue(node)) without decoding a name already seen: names without escapes are looked
    // up by their raw bytes, which stay valid as long as the document (longer than this Reader).
    QString internString(NodeId node)
    {
        const QByteArrayView raw = m_doc.rawString(node);
        if (raw.isEmpty() || m_doc.stringHasEscapes(node))
            return intern(m_doc.stringValue(node));
        const auto it = m_rawNames.constFind(raw);
        if (it != m_rawNames.constEnd())
            return *it;
        const QString name = intern(QString::fromUtf8(raw));
        m_rawNames.insert(raw, name);
        return name;
    }

    QString intern(const QString &name)
    {
        if (name.isEmpty())
            return name;
        const auto it = m_names.constFind(name);
        if (it != m_names.constEnd())
            return *it;
        m_names.insert(name, name);
        return name;
    }

    // Unwinds kind LIST / NON_NULL / named (GraphQL spec §4.5 "Type References"). `where` names the
    // owner for warnings and is only evaluated when something is wrong.
    template<typename Where>
    TypeRef readTypeRef(NodeId value, Where &&where)
    {
        std::array<bool, TypeRef::MaxWrappers> nonNull{}; // outermost first
        int wrappers = 0;
        NodeId current = value;
        QString name;
        for (;;) {
            if (!isObject(m_doc, current)) {
                if (wrappers > 0) {
                    ++truncatedTypeRefs;
                    warn(u"The type of %1 ends in a wrapper with ofType null: the introspection query's TypeRef depth is too shallow."_s.arg(where()));
                } else {
                    warn(u"%1 has no type (got %2)."_s.arg(where(), describeJsonKind(m_doc, current)));
                }
                return {};
            }
            static constexpr std::array<QLatin1StringView, 3> Keys{"kind"_L1, "ofType"_L1, "name"_L1};
            const auto [kindNode, ofTypeNode, nameNode] = membersOf(m_doc, current, Keys);
            bool isNonNull = false;
            bool isList = false;
            if (m_doc.kind(kindNode) == JsonKind::String) {
                isNonNull = m_doc.stringEquals(kindNode, "NON_NULL");
                isList = !isNonNull && m_doc.stringEquals(kindNode, "LIST");
            }
            if (isNonNull || isList) {
                if (wrappers >= TypeRef::MaxWrappers) {
                    warn(u"The type of %1 has more than %2 List/NonNull wrappers."_s.arg(where()).arg(TypeRef::MaxWrappers));
                    return {};
                }
                nonNull[wrappers++] = isNonNull;
                current = ofTypeNode;
                continue;
            }
            name = internString(nameNode);
            break;
        }
        if (name.isEmpty()) {
            warn(u"The type of %1 has no name."_s.arg(where()));
            return {};
        }
        TypeRef ref = TypeRef::named(name);
        for (int i = wrappers - 1; i >= 0 && ref.isValid(); --i)
            ref = nonNull[i] ? TypeRef::nonNull(ref) : TypeRef::list(ref);
        if (!ref.isValid())
            warn(u"The type of %1 wraps NON_NULL in NON_NULL, which the spec forbids."_s.arg(where()));
        return ref;
    }

    // `whereFor(name)` names one input value for warnings ("Query.books(filter)", "BookFilter.and").
    template<typename WhereFor>
    QList<InputValue> readInputValues(NodeId list, WhereFor &&whereFor)
    {
        QList<InputValue> result;
        const int count = arraySize(m_doc, list);
        result.reserve(count);
        for (int i = 0; i < count; ++i) {
            static constexpr std::array<QLatin1StringView, 6> Keys{
                "name"_L1, "description"_L1, "type"_L1, "defaultValue"_L1, "isDeprecated"_L1, "deprecationReason"_L1};
            const auto [name, description, typeNode, defaultValue, isDeprecated, deprecationReason] =
                membersOf(m_doc, m_doc.child(list, i), Keys);
            InputValue input;
            input.name = internString(name); // "first", "after", "orderBy"… repeat thousands of times
            input.description = m_doc.stringValue(description);
            input.type = readTypeRef(typeNode, [&]() -> QString { return whereFor(input.name); });
            const bool present = m_doc.isValidNode(defaultValue);
            const JsonKind defaultKind = m_doc.kind(defaultValue);
            input.hasDefaultValue = present && defaultKind != JsonKind::Null;
            if (present && defaultKind == JsonKind::String)
                input.defaultValue = m_doc.stringValue(defaultValue);
            else if (input.hasDefaultValue)
                input.defaultValue = jsonText(defaultValue); // non-conforming servers send raw JSON
            input.isDeprecated = m_doc.boolValue(isDeprecated);
            input.deprecationReason = m_doc.stringValue(deprecationReason);
            result.append(std::move(input));
        }
        return result;
    }

    QList<Field> readFields(NodeId list, const QString &typeName)
    {
        QList<Field> result;
        const int count = arraySize(m_doc, list);
        result.reserve(count);
        for (int i = 0; i < count; ++i) {
            static constexpr std::array<QLatin1StringView, 6> Keys{
                "name"_L1, "description"_L1, "args"_L1, "type"_L1, "isDeprecated"_L1, "deprecationReason"_L1};
            const auto [name, description, args, typeNode, isDeprecated, deprecationReason] =
                membersOf(m_doc, m_doc.child(list, i), Keys);
            Field field;
            field.name = internString(name); // "id", "nodes", "pageInfo"… repeat thousands of times
            field.description = m_doc.stringValue(description);
            const auto where = [&]() -> QString { return typeName + u'.' + field.name; };
            field.args = readInputValues(args, [&](const QString &arg) -> QString {
                return where() + u'(' + arg + u')';
            });
            field.type = readTypeRef(typeNode, where);
            field.isDeprecated = m_doc.boolValue(isDeprecated);
            field.deprecationReason = m_doc.stringValue(deprecationReason);
            result.append(std::move(field));
        }
        return result;
    }

    QStringList readTypeNames(NodeId list)
    {
        QStringList names;
        const int count = arraySize(m_doc, list);
        names.reserve(count);
        for (int i = 0; i < count; ++i) {
            static constexpr std::array<QLatin1StringView, 1> Keys{"name"_L1};
            const QString name = internString(membersOf(m_doc, m_doc.child(list, i), Keys)[0]);
            if (!name.isEmpty())
                names.append(name);
        }
        return names;
    }

    bool readType(NodeId object, NamedType &type)
    {
        static constexpr std::array<QLatin1StringView, 11> Keys{
            "name"_L1,   "kind"_L1,   "description"_L1, "specifiedByURL"_L1, "specifiedByUrl"_L1, "isOneOf"_L1,
            "fields"_L1, "inputFields"_L1, "interfaces"_L1, "possibleTypes"_L1, "enumValues"_L1};
        const auto [name, kind, description, specifiedByURL, specifiedByUrl, isOneOf, fields, inputFields, interfaces,
                    possibleTypes, enumValues] = membersOf(m_doc, object, Keys);
        type.name = internString(name);
        bool kindOk = false;
        const QString kindName = m_doc.stringValue(kind);
        type.kind = typeKindFromName(kindName, &kindOk);
        if (type.name.isEmpty()) {
            warn(u"Skipped a type without a name (kind %1)."_s.arg(kindName.isEmpty() ? u"missing"_s : kindName));
            return false;
        }
        if (!kindOk || !isNamedTypeKind(type.kind)) {
            warn(u"Skipped type \"%1\": unknown kind \"%2\"."_s.arg(type.name, kindName));
            return false;
        }
        type.description = m_doc.stringValue(description);
        type.specifiedByURL = m_doc.stringValue(specifiedByURL);
        if (type.specifiedByURL.isEmpty())
            type.specifiedByURL = m_doc.stringValue(specifiedByUrl); // graphql-js 15 spelling
        type.isOneOf = m_doc.boolValue(isOneOf);
        type.fields = readFields(fields, type.name);
        type.inputFields =
            readInputValues(inputFields, [&](const QString &input) -> QString { return type.name + u'.' + input; });
        type.interfaces = readTypeNames(interfaces);
        type.possibleTypes = readTypeNames(possibleTypes);
        const int count = arraySize(m_doc, enumValues);
        type.enumValues.reserve(count);
        for (int i = 0; i < count; ++i) {
            static constexpr std::array<QLatin1StringView, 4> ValueKeys{"name"_L1, "description"_L1, "isDeprecated"_L1,
                                                                        "deprecationReason"_L1};
            const auto [valueName, valueDescription, valueIsDeprecated, valueDeprecationReason] =
                membersOf(m_doc, m_doc.child(enumValues, i), ValueKeys);
            type.enumValues.append(EnumValue{m_doc.stringValue(valueName), m_doc.stringValue(valueDescription),
                                             m_doc.boolValue(valueIsDeprecated),
                                             m_doc.stringValue(valueDeprecationReason)});
        }
        return true;
    }

    Directive readDirective(NodeId object)
    {
        Directive directive;
        directive.name = stringMember(m_doc, object, u"name");
        directive.description = stringMember(m_doc, object, u"description");
        const NodeId locations = m_doc.member(object, u"locations");
        const int count = arraySize(m_doc, locations);
        directive.locations.reserve(count);
        for (int i = 0; i < count; ++i)
            directive.locations.append(m_doc.stringValue(m_doc.child(locations, i)));
        directive.args = readInputValues(m_doc.member(object, u"args"), [&](const QString &arg) -> QString {
            return u'@' + directive.name + u'(' + arg + u')';
        });
        directive.isRepeatable = boolMember(m_doc, object, u"isRepeatable");
        directive.isDeprecated = boolMember(m_doc, object, u"isDeprecated");
        directive.deprecationReason = stringMember(m_doc, object, u"deprecationReason");
        return directive;
    }

    // graphql-js buildClientSchema rejects references to undefined types; a browser is more useful
    // if it shows the rest of the schema and says what is missing.
    void checkReferences(const Schema::Contents &contents)
    {
        QSet<QStringView> known;
        known.reserve(contents.types.size());
        for (const NamedType &type : contents.types)
            known.insert(type.name);
        const auto check = [&](const TypeRef &ref, auto &&where) {
            if (ref.isValid() && !known.contains(ref.namedType()))
                warn(u"%1 refers to the undefined type \"%2\"."_s.arg(where(), ref.namedType()));
        };
        for (const NamedType &type : contents.types) {
            for (const Field &field : type.fields) {
                check(field.type, [&]() -> QString { return type.name + u'.' + field.name; });
                for (const InputValue &arg : field.args)
                    check(arg.type, [&]() -> QString { return type.name + u'.' + field.name + u'(' + arg.name + u')'; });
            }
            for (const InputValue &input : type.inputFields)
                check(input.type, [&]() -> QString { return type.name + u'.' + input.name; });
            for (const QStringList *names : {&type.interfaces, &type.possibleTypes}) {
                for (const QString &name : *names) {
                    if (!known.contains(name))
                        warn(u"%1 refers to the undefined type \"%2\"."_s.arg(type.name, name));
                }
            }
        }
        for (const Directive &directive : contents.directives) {
            for (const InputValue &arg : directive.args)
                check(arg.type, [&]() -> QString { return u'@' + directive.name + u'(' + arg.name + u')'; });
        }
        const auto checkRoot = [&](const QString &name, QLatin1StringView operation) {
            if (!name.isEmpty() && !known.contains(name))
                warn(u"The %1 root type \"%2\" is not among the types."_s.arg(operation, name));
        };
        checkRoot(contents.queryTypeName, "query"_L1);
        checkRoot(contents.mutationTypeName, "mutation"_L1);
        checkRoot(contents.subscriptionTypeName, "subscription"_L1);
    }

private:
    // A non-string default value as JSON text, spelled as QJsonDocument always spelled it here.
    QString jsonText(NodeId value) const
    {
        switch (m_doc.kind(value)) {
        case JsonKind::Bool:
            return m_doc.boolValue(value) ? u"true"_s : u"false"_s;
        case JsonKind::Number:
            return QString::number(m_doc.numberValue(value), 'g', 17);
        case JsonKind::Array:
        case JsonKind::Object:
            break;
        default:
            return {};
        }
        const QJsonDocument document = QJsonDocument::fromJson(m_doc.toJson(value, 0));
        return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    }

    const Doc &m_doc;
    QHash<QString, QString> m_names;
    QHash<QByteArrayView, QString> m_rawNames; // views into m_doc.bytes()
    int m_droppedWarnings = 0;
};

IntrospectionReadResult failure(const QString &error)
{
    IntrospectionReadResult result;
    result.error = error;
    return result;
}

} // namespace

IntrospectionReadResult IntrospectionReader::read(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return failure(u"Empty input: expected an introspection result in JSON."_s);

    ResponseDocument::ParseError parseError;
    const std::shared_ptr<const ResponseDocument> parsed = ResponseDocument::parse(json, &parseError);
    if (!parsed) {
        // The offset is 1-based, as QJsonParseError's was.
        return failure(u"Not JSON: %1 (offset %2)."_s.arg(parseError.message).arg(parseError.offset + 1));
    }
    const Doc &doc = *parsed;
    const NodeId root = doc.root();
    if (doc.kind(root) != JsonKind::Object) {
        return failure(u"Expected a JSON object with \"data\" or \"__schema\" at the top level, got %1."_s.arg(
            doc.kind(root) == JsonKind::Array ? u"an array"_s : u"something else"_s));
    }

    const QString serverErrors = errorMessages(doc, doc.member(root, u"errors"));
    NodeId schemaValue = doc.member(root, u"__schema");
    const NodeId data = doc.member(root, u"data");
    if (schemaValue == NoNode && isObject(doc, data))
        schemaValue = doc.member(data, u"__schema");

    if (schemaValue == NoNode) {
        if (!serverErrors.isEmpty())
            return failure(u"The server returned errors and no schema: %1"_s.arg(serverErrors));
        if (data != NoNode && doc.kind(data) == JsonKind::Null)
            return failure(u"\"data\" is null and there is no \"__schema\"."_s);
        return failure(u"No \"__schema\" in the response: expected {\"data\":{\"__schema\":…}} or {\"__schema\":…}."_s);
    }
    if (doc.kind(schemaValue) == JsonKind::Null) {
        return failure(serverErrors.isEmpty() ? u"__schema is null (introspection disabled?)."_s
                                              : u"__schema is null (introspection disabled?): %1"_s.arg(serverErrors));
    }
    if (doc.kind(schemaValue) != JsonKind::Object)
        return failure(u"__schema is %1, expected an object."_s.arg(describeJsonKind(doc, schemaValue)));

    const NodeId typesValue = doc.member(schemaValue, u"types");
    if (doc.kind(typesValue) != JsonKind::Array || typesValue == NoNode)
        return failure(u"__schema.types is %1, expected a list of types."_s.arg(describeJsonKind(doc, typesValue)));

    Reader reader(doc);
    Schema::Contents contents;
    contents.description = stringMember(doc, schemaValue, u"description");
    const auto rootName = [&](QStringView key) -> QString {
        const NodeId rootType = doc.member(schemaValue, key);
        return reader.internString(membersOf(doc, rootType, std::array<QLatin1StringView, 1>{"name"_L1})[0]);
    };
    contents.queryTypeName = rootName(u"queryType");
    contents.mutationTypeName = rootName(u"mutationType");
    contents.subscriptionTypeName = rootName(u"subscriptionType");
    if (contents.queryTypeName.isEmpty())
        reader.warn(u"The schema has no query root type."_s);

    const int typeCount = doc.childCount(typesValue);
    contents.types.reserve(typeCount);
    for (int i = 0; i < typeCount; ++i) {
        const NodeId item = doc.child(typesValue, i);
        if (doc.kind(item) != JsonKind::Object) {
            reader.warn(u"Skipped a type that is %1, not an object."_s.arg(describeJsonKind(doc, item)));
            continue;
        }
        NamedType type;
        if (reader.readType(item, type))
            contents.types.append(std::move(type));
    }

    const NodeId directives = doc.member(schemaValue, u"directives");
    const int directiveCount = arraySize(doc, directives);
    contents.directives.reserve(directiveCount);
    for (int i = 0; i < directiveCount; ++i) {
        Directive directive = reader.readDirective(doc.child(directives, i));
        if (directive.name.isEmpty())
            reader.warn(u"Skipped a directive without a name."_s);
        else
            contents.directives.append(std::move(directive));
    }

    reader.checkReferences(contents);
    if (!serverErrors.isEmpty())
        reader.warn(u"The server also returned errors: %1"_s.arg(serverErrors));
    reader.finish();
    contents.warnings = std::move(reader.warnings);

    IntrospectionReadResult result;
    result.truncatedTypeRefs = reader.truncatedTypeRefs;
    result.schema = std::make_shared<const Schema>(std::move(contents));
    return result;
}

} // namespace Sextant::Core
