// SPDX-License-Identifier: MIT
// Sextant: hover documentation for the schema element under the cursor in a GraphQL document.
#include <core/completion/hover.h>

#include <core/language/parser.h>
#include <core/validation/astwalker.h>
#include <core/validation/typeinfo.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

namespace {

/** Walks only the nodes around the cursor, keeping TypeInfo in step, and stops at the hovered token. */
class HoverFinder final
{
public:
    HoverFinder(const Schema &schema, int offset) : m_schema(schema), m_typeInfo(schema), m_offset(offset) {}

    bool enter(const Ast::Node *node)
    {
        if (m_done)
            return false;
        if (node->kind != Ast::NodeKind::Document && node->endOffset >= 0
            && (m_offset < node->loc.offset || m_offset > node->endOffset))
            return false;
        if (inspect(node)) {
            m_done = true;
            return false;
        }
        m_typeInfo.enter(node);
        if (node->kind == Ast::NodeKind::OperationDefinition)
            m_operation = static_cast<const Ast::OperationDefinition *>(node);
        else if (node->kind == Ast::NodeKind::Directive)
            m_directive = static_cast<const Ast::Directive *>(node);
        return true;
    }

    void leave(const Ast::Node *node)
    {
        m_typeInfo.leave(node);
        if (node->kind == Ast::NodeKind::OperationDefinition)
            m_operation = nullptr;
        else if (node->kind == Ast::NodeKind::Directive)
            m_directive = nullptr;
    }

    HoverInfo result() const { return m_result; }

private:
    bool covers(int start, int length) const
    {
        return start >= 0 && length > 0 && m_offset >= start && m_offset <= start + length;
    }

    void setRange(int start, int end)
    {
        m_result.startOffset = start;
        m_result.endOffset = end;
    }

    bool inspect(const Ast::Node *node);
    bool inspectField(const Ast::Field *field);
    bool inspectArgument(const Ast::Argument *argument);
    bool inspectDirective(const Ast::Directive *directive);
    bool inspectObjectField(const Ast::ObjectField *objectField);
    bool inspectEnumValue(const Ast::EnumValue *value);
    bool inspectNamedType(const Ast::NamedType *namedType);
    bool inspectVariable(const Ast::Variable *variable);
    void describeType(const NamedType *type);

    const Schema &m_schema;
    TypeInfo m_typeInfo;
    const int m_offset;
    const Ast::OperationDefinition *m_operation = nullptr;
    const Ast::Directive *m_directive = nullptr;
    HoverInfo m_result;
    bool m_done = false;
};

bool HoverFinder::inspect(const Ast::Node *node)
{
    switch (node->kind) {
    case Ast::NodeKind::Field:
        return inspectField(static_cast<const Ast::Field *>(node));
    case Ast::NodeKind::Argument:
        return inspectArgument(static_cast<const Ast::Argument *>(node));
    case Ast::NodeKind::Directive:
        return inspectDirective(static_cast<const Ast::Directive *>(node));
    case Ast::NodeKind::ObjectField:
        return inspectObjectField(static_cast<const Ast::ObjectField *>(node));
    case Ast::NodeKind::EnumValue:
        return inspectEnumValue(static_cast<const Ast::EnumValue *>(node));
    case Ast::NodeKind::NamedType:
        return inspectNamedType(static_cast<const Ast::NamedType *>(node));
    case Ast::NodeKind::Variable:
        return inspectVariable(static_cast<const Ast::Variable *>(node));
    default:
        return false;
    }
}

bool HoverFinder::inspectField(const Ast::Field *field)
{
    if (!covers(field->nameOffset, int(field->name.size())))
        return false;
    const NamedType *parent = m_typeInfo.parentType();
    const Field *def = fieldDefinition(m_schema, parent, field->name);
    if (!def)
        return true; // on the name, but unknown: nothing to show
    m_result.coordinate.kind = SchemaElementKind::Field;
    m_result.coordinate.typeName = parent->name;
    m_result.coordinate.fieldName = def->name;
    m_result.signature = parent->name % u'.' % def->signature();
    m_result.description = def->description;
    m_result.isDeprecated = def->isDeprecated;
    m_result.deprecationReason = def->deprecationReason;
    setRange(field->nameOffset, field->nameOffset + int(field->name.size()));
    return true;
}

bool HoverFinder::inspectArgument(const Ast::Argument *argument)
{
    if (!covers(argument->nameOffset, int(argument->name.size())))
        return false;
    const InputValue *def = nullptr;
    if (m_directive) {
        const Directive *directive = m_schema.directive(m_directive->name);
        if (!directive || !(def = directive->arg(argument->name)))
            return true;
        m_result.coordinate.kind = SchemaElementKind::DirectiveArgument;
        m_result.coordinate.directiveName = directive->name;
        m_result.signature = u'@' % directive->name % u'(' % def->signature() % u')';
    } else {
        const Field *field = m_typeInfo.fieldDef();
        const NamedType *parent = m_typeInfo.parentType();
        if (!field || !parent || !(def = field->arg(argument->name)))
            return true;
        m_result.coordinate.kind = SchemaElementKind::Argument;
        m_result.coordinate.typeName = parent->name;
        m_result.coordinate.fieldName = field->name;
        m_result.signature = parent->name % u'.' % field->name % u'(' % def->signature() % u')';
    }
    m_result.coordinate.argumentName = def->name;
    m_result.description = def->description;
    m_result.isDeprecated = def->isDeprecated;
    m_result.deprecationReason = def->deprecationReason;
    setRange(argument->nameOffset, argument->nameOffset + int(argument->name.size()));
    return true;
}

bool HoverFinder::inspectDirective(const Ast::Directive *directive)
{
    // The '@' belongs to the token as far as the reader is concerned.
    if (directive->nameOffset < 1 || !covers(directive->nameOffset - 1, int(directive->name.size()) + 1))
        return false;
    const Directive *def = m_schema.directive(directive->name);
    if (!def)
        return true;
    m_result.coordinate.kind = SchemaElementKind::Directive;
    m_result.coordinate.directiveName = def->name;
    m_result.signature = def->signature();
    m_result.description = def->description;
    m_result.isDeprecated = def->isDeprecated;
    m_result.deprecationReason = def->deprecationReason;
    setRange(directive->nameOffset - 1, directive->nameOffset + int(directive->name.size()));
    return true;
}

bool HoverFinder::inspectObjectField(const Ast::ObjectField *objectField)
{
    if (!covers(objectField->nameOffset, int(objectField->name.size())))
        return false;
    const NamedType *objectType = namedTypeOf(m_schema, m_typeInfo.inputType());
    const InputValue *def =
        objectType && objectType->kind == TypeKind::InputObject ? objectType->inputField(objectField->name) : nullptr;
    if (!def)
        return true;
    m_result.coordinate.kind = SchemaElementKind::InputField;
    m_result.coordinate.typeName = objectType->name;
    m_result.coordinate.fieldName = def->name;
    m_result.signature = objectType->name % u'.' % def->signature();
    m_result.description = def->description;
    m_result.isDeprecated = def->isDeprecated;
    m_result.deprecationReason = def->deprecationReason;
    setRange(objectField->nameOffset, objectField->nameOffset + int(objectField->name.size()));
    return true;
}

bool HoverFinder::inspectEnumValue(const Ast::EnumValue *value)
{
    if (!covers(value->loc.offset, int(value->value.size())))
        return false;
    const NamedType *enumType = namedTypeOf(m_schema, m_typeInfo.inputType());
    const EnumValue *def = enumType && enumType->kind == TypeKind::Enum ? enumType->enumValue(value->value) : nullptr;
    if (!def)
        return true;
    m_result.coordinate.kind = SchemaElementKind::EnumValue;
    m_result.coordinate.typeName = enumType->name;
    m_result.coordinate.enumValue = def->name;
    m_result.signature = enumType->name % u'.' % def->name;
    m_result.description = def->description;
    m_result.isDeprecated = def->isDeprecated;
    m_result.deprecationReason = def->deprecationReason;
    setRange(value->loc.offset, value->loc.offset + int(value->value.size()));
    return true;
}

void HoverFinder::describeType(const NamedType *type)
{
    m_result.coordinate.typeName = type->name;
    m_result.description = type->description;
}

bool HoverFinder::inspectNamedType(const Ast::NamedType *namedType)
{
    if (!covers(namedType->loc.offset, int(namedType->name.size())))
        return false;
    const NamedType *type = m_schema.type(namedType->name);
    if (!type)
        return true;
    m_result.coordinate.kind = SchemaElementKind::Type;
    m_result.signature = type->signature();
    describeType(type);
    setRange(namedType->loc.offset, namedType->loc.offset + int(namedType->name.size()));
    return true;
}

bool HoverFinder::inspectVariable(const Ast::Variable *variable)
{
    // "$name": the '$' is part of the token.
    if (!covers(variable->loc.offset, int(variable->name.size()) + 1) || variable->name.isEmpty())
        return false;
    if (!m_operation)
        return true; // inside a fragment: the declaring operation is not known
    const Ast::VariableDefinition *declaration = nullptr;
    for (const Ast::VariableDefinition *definition : m_operation->variableDefinitions) {
        if (definition && definition->variable && definition->variable->name == variable->name) {
            declaration = definition;
            break;
        }
    }
    if (!declaration || !declaration->type)
        return true;
    const TypeRef declared = typeFromAst(m_schema, declaration->type);
    const NamedType *type = namedTypeOf(m_schema, declared);
    if (!type)
        return true;
    m_result.coordinate.kind = SchemaElementKind::Variable;
    m_result.coordinate.argumentName = variable->name;
    m_result.signature = u'$' % variable->name % u": "_s % declared.toString();
    describeType(type);
    setRange(variable->loc.offset, variable->loc.offset + int(variable->name.size()) + 1);
    return true;
}

} // namespace

HoverInfo hoverAt(const Schema &schema, const QString &text, int offset)
{
    if (offset < 0 || offset > text.size())
        return {};
    const ParseResult parsed = Parser::parse(text, ParseMode::Tolerant);
    HoverFinder finder(schema, offset);
    AstWalker<HoverFinder> walker(finder);
    walker.walk(parsed.document.get());
    return finder.result();
}

} // namespace Sextant::Core
