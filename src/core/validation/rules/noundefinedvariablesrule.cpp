// SPDX-License-Identifier: MIT
// Sextant: §5.8.3 All Variable Uses Defined (graphql-js NoUndefinedVariablesRule).
#include <core/validation/rules/noundefinedvariablesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

NoUndefinedVariablesRule::NoUndefinedVariablesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition) | bit(Ast::NodeKind::VariableDefinition);
    m_leaveKinds = bit(Ast::NodeKind::OperationDefinition);
}

bool NoUndefinedVariablesRule::enter(const Ast::Node *node)
{
    if (node->kind == Ast::NodeKind::OperationDefinition)
        m_defined.clear();
    else if (const Ast::Variable *variable = static_cast<const Ast::VariableDefinition *>(node)->variable)
        m_defined.insert(variable->name);
    return true;
}

void NoUndefinedVariablesRule::leave(const Ast::Node *node)
{
    const auto *operation = static_cast<const Ast::OperationDefinition *>(node);
    for (const VariableUsage &usage : m_context.recursiveVariableUsages(operation)) {
        const QString &name = usage.node->name;
        if (m_defined.contains(name))
            continue;
        m_context.reportError(operation->name.isEmpty()
                                  ? QString(u"Variable \"$"_s + name + u"\" is not defined."_s)
                                  : QString(u"Variable \"$"_s + name + u"\" is not defined by operation \""_s
                                            + operation->name + u"\"."_s),
                              {usage.node->loc, operation->loc});
    }
}

} // namespace Sextant::Core
