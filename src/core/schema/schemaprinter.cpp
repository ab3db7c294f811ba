// SPDX-License-Identifier: MIT
// Sextant: prints a Schema as SDL, exactly like graphql-js printSchema().
#include <core/schema/schemaprinter.h>

#include <core/language/printer.h>
#include <core/schema/schema.h>

#include <QStringList>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

bool isSpecifiedScalarName(QStringView name)
{
    return name == u"Int" || name == u"Float" || name == u"String" || name == u"Boolean" || name == u"ID";
}

bool isSpecifiedDirectiveName(QStringView name)
{
    return name == u"include" || name == u"skip" || name == u"deprecated" || name == u"specifiedBy" || name == u"oneOf";
}

QString printDescription(const QString &description, const QString &indentation = {}, bool firstInBlock = true)
{
    if (description.isEmpty())
        return {};
    QString text =
        isPrintableAsBlockString(description) ? printBlockStringLiteral(description) : printStringLiteral(description);
    const QString prefix = !indentation.isEmpty() && !firstInBlock ? u'\n' + indentation : indentation;
    text.replace(u'\n', u'\n' + indentation);
    return prefix + text + u'\n';
}

// graphql-js printDeprecated(): nothing when the reason is null.
QString printDeprecated(bool isDeprecated, const QString &reason)
{
    if (!isDeprecated || reason.isNull())
        return {};
    if (reason != u"No longer supported")
        return u" @deprecated(reason: "_s + printStringLiteral(reason) + u')';
    return u" @deprecated"_s;
}

QString printInputValue(const InputValue &value)
{
    QString text = value.name + u": "_s + value.type.toString();
    if (value.hasDefaultValue)
        text += u" = "_s + value.defaultValue;
    return text + printDeprecated(value.isDeprecated, value.deprecationReason);
}

QString printArgs(const QList<InputValue> &args, const QString &indentation = {})
{
    if (args.isEmpty())
        return {};
    bool anyDescription = false;
    for (const InputValue &arg : args)
        anyDescription = anyDescription || !arg.description.isEmpty();
    QStringList items;
    if (!anyDescription) {
        for (const InputValue &arg : args)
            items << printInputValue(arg);
        return u'(' + items.join(u", "_s) + u')';
    }
    for (qsizetype i = 0; i < args.size(); ++i) {
        items << printDescription(args.at(i).description, u"  "_s + indentation, i == 0) + u"  "_s + indentation
                     + printInputValue(args.at(i));
    }
    return u"(\n"_s + items.join(u'\n') + u'\n' + indentation + u')';
}

QString printBlock(const QStringList &items)
{
    return items.isEmpty() ? QString() : u" {\n"_s + items.join(u'\n') + u"\n}"_s;
}

QString printFields(const NamedType &type)
{
    QStringList items;
    for (qsizetype i = 0; i < type.fields.size(); ++i) {
        const Field &field = type.fields.at(i);
        items << printDescription(field.description, u"  "_s, i == 0) + u"  "_s + field.name
                     + printArgs(field.args, u"  "_s) + u": "_s + field.type.toString()
                     + printDeprecated(field.isDeprecated, field.deprecationReason);
    }
    return printBlock(items);
}

QString printImplementedInterfaces(const NamedType &type)
{
    return type.interfaces.isEmpty() ? QString() : u" implements "_s + type.interfaces.join(u" & "_s);
}

QString printType(const NamedType &type)
{
    const QString description = printDescription(type.description);
    switch (type.kind) {
    case TypeKind::Scalar:
        return description + u"scalar "_s + type.name
               + (type.specifiedByURL.isEmpty()
                      ? QString()
                      : u" @specifiedBy(url: "_s + printStringLiteral(type.specifiedByURL) + u')');
    case TypeKind::Object:
        return description + u"type "_s + type.name + printImplementedInterfaces(type) + printFields(type);
    case TypeKind::Interface:
        return description + u"interface "_s + type.name + printImplementedInterfaces(type) + printFields(type);
    case TypeKind::Union:
        return description + u"union "_s + type.name
               + (type.possibleTypes.isEmpty() ? QString() : u" = "_s + type.possibleTypes.join(u" | "_s));
    case TypeKind::Enum: {
        QStringList items;
        for (qsizetype i = 0; i < type.enumValues.size(); ++i) {
            const EnumValue &value = type.enumValues.at(i);
            items << printDescription(value.description, u"  "_s, i == 0) + u"  "_s + value.name
                         + printDeprecated(value.isDeprecated, value.deprecationReason);
        }
        return description + u"enum "_s + type.name + printBlock(items);
    }
    case TypeKind::InputObject: {
        QStringList items;
        for (qsizetype i = 0; i < type.inputFields.size(); ++i) {
            const InputValue &field = type.inputFields.at(i);
            items << printDescription(field.description, u"  "_s, i == 0) + u"  "_s + printInputValue(field);
        }
        return description + u"input "_s + type.name + (type.isOneOf ? u" @oneOf"_s : QString()) + printBlock(items);
    }
    case TypeKind::List:
    case TypeKind::NonNull:
        break;
    }
    return {};
}

QString printDirective(const Directive &directive)
{
    return printDescription(directive.description) + u"directive @"_s + directive.name + printArgs(directive.args)
           + printDeprecated(directive.isDeprecated, directive.deprecationReason)
           + (directive.isRepeatable ? u" repeatable"_s : QString()) + u" on "_s + directive.locations.join(u" | "_s);
}

QString printSchemaDefinition(const Schema &schema)
{
    const bool commonNames =
        (schema.queryTypeName().isEmpty() || schema.queryTypeName() == u"Query")
        && (schema.mutationTypeName().isEmpty() || schema.mutationTypeName() == u"Mutation")
        && (schema.subscriptionTypeName().isEmpty() || schema.subscriptionTypeName() == u"Subscription");
    if (schema.description().isEmpty() && commonNames)
        return {};
    QStringList operationTypes;
    if (!schema.queryTypeName().isEmpty())
        operationTypes << u"  query: "_s + schema.queryTypeName();
    if (!schema.mutationTypeName().isEmpty())
        operationTypes << u"  mutation: "_s + schema.mutationTypeName();
    if (!schema.subscriptionTypeName().isEmpty())
        operationTypes << u"  subscription: "_s + schema.subscriptionTypeName();
    return printDescription(schema.description()) + u"schema {\n"_s + operationTypes.join(u'\n') + u"\n}"_s;
}

} // namespace

QString printSchema(const Schema &schema)
{
    QStringList parts;
    const QString definition = printSchemaDefinition(schema);
    if (!definition.isEmpty())
        parts << definition;
    for (const Directive &directive : schema.directives()) {
        if (!isSpecifiedDirectiveName(directive.name))
            parts << printDirective(directive);
    }
    for (const NamedType &type : schema.types()) {
        if (!type.isIntrospectionType() && !isSpecifiedScalarName(type.name))
            parts << printType(type);
    }
    return parts.join(u"\n\n"_s);
}

} // namespace Sextant::Core
