// SPDX-License-Identifier: MIT
// Sextant: §5.8.2 Variables Are Input Types (graphql-js VariablesAreInputTypesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

namespace Sextant::Core {

/**
 * §5.8.2 Variables Are Input Types — port of graphql-js 16.15 VariablesAreInputTypesRule. Reports a variable whose type
 * is an object, interface or union type. Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class VariablesAreInputTypesRule final : public ValidationRule
{
public:
    explicit VariablesAreInputTypesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
