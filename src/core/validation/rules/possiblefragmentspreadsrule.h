// SPDX-License-Identifier: MIT
// Sextant: §5.5.2.3 Fragment Spread Is Possible (graphql-js PossibleFragmentSpreadsRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <core/validation/valueprinter.h>

namespace Sextant::Core {

/**
 * §5.5.2.3 Fragment Spread Is Possible — port of graphql-js 16.15 PossibleFragmentSpreadsRule. Reports a spread whose
 * type can never overlap the parent type. Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class PossibleFragmentSpreadsRule final : public ValidationRule
{
public:
    explicit PossibleFragmentSpreadsRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
