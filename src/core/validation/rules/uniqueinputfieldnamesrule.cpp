// SPDX-License-Identifier: MIT
// Sextant: §5.6.3 Input Object Field Uniqueness (graphql-js UniqueInputFieldNamesRule).
#include <core/validation/rules/uniqueinputfieldnamesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

UniqueInputFieldNamesRule::UniqueInputFieldNamesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::ObjectValue) | bit(Ast::NodeKind::ObjectField);
    m_leaveKinds = bit(Ast::NodeKind::ObjectValue);
}

bool UniqueInputFieldNamesRule::enter(const Ast::Node *node)
{
    if (node->kind == Ast::NodeKind::ObjectValue) {
        m_stack.append(QHash<QStringView, SourceLocation>());
        return true;
    }
    const auto *field = static_cast<const Ast::ObjectField *>(node);
    if (m_stack.isEmpty())
        return true;
    auto &known = m_stack.last();
    const auto it = known.constFind(field->name);
    if (it != known.constEnd())
        m_context.reportError(u"There can be only one input field named \""_s + field->name + u"\"."_s,
                              {*it, field->loc});
    else
        known.insert(field->name, field->loc);
    return true;
}

void UniqueInputFieldNamesRule::leave(const Ast::Node *)
{
    m_stack.removeLast();
}

} // namespace Sextant::Core
