// SPDX-License-Identifier: MIT
// Sextant: §5.8.1 Variable Uniqueness (graphql-js UniqueVariableNamesRule).
#include <core/validation/rules/uniquevariablenamesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

UniqueVariableNamesRule::UniqueVariableNamesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition);
}

bool UniqueVariableNamesRule::enter(const Ast::Node *node)
{
    const auto &definitions = static_cast<const Ast::OperationDefinition *>(node)->variableDefinitions;
    QList<QStringView> order;
    QHash<QStringView, QList<SourceLocation>> groups;
    for (const Ast::VariableDefinition *definition : definitions) {
        if (!definition->variable)
            continue; // partial Document from a tolerant parse
        const QString &name = definition->variable->name;
        auto it = groups.find(name);
        if (it == groups.end()) {
            order.append(name);
            it = groups.insert(name, {});
        }
        it->append(m_context.location(definition->variable->nameOffset));
    }
    for (QStringView name : std::as_const(order)) {
        const QList<SourceLocation> &locations = groups[name];
        if (locations.size() > 1)
            m_context.reportError(u"There can be only one variable named \"$"_s + name + u"\"."_s, locations);
    }
    return true;
}

} // namespace Sextant::Core
