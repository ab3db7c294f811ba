// SPDX-License-Identifier: MIT
// Sextant: §5.8.5 All Variable Usages Are Allowed (graphql-js VariablesInAllowedPositionRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <core/validation/valueprinter.h>

#include <QtCore/QHash>

namespace Sextant::Core {

/**
 * §5.8.5 All Variable Usages Are Allowed — port of graphql-js 16.15 VariablesInAllowedPositionRule. Reports variables
 * whose type does not fit where they are used (also through fragments). Reports through the ValidationContext with
 * graphql-js's exact message and locations; one instance per validation, on the validating thread.
 */
class VariablesInAllowedPositionRule final : public ValidationRule
{
public:
    explicit VariablesInAllowedPositionRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
    void leave(const Ast::Node *node) override;

private:
    QHash<QStringView, const Ast::VariableDefinition *> m_definitions;
};

} // namespace Sextant::Core
