// SPDX-License-Identifier: MIT
// Sextant: §5.5.1.1 Fragment Name Uniqueness (graphql-js UniqueFragmentNamesRule).
#include <core/validation/rules/uniquefragmentnamesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

UniqueFragmentNamesRule::UniqueFragmentNamesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition) | bit(Ast::NodeKind::FragmentDefinition);
}

bool UniqueFragmentNamesRule::enter(const Ast::Node *node)
{
    if (const auto *fragment = Ast::astCast<Ast::FragmentDefinition>(node)) {
        const auto it = m_known.constFind(fragment->name);
        if (it != m_known.constEnd())
            m_context.reportError(u"There can be only one fragment named \""_s + fragment->name + u"\"."_s,
                                  {m_context.location(*it), m_context.location(fragment->nameOffset)});
        else
            m_known.insert(fragment->name, fragment->nameOffset);
    }
    return false;
}

} // namespace Sextant::Core
