// SPDX-License-Identifier: MIT
// Sextant: schema-aware completion items for a cursor in a GraphQL document.
#include <core/completion/completer.h>

#include <core/completion/completioncontext.h>
#include <core/completion/documentfragments.h>
#include <core/schema/schema.h>

#include <algorithm>
#include <array>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

QString completionKindName(CompletionKind kind)
{
    switch (kind) {
    case CompletionKind::Field:
        return u"Field"_s;
    case CompletionKind::Argument:
        return u"Argument"_s;
    case CompletionKind::EnumValue:
        return u"EnumValue"_s;
    case CompletionKind::Value:
        return u"Value"_s;
    case CompletionKind::Variable:
        return u"Variable"_s;
    case CompletionKind::Directive:
        return u"Directive"_s;
    case CompletionKind::Fragment:
        return u"Fragment"_s;
    case CompletionKind::Type:
        return u"Type"_s;
    case CompletionKind::Keyword:
        return u"Keyword"_s;
    case CompletionKind::InputField:
        return u"InputField"_s;
    }
    return {};
}

namespace {

bool isRequired(const InputValue &input)
{
    return input.type.isNonNull() && !input.hasDefaultValue;
}

// Spec §5.8.5 AreTypesCompatible / graphql-js isTypeSubTypeOf for input types.
bool isVariableTypeCompatible(const TypeRef &variable, const TypeRef &location)
{
    if (!variable.isValid() || !location.isValid())
        return false;
    if (location.isNonNull())
        return variable.isNonNull() && isVariableTypeCompatible(variable.ofType(), location.ofType());
    if (variable.isNonNull())
        return isVariableTypeCompatible(variable.ofType(), location);
    if (location.isList())
        return variable.isList() && isVariableTypeCompatible(variable.ofType(), location.ofType());
    if (variable.isList())
        return false;
    return variable.namedType() == location.namedType();
}

// §5.5.2.3: a fragment of type `fragmentType` may be spread in `parentType` when their possible types overlap.
bool typesOverlap(const Schema &schema, const NamedType *parent, const NamedType *fragment)
{
    if (!parent || !fragment)
        return false;
    if (parent->name == fragment->name)
        return true;
    const bool parentAbstract = parent->kind == TypeKind::Interface || parent->kind == TypeKind::Union;
    const bool fragmentAbstract = fragment->kind == TypeKind::Interface || fragment->kind == TypeKind::Union;
    if (parentAbstract && fragmentAbstract) {
        for (const QString &possible : fragment->possibleTypes) {
            if (schema.isPossibleType(parent->name, possible))
                return true;
        }
        return false;
    }
    if (parentAbstract)
        return schema.isPossibleType(parent->name, fragment->name);
    if (fragmentAbstract)
        return schema.isPossibleType(fragment->name, parent->name);
    return false;
}

class ItemCollector final
{
public:
    explicit ItemCollector(QStringView prefix) : m_prefix(prefix) {}

    // Returns null when `label` (or `matchText` when given) does not match the prefix, else a new item to fill in.
    CompletionItem *add(const QString &label, CompletionKind kind, bool isDeprecated = false, bool required = false,
                        const QString &matchText = {})
    {
        const int rank = completionMatchRank(matchText.isEmpty() ? label : matchText, m_prefix);
        if (rank < 0)
            return nullptr;
        m_entries.append({rank, required, CompletionItem{}});
        CompletionItem &item = m_entries.last().item;
        item.label = label;
        item.kind = kind;
        item.isDeprecated = isDeprecated;
        item.insertText = label;
        item.cursorOffsetInInsert = int(label.size());
        return &item;
    }

    QList<CompletionItem> take()
    {
        // Stable bucket sort on (rank, deprecated, not required): 3 x 2 x 2 keys, each entry moved once.
        constexpr int kBuckets = 12;
        const auto key = [](const Entry &e) { return e.rank * 4 + (e.item.isDeprecated ? 2 : 0) + (e.required ? 0 : 1); };
        std::array<qsizetype, kBuckets + 1> start{};
        for (const Entry &entry : std::as_const(m_entries))
            ++start[size_t(key(entry)) + 1];
        for (int i = 0; i < kBuckets; ++i)
            start[size_t(i) + 1] += start[size_t(i)];
        QList<CompletionItem> items(m_entries.size());
        for (Entry &entry : m_entries)
            items[start[size_t(key(entry))]++] = std::move(entry.item);
        return items;
    }

private:
    struct Entry
    {
        int rank = 0;
        bool required = false;
        CompletionItem item;
    };
    QStringView m_prefix;
    QList<Entry> m_entries;
};

// `name(a: , b: )` with the caret after the first `a: `, then ` { }` for a composite type.
void setCallInsertText(CompletionItem &item, const QList<InputValue> &args, bool composite)
{
    QString text = item.label;
    int caret = -1;
    QStringList required;
    for (const InputValue &arg : args) {
        if (isRequired(arg))
            required.append(arg.name);
    }
    if (!required.isEmpty()) {
        text += u'(';
        for (qsizetype i = 0; i < required.size(); ++i) {
            if (i > 0)
                text += u", "_s;
            text += required.at(i) + u": "_s;
            if (i == 0)
                caret = int(text.size());
        }
        text += u')';
    }
    if (composite) {
        text += u" { }"_s;
        if (caret < 0)
            caret = int(text.size()) - 1;
    }
    item.insertText = text;
    item.cursorOffsetInInsert = caret < 0 ? int(text.size()) : caret;
}

void addFields(const Schema &schema, const CompletionContext &context, ItemCollector &out)
{
    const NamedType *parent = schema.type(context.typeName);
    if (!parent || !isCompositeTypeKind(parent->kind))
        return;
    for (const Field &field : parent->fields) {
        CompletionItem *item = out.add(field.name, CompletionKind::Field, field.isDeprecated);
        if (!item)
            continue;
        item->detail = field.type.toString();
        item->documentation = field.description;
        const NamedType *type = schema.type(field.type.namedType());
        setCallInsertText(*item, field.args, type && isCompositeTypeKind(type->kind));
    }
    if (CompletionItem *item = out.add(u"__typename"_s, CompletionKind::Field)) {
        item->detail = u"String!"_s;
        item->documentation = u"The name of the current Object type at runtime."_s;
    }
    if (parent->name == schema.queryTypeName()) {
        if (CompletionItem *item = out.add(u"__schema"_s, CompletionKind::Field)) {
            item->detail = u"__Schema!"_s;
            item->documentation = u"Access the current type schema of this server."_s;
            setCallInsertText(*item, {}, true);
        }
        if (CompletionItem *item = out.add(u"__type"_s, CompletionKind::Field)) {
            item->detail = u"__Type"_s;
            item->documentation = u"Request the type information of a single type."_s;
            InputValue name;
            name.name = u"name"_s;
            name.type = TypeRef::nonNull(TypeRef::named(u"String"_s));
            setCallInsertText(*item, {name}, true);
        }
    }
}

void addInputValues(const CompletionContext &context, CompletionKind kind, ItemCollector &out)
{
    if (!context.arguments)
        return;
    for (const InputValue &input : *context.arguments) {
        if (context.givenNames.contains(input.name))
            continue;
        CompletionItem *item = out.add(input.name, kind, input.isDeprecated, isRequired(input));
        if (!item)
            continue;
        item->detail = input.type.toString();
        item->documentation = input.description;
        item->insertText = input.name + u": "_s;
        item->cursorOffsetInInsert = int(item->insertText.size());
    }
}

void addVariables(const CompletionContext &context, bool afterDollar, ItemCollector &out)
{
    for (const CompletionVariable &variable : context.variables) {
        if (!isVariableTypeCompatible(variable.type, context.valueType))
            continue;
        // The prefix after `$` is matched against the name; the label shows the `$`.
        CompletionItem *item = out.add(u'$' + variable.name, CompletionKind::Variable, false, false, variable.name);
        if (!item)
            continue;
        item->detail = variable.type.toString();
        item->insertText = afterDollar ? variable.name : u'$' + variable.name;
        item->cursorOffsetInInsert = int(item->insertText.size());
    }
}

void addValues(const Schema &schema, const CompletionContext &context, ItemCollector &out)
{
    if (!context.valueType.isValid())
        return;
    const NamedType *type = schema.type(context.valueType.namedType());
    if (type && type->kind == TypeKind::Enum) {
        for (const EnumValue &value : type->enumValues) {
            CompletionItem *item = out.add(value.name, CompletionKind::EnumValue, value.isDeprecated);
            if (!item)
                continue;
            item->detail = type->name;
            item->documentation = value.description;
        }
    }
    if (type && type->name == u"Boolean") {
        for (const QString &literal : {u"true"_s, u"false"_s}) {
            if (CompletionItem *item = out.add(literal, CompletionKind::Value))
                item->detail = u"Boolean"_s;
        }
    }
    if (!context.valueType.isNonNull()) {
        if (CompletionItem *item = out.add(u"null"_s, CompletionKind::Value))
            item->detail = context.valueType.toString();
    }
    addVariables(context, false, out);
}

void addDirectives(const Schema &schema, const CompletionContext &context, ItemCollector &out)
{
    for (const Directive &directive : schema.directives()) {
        if (!directive.locations.contains(context.directiveLocation))
            continue;
        CompletionItem *item = out.add(directive.name, CompletionKind::Directive, directive.isDeprecated);
        if (!item)
            continue;
        item->detail = directive.signature();
        item->documentation = directive.description;
        setCallInsertText(*item, directive.args, false);
    }
}

void addFragments(const Schema &schema, const QString &text, const CompletionContext &context, ItemCollector &out)
{
    const NamedType *parent = schema.type(context.typeName);
    for (const CompletionFragment &fragment : documentFragments(text)) {
        if (fragment.name == context.currentFragment || fragment.name == u"on")
            continue;
        if (!typesOverlap(schema, parent, schema.type(fragment.typeCondition)))
            continue;
        if (CompletionItem *item = out.add(fragment.name, CompletionKind::Fragment))
            item->detail = u"on "_s + fragment.typeCondition;
    }
    out.add(u"on"_s, CompletionKind::Keyword);
}

void addType(const NamedType &type, ItemCollector &out)
{
    static const std::array<QString, 8> kindNames = [] {
        std::array<QString, 8> names;
        for (size_t i = 0; i < names.size(); ++i)
            names[i] = typeKindName(TypeKind(i));
        return names;
    }();
    if (CompletionItem *item = out.add(type.name, CompletionKind::Type)) {
        item->detail = kindNames[size_t(type.kind)];
        item->documentation = type.description;
    }
}

void addTypeConditions(const Schema &schema, const CompletionContext &context, ItemCollector &out)
{
    if (context.typeName.isEmpty()) { // a fragment definition: any composite type
        for (const NamedType &type : schema.types()) {
            if (isCompositeTypeKind(type.kind) && !type.isIntrospectionType())
                addType(type, out);
        }
        return;
    }
    const NamedType *parent = schema.type(context.typeName);
    if (!parent || !isCompositeTypeKind(parent->kind))
        return;
    // The parent itself, the abstract types it belongs to, and its possible types (§5.5.2.3).
    QStringList names{parent->name};
    names += parent->interfaces;
    if (parent->kind == TypeKind::Object) {
        for (const NamedType &type : schema.types()) {
            if (type.kind == TypeKind::Union && type.possibleTypes.contains(parent->name))
                names.append(type.name);
        }
    }
    names += parent->possibleTypes;
    names.removeDuplicates();
    for (const QString &name : std::as_const(names)) {
        if (const NamedType *type = schema.type(name))
            addType(*type, out);
    }
}

} // namespace

QList<CompletionItem> complete(const Schema &schema, const QString &text, int cursorOffset)
{
    const CompletionContext context = completionContext(schema, text, cursorOffset);
    ItemCollector out(context.prefix);
    switch (context.kind) {
    case CompletionContextKind::None:
        break;
    case CompletionContextKind::Definition:
        out.add(u"query"_s, CompletionKind::Keyword);
        if (schema.mutationType())
            out.add(u"mutation"_s, CompletionKind::Keyword);
        if (schema.subscriptionType())
            out.add(u"subscription"_s, CompletionKind::Keyword);
        out.add(u"fragment"_s, CompletionKind::Keyword);
        break;
    case CompletionContextKind::SelectionSet:
        addFields(schema, context, out);
        break;
    case CompletionContextKind::Arguments:
        addInputValues(context, CompletionKind::Argument, out);
        break;
    case CompletionContextKind::ObjectField:
        addInputValues(context, CompletionKind::InputField, out);
        break;
    case CompletionContextKind::Value:
        addValues(schema, context, out);
        break;
    case CompletionContextKind::Variable:
        addVariables(context, true, out);
        break;
    case CompletionContextKind::Directive:
        addDirectives(schema, context, out);
        break;
    case CompletionContextKind::FragmentSpread:
        addFragments(schema, text, context, out);
        break;
    case CompletionContextKind::TypeCondition:
        addTypeConditions(schema, context, out);
        break;
    case CompletionContextKind::VariableType:
        for (const NamedType &type : schema.types()) {
            if (isInputTypeKind(type.kind) && !type.isIntrospectionType())
                addType(type, out);
        }
        break;
    case CompletionContextKind::OnKeyword:
        out.add(u"on"_s, CompletionKind::Keyword);
        break;
    }
    return out.take();
}

int completionMatchRank(QStringView label, QStringView prefix)
{
    if (prefix.isEmpty() || label.startsWith(prefix, Qt::CaseInsensitive))
        return 0;
    if (label.contains(prefix, Qt::CaseInsensitive))
        return 1;
    qsizetype at = 0;
    for (const QChar c : prefix) {
        const QChar folded = c.toCaseFolded();
        while (at < label.size() && label.at(at).toCaseFolded() != folded)
            ++at;
        if (at == label.size())
            return -1;
        ++at;
    }
    return 2;
}

} // namespace Sextant::Core
