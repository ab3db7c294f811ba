// SPDX-License-Identifier: MIT
// Sextant: §5.8.1 Variable Uniqueness (graphql-js UniqueVariableNamesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>

namespace Sextant::Core {

/**
 * §5.8.1 Variable Uniqueness — port of graphql-js 16.15 UniqueVariableNamesRule. Reports variables defined more than
 * once in an operation. Reports through the ValidationContext with graphql-js's exact message and locations; one
 * instance per validation, on the validating thread.
 */
class UniqueVariableNamesRule final : public ValidationRule
{
public:
    explicit UniqueVariableNamesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
