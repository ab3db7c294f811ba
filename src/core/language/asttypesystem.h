// SPDX-License-Identifier: MIT
// Sextant: AST nodes of the type system definition language (spec §3, Appendix B "Type System").
#pragma once

// Included from ast.h (needs Node, Definition, Value, Type, Directive, StringValue, NamedType).
#include <core/language/ast.h>

namespace Sextant::Core::Ast {

/**
 * Type-system nodes (SDL), see ast.h for the conventions. Descriptions (§3.2) are StringValue nodes; an
 * `...Extension` shares its definition's struct and always has a null description.
 */

/** InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]? (§3.6.1, §3.10) */
struct InputValueDefinition final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::InputValueDefinition; }
    InputValueDefinition() : Node(NodeKind::InputValueDefinition) {}
    const StringValue *description = nullptr;
    QString name;
    int nameOffset = -1;
    const Type *type = nullptr;
    const Value *defaultValue = nullptr;
    AstList<Directive> directives;
};

/** FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]? (§3.6) */
struct FieldDefinition final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::FieldDefinition; }
    FieldDefinition() : Node(NodeKind::FieldDefinition) {}
    const StringValue *description = nullptr;
    QString name;
    int nameOffset = -1;
    AstList<InputValueDefinition> arguments;
    const Type *type = nullptr;
    AstList<Directive> directives;
};

/** EnumValueDefinition : Description? EnumValue Directives[Const]? (§3.9) */
struct EnumValueDefinition final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::EnumValueDefinition; }
    EnumValueDefinition() : Node(NodeKind::EnumValueDefinition) {}
    const StringValue *description = nullptr;
    QString name;
    int nameOffset = -1;
    AstList<Directive> directives;
};

/** OperationTypeDefinition : OperationType : NamedType (§3.3.1) */
struct OperationTypeDefinition final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::OperationTypeDefinition; }
    OperationTypeDefinition() : Node(NodeKind::OperationTypeDefinition) {}
    OperationType operation = OperationType::Query;
    const NamedType *type = nullptr;
};

/** A bare Name with its location (used for DirectiveLocation, §3.13). */
struct Name final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::Name; }
    Name() : Node(NodeKind::Name) {}
    QString value;
};

/** SchemaDefinition : Description? schema Directives[Const]? { OperationTypeDefinition+ } (§3.3) */
struct SchemaDefinition : Definition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::SchemaDefinition; }
    SchemaDefinition() : Definition(NodeKind::SchemaDefinition) {}
    const StringValue *description = nullptr;
    AstList<Directive> directives;
    AstList<OperationTypeDefinition> operationTypes;

protected:
    using Definition::Definition;
};

/** SchemaExtension : extend schema Directives[Const]? { OperationTypeDefinition+ } | extend schema Directives[Const]
 * (§3.3.2) */
struct SchemaExtension final : SchemaDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::SchemaExtension; }
    SchemaExtension() : SchemaDefinition(NodeKind::SchemaExtension) {}
};

/** TypeDefinition / TypeExtension (§3.4, §3.4.3): what every named type definition and extension has. */
struct TypeDefinition : Definition
{
    static constexpr bool classof(NodeKind k)
    {
        return k >= NodeKind::ScalarTypeDefinition && k <= NodeKind::InputObjectTypeExtension;
    }
    bool isExtension() const { return kind >= NodeKind::ScalarTypeExtension; }

    const StringValue *description = nullptr;
    QString name;
    int nameOffset = -1;
    AstList<Directive> directives;

protected:
    using Definition::Definition;
};

/** ScalarTypeDefinition : Description? scalar Name Directives[Const]? (§3.5) */
struct ScalarTypeDefinition : TypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::ScalarTypeDefinition; }
    ScalarTypeDefinition() : TypeDefinition(NodeKind::ScalarTypeDefinition) {}

protected:
    using TypeDefinition::TypeDefinition;
};

/** ScalarTypeExtension : extend scalar Name Directives[Const] (§3.5.1) */
struct ScalarTypeExtension final : ScalarTypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::ScalarTypeExtension; }
    ScalarTypeExtension() : ScalarTypeDefinition(NodeKind::ScalarTypeExtension) {}
};

/** ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition? (§3.6) */
struct ObjectTypeDefinition : TypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::ObjectTypeDefinition; }
    ObjectTypeDefinition() : TypeDefinition(NodeKind::ObjectTypeDefinition) {}
    AstList<NamedType> interfaces;
    AstList<FieldDefinition> fields;

protected:
    using TypeDefinition::TypeDefinition;
};

/** ObjectTypeExtension : extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition (and shorter forms)
 * (§3.6.3) */
struct ObjectTypeExtension final : ObjectTypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::ObjectTypeExtension; }
    ObjectTypeExtension() : ObjectTypeDefinition(NodeKind::ObjectTypeExtension) {}
};

/** InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
 * (§3.7) */
struct InterfaceTypeDefinition : TypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::InterfaceTypeDefinition; }
    InterfaceTypeDefinition() : TypeDefinition(NodeKind::InterfaceTypeDefinition) {}
    AstList<NamedType> interfaces;
    AstList<FieldDefinition> fields;

protected:
    using TypeDefinition::TypeDefinition;
};

/** InterfaceTypeExtension (§3.7.1) */
struct InterfaceTypeExtension final : InterfaceTypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::InterfaceTypeExtension; }
    InterfaceTypeExtension() : InterfaceTypeDefinition(NodeKind::InterfaceTypeExtension) {}
};

/** UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes? (§3.8) */
struct UnionTypeDefinition : TypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::UnionTypeDefinition; }
    UnionTypeDefinition() : TypeDefinition(NodeKind::UnionTypeDefinition) {}
    AstList<NamedType> types;

protected:
    using TypeDefinition::TypeDefinition;
};

/** UnionTypeExtension (§3.8.1) */
struct UnionTypeExtension final : UnionTypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::UnionTypeExtension; }
    UnionTypeExtension() : UnionTypeDefinition(NodeKind::UnionTypeExtension) {}
};

/** EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition? (§3.9) */
struct EnumTypeDefinition : TypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::EnumTypeDefinition; }
    EnumTypeDefinition() : TypeDefinition(NodeKind::EnumTypeDefinition) {}
    AstList<EnumValueDefinition> values;

protected:
    using TypeDefinition::TypeDefinition;
};

/** EnumTypeExtension (§3.9.1) */
struct EnumTypeExtension final : EnumTypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::EnumTypeExtension; }
    EnumTypeExtension() : EnumTypeDefinition(NodeKind::EnumTypeExtension) {}
};

/** InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition? (§3.10) */
struct InputObjectTypeDefinition : TypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::InputObjectTypeDefinition; }
    InputObjectTypeDefinition() : TypeDefinition(NodeKind::InputObjectTypeDefinition) {}
    AstList<InputValueDefinition> fields;

protected:
    using TypeDefinition::TypeDefinition;
};

/** InputObjectTypeExtension (§3.10.1) */
struct InputObjectTypeExtension final : InputObjectTypeDefinition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::InputObjectTypeExtension; }
    InputObjectTypeExtension() : InputObjectTypeDefinition(NodeKind::InputObjectTypeExtension) {}
};

/** DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations (§3.13)
 */
struct DirectiveDefinition final : Definition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::DirectiveDefinition; }
    DirectiveDefinition() : Definition(NodeKind::DirectiveDefinition) {}
    const StringValue *description = nullptr;
    QString name; // without the '@'
    int nameOffset = -1;
    AstList<InputValueDefinition> arguments;
    bool repeatable = false;
    AstList<Name> locations;
};

} // namespace Sextant::Core::Ast
