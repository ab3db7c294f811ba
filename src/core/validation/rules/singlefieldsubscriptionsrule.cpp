// SPDX-License-Identifier: MIT
// Sextant: §5.2.3.1 Single Root Field (graphql-js SingleFieldSubscriptionsRule).
#include <core/validation/rules/singlefieldsubscriptionsrule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

SingleFieldSubscriptionsRule::SingleFieldSubscriptionsRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::OperationDefinition);
}

namespace {

// shouldIncludeNode with no variable values: only literal `if:` arguments decide.
bool literalIf(const Ast::AstList<Ast::Directive> &directives, QStringView name, bool *value)
{
    for (const Ast::Directive *directive : directives) {
        if (directive->name != name)
            continue;
        for (const Ast::Argument *argument : directive->arguments) {
            if (argument->name == u"if" && argument->value && argument->value->kind == Ast::NodeKind::BooleanValue) {
                *value = static_cast<const Ast::BooleanValue *>(argument->value)->value;
                return true;
            }
        }
        return false;
    }
    return false;
}

bool shouldInclude(const Ast::AstList<Ast::Directive> &directives)
{
    bool value = false;
    if (literalIf(directives, u"skip", &value) && value)
        return false;
    if (literalIf(directives, u"include", &value) && !value)
        return false;
    return true;
}

} // namespace

void SingleFieldSubscriptionsRule::collect(const NamedType *runtimeType, const Ast::SelectionSet *selectionSet,
                                           Collected &out, QSet<QStringView> &visited)
{
    m_context.spendFragmentWork(selectionSet->selections.size());
    const Schema &schema = m_context.schema();
    const auto conditionMatches = [&](const Ast::NamedType *condition) {
        if (!condition)
            return true;
        const NamedType *conditional = schema.type(condition->name);
        if (conditional == runtimeType)
            return true;
        return conditional && isAbstractKind(conditional->kind)
               && schema.isPossibleType(conditional->name, runtimeType->name);
    };
    for (const Ast::Selection *selection : selectionSet->selections) {
        if (const auto *field = Ast::astCast<Ast::Field>(selection)) {
            if (!shouldInclude(field->directives))
                continue;
            const QString &key = field->responseKey();
            auto it = out.fields.find(key);
            if (it == out.fields.end()) {
                out.keys.append(key);
                it = out.fields.insert(key, {});
            }
            it->append(field);
        } else if (const auto *inlineFragment = Ast::astCast<Ast::InlineFragment>(selection)) {
            if (!shouldInclude(inlineFragment->directives) || !conditionMatches(inlineFragment->typeCondition))
                continue;
            collect(runtimeType, inlineFragment->selectionSet, out, visited);
        } else {
            const auto *spread = static_cast<const Ast::FragmentSpread *>(selection);
            if (visited.contains(spread->name) || !shouldInclude(spread->directives))
                continue;
            visited.insert(spread->name);
            const Ast::FragmentDefinition *fragment = m_context.fragment(spread->name);
            if (!fragment || !conditionMatches(fragment->typeCondition))
                continue;
            collect(runtimeType, fragment->selectionSet, out, visited);
        }
    }
}

bool SingleFieldSubscriptionsRule::enter(const Ast::Node *node)
{
    const auto *operation = static_cast<const Ast::OperationDefinition *>(node);
    if (operation->operation != OperationType::Subscription)
        return true;
    const NamedType *subscriptionType = m_context.schema().subscriptionType();
    if (!subscriptionType)
        return true;
    Collected collected;
    QSet<QStringView> visited;
    collect(subscriptionType, operation->selectionSet, collected, visited);
    const bool anonymous = operation->name.isEmpty();
    if (collected.keys.size() > 1) {
        QList<SourceLocation> locations;
        for (qsizetype i = 1; i < collected.keys.size(); ++i)
            for (const Ast::Field *field : collected.fields[collected.keys[i]])
                locations.append(field->loc);
        m_context.reportError(
            anonymous ? u"Anonymous Subscription must select only one top level field."_s
                      : QString(u"Subscription \""_s + operation->name + u"\" must select only one top level field."_s),
            locations);
    }
    for (QStringView key : std::as_const(collected.keys)) {
        const QList<const Ast::Field *> &fields = collected.fields[key];
        if (!fields.first()->name.startsWith(u"__"))
            continue;
        QList<SourceLocation> locations;
        for (const Ast::Field *field : fields)
            locations.append(field->loc);
        m_context.reportError(anonymous ? u"Anonymous Subscription must not select an introspection top level field."_s
                                        : QString(u"Subscription \""_s + operation->name
                                                  + u"\" must not select an introspection top level field."_s),
                              locations);
    }
    return true;
}

} // namespace Sextant::Core
