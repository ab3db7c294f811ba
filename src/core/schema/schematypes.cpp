// SPDX-License-Identifier: MIT
// Sextant: the definitions a Schema is made of (named types, fields, input values, enum values, directives).
#include "schematypes.h"

namespace Sextant::Core {

namespace {

template<typename T>
const T *findByName(const QList<T> &list, QStringView name)
{
    for (const T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

QString argumentList(const QList<InputValue> &args)
{
    if (args.isEmpty())
        return {};
    QString text = QStringLiteral("(");
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (i > 0)
            text += QLatin1StringView(", ");
        text += args[i].signature();
    }
    text += u')';
    return text;
}

} // namespace

QString InputValue::signature() const
{
    QString text = name + QLatin1StringView(": ") + type.toString();
    if (hasDefaultValue)
        text += QLatin1StringView(" = ") + defaultValue;
    return text;
}

QString Field::signature() const
{
    return name + argumentList(args) + QLatin1StringView(": ") + type.toString();
}

const InputValue *Field::arg(QStringView argName) const
{
    return findByName(args, argName);
}

const Field *NamedType::field(QStringView fieldName) const
{
    return findByName(fields, fieldName);
}

const InputValue *NamedType::inputField(QStringView fieldName) const
{
    return findByName(inputFields, fieldName);
}

const EnumValue *NamedType::enumValue(QStringView valueName) const
{
    return findByName(enumValues, valueName);
}

QString NamedType::signature() const
{
    switch (kind) {
    case TypeKind::Scalar:
        return QLatin1StringView("scalar ") + name;
    case TypeKind::Object:
    case TypeKind::Interface: {
        QString text = (kind == TypeKind::Object ? QLatin1StringView("type ") : QLatin1StringView("interface ")) + name;
        if (!interfaces.isEmpty())
            text += QLatin1StringView(" implements ") + interfaces.join(QLatin1StringView(" & "));
        return text;
    }
    case TypeKind::Union: {
        QString text = QLatin1StringView("union ") + name;
        if (!possibleTypes.isEmpty())
            text += QLatin1StringView(" = ") + possibleTypes.join(QLatin1StringView(" | "));
        return text;
    }
    case TypeKind::Enum:
        return QLatin1StringView("enum ") + name;
    case TypeKind::InputObject:
        return QLatin1StringView("input ") + name + (isOneOf ? QLatin1StringView(" @oneOf") : QLatin1StringView());
    case TypeKind::List:
    case TypeKind::NonNull:
        break;
    }
    return name;
}

const InputValue *Directive::arg(QStringView argName) const
{
    return findByName(args, argName);
}

QString Directive::signature() const
{
    QString text = QLatin1StringView("directive @") + name + argumentList(args);
    if (isRepeatable)
        text += QLatin1StringView(" repeatable");
    if (!locations.isEmpty())
        text += QLatin1StringView(" on ") + locations.join(QLatin1StringView(" | "));
    return text;
}

} // namespace Sextant::Core
