// SPDX-License-Identifier: MIT
// Sextant: §5.8.4 All Variables Used (graphql-js NoUnusedVariablesRule).
#include <core/validation/rules/nounusedvariablesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

NoUnusedVariablesRule::NoUnusedVariablesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition) | bit(Ast::NodeKind::VariableDefinition);
    m_leaveKinds = bit(Ast::NodeKind::OperationDefinition);
}

bool NoUnusedVariablesRule::enter(const Ast::Node *node)
{
    if (node->kind == Ast::NodeKind::OperationDefinition)
        m_definitions.clear();
    else
        m_definitions.append(static_cast<const Ast::VariableDefinition *>(node));
    return true;
}

void NoUnusedVariablesRule::leave(const Ast::Node *node)
{
    const auto *operation = static_cast<const Ast::OperationDefinition *>(node);
    QSet<QStringView> used;
    for (const VariableUsage &usage : m_context.recursiveVariableUsages(operation))
        used.insert(usage.node->name);
    for (const Ast::VariableDefinition *definition : std::as_const(m_definitions)) {
        if (!definition->variable)
            continue; // partial Document from a tolerant parse
        const QString &name = definition->variable->name;
        if (used.contains(name))
            continue;
        m_context.reportError(operation->name.isEmpty()
                                  ? QString(u"Variable \"$"_s + name + u"\" is never used."_s)
                                  : QString(u"Variable \"$"_s + name + u"\" is never used in operation \""_s
                                            + operation->name + u"\"."_s),
                              {definition->loc});
    }
}

} // namespace Sextant::Core
