// SPDX-License-Identifier: MIT
// Sextant: §5.5.2.1 Fragment Spread Target Defined (graphql-js KnownFragmentNamesRule).
#include <core/validation/rules/knownfragmentnamesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

KnownFragmentNamesRule::KnownFragmentNamesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::FragmentSpread);
}

bool KnownFragmentNamesRule::enter(const Ast::Node *node)
{
    const auto *spread = static_cast<const Ast::FragmentSpread *>(node);
    if (!m_context.fragment(spread->name))
        m_context.reportError(u"Unknown fragment \""_s + spread->name + u"\"."_s,
                              {m_context.location(spread->nameOffset)});
    return true;
}

} // namespace Sextant::Core
