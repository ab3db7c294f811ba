// SPDX-License-Identifier: MIT
// Sextant: §5.5.2.2 Fragment Spreads Must Not Form Cycles (graphql-js NoFragmentCyclesRule).
#include <core/validation/rules/nofragmentcyclesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

NoFragmentCyclesRule::NoFragmentCyclesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition) | bit(Ast::NodeKind::FragmentDefinition);
}

bool NoFragmentCyclesRule::enter(const Ast::Node *node)
{
    if (const auto *fragment = Ast::astCast<Ast::FragmentDefinition>(node))
        detectCycleRecursive(fragment);
    return false;
}

void NoFragmentCyclesRule::detectCycleRecursive(const Ast::FragmentDefinition *fragment)
{
    if (m_visited.contains(fragment->name))
        return;
    m_visited.insert(fragment->name);
    const QList<const Ast::FragmentSpread *> spreadNodes = m_context.fragmentSpreads(fragment->selectionSet);
    if (spreadNodes.isEmpty())
        return;
    m_spreadPathIndexByName.insert(fragment->name, m_spreadPath.size());
    for (const Ast::FragmentSpread *spreadNode : spreadNodes) {
        const auto cycle = m_spreadPathIndexByName.constFind(spreadNode->name);
        m_spreadPath.append(spreadNode);
        if (cycle == m_spreadPathIndexByName.constEnd()) {
            if (const Ast::FragmentDefinition *spreadFragment = m_context.fragment(spreadNode->name))
                detectCycleRecursive(spreadFragment);
        } else {
            const qsizetype cycleIndex = *cycle;
            QString viaPath;
            QList<SourceLocation> locations;
            for (qsizetype i = cycleIndex; i < m_spreadPath.size(); ++i) {
                locations.append(m_spreadPath[i]->loc);
                if (i + 1 < m_spreadPath.size())
                    viaPath += (viaPath.isEmpty() ? u""_s : u", "_s) + u'"' + m_spreadPath[i]->name + u'"';
            }
            m_context.reportError(u"Cannot spread fragment \""_s + spreadNode->name + u"\" within itself"_s
                                      + (viaPath.isEmpty() ? u"."_s : QString(u" via "_s + viaPath + u'.')),
                                  locations);
        }
        m_spreadPath.removeLast();
    }
    m_spreadPathIndexByName.remove(fragment->name);
}

} // namespace Sextant::Core
