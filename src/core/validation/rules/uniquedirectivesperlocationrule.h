// SPDX-License-Identifier: MIT
// Sextant: §5.7.3 Directives Are Unique Per Location (graphql-js UniqueDirectivesPerLocationRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>

namespace Sextant::Core {

/**
 * §5.7.3 Directives Are Unique Per Location — port of graphql-js 16.15 UniqueDirectivesPerLocationRule. Reports a
 * non-repeatable directive used twice on one node (type-system extensions share their type). Reports through the
 * ValidationContext with graphql-js's exact message and locations; one instance per validation, on the validating
 * thread.
 */
class UniqueDirectivesPerLocationRule final : public ValidationRule
{
public:
    explicit UniqueDirectivesPerLocationRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    QHash<QStringView, bool> m_unique;
    bool m_indexed = false;
    QHash<QStringView, const Ast::Directive *> m_schemaDirectives;
    QHash<QStringView, QHash<QStringView, const Ast::Directive *>> m_typeDirectives;
};

} // namespace Sextant::Core
