// SPDX-License-Identifier: MIT
// Sextant: graphql-js recommendedRules (not in the spec): introspection list nesting (graphql-js
// MaxIntrospectionDepthRule).
#include <core/validation/rules/maxintrospectiondepthrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

MaxIntrospectionDepthRule::MaxIntrospectionDepthRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Field);
}

bool MaxIntrospectionDepthRule::checkDepth(const Ast::Node *node, QHash<QStringView, int> &visited, int depth)
{
    if (const auto *spread = Ast::astCast<Ast::FragmentSpread>(node)) {
        const QString &name = spread->name;
        const auto exceeded = m_exceeded.constFind(name);
        if (exceeded != m_exceeded.constEnd() && *exceeded <= depth)
            return true;
        const auto seen = visited.constFind(name);
        const auto checked = m_checked.constFind(name);
        if ((seen != visited.constEnd() && *seen >= depth) || (checked != m_checked.constEnd() && *checked >= depth))
            return false;
        const Ast::FragmentDefinition *fragment = m_context.fragment(name);
        if (!fragment)
            return false;
        visited.insert(name, depth);
        if (checkDepth(fragment, visited, depth)) {
            m_exceeded.insert(name, depth);
            return true;
        }
        m_checked.insert(name, depth);
        return false;
    }
    const Ast::SelectionSet *selectionSet = nullptr;
    if (const auto *field = Ast::astCast<Ast::Field>(node)) {
        if (field->name == u"fields" || field->name == u"interfaces" || field->name == u"possibleTypes"
            || field->name == u"inputFields") {
            if (++depth >= 3)
                return true;
        }
        selectionSet = field->selectionSet;
    } else if (const auto *inlineFragment = Ast::astCast<Ast::InlineFragment>(node)) {
        selectionSet = inlineFragment->selectionSet;
    } else if (const auto *fragment = Ast::astCast<Ast::FragmentDefinition>(node)) {
        selectionSet = fragment->selectionSet;
    }
    if (selectionSet) {
        for (const Ast::Selection *child : selectionSet->selections)
            if (checkDepth(child, visited, depth))
                return true;
    }
    return false;
}

bool MaxIntrospectionDepthRule::enter(const Ast::Node *node)
{
    const auto *field = static_cast<const Ast::Field *>(node);
    if (field->name == u"__schema" || field->name == u"__type") {
        QHash<QStringView, int> visited;
        if (checkDepth(field, visited, 0)) {
            m_context.reportError(u"Maximum introspection depth exceeded"_s, {field->loc});
            return false;
        }
    }
    return true;
}

} // namespace Sextant::Core
