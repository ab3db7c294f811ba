// SPDX-License-Identifier: MIT
// Sextant: §5.5.1.2 Fragment Spread Type Existence, §5.8.2 (type names in variables) (graphql-js KnownTypeNamesRule).
#include <core/validation/rules/knowntypenamesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

KnownTypeNamesRule::KnownTypeNamesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Document) | bit(Ast::NodeKind::NamedType);
}

namespace {

const QStringList &standardTypeNames()
{
    static const QStringList names = {u"String"_s,    u"Int"_s,      u"Float"_s,        u"Boolean"_s,
                                      u"ID"_s,        u"__Schema"_s, u"__Directive"_s,  u"__DirectiveLocation"_s,
                                      u"__Type"_s,    u"__Field"_s,  u"__InputValue"_s, u"__EnumValue"_s,
                                      u"__TypeKind"_s};
    return names;
}

bool isSdlNode(const Ast::Node *node)
{
    return node && node->kind >= Ast::NodeKind::SchemaDefinition
           && node->kind <= Ast::NodeKind::InputObjectTypeExtension;
}

} // namespace

bool KnownTypeNamesRule::enter(const Ast::Node *node)
{
    if (const auto *document = Ast::astCast<Ast::Document>(node)) {
        for (const Ast::Definition *definition : document->definitions) {
            if (definition->kind >= Ast::NodeKind::ScalarTypeDefinition
                && definition->kind <= Ast::NodeKind::InputObjectTypeDefinition)
                m_definedTypes.insert(static_cast<const Ast::TypeDefinition *>(definition)->name);
        }
        return true;
    }
    const auto *namedType = static_cast<const Ast::NamedType *>(node);
    const QString &typeName = namedType->name;
    if (m_context.schema().type(typeName) || m_definedTypes.contains(typeName))
        return true;
    const Ast::Node *definition = m_context.currentDefinition();
    if (!definition)
        definition = m_context.ancestor(1);
    const bool isSdl = isSdlNode(definition);
    if (isSdl && standardTypeNames().contains(typeName))
        return true;
    if (m_typeNames.isEmpty()) {
        for (const NamedType &type : m_context.schema().types())
            m_typeNames.append(type.name);
        for (const Ast::Definition *def : m_context.document().definitions) {
            if (def->kind >= Ast::NodeKind::ScalarTypeDefinition
                && def->kind <= Ast::NodeKind::InputObjectTypeDefinition) {
                const QString &name = static_cast<const Ast::TypeDefinition *>(def)->name;
                if (!m_context.schema().type(name) && !m_typeNames.contains(name))
                    m_typeNames.append(name);
            }
        }
    }
    const QStringList suggestions = suggestionList(typeName, isSdl ? standardTypeNames() + m_typeNames : m_typeNames);
    m_context.reportError(u"Unknown type \""_s + typeName + u"\"."_s + didYouMean(suggestions), {namedType->loc});
    return true;
}

} // namespace Sextant::Core
