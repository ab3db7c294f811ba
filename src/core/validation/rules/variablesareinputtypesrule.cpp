// SPDX-License-Identifier: MIT
// Sextant: §5.8.2 Variables Are Input Types (graphql-js VariablesAreInputTypesRule).
#include <core/validation/rules/variablesareinputtypesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

VariablesAreInputTypesRule::VariablesAreInputTypesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::VariableDefinition);
}

bool VariablesAreInputTypesRule::enter(const Ast::Node *node)
{
    const auto *definition = static_cast<const Ast::VariableDefinition *>(node);
    const TypeRef type = typeFromAst(m_context.schema(), definition->type);
    if (definition->variable && type.isValid() && !isInputType(m_context.schema(), type)) {
        m_context.reportError(u"Variable \"$"_s + definition->variable->name + u"\" cannot be non-input type \""_s
                                  + Ast::typeReferenceString(definition->type) + u"\"."_s,
                              {definition->type->loc});
    }
    return true;
}

} // namespace Sextant::Core
