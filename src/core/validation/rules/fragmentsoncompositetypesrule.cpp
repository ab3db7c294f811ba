// SPDX-License-Identifier: MIT
// Sextant: §5.5.1.3 Fragments On Composite Types (graphql-js FragmentsOnCompositeTypesRule).
#include <core/validation/rules/fragmentsoncompositetypesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

FragmentsOnCompositeTypesRule::FragmentsOnCompositeTypesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::InlineFragment) | bit(Ast::NodeKind::FragmentDefinition);
}

bool FragmentsOnCompositeTypesRule::enter(const Ast::Node *node)
{
    const Ast::NamedType *typeCondition = nullptr;
    const auto *fragment = Ast::astCast<Ast::FragmentDefinition>(node);
    typeCondition = fragment ? fragment->typeCondition : static_cast<const Ast::InlineFragment *>(node)->typeCondition;
    if (!typeCondition)
        return true;
    const NamedType *type = m_context.schema().type(typeCondition->name);
    if (type && !isCompositeTypeKind(type->kind)) {
        if (fragment)
            m_context.reportError(u"Fragment \""_s + fragment->name + u"\" cannot condition on non composite type \""_s
                                      + typeCondition->name + u"\"."_s,
                                  {typeCondition->loc});
        else
            m_context.reportError(u"Fragment cannot condition on non composite type \""_s + typeCondition->name
                                      + u"\"."_s,
                                  {typeCondition->loc});
    }
    return true;
}

} // namespace Sextant::Core
