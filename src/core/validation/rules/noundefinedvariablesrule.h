// SPDX-License-Identifier: MIT
// Sextant: §5.8.3 All Variable Uses Defined (graphql-js NoUndefinedVariablesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QSet>

namespace Sextant::Core {

/**
 * §5.8.3 All Variable Uses Defined — port of graphql-js 16.15 NoUndefinedVariablesRule. Reports variables used (also
 * through fragments) but not defined by the operation. Reports through the ValidationContext with graphql-js's exact
 * message and locations; one instance per validation, on the validating thread.
 */
class NoUndefinedVariablesRule final : public ValidationRule
{
public:
    explicit NoUndefinedVariablesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
    void leave(const Ast::Node *node) override;

private:
    QSet<QStringView> m_defined;
};

} // namespace Sextant::Core
