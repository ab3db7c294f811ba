// SPDX-License-Identifier: MIT
// Sextant: the eight __TypeKind values of GraphQL introspection and their names.
#pragma once

#include <QString>
#include <QStringView>

namespace Sextant::Core {

/**
 * The kinds of a `__Type` (GraphQL spec §4.5 "__TypeKind"). Pure values, usable from any thread.
 * On an unknown name typeKindFromName() sets `*ok` to false and returns Scalar.
 */
enum class TypeKind : quint8 { Scalar, Object, Interface, Union, Enum, InputObject, List, NonNull };

/// "SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL".
QString typeKindName(TypeKind kind);

/// Inverse of typeKindName(); sets *ok to false (and returns Scalar) for anything else.
TypeKind typeKindFromName(QStringView name, bool *ok = nullptr);

/// True for the kinds a named type can have (everything but List and NonNull).
constexpr bool isNamedTypeKind(TypeKind kind)
{
    return kind != TypeKind::List && kind != TypeKind::NonNull;
}

/// Input types may appear as arguments and input fields (spec §3.10 "Input and Output Types").
constexpr bool isInputTypeKind(TypeKind kind)
{
    return kind == TypeKind::Scalar || kind == TypeKind::Enum || kind == TypeKind::InputObject;
}

/// Composite types have a selection set (spec §5.3.3 "Leaf Field Selections").
constexpr bool isCompositeTypeKind(TypeKind kind)
{
    return kind == TypeKind::Object || kind == TypeKind::Interface || kind == TypeKind::Union;
}

} // namespace Sextant::Core
