// SPDX-License-Identifier: MIT
// Sextant: §5.5.2.3 Fragment Spread Is Possible (graphql-js PossibleFragmentSpreadsRule).
#include <core/validation/rules/possiblefragmentspreadsrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

PossibleFragmentSpreadsRule::PossibleFragmentSpreadsRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::InlineFragment) | bit(Ast::NodeKind::FragmentSpread);
}

bool PossibleFragmentSpreadsRule::enter(const Ast::Node *node)
{
    const Schema &schema = m_context.schema();
    const NamedType *parentType = m_context.typeInfo().parentType();
    if (node->kind == Ast::NodeKind::InlineFragment) {
        const TypeRef fragRef = m_context.typeInfo().type();
        const NamedType *fragType = fragRef.isNamed() ? schema.type(fragRef.namedType()) : nullptr;
        if (fragType && isCompositeTypeKind(fragType->kind) && parentType && isCompositeTypeKind(parentType->kind)
            && !doTypesOverlap(schema, fragType, parentType)) {
            m_context.reportError(u"Fragment cannot be spread here as objects of type \""_s + parentType->name
                                      + u"\" can never be of type \""_s + fragType->name + u"\"."_s,
                                  {node->loc});
        }
        return true;
    }
    const auto *spread = static_cast<const Ast::FragmentSpread *>(node);
    const Ast::FragmentDefinition *fragment = m_context.fragment(spread->name);
    const NamedType *fragType =
        fragment && fragment->typeCondition ? schema.type(fragment->typeCondition->name) : nullptr;
    if (fragType && !isCompositeTypeKind(fragType->kind))
        fragType = nullptr;
    if (fragType && parentType && !doTypesOverlap(schema, fragType, parentType)) {
        m_context.reportError(u"Fragment \""_s + spread->name + u"\" cannot be spread here as objects of type \""_s
                                  + parentType->name + u"\" can never be of type \""_s + fragType->name + u"\"."_s,
                              {node->loc});
    }
    return true;
}

} // namespace Sextant::Core
