// SPDX-License-Identifier: MIT
// Sextant: §5.2.2.1 Lone Anonymous Operation (graphql-js LoneAnonymousOperationRule).
#include <core/validation/rules/loneanonymousoperationrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

LoneAnonymousOperationRule::LoneAnonymousOperationRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Document) | bit(Ast::NodeKind::OperationDefinition);
}

bool LoneAnonymousOperationRule::enter(const Ast::Node *node)
{
    if (const auto *document = Ast::astCast<Ast::Document>(node)) {
        m_operationCount = 0;
        for (const Ast::Definition *definition : document->definitions)
            m_operationCount += definition->kind == Ast::NodeKind::OperationDefinition ? 1 : 0;
        return true;
    }
    const auto *operation = static_cast<const Ast::OperationDefinition *>(node);
    if (operation->name.isEmpty() && m_operationCount > 1)
        m_context.reportError(u"This anonymous operation must be the only defined operation."_s, {operation->loc});
    return true;
}

} // namespace Sextant::Core
