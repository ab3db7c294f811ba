// SPDX-License-Identifier: MIT
// Sextant: §5.1.1 Executable Definitions (graphql-js ExecutableDefinitionsRule).
#include <core/validation/rules/executabledefinitionsrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

ExecutableDefinitionsRule::ExecutableDefinitionsRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Document);
}

bool ExecutableDefinitionsRule::enter(const Ast::Node *node)
{
    for (const Ast::Definition *definition : static_cast<const Ast::Document *>(node)->definitions) {
        if (definition->kind == Ast::NodeKind::OperationDefinition
            || definition->kind == Ast::NodeKind::FragmentDefinition)
            continue;
        QString defName;
        if (definition->kind == Ast::NodeKind::SchemaDefinition || definition->kind == Ast::NodeKind::SchemaExtension)
            defName = u"schema"_s;
        else if (const auto *directive = Ast::astCast<Ast::DirectiveDefinition>(definition))
            defName = u'"' + directive->name + u'"';
        else
            defName = u'"' + static_cast<const Ast::TypeDefinition *>(definition)->name + u'"';
        m_context.reportError(u"The "_s + defName + u" definition is not executable."_s, {definition->loc});
    }
    return false;
}

} // namespace Sextant::Core
