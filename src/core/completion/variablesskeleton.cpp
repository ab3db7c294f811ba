// SPDX-License-Identifier: MIT
// Sextant: "fill in variables": a JSON skeleton for an operation's variables.
#include "variablesskeleton.h"

#include <core/response/responsedocument.h>
#include <core/schema/schema.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace Sextant::Core {

namespace {

QByteArray jsonString(const QString &text)
{
    // QJsonValue escapes exactly as JSON requires; strip the array wrapper around it.
    QByteArray json = QJsonDocument(QJsonArray{QJsonValue(text)}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

QByteArray indentation(int level)
{
    return QByteArray(level * 2, ' ');
}

// A GraphQL const value literal as JSON (spec §2.9 → JSON: enum values are strings).
QByteArray literalToJson(const Ast::Value *value, int level)
{
    if (!value)
        return "null";
    if (const auto *v = Ast::astCast<Ast::IntValue>(value))
        return v->value.toUtf8();
    if (const auto *v = Ast::astCast<Ast::FloatValue>(value))
        return v->value.toUtf8();
    if (const auto *v = Ast::astCast<Ast::StringValue>(value))
        return jsonString(v->value);
    if (const auto *v = Ast::astCast<Ast::BooleanValue>(value))
        return v->value ? "true" : "false";
    if (const auto *v = Ast::astCast<Ast::EnumValue>(value))
        return jsonString(v->value);
    if (const auto *v = Ast::astCast<Ast::ListValue>(value)) {
        QByteArrayList items;
        for (const Ast::Value *item : v->values)
            items << literalToJson(item, level);
        return '[' + items.join(", ") + ']';
    }
    if (const auto *v = Ast::astCast<Ast::ObjectValue>(value)) {
        if (v->fields.size() == 0)
            return "{}";
        QByteArray out = "{\n";
        for (qsizetype i = 0; i < v->fields.size(); ++i) {
            const Ast::ObjectField *field = v->fields[i];
            out += indentation(level + 1) + jsonString(field->name) + ": " + literalToJson(field->value, level + 1);
            out += i + 1 < v->fields.size() ? ",\n" : "\n";
        }
        return out + indentation(level) + '}';
    }
    return "null";
}

QByteArray placeholder(const Schema *schema, const TypeRef &type, int level, int depth)
{
    if (type.isNonNull())
        return placeholder(schema, type.ofType(), level, depth);
    if (type.isList())
        return "[]";
    const QString name = type.namedType();
    if (name == u"Int")
        return "0";
    if (name == u"Float")
        return "0.0";
    if (name == u"Boolean")
        return "false";
    const NamedType *named = schema ? schema->type(name) : nullptr;
    if (named && named->kind == TypeKind::Enum && !named->enumValues.isEmpty())
        return jsonString(named->enumValues.first().name);
    if (named && named->kind == TypeKind::InputObject) {
        if (depth >= 3)
            return "{}";
        QList<const InputValue *> fields;
        for (const InputValue &field : named->inputFields) {
            if (named->isOneOf) {
                fields << &field;
                break;
            }
            if (field.type.isNonNull() && !field.hasDefaultValue)
                fields << &field;
        }
        if (fields.isEmpty())
            return "{}";
        QByteArray out = "{\n";
        for (qsizetype i = 0; i < fields.size(); ++i) {
            out += indentation(level + 1) + jsonString(fields[i]->name) + ": "
                + placeholder(schema, fields[i]->type, level + 1, depth + 1);
            out += i + 1 < fields.size() ? ",\n" : "\n";
        }
        return out + indentation(level) + '}';
    }
    return "\"\"";
}

} // namespace

QByteArray variablesSkeleton(const Schema *schema, const Ast::OperationDefinition &operation,
                             const QByteArray &existingJson)
{
    std::shared_ptr<const ResponseDocument> existing;
    if (!existingJson.trimmed().isEmpty()) {
        existing = ResponseDocument::parse(existingJson);
        if (existing && existing->kind(existing->root()) != JsonKind::Object)
            existing.reset();
    }
    QList<QByteArray> members;
    QStringList declared;
    for (const Ast::VariableDefinition *definition : operation.variableDefinitions) {
        if (!definition || !definition->variable)
            continue;
        const QString name = definition->variable->name;
        declared << name;
        QByteArray value;
        if (existing) {
            const ResponseDocument::NodeId node = existing->member(existing->root(), name);
            if (node != ResponseDocument::InvalidNode)
                value = existing->toJson(node, 2).replace("\n", "\n  ");
        }
        if (value.isEmpty() && definition->defaultValue)
            value = literalToJson(definition->defaultValue, 1);
        if (value.isEmpty())
            value = placeholder(schema, TypeRef::parse(Ast::typeReferenceString(definition->type)), 1, 0);
        members << "  " + jsonString(name) + ": " + value;
    }
    if (existing) {
        const ResponseDocument::NodeId root = existing->root();
        for (int i = 0; i < existing->childCount(root); ++i) {
            const ResponseDocument::NodeId node = existing->child(root, i);
            if (!declared.contains(existing->key(node)))
                members << "  " + jsonString(existing->key(node)) + ": " + existing->toJson(node, 2).replace("\n", "\n  ");
        }
    }
    if (members.isEmpty())
        return "{}\n";
    return "{\n" + members.join(",\n") + "\n}\n";
}

} // namespace Sextant::Core
