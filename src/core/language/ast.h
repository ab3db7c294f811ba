// SPDX-License-Identifier: MIT
// Sextant: the GraphQL abstract syntax tree (spec §2 Language, §3 Type System; Appendix B grammar).
#pragma once

#include <core/language/astarena.h>
#include <core/language/astlist.h>
#include <core/language/sourcelocation.h>

#include <QtCore/QList>
#include <QtCore/QString>

namespace Sextant::Core {

/** OperationType : one of query mutation subscription (§2.3) */
enum class OperationType : quint8 { Query, Mutation, Subscription };

/** "query", "mutation" or "subscription". */
QString operationTypeKeyword(OperationType operation);

} // namespace Sextant::Core

// The AST lives in its own namespace: its node names (Field, Directive, EnumValue, NamedType — the spec's
// grammar terms) are also the natural names of the schema's introspection types in Sextant::Core.
namespace Sextant::Core::Ast {

/**
 * AST node structs named after the spec productions. A Document owns all its nodes in one AstArena;
 * nodes refer to each other with plain `const T *` pointers and AstList<T> lists, so a tree is cheap to
 * build, free to walk and immutable once parsed (safe to read from several threads).
 *
 * Every node has `kind`, `loc` (its first token: 1-based line/column and 0-based offset) and `endOffset`
 * (the end of its last token, exclusive). Names are plain QStrings with the offset of the name token
 * next to them (`nameOffset`), for hover and go-to-definition.
 *
 * Down-cast with astCast<T>(node) (nullptr if the kind does not match) or switch on `kind`. The
 * `...Extension` structs derive from their `...Definition` to share the layout; astCast<> matches exact
 * kinds only, so astCast<ObjectTypeDefinition>() never returns an extension.
 *
 * A Document from a failed parse (ParseResult::errors not empty) is partial: a list holds the items
 * parsed before or recovered after an error, and single child pointers (`selectionSet`, `value`, `type`,
 * ...) may be null and names empty where the source was missing a part. A valid parse leaves
 * no required pointer null.
 */

enum class NodeKind : quint8 {
    Document,
    // Definition (§2.2)
    OperationDefinition,
    FragmentDefinition,
    SchemaDefinition,
    SchemaExtension,
    DirectiveDefinition,
    // TypeDefinition / TypeExtension (§3.4, §3.4.3)
    ScalarTypeDefinition,
    ObjectTypeDefinition,
    InterfaceTypeDefinition,
    UnionTypeDefinition,
    EnumTypeDefinition,
    InputObjectTypeDefinition,
    ScalarTypeExtension,
    ObjectTypeExtension,
    InterfaceTypeExtension,
    UnionTypeExtension,
    EnumTypeExtension,
    InputObjectTypeExtension,
    // Selection (§2.4)
    Field,
    FragmentSpread,
    InlineFragment,
    // Value (§2.9)
    Variable,
    IntValue,
    FloatValue,
    StringValue,
    BooleanValue,
    NullValue,
    EnumValue,
    ListValue,
    ObjectValue,
    // Type (§2.11)
    NamedType,
    ListType,
    NonNullType,
    // Other parts
    VariableDefinition,
    SelectionSet,
    Argument,
    Directive,
    ObjectField,
    OperationTypeDefinition,
    FieldDefinition,
    InputValueDefinition,
    EnumValueDefinition,
    Name,
};


struct Node
{
    NodeKind kind;
    SourceLocation loc;
    int endOffset = -1;

protected:
    explicit Node(NodeKind k) : kind(k) {}
};

template<class T>
const T *astCast(const Node *node)
{
    return node && T::classof(node->kind) ? static_cast<const T *>(node) : nullptr;
}

struct Directive;
struct SelectionSet;
struct StringValue;
struct NamedType;
struct Type;
struct Value;

/** Definition : ExecutableDefinition | TypeSystemDefinition | TypeSystemExtension (§2.2) */
struct Definition : Node
{
    static constexpr bool classof(NodeKind k)
    {
        return k >= NodeKind::OperationDefinition && k <= NodeKind::InputObjectTypeExtension;
    }

protected:
    using Node::Node;
};

// ---------------------------------------------------------------------------------------------------------
// Values (§2.9) and variables (§2.10)

/** Value[Const] : Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue | ListValue |
 * ObjectValue */
struct Value : Node
{
    static constexpr bool classof(NodeKind k) { return k >= NodeKind::Variable && k <= NodeKind::ObjectValue; }

protected:
    using Node::Node;
};

/** Variable : $ Name */
struct Variable final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::Variable; }
    Variable() : Value(NodeKind::Variable) {}
    QString name; // without the '$'
    int nameOffset = -1;
};

/** IntValue: the literal as written (may exceed 32 bits; range checks belong to validation). */
struct IntValue final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::IntValue; }
    IntValue() : Value(NodeKind::IntValue) {}
    QString value;
};

/** FloatValue: the literal as written. */
struct FloatValue final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::FloatValue; }
    FloatValue() : Value(NodeKind::FloatValue) {}
    QString value;
};

/** StringValue: the cooked value; `block` for `"""` block strings (also used for descriptions). */
struct StringValue final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::StringValue; }
    StringValue() : Value(NodeKind::StringValue) {}
    QString value;
    bool block = false;
};

/** BooleanValue : one of true false */
struct BooleanValue final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::BooleanValue; }
    BooleanValue() : Value(NodeKind::BooleanValue) {}
    bool value = false;
};

/** NullValue : null */
struct NullValue final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::NullValue; }
    NullValue() : Value(NodeKind::NullValue) {}
};

/** EnumValue : Name but not true, false or null */
struct EnumValue final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::EnumValue; }
    EnumValue() : Value(NodeKind::EnumValue) {}
    QString value;
};

/** ListValue : [ ] | [ Value+ ] */
struct ListValue final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::ListValue; }
    ListValue() : Value(NodeKind::ListValue) {}
    AstList<Value> values;
};

/** ObjectField : Name : Value */
struct ObjectField final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::ObjectField; }
    ObjectField() : Node(NodeKind::ObjectField) {}
    QString name;
    int nameOffset = -1;
    const Value *value = nullptr;
};

/** ObjectValue : { } | { ObjectField+ } */
struct ObjectValue final : Value
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::ObjectValue; }
    ObjectValue() : Value(NodeKind::ObjectValue) {}
    AstList<ObjectField> fields;
};

// ---------------------------------------------------------------------------------------------------------
// Type references (§2.11)

/** Type : NamedType | ListType | NonNullType */
struct Type : Node
{
    static constexpr bool classof(NodeKind k) { return k >= NodeKind::NamedType && k <= NodeKind::NonNullType; }

protected:
    using Node::Node;
};

/** NamedType : Name */
struct NamedType final : Type
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::NamedType; }
    NamedType() : Type(NodeKind::NamedType) {}
    QString name;
};

/** ListType : [ Type ] */
struct ListType final : Type
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::ListType; }
    ListType() : Type(NodeKind::ListType) {}
    const Type *type = nullptr;
};

/** NonNullType : NamedType ! | ListType ! */
struct NonNullType final : Type
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::NonNullType; }
    NonNullType() : Type(NodeKind::NonNullType) {}
    const Type *type = nullptr;
};

/** The type as written in GraphQL, e.g. "[Int!]!" ("" for null). */
QString typeReferenceString(const Type *type);

/** The innermost NamedType of a type reference, or nullptr. */
const NamedType *namedTypeOf(const Type *type);

// ---------------------------------------------------------------------------------------------------------
// Arguments (§2.6) and directives (§2.12)

/** Argument[Const] : Name : Value[?Const] */
struct Argument final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::Argument; }
    Argument() : Node(NodeKind::Argument) {}
    QString name;
    int nameOffset = -1;
    const Value *value = nullptr;
};

/** Directive[Const] : @ Name Arguments[?Const]? */
struct Directive final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::Directive; }
    Directive() : Node(NodeKind::Directive) {}
    QString name; // without the '@'
    int nameOffset = -1;
    AstList<Argument> arguments;
};

// ---------------------------------------------------------------------------------------------------------
// Executable definitions: operations (§2.3), selections (§2.4, §2.5, §2.8), variables (§2.10)

/** VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]? */
struct VariableDefinition final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::VariableDefinition; }
    VariableDefinition() : Node(NodeKind::VariableDefinition) {}
    const StringValue *description = nullptr;
    const Variable *variable = nullptr;
    const Type *type = nullptr;
    const Value *defaultValue = nullptr;
    AstList<Directive> directives;
};

/** Selection : Field | FragmentSpread | InlineFragment */
struct Selection : Node
{
    static constexpr bool classof(NodeKind k) { return k >= NodeKind::Field && k <= NodeKind::InlineFragment; }

protected:
    using Node::Node;
};

/** SelectionSet : { Selection+ } */
struct SelectionSet final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::SelectionSet; }
    SelectionSet() : Node(NodeKind::SelectionSet) {}
    AstList<Selection> selections;
};

/** Field : Alias? Name Arguments? Directives? SelectionSet? — Alias : Name : */
struct Field final : Selection
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::Field; }
    Field() : Selection(NodeKind::Field) {}
    QString alias; // empty without an alias
    int aliasOffset = -1;
    QString name;
    int nameOffset = -1;
    AstList<Argument> arguments;
    AstList<Directive> directives;
    const SelectionSet *selectionSet = nullptr; // null for leaf fields

    /** The response key: the alias if any, else the name (§2.7). */
    const QString &responseKey() const { return alias.isEmpty() ? name : alias; }
};

/** FragmentSpread : ... FragmentName Directives? */
struct FragmentSpread final : Selection
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::FragmentSpread; }
    FragmentSpread() : Selection(NodeKind::FragmentSpread) {}
    QString name;
    int nameOffset = -1;
    AstList<Directive> directives;
};

/** InlineFragment : ... TypeCondition? Directives? SelectionSet */
struct InlineFragment final : Selection
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::InlineFragment; }
    InlineFragment() : Selection(NodeKind::InlineFragment) {}
    const NamedType *typeCondition = nullptr; // null without "on Type"
    AstList<Directive> directives;
    const SelectionSet *selectionSet = nullptr;
};

/** OperationDefinition : Description? OperationType Name? VariableDefinitions? Directives? SelectionSet | SelectionSet
 */
struct OperationDefinition final : Definition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::OperationDefinition; }
    OperationDefinition() : Definition(NodeKind::OperationDefinition) {}
    OperationType operation = OperationType::Query;
    const StringValue *description = nullptr;
    QString name; // empty when anonymous
    int nameOffset = -1;
    AstList<VariableDefinition> variableDefinitions;
    AstList<Directive> directives;
    const SelectionSet *selectionSet = nullptr;
    bool shorthand = false; // the `{ ... }` query shorthand
};

/** FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet */
struct FragmentDefinition final : Definition
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::FragmentDefinition; }
    FragmentDefinition() : Definition(NodeKind::FragmentDefinition) {}
    const StringValue *description = nullptr;
    QString name;
    int nameOffset = -1;
    const NamedType *typeCondition = nullptr;
    AstList<Directive> directives;
    const SelectionSet *selectionSet = nullptr;
};

} // namespace Sextant::Core::Ast

#include <core/language/asttypesystem.h>

namespace Sextant::Core::Ast {

/** Document : Definition+ (§2.2). Owns the source text and every node. */
struct Document final : Node
{
    static constexpr bool classof(NodeKind k) { return k == NodeKind::Document; }
    Document() : Node(NodeKind::Document) {}
    Q_DISABLE_COPY_MOVE(Document)

    QString source; // the parsed text (implicitly shared with the caller's copy)
    AstList<Definition> definitions;

    QList<const OperationDefinition *> operations() const;
    QList<const FragmentDefinition *> fragments() const;
    /** The first operation / fragment with this name, or nullptr. */
    const OperationDefinition *operation(QStringView name) const;
    const FragmentDefinition *fragment(QStringView name) const;

    /** The text of a node: source[node->loc.offset, node->endOffset). */
    QStringView textOf(const Node *node) const;

    AstArena &arena() { return m_arena; }
    const AstArena &arena() const { return m_arena; }

private:
    AstArena m_arena;
};

} // namespace Sextant::Core::Ast
