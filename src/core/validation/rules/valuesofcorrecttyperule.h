// SPDX-License-Identifier: MIT
// Sextant: §5.6.1 Values of Correct Type (graphql-js ValuesOfCorrectTypeRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <core/validation/suggestions.h>
#include <core/validation/valueprinter.h>

#include <QtCore/QStringList>

namespace Sextant::Core {

/**
 * §5.6.1 Values of Correct Type — port of graphql-js 16.15 ValuesOfCorrectTypeRule. Checks literals against the
 * expected input type like graphql-js parseLiteral of the built-in scalars and enums (custom scalars accept any
 * literal), required and unknown input fields, and @oneOf input objects. Reports through the ValidationContext with
 * graphql-js's exact message and locations; one instance per validation, on the validating thread.
 */
class ValuesOfCorrectTypeRule final : public ValidationRule
{
public:
    explicit ValuesOfCorrectTypeRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    void checkLeafValue(const Ast::Value *value);
};

} // namespace Sextant::Core
