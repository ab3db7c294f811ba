// SPDX-License-Identifier: MIT
// Sextant: §5.3.1 Field Selections (graphql-js FieldsOnCorrectTypeRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <core/validation/suggestions.h>

#include <QtCore/QHash>

#include <algorithm>

namespace Sextant::Core {

/**
 * §5.3.1 Field Selections — port of graphql-js 16.15 FieldsOnCorrectTypeRule. Reports a field the parent type does not
 * define, suggesting types to spread on, else similar field names. Reports through the ValidationContext with
 * graphql-js's exact message and locations; one instance per validation, on the validating thread.
 */
class FieldsOnCorrectTypeRule final : public ValidationRule
{
public:
    explicit FieldsOnCorrectTypeRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
