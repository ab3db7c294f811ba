// SPDX-License-Identifier: MIT
// Sextant: a Dagster job's run config schema (runConfigSchemaOrError) as a type table, and run config validation.
#include "net/dagsterrunconfigschema.h"

#include <QJsonDocument>

namespace Sextant::Net {

using Core::JsonKind;
using Core::ResponseDocument;

const QString DagsterRunConfigSchema::schemaDocument = QStringLiteral(
    "query SextantDagsterRunConfigSchema($selector: PipelineSelector!) {\n"
    "  runConfigSchemaOrError(selector: $selector) {\n"
    "    __typename\n"
    "    ... on RunConfigSchema {\n"
    "      rootConfigType { key }\n"
    "      allConfigTypes {\n"
    "        __typename key description isSelector\n"
    "        ... on CompositeConfigType { fields { name description isRequired defaultValueAsJson configTypeKey } }\n"
    "        ... on EnumConfigType { values { value } }\n"
    "        ... on ArrayConfigType { ofType { key } }\n"
    "        ... on NullableConfigType { ofType { key } }\n"
    "        ... on ScalarUnionConfigType { scalarTypeKey nonScalarTypeKey }\n"
    "        ... on MapConfigType { valueType { key } }\n"
    "      }\n"
    "    }\n"
    "    ... on PipelineNotFoundError { message }\n"
    "    ... on InvalidSubsetError { message }\n"
    "    ... on ModeNotFoundError { message }\n"
    "    ... on PythonError { message stack }\n"
    "  }\n"
    "}\n");

const QString DagsterRunConfigSchema::validateDocument = QStringLiteral(
    "query SextantDagsterValidateRunConfig($selector: PipelineSelector!, $runConfigData: RunConfigData) {\n"
    "  runConfigSchemaOrError(selector: $selector) {\n"
    "    __typename\n"
    "    ... on RunConfigSchema {\n"
    "      isRunConfigValid(runConfigData: $runConfigData) {\n"
    "        __typename\n"
    "        ... on PipelineConfigValidationValid { pipelineName }\n"
    "        ... on RunConfigValidationInvalid {\n"
    "          errors {\n"
    "            __typename message reason\n"
    "            stack { entries { __typename ... on EvaluationStackPathEntry { fieldName }"
    " ... on EvaluationStackListItemEntry { listIndex } } }\n"
    "            ... on MissingFieldConfigError { field { name } }\n"
    "            ... on MissingFieldsConfigError { fields { name } }\n"
    "            ... on FieldNotDefinedConfigError { fieldName }\n"
    "          }\n"
    "        }\n"
    "        ... on PipelineNotFoundError { message }\n"
    "        ... on InvalidSubsetError { message }\n"
    "        ... on PythonError { message stack }\n"
    "      }\n"
    "    }\n"
    "    ... on PipelineNotFoundError { message }\n"
    "    ... on InvalidSubsetError { message }\n"
    "    ... on ModeNotFoundError { message }\n"
    "    ... on PythonError { message stack }\n"
    "  }\n"
    "}\n");

static QJsonObject selectorOf(const DagsterJob &job)
{
    return QJsonObject{{QStringLiteral("pipelineName"), job.name},
                       {QStringLiteral("repositoryName"), job.repository},
                       {QStringLiteral("repositoryLocationName"), job.location}};
}

GraphQLRequest DagsterRunConfigSchema::request(const DagsterJob &job)
{
    GraphQLRequest request;
    request.query = schemaDocument;
    request.operationName = QStringLiteral("SextantDagsterRunConfigSchema");
    request.variablesJson =
        QJsonDocument(QJsonObject{{QStringLiteral("selector"), selectorOf(job)}}).toJson(QJsonDocument::Compact);
    return request;
}

GraphQLRequest DagsterRunConfigSchema::validateRequest(const DagsterJob &job, const QJsonObject &runConfig)
{
    GraphQLRequest request;
    request.query = validateDocument;
    request.operationName = QStringLiteral("SextantDagsterValidateRunConfig");
    request.variablesJson = QJsonDocument(QJsonObject{{QStringLiteral("selector"), selectorOf(job)},
                                                      {QStringLiteral("runConfigData"), runConfig}})
                                .toJson(QJsonDocument::Compact);
    return request;
}

const DagsterConfigType *DagsterRunConfigSchema::type(const QString &key) const
{
    const auto found = m_types.constFind(key);
    return found == m_types.constEnd() ? nullptr : &found.value();
}

static QString memberKey(const ResponseDocument &doc, ResponseDocument::NodeId object, QStringView member)
{
    const auto node = doc.member(object, member);
    if (node == ResponseDocument::InvalidNode || doc.kind(node) != JsonKind::Object)
        return {};
    return DagsterResponse::string(doc, node, u"key");
}

DagsterRunConfigSchema DagsterRunConfigSchema::parse(const HttpResult &result)
{
    if (!result.isGraphQL()) {
        DagsterRunConfigSchema schema;
        schema.m_error = DagsterResponse::read(result, QStringLiteral("runConfigSchemaOrError")).error();
        return schema;
    }
    return parseBody(result.body);
}

DagsterRunConfigSchema DagsterRunConfigSchema::parseBody(const QByteArray &body)
{
    using Kind = DagsterConfigType::Kind;
    DagsterRunConfigSchema schema;
    const DagsterResponse response = DagsterResponse::readBody(body, QStringLiteral("runConfigSchemaOrError"));
    if (!response.ok()) {
        schema.m_error = response.error();
        return schema;
    }
    const ResponseDocument &doc = *response.document();
    schema.m_rootKey = memberKey(doc, response.node(), u"rootConfigType");
    const auto all = doc.member(response.node(), u"allConfigTypes");
    for (int i = 0; all != ResponseDocument::InvalidNode && i < doc.childCount(all); ++i) {
        const auto node = doc.child(all, i);
        DagsterConfigType type;
        type.key = DagsterResponse::string(doc, node, u"key");
        type.typeName = DagsterResponse::string(doc, node, u"__typename");
        type.description = DagsterResponse::string(doc, node, u"description");
        if (type.typeName == QLatin1String("RegularConfigType")) {
            type.kind = type.key == QLatin1String("Any") ? Kind::Any : Kind::Scalar;
        } else if (type.typeName == QLatin1String("CompositeConfigType")) {
            type.kind = DagsterResponse::boolean(doc, node, u"isSelector") ? Kind::Selector : Kind::Composite;
            const auto fields = doc.member(node, u"fields");
            for (int f = 0; fields != ResponseDocument::InvalidNode && f < doc.childCount(fields); ++f) {
                const auto field = doc.child(fields, f);
                type.fields.append({DagsterResponse::string(doc, field, u"name"),
                                    DagsterResponse::string(doc, field, u"description"),
                                    DagsterResponse::string(doc, field, u"configTypeKey"),
                                    DagsterResponse::boolean(doc, field, u"isRequired"),
                                    DagsterResponse::string(doc, field, u"defaultValueAsJson")});
            }
        } else if (type.typeName == QLatin1String("EnumConfigType")) {
            type.kind = Kind::Enum;
            const auto values = doc.member(node, u"values");
            for (int v = 0; values != ResponseDocument::InvalidNode && v < doc.childCount(values); ++v)
                type.enumValues << DagsterResponse::string(doc, doc.child(values, v), u"value");
        } else if (type.typeName == QLatin1String("ArrayConfigType")) {
            type.kind = Kind::Array;
            type.ofTypeKey = memberKey(doc, node, u"ofType");
        } else if (type.typeName == QLatin1String("NullableConfigType")) {
            type.kind = Kind::Nullable;
            type.ofTypeKey = memberKey(doc, node, u"ofType");
        } else if (type.typeName == QLatin1String("ScalarUnionConfigType")) {
            type.kind = Kind::ScalarUnion;
            type.scalarTypeKey = DagsterResponse::string(doc, node, u"scalarTypeKey");
            type.nonScalarTypeKey = DagsterResponse::string(doc, node, u"nonScalarTypeKey");
        } else if (type.typeName == QLatin1String("MapConfigType")) {
            type.kind = Kind::Map;
            type.valueTypeKey = memberKey(doc, node, u"valueType");
        }
        if (!type.key.isEmpty())
            schema.m_types.insert(type.key, type);
    }
    if (schema.m_rootKey.isEmpty() || !schema.m_types.contains(schema.m_rootKey)) {
        schema.m_error = {response.typeName(), QStringLiteral("the root config type is missing from allConfigTypes"), {}};
        return schema;
    }
    schema.m_ok = true;
    return schema;
}

QList<DagsterConfigError> DagsterRunConfigSchema::readConfigErrors(const ResponseDocument &doc,
                                                                   ResponseDocument::NodeId errors)
{
    QList<DagsterConfigError> out;
    for (int i = 0; errors != ResponseDocument::InvalidNode && i < doc.childCount(errors); ++i) {
        const auto node = doc.child(errors, i);
        DagsterConfigError error;
        error.typeName = DagsterResponse::string(doc, node, u"__typename");
        error.message = DagsterResponse::string(doc, node, u"message");
        error.reason = DagsterResponse::string(doc, node, u"reason");
        const auto stack = doc.member(node, u"stack");
        const auto entries = stack == ResponseDocument::InvalidNode ? stack : doc.member(stack, u"entries");
        for (int e = 0; entries != ResponseDocument::InvalidNode && e < doc.childCount(entries); ++e) {
            const auto entry = doc.child(entries, e);
            const auto fieldName = doc.member(entry, u"fieldName");
            const auto listIndex = doc.member(entry, u"listIndex");
            if (fieldName != ResponseDocument::InvalidNode && doc.kind(fieldName) == JsonKind::String)
                error.path << doc.stringValue(fieldName);
            else if (listIndex != ResponseDocument::InvalidNode && doc.kind(listIndex) == JsonKind::Number)
                error.path << doc.numberText(listIndex);
        }
        const auto field = doc.member(node, u"field");
        const auto fields = doc.member(node, u"fields");
        if (field != ResponseDocument::InvalidNode && doc.kind(field) == JsonKind::Object) {
            error.path << DagsterResponse::string(doc, field, u"name");
        } else if (const QString undefined = DagsterResponse::string(doc, node, u"fieldName"); !undefined.isEmpty()) {
            error.path << undefined;
        } else if (fields != ResponseDocument::InvalidNode && doc.kind(fields) == JsonKind::Array
                   && doc.childCount(fields) > 0) {
            // MissingFieldsConfigError: one entry per missing field, so each shows next to its editor.
            for (int f = 0; f < doc.childCount(fields); ++f) {
                DagsterConfigError missing = error;
                missing.path << DagsterResponse::string(doc, doc.child(fields, f), u"name");
                out.append(missing);
            }
            continue;
        }
        out.append(error);
    }
    return out;
}

DagsterConfigValidation DagsterRunConfigSchema::parseValidation(const HttpResult &result)
{
    if (!result.isGraphQL()) {
        DagsterConfigValidation validation;
        validation.error = DagsterResponse::read(result, QStringLiteral("runConfigSchemaOrError")).error();
        return validation;
    }
    return parseValidationBody(result.body);
}

DagsterConfigValidation DagsterRunConfigSchema::parseValidationBody(const QByteArray &body)
{
    DagsterConfigValidation validation;
    const DagsterResponse response = DagsterResponse::readBody(body, QStringLiteral("runConfigSchemaOrError"));
    if (!response.ok()) {
        validation.error = response.error();
        return validation;
    }
    const ResponseDocument &doc = *response.document();
    const auto result = doc.member(response.node(), u"isRunConfigValid");
    if (result == ResponseDocument::InvalidNode || doc.kind(result) != JsonKind::Object) {
        validation.error = {response.typeName(), QStringLiteral("no isRunConfigValid in the answer"), {}};
        return validation;
    }
    const QString typeName = DagsterResponse::string(doc, result, u"__typename");
    if (typeName == QLatin1String("PipelineConfigValidationValid")) {
        validation.ok = validation.valid = true;
    } else if (typeName == QLatin1String("RunConfigValidationInvalid")) {
        validation.ok = true;
        validation.errors = readConfigErrors(doc, doc.member(result, u"errors"));
    } else {
        validation.error = DagsterResponse::errorAt(doc, result);
    }
    return validation;
}

} // namespace Sextant::Net
