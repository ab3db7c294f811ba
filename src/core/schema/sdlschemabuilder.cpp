// SPDX-License-Identifier: MIT
// Sextant: builds an immutable Schema from SDL text (the way graphql-js buildASTSchema does).
#include <core/schema/sdlschemabuilder.h>

#include <core/language/ast.h>
#include <core/language/parser.h>
#include <core/language/printer.h>
#include <core/schema/sdlprelude.h>

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <vector>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

const QString DefaultDeprecationReason = u"No longer supported"_s;

bool isSpecifiedScalar(QStringView name)
{
    return name == u"Int" || name == u"Float" || name == u"String" || name == u"Boolean" || name == u"ID";
}

TypeRef typeRefOf(const Ast::Type *type)
{
    if (const auto *named = Ast::astCast<Ast::NamedType>(type))
        return TypeRef::named(named->name);
    if (const auto *list = Ast::astCast<Ast::ListType>(type))
        return TypeRef::list(typeRefOf(list->type));
    if (const auto *nonNull = Ast::astCast<Ast::NonNullType>(type))
        return TypeRef::nonNull(typeRefOf(nonNull->type));
    return {};
}

const Ast::Directive *findDirective(const Ast::AstList<Ast::Directive> &directives, QStringView name)
{
    for (const Ast::Directive *directive : directives) {
        if (directive->name == name)
            return directive;
    }
    return nullptr;
}

const Ast::Value *argumentValue(const Ast::Directive *directive, QStringView name)
{
    for (const Ast::Argument *argument : directive->arguments) {
        if (argument->name == name)
            return argument->value;
    }
    return nullptr;
}

// graphql-js getDeprecationReason(): the `reason` argument, its default when absent; null literal: not deprecated.
void readDeprecation(const Ast::AstList<Ast::Directive> &directives, bool &isDeprecated, QString &reason)
{
    const Ast::Directive *deprecated = findDirective(directives, u"deprecated");
    if (!deprecated)
        return;
    const Ast::Value *value = argumentValue(deprecated, u"reason");
    if (const auto *string = Ast::astCast<Ast::StringValue>(value)) {
        isDeprecated = true;
        reason = string->value;
    } else if (!value) {
        isDeprecated = true;
        reason = DefaultDeprecationReason;
    }
}

QString descriptionOf(const Ast::StringValue *description)
{
    return description ? description->value : QString();
}

// JavaScript Number#toString for the finite doubles a literal can produce.
QString javaScriptNumber(double value)
{
    if (value == 0)
        return u"0"_s;
    if (std::abs(value) < 1e21 && value == std::trunc(value))
        return QString::number(value, 'f', 0);
    QString text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    return text;
}

/// Where a default value literal has to be written once every type is known.
struct PendingDefault
{
    QString typeName;     // owner type, or "@directive"
    qsizetype field = -1; // field index (object/interface) or -1
    qsizetype index = -1; // argument or input field index
    const Ast::Value *literal = nullptr;
};

class Builder final
{
public:
    SdlBuildResult build(const Ast::Document &document, const Ast::Document &prelude);

private:
    void collect(const Ast::Document &document, bool isPrelude);
    NamedType buildType(const QString &name, const Ast::TypeDefinition *definition,
                        const QList<const Ast::TypeDefinition *> &extensions);
    QList<InputValue> buildInputValues(const Ast::AstList<Ast::InputValueDefinition> &nodes, const QString &owner,
                                       qsizetype fieldIndex, const QString &label);
    void addFields(NamedType &type, const Ast::AstList<Ast::FieldDefinition> &nodes, QSet<QString> &seen);
    Directive buildDirective(const Ast::DirectiveDefinition *node);
    QString coercedLiteral(const Ast::Value *literal, const TypeRef &type, int depth);
    void order(const QStringList &configTypes, const QStringList &rootNames, const QList<Directive> &directives);
    void orderType(const QString &name);

    QStringList m_warnings;
    QSet<QString> m_warned;
    // Definitions by name; user definitions first (prelude entries do not replace them).
    QHash<QString, const Ast::TypeDefinition *> m_userTypes;
    QStringList m_userOrder;
    QHash<QString, QList<const Ast::TypeDefinition *>> m_extensions;
    QHash<QString, const Ast::TypeDefinition *> m_preludeTypes;
    QList<const Ast::DirectiveDefinition *> m_userDirectives;
    QList<const Ast::DirectiveDefinition *> m_preludeDirectives;
    const Ast::SchemaDefinition *m_schemaDefinition = nullptr;
    QList<const Ast::SchemaDefinition *> m_schemaExtensions;

    QHash<QString, NamedType> m_built;
    QHash<QString, QList<const Ast::Value *>> m_inputFieldDefaults; // input type -> default literal per field
    std::vector<PendingDefault> m_pending;

    // graphql-js GraphQLSchema's Set of referenced types: insertion order with deletions.
    std::vector<QString> m_orderSlots;
    QHash<QString, size_t> m_orderIndex;
};

void Builder::collect(const Ast::Document &document, bool isPrelude)
{
    for (const Ast::Definition *definition : document.definitions) {
        if (const auto *type = Ast::astCast<Ast::TypeDefinition>(definition)) {
            if (type->isExtension()) {
                m_extensions[type->name].append(type);
            } else if (isPrelude) {
                m_preludeTypes.insert(type->name, type);
            } else if (m_userTypes.contains(type->name)) {
                m_warnings << u"There can be only one type named \"%1\"."_s.arg(type->name);
            } else {
                m_userTypes.insert(type->name, type);
                m_userOrder << type->name;
            }
        } else if (const auto *directive = Ast::astCast<Ast::DirectiveDefinition>(definition)) {
            QList<const Ast::DirectiveDefinition *> &list = isPrelude ? m_preludeDirectives : m_userDirectives;
            bool duplicate = false;
            for (const Ast::DirectiveDefinition *other : std::as_const(list))
                duplicate = duplicate || other->name == directive->name;
            if (duplicate)
                m_warnings << u"There can be only one directive named \"@%1\"."_s.arg(directive->name);
            else
                list << directive;
        } else if (const auto *schema = Ast::astCast<Ast::SchemaDefinition>(definition)) {
            if (m_schemaDefinition)
                m_warnings << u"Must provide only one schema definition."_s;
            else
                m_schemaDefinition = schema;
        } else if (const auto *extension = Ast::astCast<Ast::SchemaExtension>(definition)) {
            m_schemaExtensions << extension;
        } else if (!m_warned.contains(u"executable"_s)) {
            m_warned.insert(u"executable"_s);
            m_warnings << u"Executable definitions (operations, fragments) in a schema document are ignored."_s;
        }
    }
}

QList<InputValue> Builder::buildInputValues(const Ast::AstList<Ast::InputValueDefinition> &nodes, const QString &owner,
                                            qsizetype fieldIndex, const QString &label)
{
    QList<InputValue> values;
    values.reserve(nodes.size());
    for (const Ast::InputValueDefinition *node : nodes) {
        bool duplicate = false;
        for (const InputValue &other : std::as_const(values))
            duplicate = duplicate || other.name == node->name;
        if (duplicate) {
            m_warnings << label.arg(node->name);
            continue;
        }
        InputValue value;
        value.name = node->name;
        value.description = descriptionOf(node->description);
        value.type = typeRefOf(node->type);
        readDeprecation(node->directives, value.isDeprecated, value.deprecationReason);
        if (node->defaultValue) {
            value.hasDefaultValue = true;
            m_pending.push_back({owner, fieldIndex, values.size(), node->defaultValue});
        }
        values << value;
    }
    return values;
}

void Builder::addFields(NamedType &type, const Ast::AstList<Ast::FieldDefinition> &nodes, QSet<QString> &seen)
{
    for (const Ast::FieldDefinition *node : nodes) {
        if (seen.contains(node->name)) {
            m_warnings << u"Field \"%1.%2\" can only be defined once."_s.arg(type.name, node->name);
            continue;
        }
        seen.insert(node->name);
        Field field;
        field.name = node->name;
        field.description = descriptionOf(node->description);
        field.type = typeRefOf(node->type);
        field.args = buildInputValues(
            node->arguments, type.name, type.fields.size(),
            u"Argument \"%1.%2(%3:)\" can only be defined once."_s.arg(type.name, node->name, u"%1"_s));
        readDeprecation(node->directives, field.isDeprecated, field.deprecationReason);
        type.fields << field;
    }
}

NamedType Builder::buildType(const QString &name, const Ast::TypeDefinition *definition,
                             const QList<const Ast::TypeDefinition *> &extensions)
{
    NamedType type;
    type.name = name;
    type.description = descriptionOf(definition->description);
    QList<const Ast::TypeDefinition *> nodes{definition};
    for (const Ast::TypeDefinition *extension : extensions) {
        // An extension must match the kind of its type (graphql-js "Cannot extend non-object type").
        const int offset = int(extension->kind) - int(Ast::NodeKind::ScalarTypeExtension);
        if (offset != int(definition->kind) - int(Ast::NodeKind::ScalarTypeDefinition)) {
            m_warnings << u"Cannot extend type \"%1\": the extension is of another kind."_s.arg(name);
            continue;
        }
        nodes << extension;
    }
    QSet<QString> seen;
    for (const Ast::TypeDefinition *node : std::as_const(nodes)) {
        switch (node->kind) {
        case Ast::NodeKind::ScalarTypeDefinition:
        case Ast::NodeKind::ScalarTypeExtension:
            type.kind = TypeKind::Scalar;
            if (const Ast::Directive *specifiedBy = findDirective(node->directives, u"specifiedBy")) {
                if (const auto *url = Ast::astCast<Ast::StringValue>(argumentValue(specifiedBy, u"url")))
                    type.specifiedByURL = url->value;
            }
            break;
        case Ast::NodeKind::ObjectTypeDefinition:
        case Ast::NodeKind::ObjectTypeExtension:
        case Ast::NodeKind::InterfaceTypeDefinition:
        case Ast::NodeKind::InterfaceTypeExtension: {
            const bool isObject =
                node->kind == Ast::NodeKind::ObjectTypeDefinition || node->kind == Ast::NodeKind::ObjectTypeExtension;
            type.kind = isObject ? TypeKind::Object : TypeKind::Interface;
            // Object and interface nodes share their layout for `interfaces` and `fields`.
            const auto &interfaces = isObject ? static_cast<const Ast::ObjectTypeDefinition *>(node)->interfaces
                                              : static_cast<const Ast::InterfaceTypeDefinition *>(node)->interfaces;
            const auto &fields = isObject ? static_cast<const Ast::ObjectTypeDefinition *>(node)->fields
                                          : static_cast<const Ast::InterfaceTypeDefinition *>(node)->fields;
            for (const Ast::NamedType *interface : interfaces) {
                if (type.interfaces.contains(interface->name))
                    m_warnings << u"Type %1 can only implement %2 once."_s.arg(name, interface->name);
                else
                    type.interfaces << interface->name;
            }
            addFields(type, fields, seen);
            break;
        }
        case Ast::NodeKind::UnionTypeDefinition:
        case Ast::NodeKind::UnionTypeExtension:
            type.kind = TypeKind::Union;
            for (const Ast::NamedType *member : static_cast<const Ast::UnionTypeDefinition *>(node)->types) {
                if (type.possibleTypes.contains(member->name))
                    m_warnings << u"Union type %1 can only include type %2 once."_s.arg(name, member->name);
                else
                    type.possibleTypes << member->name;
            }
            break;
        case Ast::NodeKind::EnumTypeDefinition:
        case Ast::NodeKind::EnumTypeExtension:
            type.kind = TypeKind::Enum;
            for (const Ast::EnumValueDefinition *valueNode :
                 static_cast<const Ast::EnumTypeDefinition *>(node)->values) {
                if (seen.contains(valueNode->name)) {
                    m_warnings << u"Enum value \"%1.%2\" can only be defined once."_s.arg(name, valueNode->name);
                    continue;
                }
                seen.insert(valueNode->name);
                EnumValue value;
                value.name = valueNode->name;
                value.description = descriptionOf(valueNode->description);
                readDeprecation(valueNode->directives, value.isDeprecated, value.deprecationReason);
                type.enumValues << value;
            }
            break;
        case Ast::NodeKind::InputObjectTypeDefinition:
        case Ast::NodeKind::InputObjectTypeExtension: {
            type.kind = TypeKind::InputObject;
            type.isOneOf = type.isOneOf || findDirective(node->directives, u"oneOf") != nullptr;
            const auto &fields = static_cast<const Ast::InputObjectTypeDefinition *>(node)->fields;
            QList<const Ast::Value *> &defaults = m_inputFieldDefaults[name];
            for (const Ast::InputValueDefinition *fieldNode : fields) {
                if (seen.contains(fieldNode->name)) {
                    m_warnings << u"Field \"%1.%2\" can only be defined once."_s.arg(name, fieldNode->name);
                    continue;
                }
                seen.insert(fieldNode->name);
                InputValue value;
                value.name = fieldNode->name;
                value.description = descriptionOf(fieldNode->description);
                value.type = typeRefOf(fieldNode->type);
                readDeprecation(fieldNode->directives, value.isDeprecated, value.deprecationReason);
                if (fieldNode->defaultValue) {
                    value.hasDefaultValue = true;
                    m_pending.push_back({name, -1, type.inputFields.size(), fieldNode->defaultValue});
                }
                defaults << fieldNode->defaultValue;
                type.inputFields << value;
            }
            break;
        }
        default:
            break;
        }
    }
    return type;
}

Directive Builder::buildDirective(const Ast::DirectiveDefinition *node)
{
    Directive directive;
    directive.name = node->name;
    directive.description = descriptionOf(node->description);
    directive.isRepeatable = node->repeatable;
    for (const Ast::Name *location : node->locations)
        directive.locations << location->value;
    directive.args = buildInputValues(node->arguments, u'@' + node->name, -1,
                                      u"Argument \"@%1(%2:)\" can only be defined once."_s.arg(node->name, u"%1"_s));
    return directive;
}

// print(astFromValue(valueFromAST(literal, type), type)): what introspection reports as defaultValue.
QString Builder::coercedLiteral(const Ast::Value *literal, const TypeRef &type, int depth)
{
    if (!literal || depth > 64)
        return printValue(literal);
    if (Ast::astCast<Ast::NullValue>(literal))
        return u"null"_s;
    if (type.isNonNull())
        return coercedLiteral(literal, type.ofType(), depth + 1);
    if (type.isList()) {
        const TypeRef item = type.ofType();
        if (const auto *list = Ast::astCast<Ast::ListValue>(literal)) {
            QStringList items;
            for (const Ast::Value *value : list->values)
                items << coercedLiteral(value, item, depth + 1);
            return u'[' + items.join(u", "_s) + u']';
        }
        return u'[' + coercedLiteral(literal, item, depth + 1) + u']';
    }
    const QString name = type.namedType();
    const auto found = m_built.constFind(name);
    if (found == m_built.cend())
        return printValue(literal);
    const NamedType &named = *found;
    if (named.kind == TypeKind::InputObject) {
        const auto *object = Ast::astCast<Ast::ObjectValue>(literal);
        if (!object)
            return printValue(literal);
        const QList<const Ast::Value *> defaults = m_inputFieldDefaults.value(name);
        QStringList items;
        for (qsizetype i = 0; i < named.inputFields.size(); ++i) {
            const InputValue &field = named.inputFields.at(i);
            const Ast::Value *value = nullptr;
            for (const Ast::ObjectField *objectField : object->fields) {
                if (objectField->name == field.name) {
                    value = objectField->value;
                    break;
                }
            }
            if (!value && i < defaults.size())
                value = defaults.at(i);
            if (value)
                items << field.name + u": "_s + coercedLiteral(value, field.type, depth + 1);
        }
        return u'{' + items.join(u", "_s) + u'}';
    }
    if (named.kind == TypeKind::Enum)
        return printValue(literal);
    // Scalars: the JavaScript value serialized back (numbers normalized, ID digits as Int).
    if (const auto *string = Ast::astCast<Ast::StringValue>(literal)) {
        if (name == u"ID") {
            static const QRegularExpression integer(u"^-?(?:0|[1-9][0-9]*)$"_s);
            if (integer.match(string->value).hasMatch())
                return string->value;
        }
        return printStringLiteral(string->value);
    }
    if (Ast::astCast<Ast::IntValue>(literal) || Ast::astCast<Ast::FloatValue>(literal)) {
        if (name == u"Int" || name == u"ID")
            return printValue(literal);
        bool ok = false;
        const double number = printValue(literal).toDouble(&ok);
        if (ok && std::isfinite(number))
            return javaScriptNumber(number);
    }
    return printValue(literal);
}

void Builder::orderType(const QString &name)
{
    if (m_orderIndex.contains(name))
        return;
    const auto found = m_built.constFind(name);
    if (found == m_built.cend()) {
        if (!m_warned.contains(name)) {
            m_warned.insert(name);
            m_warnings << u"Unknown type \"%1\"."_s.arg(name);
        }
        return;
    }
    m_orderIndex.insert(name, m_orderSlots.size());
    m_orderSlots.push_back(name);
    const NamedType &type = *found;
    switch (type.kind) {
    case TypeKind::Union:
        for (const QString &member : type.possibleTypes)
            orderType(member);
        break;
    case TypeKind::Object:
    case TypeKind::Interface:
        for (const QString &interface : type.interfaces)
            orderType(interface);
        for (const Field &field : type.fields) {
            orderType(field.type.namedType());
            for (const InputValue &arg : field.args)
                orderType(arg.type.namedType());
        }
        break;
    case TypeKind::InputObject:
        for (const InputValue &field : type.inputFields)
            orderType(field.type.namedType());
        break;
    default:
        break;
    }
}

// The GraphQLSchema constructor: a Set seeded with config.types, each re-inserted (moving it last) and its
// references collected depth-first; then the root types, the directive arguments and __Schema.
void Builder::order(const QStringList &configTypes, const QStringList &rootNames, const QList<Directive> &directives)
{
    for (const QString &name : configTypes) {
        m_orderIndex.insert(name, m_orderSlots.size());
        m_orderSlots.push_back(name);
    }
    for (const QString &name : configTypes) {
        m_orderSlots[m_orderIndex.take(name)].clear();
        orderType(name);
    }
    for (const QString &name : rootNames) {
        if (!name.isEmpty())
            orderType(name);
    }
    for (const Directive &directive : directives) {
        for (const InputValue &arg : directive.args)
            orderType(arg.type.namedType());
    }
    orderType(u"__Schema"_s);
}

SdlBuildResult Builder::build(const Ast::Document &document, const Ast::Document &prelude)
{
    collect(prelude, true);
    collect(document, false);

    for (auto it = m_extensions.cbegin(); it != m_extensions.cend(); ++it) {
        if (!m_userTypes.contains(it.key()) && !isSpecifiedScalar(it.key()))
            m_warnings << u"Cannot extend type \"%1\" because it is not defined."_s.arg(it.key());
    }
    // Specified scalars always use the standard definition, even when the document defines them.
    for (const QString &name : std::as_const(m_userOrder)) {
        if (isSpecifiedScalar(name) && m_preludeTypes.contains(name))
            m_built.insert(name, buildType(name, m_preludeTypes.value(name), {}));
        else
            m_built.insert(name, buildType(name, m_userTypes.value(name), m_extensions.value(name)));
    }
    for (auto it = m_preludeTypes.cbegin(); it != m_preludeTypes.cend(); ++it) {
        if (!m_built.contains(it.key()))
            m_built.insert(it.key(), buildType(it.key(), it.value(), {}));
    }

    QList<Directive> directives;
    for (const Ast::DirectiveDefinition *node : std::as_const(m_userDirectives))
        directives << buildDirective(node);
    for (const Ast::DirectiveDefinition *node : std::as_const(m_preludeDirectives)) {
        bool defined = false;
        for (const Directive &directive : std::as_const(directives))
            defined = defined || directive.name == node->name;
        if (!defined)
            directives << buildDirective(node);
    }

    // Default values, now that every input type is known.
    for (const PendingDefault &pending : m_pending) {
        InputValue *value = nullptr;
        if (pending.typeName.startsWith(u'@')) {
            for (Directive &directive : directives) {
                if (u'@' + directive.name == pending.typeName) {
                    value = &directive.args[pending.index];
                    break;
                }
            }
        } else {
            NamedType &type = m_built[pending.typeName];
            value =
                pending.field < 0 ? &type.inputFields[pending.index] : &type.fields[pending.field].args[pending.index];
        }
        if (value)
            value->defaultValue = coercedLiteral(pending.literal, value->type, 0);
    }

    Schema::Contents contents;
    QString roots[3];
    const auto setRoots = [&](const Ast::SchemaDefinition *schema) {
        for (const Ast::OperationTypeDefinition *operationType : schema->operationTypes)
            roots[int(operationType->operation)] = operationType->type->name;
    };
    if (m_schemaDefinition) {
        contents.description = descriptionOf(m_schemaDefinition->description);
        setRoots(m_schemaDefinition);
    } else {
        const QString defaults[3] = {u"Query"_s, u"Mutation"_s, u"Subscription"_s};
        for (int i = 0; i < 3; ++i) {
            if (m_userTypes.contains(defaults[i]))
                roots[i] = defaults[i];
        }
    }
    for (const Ast::SchemaDefinition *extension : std::as_const(m_schemaExtensions))
        setRoots(extension);
    for (QString &root : roots) {
        if (!root.isEmpty() && !m_userTypes.contains(root)) {
            m_warnings << u"Unknown type \"%1\"."_s.arg(root);
            root.clear();
        }
    }
    contents.queryTypeName = roots[0];
    contents.mutationTypeName = roots[1];
    contents.subscriptionTypeName = roots[2];

    order(m_userOrder, {roots[0], roots[1], roots[2]}, directives);

    contents.types.reserve(qsizetype(m_orderIndex.size()));
    for (const QString &name : m_orderSlots) {
        if (!name.isEmpty())
            contents.types << std::move(m_built[name]);
    }
    // Interfaces list their implementing objects in type-map order (graphql-js getImplementations).
    QHash<QString, qsizetype> interfaceIndex;
    for (qsizetype i = 0; i < contents.types.size(); ++i) {
        if (contents.types.at(i).kind == TypeKind::Interface)
            interfaceIndex.insert(contents.types.at(i).name, i);
    }
    for (const NamedType &type : std::as_const(contents.types)) {
        if (type.kind != TypeKind::Object)
            continue;
        for (const QString &interface : type.interfaces) {
            const qsizetype index = interfaceIndex.value(interface, -1);
            if (index >= 0)
                contents.types[index].possibleTypes << type.name;
        }
    }
    contents.directives = std::move(directives);
    contents.warnings = m_warnings;

    SdlBuildResult result;
    result.warnings = m_warnings;
    result.schema = std::make_shared<const Schema>(std::move(contents));
    return result;
}

} // namespace

SdlBuildResult buildSchemaFromSdl(const QString &sdl)
{
    static const ParseResult prelude = Parser::parse(sdlPreludeSource(), ParseMode::Strict);
    Q_ASSERT(prelude.isValid());
    const ParseResult parsed = Parser::parse(sdl, ParseMode::Strict);
    if (!parsed.isValid()) {
        const SyntaxError &first = parsed.errors.first();
        SdlBuildResult result;
        result.error = u"%1 (%2:%3)"_s.arg(first.message).arg(first.location.line).arg(first.location.column);
        return result;
    }
    Builder builder;
    return builder.build(*parsed.document, *prelude.document);
}

} // namespace Sextant::Core
