// SPDX-License-Identifier: MIT
// Sextant: §5.4.2 Argument Uniqueness (graphql-js UniqueArgumentNamesRule).
#include <core/validation/rules/uniqueargumentnamesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

UniqueArgumentNamesRule::UniqueArgumentNamesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Field) | bit(Ast::NodeKind::Directive);
}

bool UniqueArgumentNamesRule::enter(const Ast::Node *node)
{
    const auto *field = Ast::astCast<Ast::Field>(node);
    const Ast::AstList<Ast::Argument> &arguments =
        field ? field->arguments : static_cast<const Ast::Directive *>(node)->arguments;
    if (arguments.size() < 2)
        return true;
    QList<QStringView> order;
    QHash<QStringView, QList<SourceLocation>> groups;
    for (const Ast::Argument *argument : arguments) {
        auto it = groups.find(argument->name);
        if (it == groups.end()) {
            order.append(argument->name);
            it = groups.insert(argument->name, {});
        }
        it->append(argument->loc);
    }
    for (QStringView name : std::as_const(order)) {
        const QList<SourceLocation> &locations = groups[name];
        if (locations.size() > 1)
            m_context.reportError(u"There can be only one argument named \""_s + name + u"\"."_s, locations);
    }
    return true;
}

} // namespace Sextant::Core
