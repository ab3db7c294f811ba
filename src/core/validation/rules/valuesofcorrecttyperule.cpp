// SPDX-License-Identifier: MIT
// Sextant: §5.6.1 Values of Correct Type (graphql-js ValuesOfCorrectTypeRule).
#include <core/validation/rules/valuesofcorrecttyperule.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

ValuesOfCorrectTypeRule::ValuesOfCorrectTypeRule(ValidationContext &context) : ValidationRule(context)
{
    m_enterKinds = bit(Ast::NodeKind::ListValue) | bit(Ast::NodeKind::ObjectValue) | bit(Ast::NodeKind::ObjectField)
                   | bit(Ast::NodeKind::NullValue) | bit(Ast::NodeKind::EnumValue) | bit(Ast::NodeKind::IntValue)
                   | bit(Ast::NodeKind::FloatValue) | bit(Ast::NodeKind::StringValue)
                   | bit(Ast::NodeKind::BooleanValue);
}

namespace {

QString expectedMessage(const TypeRef &type, const Ast::Value *value)
{
    return u"Expected value of type \""_s + type.toString() + u"\", found "_s + printValueForError(value) + u'.';
}

} // namespace

bool ValuesOfCorrectTypeRule::enter(const Ast::Node *node)
{
    const Schema &schema = m_context.schema();
    const TypeInfo &typeInfo = m_context.typeInfo();
    switch (node->kind) {
    case Ast::NodeKind::ListValue:
        if (!typeInfo.parentInputType().nullable().isList()) {
            checkLeafValue(static_cast<const Ast::Value *>(node));
            return false;
        }
        return true;
    case Ast::NodeKind::ObjectValue: {
        const auto *object = static_cast<const Ast::ObjectValue *>(node);
        const NamedType *type = namedTypeOf(schema, typeInfo.inputType());
        if (!type || type->kind != TypeKind::InputObject) {
            checkLeafValue(object);
            return false;
        }
        const auto fieldNode = [object](QStringView name) -> const Ast::ObjectField * {
            const Ast::ObjectField *found = nullptr;
            for (const Ast::ObjectField *field : object->fields)
                if (field->name == name)
                    found = field; // keyMap: the last one wins
            return found;
        };
        for (const InputValue &fieldDef : type->inputFields) {
            if (!fieldNode(fieldDef.name) && fieldDef.type.isNonNull() && !fieldDef.hasDefaultValue)
                m_context.reportError(u"Field \""_s + type->name + u'.' + fieldDef.name + u"\" of required type \""_s
                                          + fieldDef.type.toString() + u"\" was not provided."_s,
                                      {object->loc});
        }
        if (type->isOneOf) {
            QList<QStringView> keys;
            for (const Ast::ObjectField *field : object->fields)
                if (!keys.contains(field->name))
                    keys.append(field->name);
            if (keys.size() != 1) {
                m_context.reportError(u"OneOf Input Object \""_s + type->name + u"\" must specify exactly one key."_s,
                                      {object->loc});
            } else {
                const Ast::ObjectField *field = fieldNode(keys.first());
                if (!field->value || field->value->kind == Ast::NodeKind::NullValue)
                    m_context.reportError(u"Field \""_s + type->name + u'.' + keys.first() + u"\" must be non-null."_s,
                                          {object->loc});
            }
        }
        return true;
    }
    case Ast::NodeKind::ObjectField: {
        const NamedType *parentType = namedTypeOf(schema, typeInfo.parentInputType());
        if (!typeInfo.inputType().isValid() && parentType && parentType->kind == TypeKind::InputObject) {
            const auto *field = static_cast<const Ast::ObjectField *>(node);
            QStringList names;
            for (const InputValue &f : parentType->inputFields)
                names.append(f.name);
            m_context.reportError(u"Field \""_s + field->name + u"\" is not defined by type \""_s + parentType->name
                                      + u"\"."_s + didYouMean(suggestionList(field->name, names)),
                                  {field->loc});
        }
        return true;
    }
    case Ast::NodeKind::NullValue: {
        const TypeRef type = typeInfo.inputType();
        if (type.isNonNull())
            m_context.reportError(expectedMessage(type, static_cast<const Ast::Value *>(node)), {node->loc});
        return true;
    }
    default:
        checkLeafValue(static_cast<const Ast::Value *>(node));
        return true;
    }
}

void ValuesOfCorrectTypeRule::checkLeafValue(const Ast::Value *value)
{
    const TypeRef locationType = m_context.typeInfo().inputType();
    if (!locationType.isValid())
        return;
    const NamedType *type = namedTypeOf(m_context.schema(), locationType);
    if (!type)
        return;
    if (!isLeafKind(type->kind)) {
        m_context.reportError(expectedMessage(locationType, value), {value->loc});
        return;
    }
    const Ast::NodeKind kind = value->kind;
    if (type->kind == TypeKind::Enum) {
        QStringList names;
        const auto suggest = [&](const QString &valueStr) {
            for (const EnumValue &v : type->enumValues)
                names.append(v.name);
            return didYouMean(u"the enum value", suggestionList(valueStr, names));
        };
        if (kind != Ast::NodeKind::EnumValue) {
            const QString valueStr = printValueForError(value);
            m_context.reportError(u"Enum \""_s + type->name + u"\" cannot represent non-enum value: "_s + valueStr
                                      + u'.' + suggest(valueStr),
                                  {value->loc});
        } else if (!type->enumValue(static_cast<const Ast::EnumValue *>(value)->value)) {
            const QString valueStr = printValueForError(value);
            m_context.reportError(u"Value \""_s + valueStr + u"\" does not exist in \""_s + type->name + u"\" enum."_s
                                      + suggest(valueStr),
                                  {value->loc});
        }
        return;
    }
    const QString &name = type->name;
    if (name == u"Int") {
        if (kind != Ast::NodeKind::IntValue) {
            m_context.reportError(u"Int cannot represent non-integer value: "_s + printValueForError(value),
                                  {value->loc});
            return;
        }
        const QString &text = static_cast<const Ast::IntValue *>(value)->value;
        const double number = text.toDouble();
        if (number > 2147483647.0 || number < -2147483648.0)
            m_context.reportError(u"Int cannot represent non 32-bit signed integer value: "_s + text, {value->loc});
    } else if (name == u"Float") {
        if (kind != Ast::NodeKind::FloatValue && kind != Ast::NodeKind::IntValue)
            m_context.reportError(u"Float cannot represent non numeric value: "_s + printValueForError(value),
                                  {value->loc});
    } else if (name == u"String") {
        if (kind != Ast::NodeKind::StringValue)
            m_context.reportError(u"String cannot represent a non string value: "_s + printValueForError(value),
                                  {value->loc});
    } else if (name == u"Boolean") {
        if (kind != Ast::NodeKind::BooleanValue)
            m_context.reportError(u"Boolean cannot represent a non boolean value: "_s + printValueForError(value),
                                  {value->loc});
    } else if (name == u"ID") {
        if (kind != Ast::NodeKind::StringValue && kind != Ast::NodeKind::IntValue)
            m_context.reportError(u"ID cannot represent a non-string and non-integer value: "_s
                                      + printValueForError(value),
                                  {value->loc});
    }
}

} // namespace Sextant::Core
