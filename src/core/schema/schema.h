// SPDX-License-Identifier: MIT
// Sextant: an immutable GraphQL schema (types, directives, root operation types) with name lookup.
#pragma once

#include <core/schema/schematypes.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Sextant::Core {

/**
 * A complete type system (GraphQL spec §3 "Type System", §4 "Introspection"): named types in the
 * order the source listed them, directives, root operation type names and the non-fatal problems
 * found while building it. Built once (by IntrospectionReader, or any reader that fills
 * Schema::Contents) and never modified afterwards, so one instance is shared through
 * std::shared_ptr<const Schema> and read concurrently from any thread. Lookups of an unknown name
 * return nullptr. Not copyable: the name index points into the stored names.
 */
class Schema final
{
public:
    /// Everything a reader collects; moved into the Schema.
    struct Contents
    {
        QString description;
        QString queryTypeName;
        QString mutationTypeName;
        QString subscriptionTypeName;
        QList<NamedType> types;
        QList<Directive> directives;
        QStringList warnings;
    };

    /// Indexes the types and directives by name. A duplicate name adds a warning; the first wins.
    explicit Schema(Contents contents);
    Schema(const Schema &) = delete;
    Schema &operator=(const Schema &) = delete;

    QString description() const { return m_contents.description; }
    QString queryTypeName() const { return m_contents.queryTypeName; }
    QString mutationTypeName() const { return m_contents.mutationTypeName; }
    QString subscriptionTypeName() const { return m_contents.subscriptionTypeName; }

    /// Root operation types; nullptr when the schema has none of that operation (or names a missing type).
    const NamedType *queryType() const { return type(m_contents.queryTypeName); }
    const NamedType *mutationType() const { return type(m_contents.mutationTypeName); }
    const NamedType *subscriptionType() const { return type(m_contents.subscriptionTypeName); }

    /// Hash lookup; nullptr if absent.
    const NamedType *type(QStringView name) const;
    /// Position of the type in types(), -1 if absent.
    qsizetype typeIndex(QStringView name) const { return m_typeIndex.value(name, -1); }
    const QList<NamedType> &types() const { return m_contents.types; }

    const Directive *directive(QStringView name) const;
    const QList<Directive> &directives() const { return m_contents.directives; }

    /// Number of named types, by default without the "__" introspection types.
    int typeCount(bool includeIntrospectionTypes = false) const;

    /// True if `typeName` is one of the possible types of the abstract type `abstractTypeName`
    /// (a union member or an object implementing the interface), or the same type.
    bool isPossibleType(QStringView abstractTypeName, QStringView typeName) const;

    QStringList warnings() const { return m_contents.warnings; }

private:
    Contents m_contents;
    QHash<QStringView, qsizetype> m_typeIndex;      // views into m_contents.types[i].name
    QHash<QStringView, qsizetype> m_directiveIndex; // views into m_contents.directives[i].name
    int m_introspectionTypeCount = 0;
};

} // namespace Sextant::Core
