// SPDX-License-Identifier: MIT
// Sextant: §5.1.1 Executable Definitions (graphql-js ExecutableDefinitionsRule).
#pragma once

#include <core/validation/rules/validationrule.h>

namespace Sextant::Core {

/**
 * §5.1.1 Executable Definitions — port of graphql-js 16.15 ExecutableDefinitionsRule. Reports every type-system
 * definition or extension in the Document. Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class ExecutableDefinitionsRule final : public ValidationRule
{
public:
    explicit ExecutableDefinitionsRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
