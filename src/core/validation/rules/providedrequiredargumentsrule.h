// SPDX-License-Identifier: MIT
// Sextant: §5.4.2.1 Required Arguments (graphql-js ProvidedRequiredArgumentsRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>
#include <QtCore/QList>

namespace Sextant::Core {

/**
 * §5.4.2.1 Required Arguments — port of graphql-js 16.15 ProvidedRequiredArgumentsRule. Reports non-null arguments
 * without a default that a field or directive leaves out. Reports through the ValidationContext with graphql-js's exact
 * message and locations; one instance per validation, on the validating thread.
 */
class ProvidedRequiredArgumentsRule final : public ValidationRule
{
public:
    explicit ProvidedRequiredArgumentsRule(ValidationContext &context);
    void leave(const Ast::Node *node) override;

private:
    struct RequiredArg
    {
        QString name;
        QString type;
    };
    QHash<QStringView, QList<RequiredArg>> m_directiveRequired;
    bool m_indexed = false;
};

} // namespace Sextant::Core
