// SPDX-License-Identifier: MIT
// Sextant: §5.7.1 Directives Are Defined, §5.7.2 Directives Are In Valid Locations (graphql-js KnownDirectivesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>
#include <QtCore/QStringList>

namespace Sextant::Core {

/**
 * §5.7.1 Directives Are Defined, §5.7.2 Directives Are In Valid Locations — port of graphql-js 16.15
 * KnownDirectivesRule. Reports unknown directives and directives used where their definition does not allow them.
 * Reports through the ValidationContext with graphql-js's exact message and locations; one instance per
 * validation, on the validating thread.
 */
class KnownDirectivesRule final : public ValidationRule
{
public:
    explicit KnownDirectivesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    QHash<QStringView, QStringList> m_locations;
    bool m_indexed = false;
};

} // namespace Sextant::Core
