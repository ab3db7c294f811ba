// SPDX-License-Identifier: MIT
// Sextant: §5.5.1.2 Fragment Spread Type Existence, §5.8.2 (type names in variables) (graphql-js KnownTypeNamesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QSet>
#include <QtCore/QStringList>
#include <core/validation/suggestions.h>

namespace Sextant::Core {

/**
 * §5.5.1.2 Fragment Spread Type Existence, §5.8.2 (type names in variables) — port of graphql-js 16.15
 * KnownTypeNamesRule. Reports a NamedType that is neither in the schema nor defined in the Document, with suggestions.
 * Reports through the ValidationContext with graphql-js's exact message and locations; one instance per
 * validation, on the validating thread.
 */
class KnownTypeNamesRule final : public ValidationRule
{
public:
    explicit KnownTypeNamesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    QSet<QStringView> m_definedTypes;
    QStringList m_typeNames;
};

} // namespace Sextant::Core
