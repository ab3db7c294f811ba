// SPDX-License-Identifier: MIT
// Sextant: depth-first walk over a Document in graphql-js visitor key order (descriptions skipped).
#pragma once

#include <core/language/ast.h>

namespace Sextant::Core {

/**
 * Calls `visitor.enter(node)` and `visitor.leave(node)` for every node of an AST subtree in the order of
 * graphql-js QueryDocumentKeys minus 'description' (its QueryDocumentKeysToValidate). Name tokens are not
 * nodes in Sextant's AST and are not visited. When enter() returns false the children and the matching
 * leave() are skipped (graphql-js `return false`). Header-only template; runs on the caller's thread.
 */
template<class Visitor>
class AstWalker final
{
public:
    explicit AstWalker(Visitor &visitor) : m_visitor(visitor) {}

    void walk(const Ast::Node *node)
    {
        if (!node || !m_visitor.enter(node))
            return;
        walkChildren(node);
        m_visitor.leave(node);
    }

private:
    template<class T>
    void walkList(const Ast::AstList<T> &list)
    {
        for (const T *item : list)
            walk(item);
    }

    void walkChildren(const Ast::Node *node)
    {
        namespace A = Ast;
        switch (node->kind) {
        case A::NodeKind::Document:
            walkList(static_cast<const A::Document *>(node)->definitions);
            break;
        case A::NodeKind::OperationDefinition: {
            const auto *n = static_cast<const A::OperationDefinition *>(node);
            walkList(n->variableDefinitions);
            walkList(n->directives);
            walk(n->selectionSet);
            break;
        }
        case A::NodeKind::VariableDefinition: {
            const auto *n = static_cast<const A::VariableDefinition *>(node);
            walk(n->variable);
            walk(n->type);
            walk(n->defaultValue);
            walkList(n->directives);
            break;
        }
        case A::NodeKind::SelectionSet:
            walkList(static_cast<const A::SelectionSet *>(node)->selections);
            break;
        case A::NodeKind::Field: {
            const auto *n = static_cast<const A::Field *>(node);
            walkList(n->arguments);
            walkList(n->directives);
            walk(n->selectionSet);
            break;
        }
        case A::NodeKind::Argument:
            walk(static_cast<const A::Argument *>(node)->value);
            break;
        case A::NodeKind::FragmentSpread:
            walkList(static_cast<const A::FragmentSpread *>(node)->directives);
            break;
        case A::NodeKind::InlineFragment: {
            const auto *n = static_cast<const A::InlineFragment *>(node);
            walk(n->typeCondition);
            walkList(n->directives);
            walk(n->selectionSet);
            break;
        }
        case A::NodeKind::FragmentDefinition: {
            const auto *n = static_cast<const A::FragmentDefinition *>(node);
            walk(n->typeCondition);
            walkList(n->directives);
            walk(n->selectionSet);
            break;
        }
        case A::NodeKind::ListValue:
            walkList(static_cast<const A::ListValue *>(node)->values);
            break;
        case A::NodeKind::ObjectValue:
            walkList(static_cast<const A::ObjectValue *>(node)->fields);
            break;
        case A::NodeKind::ObjectField:
            walk(static_cast<const A::ObjectField *>(node)->value);
            break;
        case A::NodeKind::Directive:
            walkList(static_cast<const A::Directive *>(node)->arguments);
            break;
        case A::NodeKind::ListType:
            walk(static_cast<const A::ListType *>(node)->type);
            break;
        case A::NodeKind::NonNullType:
            walk(static_cast<const A::NonNullType *>(node)->type);
            break;
        case A::NodeKind::SchemaDefinition:
        case A::NodeKind::SchemaExtension: {
            const auto *n = static_cast<const A::SchemaDefinition *>(node);
            walkList(n->directives);
            walkList(n->operationTypes);
            break;
        }
        case A::NodeKind::OperationTypeDefinition:
            walk(static_cast<const A::OperationTypeDefinition *>(node)->type);
            break;
        case A::NodeKind::ScalarTypeDefinition:
        case A::NodeKind::ScalarTypeExtension:
            walkList(static_cast<const A::TypeDefinition *>(node)->directives);
            break;
        case A::NodeKind::ObjectTypeDefinition:
        case A::NodeKind::ObjectTypeExtension: {
            const auto *n = static_cast<const A::ObjectTypeDefinition *>(node);
            walkList(n->interfaces);
            walkList(n->directives);
            walkList(n->fields);
            break;
        }
        case A::NodeKind::InterfaceTypeDefinition:
        case A::NodeKind::InterfaceTypeExtension: {
            const auto *n = static_cast<const A::InterfaceTypeDefinition *>(node);
            walkList(n->interfaces);
            walkList(n->directives);
            walkList(n->fields);
            break;
        }
        case A::NodeKind::UnionTypeDefinition:
        case A::NodeKind::UnionTypeExtension: {
            const auto *n = static_cast<const A::UnionTypeDefinition *>(node);
            walkList(n->directives);
            walkList(n->types);
            break;
        }
        case A::NodeKind::EnumTypeDefinition:
        case A::NodeKind::EnumTypeExtension: {
            const auto *n = static_cast<const A::EnumTypeDefinition *>(node);
            walkList(n->directives);
            walkList(n->values);
            break;
        }
        case A::NodeKind::InputObjectTypeDefinition:
        case A::NodeKind::InputObjectTypeExtension: {
            const auto *n = static_cast<const A::InputObjectTypeDefinition *>(node);
            walkList(n->directives);
            walkList(n->fields);
            break;
        }
        case A::NodeKind::FieldDefinition: {
            const auto *n = static_cast<const A::FieldDefinition *>(node);
            walkList(n->arguments);
            walk(n->type);
            walkList(n->directives);
            break;
        }
        case A::NodeKind::InputValueDefinition: {
            const auto *n = static_cast<const A::InputValueDefinition *>(node);
            walk(n->type);
            walk(n->defaultValue);
            walkList(n->directives);
            break;
        }
        case A::NodeKind::EnumValueDefinition:
            walkList(static_cast<const A::EnumValueDefinition *>(node)->directives);
            break;
        case A::NodeKind::DirectiveDefinition:
            walkList(static_cast<const A::DirectiveDefinition *>(node)->arguments);
            break;
        default:
            break;
        }
    }

    Visitor &m_visitor;
};

} // namespace Sextant::Core
