// SPDX-License-Identifier: MIT
// Sextant: §5.8.5 All Variable Usages Are Allowed (graphql-js VariablesInAllowedPositionRule).
#include <core/validation/rules/variablesinallowedpositionrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

VariablesInAllowedPositionRule::VariablesInAllowedPositionRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition) | bit(Ast::NodeKind::VariableDefinition);
    m_leaveKinds = bit(Ast::NodeKind::OperationDefinition);
}

bool VariablesInAllowedPositionRule::enter(const Ast::Node *node)
{
    if (node->kind == Ast::NodeKind::OperationDefinition) {
        m_definitions.clear();
    } else {
        const auto *definition = static_cast<const Ast::VariableDefinition *>(node);
        if (definition->variable)
            m_definitions.insert(definition->variable->name, definition);
    }
    return true;
}

void VariablesInAllowedPositionRule::leave(const Ast::Node *node)
{
    const Schema &schema = m_context.schema();
    const auto *operation = static_cast<const Ast::OperationDefinition *>(node);
    for (const VariableUsage &usage : m_context.recursiveVariableUsages(operation)) {
        const QString &name = usage.node->name;
        const Ast::VariableDefinition *definition = m_definitions.value(name, nullptr);
        if (!definition || !usage.type.isValid())
            continue;
        const TypeRef varType = typeFromAst(schema, definition->type);
        if (varType.isValid()) {
            bool allowed;
            if (usage.type.isNonNull() && !varType.isNonNull()) {
                const bool hasNonNullVariableDefault =
                    definition->defaultValue && definition->defaultValue->kind != Ast::NodeKind::NullValue;
                allowed = (hasNonNullVariableDefault || usage.hasLocationDefault)
                          && isTypeSubTypeOf(schema, varType, usage.type.ofType());
            } else {
                allowed = isTypeSubTypeOf(schema, varType, usage.type);
            }
            if (!allowed)
                m_context.reportError(u"Variable \"$"_s + name + u"\" of type \""_s + varType.toString()
                                          + u"\" used in position expecting type \""_s + usage.type.toString()
                                          + u"\"."_s,
                                      {definition->loc, usage.node->loc});
        }
        if (usage.parentType.isNamed() && varType.isValid() && !varType.isNonNull()) {
            const NamedType *parent = schema.type(usage.parentType.namedType());
            if (parent && parent->kind == TypeKind::InputObject && parent->isOneOf)
                m_context.reportError(u"Variable \"$"_s + name + u"\" is of type \""_s + varType.toString()
                                          + u"\" but must be non-nullable to be used for OneOf Input Object \""_s
                                          + parent->name + u"\"."_s,
                                      {definition->loc, usage.node->loc});
        }
    }
}

} // namespace Sextant::Core
