// SPDX-License-Identifier: MIT
// Sextant: graphql-js recommendedRules (not in the spec): introspection list nesting (graphql-js
// MaxIntrospectionDepthRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>

namespace Sextant::Core {

/**
 * graphql-js recommendedRules (not in the spec): introspection list nesting — port of graphql-js 16.15
 * MaxIntrospectionDepthRule. Reports a __schema/__type selection nesting fields/interfaces/possibleTypes/inputFields
 * three deep. Reports through the ValidationContext with graphql-js's exact message and locations; one instance per
 * validation, on the validating thread.
 */
class MaxIntrospectionDepthRule final : public ValidationRule
{
public:
    explicit MaxIntrospectionDepthRule(ValidationContext &context);
    bool enter(const Ast::Node *node) override;

private:
    bool checkDepth(const Ast::Node *node, QHash<QStringView, int> &visited, int depth);
    QHash<QStringView, int> m_checked;
    QHash<QStringView, int> m_exceeded;
};

} // namespace Sextant::Core
