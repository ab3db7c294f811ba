// SPDX-License-Identifier: MIT
// Sextant: §5.4.2.1 Required Arguments (graphql-js ProvidedRequiredArgumentsRule).
#include <core/validation/rules/providedrequiredargumentsrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

ProvidedRequiredArgumentsRule::ProvidedRequiredArgumentsRule(ValidationContext &context) : ValidationRule(context)
{
    m_leaveKinds = bit(Ast::NodeKind::Field) | bit(Ast::NodeKind::Directive);
}

namespace {

bool provided(const Ast::AstList<Ast::Argument> &arguments, QStringView name)
{
    for (const Ast::Argument *argument : arguments)
        if (argument->name == name)
            return true;
    return false;
}

} // namespace

void ProvidedRequiredArgumentsRule::leave(const Ast::Node *node)
{
    if (const auto *field = Ast::astCast<Ast::Field>(node)) {
        const Field *fieldDef = m_context.typeInfo().fieldDef();
        if (!fieldDef)
            return;
        for (const InputValue &arg : fieldDef->args) {
            if (arg.type.isNonNull() && !arg.hasDefaultValue && !provided(field->arguments, arg.name))
                m_context.reportError(u"Field \""_s + fieldDef->name + u"\" argument \""_s + arg.name
                                          + u"\" of type \""_s + arg.type.toString()
                                          + u"\" is required, but it was not provided."_s,
                                      {field->loc});
        }
        return;
    }
    if (!m_indexed) {
        m_indexed = true;
        for (const Directive &def : m_context.schema().directives()) {
            QList<RequiredArg> required;
            for (const InputValue &arg : def.args)
                if (arg.type.isNonNull() && !arg.hasDefaultValue)
                    required.append({arg.name, arg.type.toString()});
            m_directiveRequired.insert(def.name, required);
        }
        for (const Ast::Definition *definition : m_context.document().definitions) {
            if (const auto *def = Ast::astCast<Ast::DirectiveDefinition>(definition)) {
                QList<RequiredArg> required;
                for (const Ast::InputValueDefinition *arg : def->arguments)
                    if (arg->type && arg->type->kind == Ast::NodeKind::NonNullType && !arg->defaultValue)
                        required.append({arg->name, Ast::typeReferenceString(arg->type)});
                m_directiveRequired.insert(def->name, required);
            }
        }
    }
    const auto *directive = static_cast<const Ast::Directive *>(node);
    const auto it = m_directiveRequired.constFind(directive->name);
    if (it == m_directiveRequired.constEnd())
        return;
    for (const RequiredArg &arg : *it) {
        if (!provided(directive->arguments, arg.name))
            m_context.reportError(u"Directive \"@"_s + directive->name + u"\" argument \""_s + arg.name
                                      + u"\" of type \""_s + arg.type + u"\" is required, but it was not provided."_s,
                                  {directive->loc});
    }
}

} // namespace Sextant::Core
