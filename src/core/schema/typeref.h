// SPDX-License-Identifier: MIT
// Sextant: a reference to a named type wrapped in List and NonNull ("[Run!]!").
#pragma once

#include <core/schema/typekind.h>

#include <QString>
#include <QStringView>

namespace Sextant::Core {

/**
 * A type reference as used by fields, arguments, input fields and variable definitions: a named type
 * wrapped in zero or more List / NonNull wrappers (GraphQL spec §2.11 "Type References", §4.5 "__Type"
 * with kind LIST / NON_NULL and `ofType`). A small immutable value (the name plus a bit per wrapper,
 * at most 32 wrappers); safe to copy between threads.
 *
 * Invalid (isValid() false, toString() empty) when default-constructed, when parse() is given bad
 * text, and when a factory is asked for something the spec forbids (NonNull of NonNull, an empty
 * name, more than 32 wrappers).
 */
class TypeRef final
{
public:
    static constexpr int MaxWrappers = 32;

    TypeRef() = default;

    bool isValid() const { return !m_name.isEmpty(); }

    /// The innermost named type ("Run" for "[Run!]!").
    QString namedType() const { return m_name; }
    /// SDL spelling ("[Run!]!").
    QString toString() const;

    bool isNonNull() const { return m_depth > 0 && (m_nonNullBits & 1u); }
    bool isList() const { return m_depth > 0 && !(m_nonNullBits & 1u); }
    /// True when there is no wrapper at all (the reference is the named type itself).
    bool isNamed() const { return isValid() && m_depth == 0; }
    /// Number of List/NonNull wrappers (5 for "[[String!]!]!").
    int wrapperCount() const { return m_depth; }
    /// Kind of the outermost wrapper (List or NonNull). For an unwrapped reference *ok is set to false:
    /// the kind of a named type lives in the Schema (Schema::type(namedType())->kind).
    TypeKind wrapperKind(bool *ok = nullptr) const;

    /// Strips the outermost wrapper; invalid for an unwrapped (named) reference.
    TypeRef ofType() const;
    /// Strips an outer NonNull if there is one ("[Run!]!" -> "[Run!]").
    TypeRef nullable() const { return isNonNull() ? ofType() : *this; }

    static TypeRef named(const QString &name);
    static TypeRef list(const TypeRef &ofType);
    /// Invalid if `ofType` is already NonNull (spec §3.12.2: NonNull may not wrap NonNull).
    static TypeRef nonNull(const TypeRef &ofType);
    /// Parses SDL type syntax ("[Int!]!", whitespace and commas ignored); invalid on bad input.
    static TypeRef parse(QStringView text);

    friend bool operator==(const TypeRef &a, const TypeRef &b)
    {
        return a.m_depth == b.m_depth && a.m_nonNullBits == b.m_nonNullBits && a.m_name == b.m_name;
    }
    friend bool operator!=(const TypeRef &a, const TypeRef &b) { return !(a == b); }

private:
    QString m_name;
    quint32 m_nonNullBits = 0; // bit i set: wrapper i (0 = outermost) is NonNull, else List
    quint8 m_depth = 0;
};

} // namespace Sextant::Core
