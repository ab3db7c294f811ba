// SPDX-License-Identifier: MIT
// Sextant: §5.3.3 Leaf Field Selections (graphql-js ScalarLeafsRule).
#include <core/validation/rules/scalarleafsrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

ScalarLeafsRule::ScalarLeafsRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Field);
}

bool ScalarLeafsRule::enter(const Ast::Node *node)
{
    const auto *field = static_cast<const Ast::Field *>(node);
    const TypeRef type = m_context.typeInfo().type();
    if (!type.isValid())
        return true;
    const NamedType *named = namedTypeOf(m_context.schema(), type);
    if (named && isLeafKind(named->kind)) {
        if (field->selectionSet)
            m_context.reportError(u"Field \""_s + field->name + u"\" must not have a selection since type \""_s
                                      + type.toString() + u"\" has no subfields."_s,
                                  {field->selectionSet->loc});
    } else if (!field->selectionSet) {
        m_context.reportError(u"Field \""_s + field->name + u"\" of type \""_s + type.toString()
                                  + u"\" must have a selection of subfields. Did you mean \""_s + field->name
                                  + u" { ... }\"?"_s,
                              {field->loc});
    } else if (field->selectionSet->selections.isEmpty()) {
        m_context.reportError(u"Field \""_s + field->name + u"\" of type \""_s + type.toString()
                                  + u"\" must have at least one field selected."_s,
                              {field->loc});
    }
    return true;
}

} // namespace Sextant::Core
