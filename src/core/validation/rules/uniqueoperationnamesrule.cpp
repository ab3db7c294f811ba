// SPDX-License-Identifier: MIT
// Sextant: §5.2.1.1 Operation Name Uniqueness (graphql-js UniqueOperationNamesRule).
#include <core/validation/rules/uniqueoperationnamesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

UniqueOperationNamesRule::UniqueOperationNamesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition) | bit(Ast::NodeKind::FragmentDefinition);
}

bool UniqueOperationNamesRule::enter(const Ast::Node *node)
{
    if (const auto *operation = Ast::astCast<Ast::OperationDefinition>(node)) {
        if (!operation->name.isEmpty()) {
            const auto it = m_known.constFind(operation->name);
            if (it != m_known.constEnd()) {
                m_context.reportError(u"There can be only one operation named \""_s + operation->name + u"\"."_s,
                                      {m_context.location(*it), m_context.location(operation->nameOffset)});
            } else {
                m_known.insert(operation->name, operation->nameOffset);
            }
        }
    }
    return false;
}

} // namespace Sextant::Core
