// SPDX-License-Identifier: MIT
// Sextant: the definitions a Schema is made of (named types, fields, input values, enum values, directives).
#pragma once

#include <core/schema/typeref.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Sextant::Core {

/**
 * Plain, immutable-by-convention values mirroring the introspection types of GraphQL spec §4.5
 * (`__InputValue`, `__Field`, `__EnumValue`, `__Type`, `__Directive`). A missing or `null`
 * description is an empty string (PROTOCOLS.md §2.3 step 5: "" and null are the same). They are
 * owned by a Schema and read from any thread once the Schema is built.
 */
struct InputValue
{
    QString name;
    QString description;
    TypeRef type;
    QString defaultValue; ///< GraphQL literal as printed by the server ("10", "{field: TITLE}")
    bool hasDefaultValue = false;
    bool isDeprecated = false;
    QString deprecationReason;

    /// "name: Type = default" (spec §2.6 argument / §3.10 input value notation).
    QString signature() const;
};

struct Field
{
    QString name;
    QString description;
    QList<InputValue> args;
    TypeRef type;
    bool isDeprecated = false;
    QString deprecationReason;

    /// "runsOrError(filter: RunsFilter, cursor: String, limit: Int): RunsOrError!"; no parentheses
    /// when there are no arguments ("id: ID!").
    QString signature() const;
    const InputValue *arg(QStringView name) const;
};

struct EnumValue
{
    QString name;
    QString description;
    bool isDeprecated = false;
    QString deprecationReason;
};

struct NamedType
{
    TypeKind kind = TypeKind::Scalar;
    QString name;
    QString description;
    QString specifiedByURL;        ///< scalars only; empty when absent
    bool isOneOf = false;          ///< input objects only (spec September2025 "OneOf Input Objects")
    QList<Field> fields;           ///< objects and interfaces
    QList<InputValue> inputFields; ///< input objects
    QStringList interfaces;        ///< objects and interfaces: names of the implemented interfaces
    QStringList possibleTypes;     ///< interfaces and unions: names of the object types
    QList<EnumValue> enumValues;   ///< enums

    /// Linear lookup (types have few fields); nullptr if absent.
    const Field *field(QStringView name) const;
    const InputValue *inputField(QStringView name) const;
    const EnumValue *enumValue(QStringView name) const;
    /// Name starts with "__" (spec §4.1 "Reserved Names").
    bool isIntrospectionType() const { return name.startsWith(QLatin1StringView("__")); }
    /// One-line SDL-like header: "type Run implements PipelineRun", "union U = A | B", "scalar URL".
    QString signature() const;
};

struct Directive
{
    QString name;
    QString description;
    QStringList locations; ///< __DirectiveLocation names ("FIELD", "OBJECT", ...)
    QList<InputValue> args;
    bool isRepeatable = false;
    bool isDeprecated = false; ///< graphql-js experimentalDirectiveDeprecation; false when absent
    QString deprecationReason;

    const InputValue *arg(QStringView name) const;
    /// "directive @label(value: String!) repeatable on OBJECT | FIELD_DEFINITION".
    QString signature() const;
};

} // namespace Sextant::Core
