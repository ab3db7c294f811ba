// SPDX-License-Identifier: MIT
// Sextant: §5.4.1 Argument Names (graphql-js KnownArgumentNamesRule).
#include <core/validation/rules/knownargumentnamesrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

KnownArgumentNamesRule::KnownArgumentNamesRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Directive) | bit(Ast::NodeKind::Argument);
}

bool KnownArgumentNamesRule::enter(const Ast::Node *node)
{
    if (const auto *directive = Ast::astCast<Ast::Directive>(node)) {
        if (!m_indexed) {
            m_indexed = true;
            for (const Directive &def : m_context.schema().directives()) {
                QStringList names;
                for (const InputValue &arg : def.args)
                    names.append(arg.name);
                m_directiveArgs.insert(def.name, names);
            }
            for (const Ast::Definition *definition : m_context.document().definitions) {
                if (const auto *def = Ast::astCast<Ast::DirectiveDefinition>(definition)) {
                    QStringList names;
                    for (const Ast::InputValueDefinition *arg : def->arguments)
                        if (!names.contains(arg->name))
                            names.append(arg->name);
                    m_directiveArgs.insert(def->name, names);
                }
            }
        }
        const auto it = m_directiveArgs.constFind(directive->name);
        if (it == m_directiveArgs.constEnd())
            return false;
        for (const Ast::Argument *argument : directive->arguments) {
            if (it->contains(argument->name))
                continue;
            m_context.reportError(u"Unknown argument \""_s + argument->name + u"\" on directive \"@"_s + directive->name
                                      + u"\"."_s + didYouMean(suggestionList(argument->name, *it)),
                                  {argument->loc});
        }
        return false;
    }
    const TypeInfo &typeInfo = m_context.typeInfo();
    const Field *fieldDef = typeInfo.fieldDef();
    const NamedType *parentType = typeInfo.parentType();
    if (typeInfo.argument() || !fieldDef || !parentType)
        return true;
    const auto *argument = static_cast<const Ast::Argument *>(node);
    QStringList names;
    for (const InputValue &arg : fieldDef->args)
        names.append(arg.name);
    m_context.reportError(u"Unknown argument \""_s + argument->name + u"\" on field \""_s + parentType->name + u'.'
                              + fieldDef->name + u"\"."_s + didYouMean(suggestionList(argument->name, names)),
                          {argument->loc});
    return true;
}

} // namespace Sextant::Core
