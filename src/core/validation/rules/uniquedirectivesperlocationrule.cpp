// SPDX-License-Identifier: MIT
// Sextant: §5.7.3 Directives Are Unique Per Location (graphql-js UniqueDirectivesPerLocationRule).
#include <core/validation/rules/uniquedirectivesperlocationrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

UniqueDirectivesPerLocationRule::UniqueDirectivesPerLocationRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = AllKinds;
}

namespace {

const Ast::AstList<Ast::Directive> *directivesOf(const Ast::Node *node)
{
    using K = Ast::NodeKind;
    switch (node->kind) {
    case K::OperationDefinition:
        return &static_cast<const Ast::OperationDefinition *>(node)->directives;
    case K::VariableDefinition:
        return &static_cast<const Ast::VariableDefinition *>(node)->directives;
    case K::Field:
        return &static_cast<const Ast::Field *>(node)->directives;
    case K::FragmentSpread:
        return &static_cast<const Ast::FragmentSpread *>(node)->directives;
    case K::InlineFragment:
        return &static_cast<const Ast::InlineFragment *>(node)->directives;
    case K::FragmentDefinition:
        return &static_cast<const Ast::FragmentDefinition *>(node)->directives;
    case K::SchemaDefinition:
    case K::SchemaExtension:
        return &static_cast<const Ast::SchemaDefinition *>(node)->directives;
    case K::FieldDefinition:
        return &static_cast<const Ast::FieldDefinition *>(node)->directives;
    case K::InputValueDefinition:
        return &static_cast<const Ast::InputValueDefinition *>(node)->directives;
    case K::EnumValueDefinition:
        return &static_cast<const Ast::EnumValueDefinition *>(node)->directives;
    default:
        if (node->kind >= K::ScalarTypeDefinition && node->kind <= K::InputObjectTypeExtension)
            return &static_cast<const Ast::TypeDefinition *>(node)->directives;
        return nullptr;
    }
}

} // namespace

bool UniqueDirectivesPerLocationRule::enter(const Ast::Node *node)
{
    const Ast::AstList<Ast::Directive> *directives = directivesOf(node);
    if (!directives || directives->isEmpty())
        return true;
    if (!m_indexed) {
        m_indexed = true;
        for (const Directive &directive : m_context.schema().directives())
            m_unique.insert(directive.name, !directive.isRepeatable);
        for (const Ast::Definition *definition : m_context.document().definitions) {
            if (const auto *directive = Ast::astCast<Ast::DirectiveDefinition>(definition))
                m_unique.insert(directive->name, !directive->repeatable);
        }
    }
    QHash<QStringView, const Ast::Directive *> local;
    QHash<QStringView, const Ast::Directive *> *seen = &local;
    if (node->kind == Ast::NodeKind::SchemaDefinition || node->kind == Ast::NodeKind::SchemaExtension)
        seen = &m_schemaDirectives;
    else if (node->kind >= Ast::NodeKind::ScalarTypeDefinition && node->kind <= Ast::NodeKind::InputObjectTypeExtension)
        seen = &m_typeDirectives[static_cast<const Ast::TypeDefinition *>(node)->name];
    for (const Ast::Directive *directive : *directives) {
        if (!m_unique.value(directive->name, false))
            continue;
        const auto it = seen->constFind(directive->name);
        if (it != seen->constEnd())
            m_context.reportError(u"The directive \"@"_s + directive->name
                                      + u"\" can only be used once at this location."_s,
                                  {(*it)->loc, directive->loc});
        else
            seen->insert(directive->name, directive);
    }
    return true;
}

} // namespace Sextant::Core
