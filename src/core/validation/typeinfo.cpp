// SPDX-License-Identifier: MIT
// Sextant: tracks the schema types while walking a Document (graphql-js utilities/TypeInfo).
#include <core/validation/typeinfo.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

namespace {

struct MetaFields
{
    Field schemaField;
    Field typeField;
    Field typenameField;
    MetaFields()
    {
        schemaField.name = u"__schema"_s;
        schemaField.type = TypeRef::nonNull(TypeRef::named(u"__Schema"_s));
        // Descriptions as graphql-js 16 gives them (type/introspection.js), shown on hover.
        schemaField.description = u"Access the current type schema of this server."_s;
        typeField.name = u"__type"_s;
        typeField.type = TypeRef::named(u"__Type"_s);
        typeField.description = u"Request the type information of a single type."_s;
        InputValue nameArg;
        nameArg.name = u"name"_s;
        nameArg.type = TypeRef::nonNull(TypeRef::named(u"String"_s));
        typeField.args.append(nameArg);
        typenameField.name = u"__typename"_s;
        typenameField.type = TypeRef::nonNull(TypeRef::named(u"String"_s));
        typenameField.description = u"The name of the current Object type at runtime."_s;
    }
};

const MetaFields &metaFields()
{
    static const MetaFields fields;
    return fields;
}

} // namespace

const NamedType *namedTypeOf(const Schema &schema, const TypeRef &type)
{
    return type.isValid() ? schema.type(type.namedType()) : nullptr;
}

TypeRef typeFromAst(const Schema &schema, const Ast::Type *type)
{
    if (!type)
        return {};
    switch (type->kind) {
    case Ast::NodeKind::NamedType: {
        const QString &name = static_cast<const Ast::NamedType *>(type)->name;
        return schema.type(name) ? TypeRef::named(name) : TypeRef();
    }
    case Ast::NodeKind::ListType: {
        const TypeRef inner = typeFromAst(schema, static_cast<const Ast::ListType *>(type)->type);
        return inner.isValid() ? TypeRef::list(inner) : TypeRef();
    }
    case Ast::NodeKind::NonNullType: {
        const TypeRef inner = typeFromAst(schema, static_cast<const Ast::NonNullType *>(type)->type);
        return inner.isValid() ? TypeRef::nonNull(inner) : TypeRef();
    }
    default:
        return {};
    }
}

const Field *fieldDefinition(const Schema &schema, const NamedType *parentType, QStringView fieldName)
{
    if (!parentType)
        return nullptr;
    if (fieldName.startsWith(u"__")) {
        const bool isQueryType = parentType == schema.queryType();
        if (fieldName == u"__schema" && isQueryType)
            return &metaFields().schemaField;
        if (fieldName == u"__type" && isQueryType)
            return &metaFields().typeField;
        if (fieldName == u"__typename" && isCompositeTypeKind(parentType->kind))
            return &metaFields().typenameField;
    }
    if (parentType->kind == TypeKind::Object || parentType->kind == TypeKind::Interface)
        return parentType->field(fieldName);
    return nullptr;
}

bool isInputType(const Schema &schema, const TypeRef &type)
{
    const NamedType *named = namedTypeOf(schema, type);
    return named && isInputTypeKind(named->kind);
}

bool isOutputType(const Schema &schema, const TypeRef &type)
{
    const NamedType *named = namedTypeOf(schema, type);
    return named && named->kind != TypeKind::InputObject;
}

TypeInfo::TypeInfo(const Schema &schema) : m_schema(schema)
{
    m_typeStack.reserve(32);
    m_parentTypeStack.reserve(32);
    m_inputTypeStack.reserve(16);
    m_fieldDefStack.reserve(32);
}

void TypeInfo::enter(const Ast::Node *node)
{
    using Ast::NodeKind;
    switch (node->kind) {
    case NodeKind::SelectionSet: {
        const NamedType *named = namedTypeOf(m_schema, type());
        m_parentTypeStack.push_back(named && isCompositeTypeKind(named->kind) ? named : nullptr);
        break;
    }
    case NodeKind::Field: {
        const auto *field = static_cast<const Ast::Field *>(node);
        const Field *def = fieldDefinition(m_schema, parentType(), field->name);
        m_fieldDefStack.push_back(def);
        m_typeStack.push_back(def && isOutputType(m_schema, def->type) ? def->type : TypeRef());
        break;
    }
    case NodeKind::Directive:
        m_directive = m_schema.directive(static_cast<const Ast::Directive *>(node)->name);
        break;
    case NodeKind::OperationDefinition: {
        const auto *operation = static_cast<const Ast::OperationDefinition *>(node);
        const NamedType *root = operation->operation == OperationType::Query      ? m_schema.queryType()
                                : operation->operation == OperationType::Mutation ? m_schema.mutationType()
                                                                                  : m_schema.subscriptionType();
        m_typeStack.push_back(root && root->kind == TypeKind::Object ? TypeRef::named(root->name) : TypeRef());
        break;
    }
    case NodeKind::InlineFragment:
    case NodeKind::FragmentDefinition: {
        const Ast::NamedType *condition = node->kind == NodeKind::InlineFragment
                                              ? static_cast<const Ast::InlineFragment *>(node)->typeCondition
                                              : static_cast<const Ast::FragmentDefinition *>(node)->typeCondition;
        TypeRef outputType;
        if (condition) {
            outputType = typeFromAst(m_schema, condition);
        } else if (const NamedType *named = namedTypeOf(m_schema, type())) {
            outputType = TypeRef::named(named->name);
        }
        m_typeStack.push_back(isOutputType(m_schema, outputType) ? outputType : TypeRef());
        break;
    }
    case NodeKind::VariableDefinition: {
        const TypeRef inputType = typeFromAst(m_schema, static_cast<const Ast::VariableDefinition *>(node)->type);
        m_inputTypeStack.push_back(isInputType(m_schema, inputType) ? inputType : TypeRef());
        break;
    }
    case NodeKind::Argument: {
        const auto *argument = static_cast<const Ast::Argument *>(node);
        const InputValue *argDef = nullptr;
        if (m_directive)
            argDef = m_directive->arg(argument->name);
        else if (const Field *field = fieldDef())
            argDef = field->arg(argument->name);
        m_argument = argDef;
        m_defaultValueStack.push_back(argDef && argDef->hasDefaultValue);
        m_inputTypeStack.push_back(argDef && isInputType(m_schema, argDef->type) ? argDef->type : TypeRef());
        break;
    }
    case NodeKind::ListValue: {
        const TypeRef listType = inputType().nullable();
        const TypeRef itemType = listType.isList() ? listType.ofType() : listType;
        m_defaultValueStack.push_back(false);
        m_inputTypeStack.push_back(isInputType(m_schema, itemType) ? itemType : TypeRef());
        break;
    }
    case NodeKind::ObjectField: {
        const NamedType *objectType = namedTypeOf(m_schema, inputType());
        const InputValue *inputField = nullptr;
        if (objectType && objectType->kind == TypeKind::InputObject)
            inputField = objectType->inputField(static_cast<const Ast::ObjectField *>(node)->name);
        m_defaultValueStack.push_back(inputField && inputField->hasDefaultValue);
        m_inputTypeStack.push_back(inputField && isInputType(m_schema, inputField->type) ? inputField->type
                                                                                         : TypeRef());
        break;
    }
    default:
        break;
    }
}

void TypeInfo::leave(const Ast::Node *node)
{
    using Ast::NodeKind;
    switch (node->kind) {
    case NodeKind::SelectionSet:
        m_parentTypeStack.pop_back();
        break;
    case NodeKind::Field:
        m_fieldDefStack.pop_back();
        m_typeStack.pop_back();
        break;
    case NodeKind::Directive:
        m_directive = nullptr;
        break;
    case NodeKind::OperationDefinition:
    case NodeKind::InlineFragment:
    case NodeKind::FragmentDefinition:
        m_typeStack.pop_back();
        break;
    case NodeKind::VariableDefinition:
        m_inputTypeStack.pop_back();
        break;
    case NodeKind::Argument:
        m_argument = nullptr;
        m_defaultValueStack.pop_back();
        m_inputTypeStack.pop_back();
        break;
    case NodeKind::ListValue:
    case NodeKind::ObjectField:
        m_defaultValueStack.pop_back();
        m_inputTypeStack.pop_back();
        break;
    default:
        break;
    }
}

} // namespace Sextant::Core
