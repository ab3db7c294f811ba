// SPDX-License-Identifier: MIT
// Sextant: checks an operation's variable values (JSON) against its variable definitions (spec §6.1.2).
#include <core/validation/variablecoercion.h>

#include <core/language/ast.h>
#include <core/response/responsedocument.h>
#include <core/schema/schema.h>
#include <core/validation/suggestions.h>

#include <QLocale>
#include <QStringList>

#include <cmath>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;
using NodeId = ResponseDocument::NodeId;

constexpr int MaxArrayLength = 10;    // graphql-js inspect MAX_ARRAY_LENGTH
constexpr int MaxRecursiveDepth = 2;  // graphql-js inspect MAX_RECURSIVE_DEPTH
constexpr int MaxCoercionDepth = 256; // deeper input is reported instead of recursed into

// JavaScript String(number).
QString javaScriptNumber(double value)
{
    if (value == 0)
        return u"0"_s;
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"Infinity"_s : u"-Infinity"_s;
    if (std::abs(value) < 1e21 && value == std::trunc(value))
        return QString::number(value, 'f', 0);
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// JSON.stringify of a string.
QString jsonString(const QString &value)
{
    static const char hex[] = "0123456789abcdef";
    QString result = u"\""_s;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value.at(i).unicode();
        switch (c) {
        case u'"':
            result += u"\\\""_s;
            break;
        case u'\\':
            result += u"\\\\"_s;
            break;
        case u'\b':
            result += u"\\b"_s;
            break;
        case u'\f':
            result += u"\\f"_s;
            break;
        case u'\n':
            result += u"\\n"_s;
            break;
        case u'\r':
            result += u"\\r"_s;
            break;
        case u'\t':
            result += u"\\t"_s;
            break;
        default: {
            const bool loneSurrogate =
                (QChar::isHighSurrogate(c) && !(i + 1 < value.size() && value.at(i + 1).isLowSurrogate()))
                || (QChar::isLowSurrogate(c) && !(i > 0 && value.at(i - 1).isHighSurrogate()));
            if (c < 0x20 || loneSurrogate) {
                result += u"\\u"_s;
                for (int shift = 12; shift >= 0; shift -= 4)
                    result += QLatin1Char(hex[(c >> shift) & 0xf]);
            } else {
                result += QChar(c);
            }
        }
        }
    }
    return result + u'"';
}

class Coercion final
{
public:
    Coercion(const Schema &schema, const ResponseDocument &document) : m_schema(schema), m_document(document) {}

    QList<VariableError> errors;

    void variable(const Ast::VariableDefinition *definition, NodeId variables);

private:
    QString inspect(NodeId node, int depth = 0) const;
    QString inspectNumber(NodeId node) const { return javaScriptNumber(m_document.numberValue(node)); }
    void report(const QVariantList &path, const QString &invalid, const QString &message);
    void coerce(NodeId value, const TypeRef &type, QVariantList &path, int depth);
    void coerceObject(NodeId value, const NamedType &type, QVariantList &path, int depth);
    void coerceLeaf(NodeId value, const NamedType &type, const QVariantList &path);

    const Schema &m_schema;
    const ResponseDocument &m_document;
    QString m_name;
    SourceLocation m_location;
};

// graphql-js inspect() of a JSON value.
QString Coercion::inspect(NodeId node, int depth) const
{
    switch (m_document.kind(node)) {
    case JsonKind::Null:
        return u"null"_s;
    case JsonKind::Bool:
        return m_document.boolValue(node) ? u"true"_s : u"false"_s;
    case JsonKind::Number:
        return inspectNumber(node);
    case JsonKind::String:
        return jsonString(m_document.stringValue(node));
    case JsonKind::Array: {
        const int count = m_document.childCount(node);
        if (count == 0)
            return u"[]"_s;
        if (depth + 1 > MaxRecursiveDepth)
            return u"[Array]"_s;
        QStringList items;
        const int shown = qMin(MaxArrayLength, count);
        for (int i = 0; i < shown; ++i)
            items << inspect(m_document.child(node, i), depth + 1);
        const int remaining = count - shown;
        if (remaining == 1)
            items << u"... 1 more item"_s;
        else if (remaining > 1)
            items << u"... %1 more items"_s.arg(remaining);
        return u'[' + items.join(u", "_s) + u']';
    }
    case JsonKind::Object: {
        const int count = m_document.childCount(node);
        if (count == 0)
            return u"{}"_s;
        if (depth + 1 > MaxRecursiveDepth)
            return u"[Object]"_s;
        QStringList items;
        for (int i = 0; i < count; ++i) {
            const NodeId child = m_document.child(node, i);
            items << m_document.key(child) + u": "_s + inspect(child, depth + 1);
        }
        return u"{ "_s + items.join(u", "_s) + u" }"_s;
    }
    }
    return {};
}

void Coercion::report(const QVariantList &path, const QString &invalid, const QString &message)
{
    QString text = u"Variable \"$%1\" got invalid value %2"_s.arg(m_name, invalid);
    if (!path.isEmpty()) {
        QString printed = m_name;
        for (const QVariant &key : path) {
            if (key.typeId() == QMetaType::Int)
                printed += u'[' + QString::number(key.toInt()) + u']';
            else
                printed += u'.' + key.toString();
        }
        text += u" at \"%1\""_s.arg(printed);
    }
    QVariantList fullPath{m_name};
    fullPath += path;
    errors.append({text + u"; "_s + message, fullPath, m_location});
}

void Coercion::coerce(NodeId value, const TypeRef &type, QVariantList &path, int depth)
{
    const bool isNull = m_document.kind(value) == JsonKind::Null;
    if (type.isNonNull()) {
        if (!isNull)
            coerce(value, type.ofType(), path, depth);
        else
            report(path, inspect(value), u"Expected non-nullable type \"%1\" not to be null."_s.arg(type.toString()));
        return;
    }
    if (isNull)
        return;
    if (depth > MaxCoercionDepth) {
        report(path, inspect(value), u"Exceeded the maximum nesting depth of %1."_s.arg(MaxCoercionDepth));
        return;
    }
    if (type.isList()) {
        const TypeRef itemType = type.ofType();
        if (m_document.kind(value) == JsonKind::Array) {
            const int count = m_document.childCount(value);
            for (int i = 0; i < count; ++i) {
                path.append(i);
                coerce(m_document.child(value, i), itemType, path, depth + 1);
                path.removeLast();
            }
        } else {
            coerce(value, itemType, path, depth + 1); // a single value is a list of one
        }
        return;
    }
    const NamedType *named = m_schema.type(type.namedType());
    if (!named)
        return;
    if (named->kind == TypeKind::InputObject)
        coerceObject(value, *named, path, depth);
    else
        coerceLeaf(value, *named, path);
}

void Coercion::coerceObject(NodeId value, const NamedType &type, QVariantList &path, int depth)
{
    if (m_document.kind(value) != JsonKind::Object) {
        report(path, inspect(value), u"Expected type \"%1\" to be an object."_s.arg(type.name));
        return;
    }
    QStringList coercedKeys; // graphql-js coercedValue keys, in field order
    QString firstKeyValueNull;
    for (const InputValue &field : type.inputFields) {
        const NodeId fieldValue = m_document.member(value, field.name);
        if (fieldValue == ResponseDocument::InvalidNode) {
            if (field.hasDefaultValue)
                coercedKeys << field.name;
            else if (field.type.isNonNull())
                report(
                    path, inspect(value),
                    u"Field \"%1\" of required type \"%2\" was not provided."_s.arg(field.name, field.type.toString()));
            continue;
        }
        coercedKeys << field.name;
        path.append(field.name);
        coerce(fieldValue, field.type, path, depth + 1);
        path.removeLast();
    }
    QStringList fieldNames;
    for (const InputValue &field : type.inputFields)
        fieldNames << field.name;
    const int count = m_document.childCount(value);
    for (int i = 0; i < count; ++i) {
        const QString key = m_document.key(m_document.child(value, i));
        if (!type.inputField(key)) {
            report(path, inspect(value),
                   u"Field \"%1\" is not defined by type \"%2\"."_s.arg(key, type.name)
                       + didYouMean(suggestionList(key, fieldNames)));
        }
    }
    if (type.isOneOf) {
        if (coercedKeys.size() != 1)
            report(path, inspect(value), u"Exactly one key must be specified for OneOf type \"%1\"."_s.arg(type.name));
        if (!coercedKeys.isEmpty()) {
            const QString key = coercedKeys.first();
            const NodeId keyValue = m_document.member(value, key);
            // A coerced null: given as null (defaults of OneOf fields are not allowed by the schema rules).
            if (keyValue != ResponseDocument::InvalidNode && m_document.kind(keyValue) == JsonKind::Null) {
                QVariantList keyPath = path;
                keyPath.append(key);
                report(keyPath, u"null"_s, u"Field \"%1\" must be non-null."_s.arg(key));
            }
        }
    }
}

void Coercion::coerceLeaf(NodeId value, const NamedType &type, const QVariantList &path)
{
    const JsonKind kind = m_document.kind(value);
    const QString &name = type.name;
    if (type.kind == TypeKind::Enum) {
        if (kind != JsonKind::String) {
            const QString shown = inspect(value);
            QStringList names;
            for (const EnumValue &enumValue : type.enumValues)
                names << enumValue.name;
            report(path, shown,
                   u"Enum \"%1\" cannot represent non-string value: %2."_s.arg(name, shown)
                       + didYouMean(u"the enum value", suggestionList(shown, names)));
            return;
        }
        const QString text = m_document.stringValue(value);
        if (!type.enumValue(text)) {
            QStringList names;
            for (const EnumValue &enumValue : type.enumValues)
                names << enumValue.name;
            report(path, inspect(value),
                   u"Value \"%1\" does not exist in \"%2\" enum."_s.arg(text, name)
                       + didYouMean(u"the enum value", suggestionList(text, names)));
        }
        return;
    }
    const double number = kind == JsonKind::Number ? m_document.numberValue(value) : 0;
    const bool isInteger = kind == JsonKind::Number && std::isfinite(number) && number == std::trunc(number);
    if (name == u"Int") {
        if (!isInteger)
            report(path, inspect(value), u"Int cannot represent non-integer value: "_s + inspect(value));
        else if (number > 2147483647.0 || number < -2147483648.0)
            report(path, inspect(value),
                   u"Int cannot represent non 32-bit signed integer value: "_s + inspectNumber(value));
    } else if (name == u"Float") {
        if (kind != JsonKind::Number || !std::isfinite(number))
            report(path, inspect(value), u"Float cannot represent non numeric value: "_s + inspect(value));
    } else if (name == u"String") {
        if (kind != JsonKind::String)
            report(path, inspect(value), u"String cannot represent a non string value: "_s + inspect(value));
    } else if (name == u"Boolean") {
        if (kind != JsonKind::Bool)
            report(path, inspect(value), u"Boolean cannot represent a non boolean value: "_s + inspect(value));
    } else if (name == u"ID") {
        if (kind != JsonKind::String && !isInteger)
            report(path, inspect(value), u"ID cannot represent value: "_s + inspect(value));
    }
    // Custom scalars: parseValue is the identity for schemas built from SDL or introspection.
}

void Coercion::variable(const Ast::VariableDefinition *definition, NodeId variables)
{
    m_name = definition->variable->name;
    m_location = definition->loc;
    const QString typeText = Ast::typeReferenceString(definition->type);
    const TypeRef type = TypeRef::parse(typeText);
    const NamedType *named = type.isValid() ? m_schema.type(type.namedType()) : nullptr;
    if (!named || !isInputTypeKind(named->kind)) {
        errors.append({u"Variable \"$%1\" expected value of type \"%2\" which cannot be used as an input type."_s.arg(
                           m_name, typeText),
                       {m_name},
                       m_location});
        return;
    }
    const NodeId value = variables == ResponseDocument::InvalidNode ? ResponseDocument::InvalidNode
                                                                    : m_document.member(variables, m_name);
    if (value == ResponseDocument::InvalidNode) {
        if (!definition->defaultValue && type.isNonNull())
            errors.append({u"Variable \"$%1\" of required type \"%2\" was not provided."_s.arg(m_name, type.toString()),
                           {m_name},
                           m_location});
        return;
    }
    if (m_document.kind(value) == JsonKind::Null && type.isNonNull()) {
        errors.append({u"Variable \"$%1\" of non-null type \"%2\" must not be null."_s.arg(m_name, type.toString()),
                       {m_name},
                       m_location});
        return;
    }
    QVariantList path;
    coerce(value, type, path, 0);
}

} // namespace

QList<VariableError> coerceVariableValues(const Schema &schema, const Ast::OperationDefinition &operation,
                                          const QByteArray &variablesJson)
{
    QByteArray json = variablesJson.trimmed();
    if (json.isEmpty())
        json = QByteArrayLiteral("{}");
    ResponseDocument::ParseError parseError;
    const std::shared_ptr<const ResponseDocument> document = ResponseDocument::parse(json, &parseError);
    if (!document)
        return {{u"Variables are not valid JSON: "_s + parseError.message, {}, {}}};
    NodeId variables = document->root();
    if (document->kind(variables) == JsonKind::Null) {
        variables = ResponseDocument::InvalidNode;
    } else if (document->kind(variables) != JsonKind::Object) {
        return {{u"Variables must be provided as an Object where each property is a variable value."_s, {}, {}}};
    }
    Coercion coercion(schema, *document);
    for (const Ast::VariableDefinition *definition : operation.variableDefinitions)
        coercion.variable(definition, variables);
    return coercion.errors;
}

} // namespace Sextant::Core
