// SPDX-License-Identifier: MIT
// Sextant: §5.5.1.1 Fragment Name Uniqueness (graphql-js UniqueFragmentNamesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>

namespace Sextant::Core {

/**
 * §5.5.1.1 Fragment Name Uniqueness — port of graphql-js 16.15 UniqueFragmentNamesRule. Reports a second fragment
 * definition with the same name. Reports through the ValidationContext with graphql-js's exact message and locations;
 * one instance per validation, on the validating thread.
 */
class UniqueFragmentNamesRule final : public ValidationRule
{
public:
    explicit UniqueFragmentNamesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    QHash<QStringView, int> m_known; // name -> offset of its first name token
};

} // namespace Sextant::Core
