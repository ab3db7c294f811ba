// SPDX-License-Identifier: MIT
// Sextant: §5.4.2 Argument Uniqueness (graphql-js UniqueArgumentNamesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>

namespace Sextant::Core {

/**
 * §5.4.2 Argument Uniqueness — port of graphql-js 16.15 UniqueArgumentNamesRule. Reports an argument given twice to one
 * field or directive. Reports through the ValidationContext with graphql-js's exact message and locations; one instance
 * per validation, on the validating thread.
 */
class UniqueArgumentNamesRule final : public ValidationRule
{
public:
    explicit UniqueArgumentNamesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
