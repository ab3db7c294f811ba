// SPDX-License-Identifier: MIT
// Sextant: §5.5.2.1 Fragment Spread Target Defined (graphql-js KnownFragmentNamesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

namespace Sextant::Core {

/**
 * §5.5.2.1 Fragment Spread Target Defined — port of graphql-js 16.15 KnownFragmentNamesRule. Reports a spread of a
 * fragment the Document does not define. Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class KnownFragmentNamesRule final : public ValidationRule
{
public:
    explicit KnownFragmentNamesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
};

} // namespace Sextant::Core
