// SPDX-License-Identifier: MIT
// Sextant: §5.5.1.4 Fragments Must Be Used (graphql-js NoUnusedFragmentsRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QList>
#include <QtCore/QSet>

namespace Sextant::Core {

/**
 * §5.5.1.4 Fragments Must Be Used — port of graphql-js 16.15 NoUnusedFragmentsRule. Reports fragments no operation
 * references, directly or through other fragments. Reports through the ValidationContext with graphql-js's exact
 * message and locations; one instance per validation, on the validating thread.
 */
class NoUnusedFragmentsRule final : public ValidationRule
{
public:
    explicit NoUnusedFragmentsRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
    void leave(const Ast::Node *node) override;

private:
    QList<const Ast::OperationDefinition *> m_operations;
    QList<const Ast::FragmentDefinition *> m_fragments;
};

} // namespace Sextant::Core
