// SPDX-License-Identifier: MIT
// Sextant: turns an introspection result (JSON) into an immutable Schema.
#include "introspectionreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

#include <array>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

// A broken server can produce thousands of identical problems; the first ones say enough.
constexpr int MaxWarnings = 100;

QString describeJsonKind(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"missing"_s;
}

// The "message" of each GraphQL error (spec §7.1.2), a few at most.
QString errorMessages(const QJsonValue &errors)
{
    QStringList messages;
    const QJsonArray list = errors.toArray();
    for (const QJsonValue &error : list) {
        const QString message = error.toObject().value("message"_L1).toString();
        if (!message.isEmpty())
            messages.append(message);
        if (messages.size() == 3)
            break;
    }
    if (list.size() > messages.size() && !messages.isEmpty())
        messages.append(u"(%1 errors in total)"_s.arg(list.size()));
    return messages.join("; "_L1);
}

// "" and null descriptions mean the same thing (PROTOCOLS.md §2.3 step 5); toString() maps both to "".
QString stringMember(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

class Reader final
{
public:
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

    // Unwinds kind LIST / NON_NULL / named (GraphQL spec §4.5 "Type References"). `where` names the
    // owner for warnings and is only evaluated when something is wrong.
    template<typename Where>
    TypeRef readTypeRef(const QJsonValue &value, Where &&where)
    {
        std::array<bool, TypeRef::MaxWrappers> nonNull{}; // outermost first
        int wrappers = 0;
        QJsonValue current = value;
        QString name;
        for (;;) {
            if (!current.isObject()) {
                if (wrappers > 0) {
                    ++truncatedTypeRefs;
                    warn(u"The type of %1 ends in a wrapper with ofType null: the introspection query's TypeRef depth is too shallow."_s.arg(where()));
                } else {
                    warn(u"%1 has no type (got %2)."_s.arg(where(), describeJsonKind(current)));
                }
                return {};
            }
            const QJsonObject object = current.toObject();
            const QString kind = stringMember(object, "kind"_L1);
            const bool isNonNull = kind == "NON_NULL"_L1;
            if (isNonNull || kind == "LIST"_L1) {
                if (wrappers >= TypeRef::MaxWrappers) {
                    warn(u"The type of %1 has more than %2 List/NonNull wrappers."_s.arg(where()).arg(TypeRef::MaxWrappers));
                    return {};
                }
                nonNull[wrappers++] = isNonNull;
                current = object.value("ofType"_L1);
                continue;
            }
            name = stringMember(object, "name"_L1);
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
    QList<InputValue> readInputValues(const QJsonValue &value, WhereFor &&whereFor)
    {
        QList<InputValue> result;
        const QJsonArray list = value.toArray();
        result.reserve(list.size());
        for (const QJsonValue &item : list) {
            const QJsonObject object = item.toObject();
            InputValue input;
            input.name = stringMember(object, "name"_L1);
            input.description = stringMember(object, "description"_L1);
            input.type = readTypeRef(object.value("type"_L1), [&]() -> QString { return whereFor(input.name); });
            const QJsonValue defaultValue = object.value("defaultValue"_L1);
            input.hasDefaultValue = !defaultValue.isNull() && !defaultValue.isUndefined();
            if (defaultValue.isString())
                input.defaultValue = defaultValue.toString();
            else if (input.hasDefaultValue)
                input.defaultValue = jsonText(defaultValue); // non-conforming servers send raw JSON
            input.isDeprecated = object.value("isDeprecated"_L1).toBool(false);
            input.deprecationReason = stringMember(object, "deprecationReason"_L1);
            result.append(std::move(input));
        }
        return result;
    }

    QList<Field> readFields(const QJsonValue &value, const QString &typeName)
    {
        QList<Field> result;
        const QJsonArray list = value.toArray();
        result.reserve(list.size());
        for (const QJsonValue &item : list) {
            const QJsonObject object = item.toObject();
            Field field;
            field.name = stringMember(object, "name"_L1);
            field.description = stringMember(object, "description"_L1);
            const auto where = [&]() -> QString { return typeName + u'.' + field.name; };
            field.args = readInputValues(object.value("args"_L1), [&](const QString &arg) -> QString {
                return where() + u'(' + arg + u')';
            });
            field.type = readTypeRef(object.value("type"_L1), where);
            field.isDeprecated = object.value("isDeprecated"_L1).toBool(false);
            field.deprecationReason = stringMember(object, "deprecationReason"_L1);
            result.append(std::move(field));
        }
        return result;
    }

    QStringList readTypeNames(const QJsonValue &value)
    {
        QStringList names;
        const QJsonArray list = value.toArray();
        names.reserve(list.size());
        for (const QJsonValue &item : list) {
            const QString name = stringMember(item.toObject(), "name"_L1);
            if (!name.isEmpty())
                names.append(name);
        }
        return names;
    }

    bool readType(const QJsonObject &object, NamedType &type)
    {
        type.name = stringMember(object, "name"_L1);
        bool kindOk = false;
        const QString kindName = stringMember(object, "kind"_L1);
        type.kind = typeKindFromName(kindName, &kindOk);
        if (type.name.isEmpty()) {
            warn(u"Skipped a type without a name (kind %1)."_s.arg(kindName.isEmpty() ? u"missing"_s : kindName));
            return false;
        }
        if (!kindOk || !isNamedTypeKind(type.kind)) {
            warn(u"Skipped type \"%1\": unknown kind \"%2\"."_s.arg(type.name, kindName));
            return false;
        }
        type.description = stringMember(object, "description"_L1);
        type.specifiedByURL = stringMember(object, "specifiedByURL"_L1);
        if (type.specifiedByURL.isEmpty())
            type.specifiedByURL = stringMember(object, "specifiedByUrl"_L1); // graphql-js 15 spelling
        type.isOneOf = object.value("isOneOf"_L1).toBool(false);
        type.fields = readFields(object.value("fields"_L1), type.name);
        type.inputFields = readInputValues(object.value("inputFields"_L1),
                                           [&](const QString &input) -> QString { return type.name + u'.' + input; });
        type.interfaces = readTypeNames(object.value("interfaces"_L1));
        type.possibleTypes = readTypeNames(object.value("possibleTypes"_L1));
        const QJsonArray enumValues = object.value("enumValues"_L1).toArray();
        type.enumValues.reserve(enumValues.size());
        for (const QJsonValue &item : enumValues) {
            const QJsonObject value = item.toObject();
            type.enumValues.append(EnumValue{stringMember(value, "name"_L1), stringMember(value, "description"_L1),
                                             value.value("isDeprecated"_L1).toBool(false),
                                             stringMember(value, "deprecationReason"_L1)});
        }
        return true;
    }

    Directive readDirective(const QJsonObject &object)
    {
        Directive directive;
        directive.name = stringMember(object, "name"_L1);
        directive.description = stringMember(object, "description"_L1);
        const QJsonArray locations = object.value("locations"_L1).toArray();
        for (const QJsonValue &location : locations)
            directive.locations.append(location.toString());
        directive.args = readInputValues(object.value("args"_L1), [&](const QString &arg) -> QString {
            return u'@' + directive.name + u'(' + arg + u')';
        });
        directive.isRepeatable = object.value("isRepeatable"_L1).toBool(false);
        directive.isDeprecated = object.value("isDeprecated"_L1).toBool(false);
        directive.deprecationReason = stringMember(object, "deprecationReason"_L1);
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
            for (const QString &name : type.interfaces + type.possibleTypes) {
                if (!known.contains(name))
                    warn(u"%1 refers to the undefined type \"%2\"."_s.arg(type.name, name));
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
    static QString jsonText(const QJsonValue &value)
    {
        if (value.isBool())
            return value.toBool() ? u"true"_s : u"false"_s;
        if (value.isDouble())
            return QString::number(value.toDouble(), 'g', 17);
        if (value.isArray())
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }

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

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(u"Not JSON: %1 at offset %2."_s.arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject()) {
        return failure(u"Expected a JSON object with \"data\" or \"__schema\" at the top level, got %1."_s.arg(
            document.isArray() ? u"an array"_s : u"something else"_s));
    }

    const QJsonObject root = document.object();
    const QJsonValue errors = root.value("errors"_L1);
    const QString serverErrors = errorMessages(errors);
    QJsonValue schemaValue = root.value("__schema"_L1);
    const QJsonValue data = root.value("data"_L1);
    if (schemaValue.isUndefined() && data.isObject())
        schemaValue = data.toObject().value("__schema"_L1);

    if (schemaValue.isUndefined()) {
        if (!serverErrors.isEmpty())
            return failure(u"The server returned errors and no schema: %1"_s.arg(serverErrors));
        if (data.isNull())
            return failure(u"\"data\" is null and there is no \"__schema\"."_s);
        return failure(u"No \"__schema\" in the response: expected {\"data\":{\"__schema\":…}} or {\"__schema\":…}."_s);
    }
    if (schemaValue.isNull()) {
        return failure(serverErrors.isEmpty() ? u"__schema is null (introspection disabled?)."_s
                                              : u"__schema is null (introspection disabled?): %1"_s.arg(serverErrors));
    }
    if (!schemaValue.isObject())
        return failure(u"__schema is %1, expected an object."_s.arg(describeJsonKind(schemaValue)));

    const QJsonObject schemaObject = schemaValue.toObject();
    const QJsonValue typesValue = schemaObject.value("types"_L1);
    if (!typesValue.isArray())
        return failure(u"__schema.types is %1, expected a list of types."_s.arg(describeJsonKind(typesValue)));

    Reader reader;
    Schema::Contents contents;
    contents.description = stringMember(schemaObject, "description"_L1);
    const auto rootName = [&](QLatin1StringView key) -> QString {
        return stringMember(schemaObject.value(key).toObject(), "name"_L1);
    };
    contents.queryTypeName = rootName("queryType"_L1);
    contents.mutationTypeName = rootName("mutationType"_L1);
    contents.subscriptionTypeName = rootName("subscriptionType"_L1);
    if (contents.queryTypeName.isEmpty())
        reader.warn(u"The schema has no query root type."_s);

    const QJsonArray types = typesValue.toArray();
    contents.types.reserve(types.size());
    for (const QJsonValue &item : types) {
        if (!item.isObject()) {
            reader.warn(u"Skipped a type that is %1, not an object."_s.arg(describeJsonKind(item)));
            continue;
        }
        NamedType type;
        if (reader.readType(item.toObject(), type))
            contents.types.append(std::move(type));
    }

    const QJsonArray directives = schemaObject.value("directives"_L1).toArray();
    contents.directives.reserve(directives.size());
    for (const QJsonValue &item : directives) {
        Directive directive = reader.readDirective(item.toObject());
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
