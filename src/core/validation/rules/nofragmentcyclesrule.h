// SPDX-License-Identifier: MIT
// Sextant: §5.5.2.2 Fragment Spreads Must Not Form Cycles (graphql-js NoFragmentCyclesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QSet>

namespace Sextant::Core {

/**
 * §5.5.2.2 Fragment Spreads Must Not Form Cycles — port of graphql-js 16.15 NoFragmentCyclesRule. Reports each spread
 * path that leads a fragment back to itself. Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class NoFragmentCyclesRule final : public ValidationRule
{
public:
    explicit NoFragmentCyclesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    void detectCycleRecursive(const Ast::FragmentDefinition *fragment);
    QSet<QStringView> m_visited;
    QList<const Ast::FragmentSpread *> m_spreadPath;
    QHash<QStringView, qsizetype> m_spreadPathIndexByName;
};

} // namespace Sextant::Core
