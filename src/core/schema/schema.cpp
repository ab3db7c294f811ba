// SPDX-License-Identifier: MIT
// Sextant: an immutable GraphQL schema (types, directives, root operation types) with name lookup.
#include "schema.h"

namespace Sextant::Core {

Schema::Schema(Contents contents)
    : m_contents(std::move(contents))
{
    // The QStringView keys stay valid because m_contents is never modified after this point.
    m_typeIndex.reserve(m_contents.types.size());
    for (qsizetype i = 0; i < m_contents.types.size(); ++i) {
        const NamedType &t = std::as_const(m_contents.types)[i];
        if (t.isIntrospectionType())
            ++m_introspectionTypeCount;
        if (m_typeIndex.contains(t.name)) {
            m_contents.warnings.append(QStringLiteral("Type \"%1\" is defined more than once; the first definition is used.").arg(t.name));
            continue;
        }
        m_typeIndex.insert(t.name, i);
    }
    for (qsizetype i = 0; i < m_contents.directives.size(); ++i) {
        const Directive &d = std::as_const(m_contents.directives)[i];
        if (m_directiveIndex.contains(d.name)) {
            m_contents.warnings.append(QStringLiteral("Directive \"@%1\" is defined more than once; the first definition is used.").arg(d.name));
            continue;
        }
        m_directiveIndex.insert(d.name, i);
    }
}

const NamedType *Schema::type(QStringView name) const
{
    const qsizetype i = m_typeIndex.value(name, -1);
    return i < 0 ? nullptr : &m_contents.types.at(i);
}

const Directive *Schema::directive(QStringView name) const
{
    const qsizetype i = m_directiveIndex.value(name, -1);
    return i < 0 ? nullptr : &m_contents.directives.at(i);
}

int Schema::typeCount(bool includeIntrospectionTypes) const
{
    const int all = int(m_contents.types.size());
    return includeIntrospectionTypes ? all : all - m_introspectionTypeCount;
}

bool Schema::isPossibleType(QStringView abstractTypeName, QStringView typeName) const
{
    if (abstractTypeName == typeName)
        return true;
    const NamedType *abstractType = type(abstractTypeName);
    if (!abstractType)
        return false;
    if (abstractType->possibleTypes.contains(typeName))
        return true;
    // possibleTypes of an interface lists objects only; an interface implementing it counts too.
    if (abstractType->kind == TypeKind::Interface) {
        const NamedType *candidate = type(typeName);
        return candidate && candidate->interfaces.contains(abstractTypeName);
    }
    return false;
}

} // namespace Sextant::Core
