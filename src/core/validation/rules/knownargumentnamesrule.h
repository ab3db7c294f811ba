// SPDX-License-Identifier: MIT
// Sextant: §5.4.1 Argument Names (graphql-js KnownArgumentNamesRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <core/validation/suggestions.h>

#include <QtCore/QHash>
#include <QtCore/QStringList>

namespace Sextant::Core {

/**
 * §5.4.1 Argument Names — port of graphql-js 16.15 KnownArgumentNamesRule. Reports arguments a field or directive does
 * not define, with suggestions. Reports through the ValidationContext with graphql-js's exact message and locations;
 * one instance per validation, on the validating thread.
 */
class KnownArgumentNamesRule final : public ValidationRule
{
public:
    explicit KnownArgumentNamesRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    QHash<QStringView, QStringList> m_directiveArgs;
    bool m_indexed = false;
};

} // namespace Sextant::Core
