// SPDX-License-Identifier: MIT
// Sextant: §5.6.3 Input Object Field Uniqueness (graphql-js UniqueInputFieldNamesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>
#include <QtCore/QList>

namespace Sextant::Core {

/**
 * §5.6.3 Input Object Field Uniqueness — port of graphql-js 16.15 UniqueInputFieldNamesRule. Reports an input object
 * field given twice in one object value. Reports through the ValidationContext with graphql-js's exact message and
 * locations; one instance per validation, on the validating thread.
 */
class UniqueInputFieldNamesRule final : public ValidationRule
{
public:
    explicit UniqueInputFieldNamesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;
    void leave(const Ast::Node *node) override;

private:
    QList<QHash<QStringView, SourceLocation>> m_stack;
};

} // namespace Sextant::Core
