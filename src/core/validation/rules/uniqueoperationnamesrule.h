// SPDX-License-Identifier: MIT
// Sextant: §5.2.1.1 Operation Name Uniqueness (graphql-js UniqueOperationNamesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>

namespace Sextant::Core {

/**
 * §5.2.1.1 Operation Name Uniqueness — port of graphql-js 16.15 UniqueOperationNamesRule. Reports a second operation
 * with the same name. Reports through the ValidationContext with graphql-js's exact message and locations; one instance
 * per validation, on the validating thread.
 */
class UniqueOperationNamesRule final : public ValidationRule
{
public:
    explicit UniqueOperationNamesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    QHash<QStringView, int> m_known; // name -> offset of its first name token
};

} // namespace Sextant::Core
