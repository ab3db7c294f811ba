// SPDX-License-Identifier: MIT
// Sextant: §5.3.3 Leaf Field Selections (graphql-js ScalarLeafsRule).
#pragma once

#include <core/validation/rules/validationrule.h>

namespace Sextant::Core {

/**
 * §5.3.3 Leaf Field Selections — port of graphql-js 16.15 ScalarLeafsRule. Reports a selection set on a leaf field and
 * a missing one on a composite field. Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class ScalarLeafsRule final : public ValidationRule
{
public:
    explicit ScalarLeafsRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
