// SPDX-License-Identifier: MIT
// Sextant: §5.2.3.1 Single Root Field (graphql-js SingleFieldSubscriptionsRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QSet>

namespace Sextant::Core {

/**
 * §5.2.3.1 Single Root Field — port of graphql-js 16.15 SingleFieldSubscriptionsRule. Reports subscriptions selecting
 * more than one root field (after @skip/@include with literal arguments) or an introspection root field. Reports
 * through the ValidationContext with graphql-js's exact message and locations; one instance per validation, on the
 * validating thread.
 */
class SingleFieldSubscriptionsRule final : public ValidationRule
{
public:
    explicit SingleFieldSubscriptionsRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    struct Collected
    {
        QList<QStringView> keys;
        QHash<QStringView, QList<const Ast::Field *>> fields;
    };
    void collect(const NamedType *runtimeType, const Ast::SelectionSet *selectionSet, Collected &out,
                 QSet<QStringView> &visited);
};

} // namespace Sextant::Core
