// SPDX-License-Identifier: MIT
// Sextant: §5.8.4 All Variables Used (graphql-js NoUnusedVariablesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QList>
#include <QtCore/QSet>

namespace Sextant::Core {

/**
 * §5.8.4 All Variables Used — port of graphql-js 16.15 NoUnusedVariablesRule. Reports variables an operation defines
 * but never uses (also through fragments). Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class NoUnusedVariablesRule final : public ValidationRule
{
public:
    explicit NoUnusedVariablesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
    void leave(const Ast::Node *node) override;

private:
    QList<const Ast::VariableDefinition *> m_definitions;
};

} // namespace Sextant::Core
