// SPDX-License-Identifier: MIT
// Sextant: §5.5.1.4 Fragments Must Be Used (graphql-js NoUnusedFragmentsRule).
#include <core/validation/rules/nounusedfragmentsrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

NoUnusedFragmentsRule::NoUnusedFragmentsRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition) | bit(Ast::NodeKind::FragmentDefinition);
    m_leaveKinds = bit(Ast::NodeKind::Document);
}

bool NoUnusedFragmentsRule::enter(const Ast::Node *node)
{
    if (const auto *operation = Ast::astCast<Ast::OperationDefinition>(node))
        m_operations.append(operation);
    else
        m_fragments.append(static_cast<const Ast::FragmentDefinition *>(node));
    return false;
}

void NoUnusedFragmentsRule::leave(const Ast::Node *)
{
    QSet<QStringView> used;
    for (const Ast::FragmentDefinition *fragment : m_context.recursivelyReferencedFragmentsForOperations(m_operations))
        used.insert(fragment->name);
    for (const Ast::FragmentDefinition *fragment : std::as_const(m_fragments)) {
        if (!used.contains(fragment->name))
            m_context.reportError(u"Fragment \""_s + fragment->name + u"\" is never used."_s, {fragment->loc});
    }
}

} // namespace Sextant::Core
