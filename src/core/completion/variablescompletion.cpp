// SPDX-License-Identifier: MIT
// Sextant: completion in the variables JSON: variable names, input fields and values from the operation's types.
#include "variablescompletion.h"

#include <core/completion/jsoncursor.h>
#include <core/language/ast.h>
#include <core/language/parser.h>
#include <core/schema/schema.h>

#include <algorithm>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

QString jsonName(const QString &name)
{
    // GraphQL names (spec §2.1.9) never need JSON escapes.
    return u'"' + name + u'"';
}

CompletionItem memberItem(const QString &name, CompletionKind kind, const TypeRef &type, const QString &description,
                          bool isDeprecated, bool colonFollows)
{
    CompletionItem item;
    item.label = name;
    item.kind = kind;
    item.detail = type.toString();
    item.documentation = description;
    item.isDeprecated = isDeprecated;
    item.insertText = jsonName(name) + (colonFollows ? QString() : u": "_s);
    item.cursorOffsetInInsert = int(item.insertText.size());
    return item;
}

CompletionItem valueItem(const QString &text, const QString &detail, int caret = -1)
{
    CompletionItem item;
    item.label = text;
    item.kind = CompletionKind::Value;
    item.detail = detail;
    item.insertText = text;
    item.cursorOffsetInInsert = caret < 0 ? int(text.size()) : caret;
    return item;
}

bool isRequired(const TypeRef &type, bool hasDefault)
{
    return type.isNonNull() && !hasDefault;
}

// The input object a member name at `path` belongs to: lists are looked through (a single object is a list of one).
const NamedType *inputObjectAt(const Schema &schema, const Ast::OperationDefinition &operation,
                               const QVariantList &path)
{
    TypeRef type = variableValueType(schema, operation, path);
    if (!type.isValid())
        return nullptr;
    type = type.nullable();
    while (type.isList())
        type = type.ofType().nullable();
    const NamedType *named = schema.type(type.namedType());
    return named && named->kind == TypeKind::InputObject ? named : nullptr;
}

void appendValues(const Schema &schema, const TypeRef &type, bool withNull, QList<CompletionItem> &items)
{
    const TypeRef inner = type.nullable();
    if (inner.isList()) {
        items << valueItem(u"[]"_s, inner.toString(), 1);
        appendValues(schema, inner.ofType(), false, items);
    } else if (const NamedType *named = schema.type(inner.namedType())) {
        if (named->kind == TypeKind::Enum) {
            QList<CompletionItem> deprecated;
            for (const EnumValue &value : named->enumValues) {
                CompletionItem item = valueItem(jsonName(value.name), named->name);
                item.kind = CompletionKind::EnumValue;
                item.documentation = value.description;
                item.isDeprecated = value.isDeprecated;
                (value.isDeprecated ? deprecated : items) << item;
            }
            items << deprecated;
        } else if (named->kind == TypeKind::InputObject) {
            items << valueItem(u"{}"_s, named->name, 1);
        } else if (named->name == u"Boolean") {
            items << valueItem(u"true"_s, named->name) << valueItem(u"false"_s, named->name);
        }
    }
    if (withNull && !type.isNonNull())
        items << valueItem(u"null"_s, type.toString());
}

QList<CompletionItem> candidates(const Schema &schema, const Ast::OperationDefinition &operation,
                                 const JsonCursorContext &context)
{
    QList<CompletionItem> items;
    if (context.position == JsonCursorPosition::MemberName && context.path.isEmpty()) {
        QList<CompletionItem> optional;
        for (const Ast::VariableDefinition *definition : operation.variableDefinitions) {
            const QString &name = definition->variable->name;
            if (context.existingKeys.contains(name))
                continue;
            const TypeRef type = TypeRef::parse(Ast::typeReferenceString(definition->type));
            const QString description = definition->description ? definition->description->value : QString();
            CompletionItem item =
                memberItem(name, CompletionKind::Variable, type, description, false, context.colonFollows);
            (isRequired(type, definition->defaultValue) ? items : optional) << item;
        }
        return items << optional;
    }
    if (context.position == JsonCursorPosition::MemberName) {
        const NamedType *object = inputObjectAt(schema, operation, context.path);
        if (!object)
            return {};
        QList<CompletionItem> optional;
        QList<CompletionItem> deprecated;
        for (const InputValue &field : object->inputFields) {
            if (context.existingKeys.contains(field.name))
                continue;
            const CompletionItem item = memberItem(field.name, CompletionKind::InputField, field.type,
                                                   field.description, field.isDeprecated, context.colonFollows);
            if (field.isDeprecated)
                deprecated << item;
            else
                (isRequired(field.type, field.hasDefaultValue) ? items : optional) << item;
        }
        return items << optional << deprecated;
    }
    if (context.position == JsonCursorPosition::Value) {
        if (context.path.isEmpty()) // the variables object itself
            return {valueItem(u"{}"_s, QString(), 1)};
        const TypeRef type = variableValueType(schema, operation, context.path);
        if (type.isValid())
            appendValues(schema, type, true, items);
    }
    return items;
}

} // namespace

const Ast::OperationDefinition *variablesOperation(const Ast::Document &document, const QString &operationName)
{
    const Ast::OperationDefinition *operation = nullptr;
    if (operationName.isEmpty()) {
        const QList<const Ast::OperationDefinition *> operations = document.operations();
        operation = operations.isEmpty() ? nullptr : operations.first();
    } else {
        operation = document.operation(operationName);
    }
    if (!operation)
        return nullptr;
    for (const Ast::VariableDefinition *definition : operation->variableDefinitions) {
        if (!definition || !definition->variable || !definition->type)
            return nullptr;
    }
    return operation;
}

TypeRef variableValueType(const Schema &schema, const Ast::OperationDefinition &operation, const QVariantList &path)
{
    if (path.isEmpty())
        return {};
    const QString variable = path.first().toString();
    TypeRef type;
    for (const Ast::VariableDefinition *definition : operation.variableDefinitions) {
        if (definition && definition->variable && definition->type && definition->variable->name == variable) {
            type = TypeRef::parse(Ast::typeReferenceString(definition->type));
            break;
        }
    }
    for (qsizetype i = 1; i < path.size() && type.isValid(); ++i) {
        TypeRef inner = type.nullable();
        if (path[i].typeId() == QMetaType::Int) {
            type = inner.isList() ? inner.ofType() : TypeRef();
            continue;
        }
        while (inner.isList())
            inner = inner.ofType().nullable();
        const NamedType *named = schema.type(inner.namedType());
        const InputValue *field =
            named && named->kind == TypeKind::InputObject ? named->inputField(path[i].toString()) : nullptr;
        type = field ? field->type : TypeRef();
    }
    return type;
}

QList<CompletionItem> completeVariables(const Schema &schema, const QString &document, const QString &operationName,
                                        const QString &variablesJson, int cursorOffset)
{
    const JsonCursorContext context = jsonCursorContext(variablesJson, cursorOffset);
    if (context.position == JsonCursorPosition::None)
        return {};
    const ParseResult parsed = Parser::parse(document, ParseMode::Tolerant);
    const Ast::OperationDefinition *operation = variablesOperation(*parsed.document, operationName);
    if (!operation)
        return {};
    const QList<CompletionItem> all = candidates(schema, *operation, context);
    QList<std::pair<int, CompletionItem>> ranked;
    for (const CompletionItem &item : all) {
        QStringView label = item.label;
        if (label.size() >= 2 && label.startsWith(u'"') && label.endsWith(u'"'))
            label = label.mid(1, label.size() - 2);
        const int rank = completionMatchRank(label, context.prefix);
        if (rank >= 0)
            ranked.append({rank, item});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<CompletionItem> items;
    items.reserve(ranked.size());
    for (const auto &[rank, item] : ranked)
        items << item;
    return items;
}

} // namespace Sextant::Core
