// SPDX-License-Identifier: MIT
// Sextant: small helpers over the AST (Document lookups, type reference text).
#include "ast.h"

using namespace Qt::StringLiterals;

namespace Sextant::Core {

QString operationTypeKeyword(OperationType operation)
{
    switch (operation) {
    case OperationType::Query:
        return u"query"_s;
    case OperationType::Mutation:
        return u"mutation"_s;
    case OperationType::Subscription:
        return u"subscription"_s;
    }
    return QString();
}

} // namespace Sextant::Core

namespace Sextant::Core::Ast {

QString typeReferenceString(const Type *type)
{
    if (const auto *named = astCast<NamedType>(type))
        return named->name;
    if (const auto *list = astCast<ListType>(type))
        return u'[' + typeReferenceString(list->type) + u']';
    if (const auto *nonNull = astCast<NonNullType>(type))
        return typeReferenceString(nonNull->type) + u'!';
    return QString();
}

const NamedType *namedTypeOf(const Type *type)
{
    // Iterative: type references can be nested up to the parser's depth limit.
    while (type) {
        if (const auto *named = astCast<NamedType>(type))
            return named;
        if (const auto *list = astCast<ListType>(type))
            type = list->type;
        else
            type = static_cast<const NonNullType *>(type)->type;
    }
    return nullptr;
}

QList<const OperationDefinition *> Document::operations() const
{
    QList<const OperationDefinition *> result;
    for (const Definition *definition : definitions) {
        if (const auto *operation = astCast<OperationDefinition>(definition))
            result.append(operation);
    }
    return result;
}

QList<const FragmentDefinition *> Document::fragments() const
{
    QList<const FragmentDefinition *> result;
    for (const Definition *definition : definitions) {
        if (const auto *fragment = astCast<FragmentDefinition>(definition))
            result.append(fragment);
    }
    return result;
}

const OperationDefinition *Document::operation(QStringView name) const
{
    for (const Definition *definition : definitions) {
        const auto *operation = astCast<OperationDefinition>(definition);
        if (operation && operation->name == name)
            return operation;
    }
    return nullptr;
}

const FragmentDefinition *Document::fragment(QStringView name) const
{
    for (const Definition *definition : definitions) {
        const auto *fragment = astCast<FragmentDefinition>(definition);
        if (fragment && fragment->name == name)
            return fragment;
    }
    return nullptr;
}

QStringView Document::textOf(const Node *node) const
{
    if (!node || node->loc.offset < 0 || node->endOffset < node->loc.offset || node->endOffset > source.size())
        return {};
    return QStringView(source).mid(node->loc.offset, node->endOffset - node->loc.offset);
}

} // namespace Sextant::Core::Ast
