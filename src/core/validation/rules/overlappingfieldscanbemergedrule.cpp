// SPDX-License-Identifier: MIT
// Sextant: §5.3.2 Field Selection Merging (graphql-js OverlappingFieldsCanBeMergedRule).
#include <core/validation/rules/overlappingfieldscanbemergedrule.h>

#include <algorithm>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxConflictDetailLength = 1000;
constexpr qsizetype MaxConflictNodes = 20;

QString maybeAbbreviate(const QString &text)
{
    return text.size() > MaxConflictDetailLength ? text.left(MaxConflictDetailLength) + u"..."_s : text;
}

void appendQuoted(QString &out, QStringView text)
{
    out += u'"';
    for (QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    out += u'"';
}

// A canonical form of a value: equal strings for values graphql-js stringifyValue() deems equal.
void stringify(QString &out, const Ast::Value *value)
{
    using K = Ast::NodeKind;
    if (!value) {
        out += u"null"_s;
        return;
    }
    out += QString::number(int(value->kind)) + u':';
    switch (value->kind) {
    case K::Variable:
        appendQuoted(out, static_cast<const Ast::Variable *>(value)->name);
        break;
    case K::IntValue:
        appendQuoted(out, static_cast<const Ast::IntValue *>(value)->value);
        break;
    case K::FloatValue:
        appendQuoted(out, static_cast<const Ast::FloatValue *>(value)->value);
        break;
    case K::StringValue: {
        const auto *string = static_cast<const Ast::StringValue *>(value);
        appendQuoted(out, string->value);
        out += string->block ? u"B"_s : u"S"_s;
        break;
    }
    case K::BooleanValue:
        out += static_cast<const Ast::BooleanValue *>(value)->value ? u"true"_s : u"false"_s;
        break;
    case K::EnumValue:
        appendQuoted(out, static_cast<const Ast::EnumValue *>(value)->value);
        break;
    case K::ListValue:
        out += u'[';
        for (const Ast::Value *item : static_cast<const Ast::ListValue *>(value)->values) {
            stringify(out, item);
            out += u',';
        }
        out += u']';
        break;
    case K::ObjectValue: {
        const auto &fields = static_cast<const Ast::ObjectValue *>(value)->fields;
        QList<const Ast::ObjectField *> sorted(fields.begin(), fields.end());
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Ast::ObjectField *a, const Ast::ObjectField *b) { return a->name < b->name; });
        out += u'{';
        for (const Ast::ObjectField *field : sorted) {
            appendQuoted(out, field->name);
            out += u'=';
            stringify(out, field->value);
            out += u',';
        }
        out += u'}';
        break;
    }
    default:
        break;
    }
}

bool isSimpleLeaf(const Ast::Field *field)
{
    return field->arguments.isEmpty() && !field->selectionSet;
}

} // namespace

OverlappingFieldsCanBeMergedRule::OverlappingFieldsCanBeMergedRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::SelectionSet);
}

OverlappingFieldsCanBeMergedRule::~OverlappingFieldsCanBeMergedRule() = default;

void OverlappingFieldsCanBeMergedRule::spend(qsizetype cost)
{
    m_budget -= cost;
    if (m_budget < 0)
        m_context.abortValidation();
}

bool OverlappingFieldsCanBeMergedRule::enter(const Ast::Node *node)
{
    const Ast::Node *parent = m_context.ancestor(1);
    if (parent && parent->kind == Ast::NodeKind::InlineFragment)
        return true;
    const auto *selectionSet = static_cast<const Ast::SelectionSet *>(node);
    if (selectionSet->selections.size() <= 1
        && (selectionSet->selections.isEmpty() || selectionSet->selections[0]->kind != Ast::NodeKind::InlineFragment))
        return true;
    const QList<Conflict> conflicts = findConflictsWithinSelectionSet(m_context.typeInfo().parentType(), selectionSet);
    for (const Conflict &conflict : conflicts) {
        QList<SourceLocation> locations;
        for (const Ast::Field *field : conflict.fields1)
            locations.append(field->loc);
        for (const Ast::Field *field : conflict.fields2)
            locations.append(field->loc);
        m_context.reportError(u"Fields \""_s + maybeAbbreviate(conflict.responseName.toString())
                                  + u"\" conflict because "_s + conflict.reason
                                  + u". Use different aliases on the fields to fetch both if this was intentional."_s,
                              locations);
    }
    return true;
}

OverlappingFieldsCanBeMergedRule::CollectResult &
OverlappingFieldsCanBeMergedRule::collectFields(const NamedType *parentType, const Ast::SelectionSet *selectionSet)
{
    const QPair<const void *, const void *> key(parentType, selectionSet);
    if (CollectResult *cached = m_collected.value(key, nullptr))
        return *cached;
    m_results.emplace_back();
    CollectResult &result = m_results.back();
    collectFieldsImpl(parentType, selectionSet, result);
    m_collected.insert(key, &result);
    return result;
}

OverlappingFieldsCanBeMergedRule::CollectResult *
OverlappingFieldsCanBeMergedRule::collectFragmentFields(const Ast::FragmentDefinition *fragment)
{
    const NamedType *type = fragment->typeCondition ? m_context.schema().type(fragment->typeCondition->name) : nullptr;
    return &collectFields(type, fragment->selectionSet);
}

void OverlappingFieldsCanBeMergedRule::collectFieldsImpl(const NamedType *parentType,
                                                         const Ast::SelectionSet *selectionSet, CollectResult &result)
{
    if (!selectionSet)
        return;
    for (const Ast::Selection *selection : selectionSet->selections) {
        if (const auto *field = Ast::astCast<Ast::Field>(selection)) {
            const Field *definition = nullptr;
            if (parentType && (parentType->kind == TypeKind::Object || parentType->kind == TypeKind::Interface))
                definition = parentType->field(field->name);
            const QString &responseName = field->responseKey();
            auto it = result.index.constFind(responseName);
            qsizetype groupIndex;
            if (it == result.index.constEnd()) {
                groupIndex = result.groups.size();
                result.groups.append({responseName, {}});
                result.index.insert(responseName, groupIndex);
            } else {
                groupIndex = *it;
            }
            result.groups[groupIndex].fields.append({parentType, field, definition});
        } else if (const auto *spread = Ast::astCast<Ast::FragmentSpread>(selection)) {
            if (!result.fragmentNames.contains(spread->name))
                result.fragmentNames.append(spread->name);
        } else {
            const auto *inlineFragment = static_cast<const Ast::InlineFragment *>(selection);
            const NamedType *type = inlineFragment->typeCondition
                                        ? m_context.schema().type(inlineFragment->typeCondition->name)
                                        : parentType;
            collectFieldsImpl(type, inlineFragment->selectionSet, result);
        }
    }
}

QList<OverlappingFieldsCanBeMergedRule::Conflict>
OverlappingFieldsCanBeMergedRule::findConflictsWithinSelectionSet(const NamedType *parentType,
                                                                  const Ast::SelectionSet *selectionSet)
{
    QList<Conflict> conflicts;
    CollectResult &result = collectFields(parentType, selectionSet);
    collectConflictsWithin(conflicts, result);
    const QList<QStringView> fragmentNames = result.fragmentNames;
    if (!fragmentNames.isEmpty() && (!result.groups.isEmpty() || fragmentNames.size() > 1)) {
        for (qsizetype i = 0; i < fragmentNames.size(); ++i) {
            collectConflictsBetweenFieldsAndFragment(conflicts, false, result, fragmentNames[i]);
            for (qsizetype j = i + 1; j < fragmentNames.size(); ++j)
                collectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
        }
    }
    return conflicts;
}

void OverlappingFieldsCanBeMergedRule::collectConflictsBetweenFieldsAndFragment(QList<Conflict> &conflicts,
                                                                                bool exclusive, CollectResult &result,
                                                                                QStringView fragmentName)
{
    spend(1);
    if (result.groups.isEmpty())
        return;
    const auto compared = result.comparedFragments.constFind(fragmentName);
    if (compared != result.comparedFragments.constEnd() && (*compared == false || (exclusive && *compared == true)))
        return;
    result.comparedFragments.insert(fragmentName, exclusive);
    const Ast::FragmentDefinition *fragment = m_context.fragment(fragmentName);
    if (!fragment)
        return;
    CollectResult *result2 = collectFragmentFields(fragment);
    if (&result == result2)
        return;
    collectConflictsBetween(conflicts, exclusive, result, *result2);
    const QList<QStringView> referenced = result2->fragmentNames;
    for (QStringView name : referenced)
        collectConflictsBetweenFieldsAndFragment(conflicts, exclusive, result, name);
}

void OverlappingFieldsCanBeMergedRule::collectConflictsBetweenFragments(QList<Conflict> &conflicts, bool exclusive,
                                                                        QStringView name1, QStringView name2)
{
    spend(2);
    if (name1 == name2)
        return;
    const auto has = [this, exclusive](QStringView a, QStringView b) {
        const auto it = m_comparedFragmentPairs.constFind(qMakePair(a, b));
        if (it == m_comparedFragmentPairs.constEnd())
            return false;
        return exclusive ? true : *it == exclusive;
    };
    if (has(name1, name2) || has(name2, name1))
        return;
    m_comparedFragmentPairs.insert(qMakePair(name1, name2), exclusive);
    const Ast::FragmentDefinition *fragment1 = m_context.fragment(name1);
    const Ast::FragmentDefinition *fragment2 = m_context.fragment(name2);
    if (!fragment1 || !fragment2)
        return;
    CollectResult *result1 = collectFragmentFields(fragment1);
    CollectResult *result2 = collectFragmentFields(fragment2);
    collectConflictsBetween(conflicts, exclusive, *result1, *result2);
    const QList<QStringView> referenced2 = result2->fragmentNames;
    for (QStringView name : referenced2)
        collectConflictsBetweenFragments(conflicts, exclusive, name1, name);
    const QList<QStringView> referenced1 = result1->fragmentNames;
    for (QStringView name : referenced1)
        collectConflictsBetweenFragments(conflicts, exclusive, name, name2);
}

QList<OverlappingFieldsCanBeMergedRule::Conflict>
OverlappingFieldsCanBeMergedRule::findConflictsBetweenSubSelectionSets(bool exclusive, const NamedType *parentType1,
                                                                       const Ast::SelectionSet *set1,
                                                                       const NamedType *parentType2,
                                                                       const Ast::SelectionSet *set2)
{
    QList<Conflict> conflicts;
    CollectResult &result1 = collectFields(parentType1, set1);
    CollectResult &result2 = collectFields(parentType2, set2);
    collectConflictsBetween(conflicts, exclusive, result1, result2);
    const QList<QStringView> names1 = result1.fragmentNames;
    const QList<QStringView> names2 = result2.fragmentNames;
    for (QStringView name2 : names2)
        collectConflictsBetweenFieldsAndFragment(conflicts, exclusive, result1, name2);
    for (QStringView name1 : names1)
        collectConflictsBetweenFieldsAndFragment(conflicts, exclusive, result2, name1);
    for (QStringView name1 : names1)
        for (QStringView name2 : names2)
            collectConflictsBetweenFragments(conflicts, exclusive, name1, name2);
    return conflicts;
}

void OverlappingFieldsCanBeMergedRule::collectConflictsWithin(QList<Conflict> &conflicts, const CollectResult &result)
{
    for (const Group &group : result.groups) {
        const QList<FieldDetail> &fields = group.fields;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            for (qsizetype j = i + 1; j < fields.size(); ++j) {
                Conflict conflict;
                if (findConflict(false, group.responseName, fields[i], fields[j], conflict))
                    conflicts.append(std::move(conflict));
            }
        }
    }
}

void OverlappingFieldsCanBeMergedRule::collectConflictsBetween(QList<Conflict> &conflicts, bool exclusive,
                                                               const CollectResult &result1,
                                                               const CollectResult &result2)
{
    if (result1.groups.isEmpty() || result2.groups.isEmpty())
        return;
    for (const Group &group1 : result1.groups) {
        spend(1);
        const auto it = result2.index.constFind(group1.responseName);
        if (it == result2.index.constEnd())
            continue;
        const QList<FieldDetail> &fields2 = result2.groups[*it].fields;
        for (const FieldDetail &field1 : group1.fields) {
            for (const FieldDetail &field2 : fields2) {
                Conflict conflict;
                if (findConflict(exclusive, group1.responseName, field1, field2, conflict))
                    conflicts.append(std::move(conflict));
            }
        }
    }
}

bool OverlappingFieldsCanBeMergedRule::findConflict(bool parentFieldsAreMutuallyExclusive, QStringView responseName,
                                                    const FieldDetail &field1, const FieldDetail &field2,
                                                    Conflict &conflict)
{
    const bool areMutuallyExclusive =
        parentFieldsAreMutuallyExclusive
        || (field1.parentType != field2.parentType && field1.parentType && field2.parentType
            && field1.parentType->kind == TypeKind::Object && field2.parentType->kind == TypeKind::Object);
    spend(2);
    const Ast::Field *node1 = field1.node;
    const Ast::Field *node2 = field2.node;
    const Field *def1 = field1.definition;
    const Field *def2 = field2.definition;
    // graphql-js compares the type objects: named types are shared, wrapped ones belong to their field.
    const bool sameTypeObject = def1 == def2 || (def1 && def2 && def1->type.isNamed() && def1->type == def2->type);
    if (isSimpleLeaf(node1) && isSimpleLeaf(node2) && sameTypeObject && node1->name == node2->name)
        return false;
    if (!areMutuallyExclusive) {
        QString reason;
        if (node1->name != node2->name)
            reason = u'"' + maybeAbbreviate(node1->name) + u"\" and \""_s + maybeAbbreviate(node2->name)
                     + u"\" are different fields"_s;
        else if (!sameArguments(node1, node2))
            reason = u"they have differing arguments"_s;
        if (!reason.isEmpty()) {
            conflict = {responseName, reason, {node1}, {node2}};
            return true;
        }
    }
    if (def1 && def2 && def1->type.isValid() && def2->type.isValid() && doTypesConflict(def1->type, def2->type)) {
        conflict = {responseName,
                    u"they return conflicting types \""_s + def1->type.toString() + u"\" and \""_s
                        + def2->type.toString() + u'"',
                    {node1},
                    {node2}};
        return true;
    }
    if (node1->selectionSet && node2->selectionSet) {
        const NamedType *type1 = def1 ? m_context.schema().type(def1->type.namedType()) : nullptr;
        const NamedType *type2 = def2 ? m_context.schema().type(def2->type.namedType()) : nullptr;
        const QList<Conflict> subConflicts = findConflictsBetweenSubSelectionSets(
            areMutuallyExclusive, type1, node1->selectionSet, type2, node2->selectionSet);
        if (subConflicts.isEmpty())
            return false;
        QString message;
        for (const Conflict &sub : subConflicts) {
            message += (message.isEmpty() ? u""_s : u" and "_s) + u"subfields \""_s
                       + maybeAbbreviate(sub.responseName.toString()) + u"\" conflict because "_s + sub.reason;
            if (message.size() > MaxConflictDetailLength)
                break;
        }
        const auto collectNodes = [&subConflicts](const Ast::Field *node, bool first) {
            QList<const Ast::Field *> nodes{node};
            for (const Conflict &sub : subConflicts) {
                const QList<const Ast::Field *> &side = first ? sub.fields1 : sub.fields2;
                const qsizetype remaining = MaxConflictNodes - nodes.size();
                // slice(-remaining): remaining is never 0 here, the loop stops at MaxConflictNodes.
                const qsizetype start = std::max<qsizetype>(0, side.size() - remaining);
                for (qsizetype i = start; i < side.size(); ++i)
                    nodes.append(side[i]);
                if (nodes.size() == MaxConflictNodes)
                    break;
            }
            return nodes;
        };
        conflict = {responseName, maybeAbbreviate(message), collectNodes(node1, true), collectNodes(node2, false)};
        return true;
    }
    return false;
}

bool OverlappingFieldsCanBeMergedRule::sameArguments(const Ast::Field *field1, const Ast::Field *field2)
{
    const auto &args1 = field1->arguments;
    const auto &args2 = field2->arguments;
    if (args1.isEmpty())
        return args2.isEmpty();
    if (args1.size() != args2.size())
        return false;
    const auto stringified = [this](const Ast::Value *value) -> const QString & {
        auto it = m_stringified.find(value);
        if (it == m_stringified.end()) {
            QString text;
            stringify(text, value);
            it = m_stringified.insert(value, text);
        }
        return *it;
    };
    for (const Ast::Argument *arg1 : args1) {
        spend(1);
        const Ast::Argument *arg2 = nullptr;
        for (const Ast::Argument *candidate : args2)
            if (candidate->name == arg1->name)
                arg2 = candidate; // Map: the last one wins
        if (!arg2)
            return false;
        const QString value1 = stringified(arg1->value);
        if (value1 != stringified(arg2->value))
            return false;
    }
    return true;
}

bool OverlappingFieldsCanBeMergedRule::doTypesConflict(const TypeRef &type1, const TypeRef &type2)
{
    if (type1.isNamed() && type2.isNamed() && type1 == type2)
        return false;
    spend(1);
    if (type1.isList())
        return type2.isList() ? doTypesConflict(type1.ofType(), type2.ofType()) : true;
    if (type2.isList())
        return true;
    if (type1.isNonNull())
        return type2.isNonNull() ? doTypesConflict(type1.ofType(), type2.ofType()) : true;
    if (type2.isNonNull())
        return true;
    const NamedType *named1 = m_context.schema().type(type1.namedType());
    const NamedType *named2 = m_context.schema().type(type2.namedType());
    if ((named1 && isLeafKind(named1->kind)) || (named2 && isLeafKind(named2->kind)))
        return named1 != named2;
    return false;
}

} // namespace Sextant::Core
