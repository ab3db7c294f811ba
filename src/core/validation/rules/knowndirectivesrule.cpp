// SPDX-License-Identifier: MIT
// Sextant: §5.7.1 Directives Are Defined, §5.7.2 Directives Are In Valid Locations (graphql-js KnownDirectivesRule).
#include <core/validation/rules/knowndirectivesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

KnownDirectivesRule::KnownDirectivesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Directive);
}

namespace {

QString locationFor(const ValidationContext &context)
{
    const Ast::Node *appliedTo = context.ancestor(1);
    if (!appliedTo)
        return {};
    using K = Ast::NodeKind;
    switch (appliedTo->kind) {
    case K::OperationDefinition:
        switch (static_cast<const Ast::OperationDefinition *>(appliedTo)->operation) {
        case OperationType::Query:
            return u"QUERY"_s;
        case OperationType::Mutation:
            return u"MUTATION"_s;
        case OperationType::Subscription:
            return u"SUBSCRIPTION"_s;
        }
        return {};
    case K::Field:
        return u"FIELD"_s;
    case K::FragmentSpread:
        return u"FRAGMENT_SPREAD"_s;
    case K::InlineFragment:
        return u"INLINE_FRAGMENT"_s;
    case K::FragmentDefinition:
        return u"FRAGMENT_DEFINITION"_s;
    case K::VariableDefinition:
        return u"VARIABLE_DEFINITION"_s;
    case K::SchemaDefinition:
    case K::SchemaExtension:
        return u"SCHEMA"_s;
    case K::ScalarTypeDefinition:
    case K::ScalarTypeExtension:
        return u"SCALAR"_s;
    case K::ObjectTypeDefinition:
    case K::ObjectTypeExtension:
        return u"OBJECT"_s;
    case K::FieldDefinition:
        return u"FIELD_DEFINITION"_s;
    case K::InterfaceTypeDefinition:
    case K::InterfaceTypeExtension:
        return u"INTERFACE"_s;
    case K::UnionTypeDefinition:
    case K::UnionTypeExtension:
        return u"UNION"_s;
    case K::EnumTypeDefinition:
    case K::EnumTypeExtension:
        return u"ENUM"_s;
    case K::EnumValueDefinition:
        return u"ENUM_VALUE"_s;
    case K::InputObjectTypeDefinition:
    case K::InputObjectTypeExtension:
        return u"INPUT_OBJECT"_s;
    case K::InputValueDefinition: {
        const Ast::Node *parent = context.ancestor(2);
        return parent && parent->kind == K::InputObjectTypeDefinition ? u"INPUT_FIELD_DEFINITION"_s
                                                                      : u"ARGUMENT_DEFINITION"_s;
    }
    case K::DirectiveDefinition:
        return u"DIRECTIVE_DEFINITION"_s;
    default:
        return {};
    }
}

} // namespace

bool KnownDirectivesRule::enter(const Ast::Node *node)
{
    if (!m_indexed) {
        m_indexed = true;
        for (const Directive &directive : m_context.schema().directives())
            m_locations.insert(directive.name, directive.locations);
        for (const Ast::Definition *definition : m_context.document().definitions) {
            if (const auto *directive = Ast::astCast<Ast::DirectiveDefinition>(definition)) {
                QStringList locations;
                for (const Ast::Name *name : directive->locations)
                    locations.append(name->value);
                m_locations.insert(directive->name, locations);
            }
        }
    }
    const auto *directive = static_cast<const Ast::Directive *>(node);
    const auto it = m_locations.constFind(directive->name);
    if (it == m_locations.constEnd()) {
        m_context.reportError(u"Unknown directive \"@"_s + directive->name + u"\"."_s, {directive->loc});
        return true;
    }
    const QString candidate = locationFor(m_context);
    if (!candidate.isEmpty() && !it->contains(candidate))
        m_context.reportError(u"Directive \"@"_s + directive->name + u"\" may not be used on "_s + candidate + u'.',
                              {directive->loc});
    return true;
}

} // namespace Sextant::Core
