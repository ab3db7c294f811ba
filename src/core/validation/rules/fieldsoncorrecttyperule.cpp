// SPDX-License-Identifier: MIT
// Sextant: §5.3.1 Field Selections (graphql-js FieldsOnCorrectTypeRule).
#include <core/validation/rules/fieldsoncorrecttyperule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

FieldsOnCorrectTypeRule::FieldsOnCorrectTypeRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::Field);
}

namespace {

QStringList suggestedTypeNames(const Schema &schema, const NamedType *type, QStringView fieldName)
{
    if (!isAbstractKind(type->kind))
        return {};
    QList<const NamedType *> suggestedTypes;
    QHash<const NamedType *, int> usageCount;
    for (const QString &possibleName : type->possibleTypes) {
        const NamedType *possibleType = schema.type(possibleName);
        if (!possibleType || !possibleType->field(fieldName))
            continue;
        if (!suggestedTypes.contains(possibleType))
            suggestedTypes.append(possibleType);
        usageCount[possibleType] = 1;
        for (const QString &interfaceName : possibleType->interfaces) {
            const NamedType *possibleInterface = schema.type(interfaceName);
            if (!possibleInterface || !possibleInterface->field(fieldName))
                continue;
            if (!suggestedTypes.contains(possibleInterface))
                suggestedTypes.append(possibleInterface);
            usageCount[possibleInterface] = usageCount.value(possibleInterface, 0) + 1;
        }
    }
    std::stable_sort(suggestedTypes.begin(), suggestedTypes.end(), [&](const NamedType *a, const NamedType *b) {
        const int diff = usageCount.value(b) - usageCount.value(a);
        if (diff != 0)
            return diff < 0;
        if (a->kind == TypeKind::Interface && schema.isPossibleType(a->name, b->name))
            return true;
        if (b->kind == TypeKind::Interface && schema.isPossibleType(b->name, a->name))
            return false;
        return naturalCompare(a->name, b->name) < 0;
    });
    QStringList names;
    for (const NamedType *t : suggestedTypes)
        names.append(t->name);
    return names;
}

} // namespace

bool FieldsOnCorrectTypeRule::enter(const Ast::Node *node)
{
    const NamedType *type = m_context.typeInfo().parentType();
    if (!type || m_context.typeInfo().fieldDef())
        return true;
    const auto *field = static_cast<const Ast::Field *>(node);
    QString suggestion =
        didYouMean(u"to use an inline fragment on", suggestedTypeNames(m_context.schema(), type, field->name));
    if (suggestion.isEmpty() && (type->kind == TypeKind::Object || type->kind == TypeKind::Interface)) {
        QStringList fieldNames;
        fieldNames.reserve(type->fields.size());
        for (const Field &f : type->fields)
            fieldNames.append(f.name);
        suggestion = didYouMean(suggestionList(field->name, fieldNames));
    }
    m_context.reportError(u"Cannot query field \""_s + field->name + u"\" on type \""_s + type->name + u"\"."_s
                              + suggestion,
                          {field->loc});
    return true;
}

} // namespace Sextant::Core
