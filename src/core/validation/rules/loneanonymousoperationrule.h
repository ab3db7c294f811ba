// SPDX-License-Identifier: MIT
// Sextant: §5.2.2.1 Lone Anonymous Operation (graphql-js LoneAnonymousOperationRule).
#pragma once

#include <core/validation/rules/validationrule.h>

namespace Sextant::Core {

/**
 * §5.2.2.1 Lone Anonymous Operation — port of graphql-js 16.15 LoneAnonymousOperationRule. Reports an anonymous
 * operation next to other operations. Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class LoneAnonymousOperationRule final : public ValidationRule
{
public:
    explicit LoneAnonymousOperationRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    qsizetype m_operationCount = 0;
};

} // namespace Sextant::Core
