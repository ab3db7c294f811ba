// SPDX-License-Identifier: MIT
// Sextant: the Dagster launchRun mutation for one job, its run config and tags, and the parsed LaunchRunResult.
#include "net/dagsterlaunch.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Sextant::Net {

using Core::JsonKind;
using Core::ResponseDocument;

const QString DagsterLaunch::document = QStringLiteral(
    "mutation SextantDagsterLaunchRun($executionParams: ExecutionParams!) {\n"
    "  launchRun(executionParams: $executionParams) {\n"
    "    __typename\n"
    "    ... on LaunchRunSuccess { run { runId status } }\n"
    "    ... on RunConfigValidationInvalid {\n"
    "      errors {\n"
    "        __typename message reason\n"
    "        stack { entries { __typename ... on EvaluationStackPathEntry { fieldName }"
    " ... on EvaluationStackListItemEntry { listIndex } } }\n"
    "        ... on MissingFieldConfigError { field { name } }\n"
    "        ... on MissingFieldsConfigError { fields { name } }\n"
    "        ... on FieldNotDefinedConfigError { fieldName }\n"
    "      }\n"
    "    }\n"
    "    ... on InvalidStepError { invalidStepKey }\n"
    "    ... on InvalidOutputError { stepKey invalidOutputName }\n"
    "    ... on PipelineNotFoundError { message }\n"
    "    ... on RunConflict { message }\n"
    "    ... on UnauthorizedError { message }\n"
    "    ... on InvalidSubsetError { message }\n"
    "    ... on PresetNotFoundError { message }\n"
    "    ... on ConflictingExecutionParamsError { message }\n"
    "    ... on NoModeProvidedError { message }\n"
    "    ... on PythonError { message stack }\n"
    "  }\n"
    "}\n");

GraphQLRequest DagsterLaunch::request(const DagsterJob &job, const QJsonObject &runConfig, const DagsterTags &tags)
{
    QJsonObject params{{QStringLiteral("selector"),
                        QJsonObject{{QStringLiteral("jobName"), job.name},
                                    {QStringLiteral("repositoryName"), job.repository},
                                    {QStringLiteral("repositoryLocationName"), job.location}}},
                       {QStringLiteral("runConfigData"), runConfig}};
    if (!tags.isEmpty()) {
        QJsonArray list;
        for (const auto &[key, value] : tags)
            list.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
        params.insert(QStringLiteral("executionMetadata"), QJsonObject{{QStringLiteral("tags"), list}});
    }
    GraphQLRequest request;
    request.query = document;
    request.operationName = QStringLiteral("SextantDagsterLaunchRun");
    request.variablesJson =
        QJsonDocument(QJsonObject{{QStringLiteral("executionParams"), params}}).toJson(QJsonDocument::Compact);
    return request;
}

DagsterLaunchResult DagsterLaunch::parse(const HttpResult &result)
{
    if (!result.isGraphQL()) {
        DagsterLaunchResult out;
        out.error = DagsterResponse::read(result, QStringLiteral("launchRun")).error();
        return out;
    }
    return parseBody(result.body);
}

DagsterLaunchResult DagsterLaunch::parseBody(const QByteArray &body)
{
    DagsterLaunchResult out;
    const DagsterResponse response = DagsterResponse::readBody(body, QStringLiteral("launchRun"));
    if (!response.ok()) {
        out.error = response.error();
        if (response.typeName() == QLatin1String("RunConfigValidationInvalid") && response.document()) {
            const ResponseDocument &doc = *response.document();
            out.configErrors = DagsterRunConfigSchema::readConfigErrors(doc, doc.member(response.node(), u"errors"));
            QStringList lines;
            for (const DagsterConfigError &error : std::as_const(out.configErrors))
                lines << error.pathString() + QStringLiteral(": ") + error.message;
            out.error.message = lines.join(QLatin1Char('\n'));
        }
        return out;
    }
    const ResponseDocument &doc = *response.document();
    const auto run = doc.member(response.node(), u"run");
    if (run == ResponseDocument::InvalidNode || doc.kind(run) != JsonKind::Object) {
        out.error = {response.typeName(), QStringLiteral("the answer has no run"), {}};
        return out;
    }
    out.runId = DagsterResponse::string(doc, run, u"runId");
    out.status = DagsterResponse::string(doc, run, u"status");
    out.ok = !out.runId.isEmpty();
    if (!out.ok)
        out.error = {response.typeName(), QStringLiteral("the answer has no run id"), {}};
    return out;
}

} // namespace Sextant::Net
