// SPDX-License-Identifier: MIT
// Sextant: §5.5.1.3 Fragments On Composite Types (graphql-js FragmentsOnCompositeTypesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

namespace Sextant::Core {

/**
 * §5.5.1.3 Fragments On Composite Types — port of graphql-js 16.15 FragmentsOnCompositeTypesRule. Reports a type
 * condition on a scalar, enum or input object type. Reports through the ValidationContext with graphql-js's exact
 * message and locations; one instance per validation, on the validating thread.
 */
class FragmentsOnCompositeTypesRule final : public ValidationRule
{
public:
    explicit FragmentsOnCompositeTypesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
