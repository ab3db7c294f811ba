// SPDX-License-Identifier: MIT
// Sextant: the Dagster runsOrError / terminateRun documents, their variables, and the parsed pages and results.
#include "net/dagsterrunsquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Sextant::Net {

using Core::JsonKind;
using Core::ResponseDocument;

const QString DagsterRunsQuery::runsDocument = QStringLiteral(
    "query SextantDagsterRuns($filter: RunsFilter, $cursor: String, $limit: Int) {\n"
    "  runsOrError(filter: $filter, cursor: $cursor, limit: $limit) {\n"
    "    __typename\n"
    "    ... on Runs { results { runId jobName status creationTime startTime endTime canTerminate tags { key value } } }\n"
    "    ... on InvalidPipelineRunsFilterError { message }\n"
    "    ... on PythonError { message stack }\n"
    "  }\n"
    "}\n");

const QString DagsterRunsQuery::terminateDocument = QStringLiteral(
    "mutation SextantDagsterTerminateRun($runId: String!) {\n"
    "  terminateRun(runId: $runId) {\n"
    "    __typename\n"
    "    ... on TerminateRunSuccess { run { runId status } }\n"
    "    ... on TerminateRunFailure { message run { runId status } }\n"
    "    ... on RunNotFoundError { runId message }\n"
    "    ... on UnauthorizedError { message }\n"
    "    ... on PythonError { message stack }\n"
    "  }\n"
    "}\n");

std::optional<DagsterTags> DagsterRunsFilter::parseTags(const QString &text, QString *error)
{
    DagsterTags tags;
    static const QRegularExpression separators(QStringLiteral("[,\\n]"));
    for (const QString &rawItem : text.split(separators)) {
        const QString item = rawItem.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0 || item.left(equals).trimmed().isEmpty()) {
            if (error)
                *error = QStringLiteral("Tag '%1': expected key=value").arg(item);
            return std::nullopt;
        }
        tags.append({item.left(equals).trimmed(), item.mid(equals + 1).trimmed()});
    }
    return tags;
}

QStringList DagsterRunsQuery::defaultStatuses()
{
    return {QStringLiteral("QUEUED"),   QStringLiteral("NOT_STARTED"), QStringLiteral("MANAGED"),
            QStringLiteral("STARTING"), QStringLiteral("STARTED"),     QStringLiteral("SUCCESS"),
            QStringLiteral("FAILURE"),  QStringLiteral("CANCELING"),   QStringLiteral("CANCELED")};
}

bool DagsterRunsQuery::isTerminalStatus(const QString &status)
{
    return status == QLatin1String("SUCCESS") || status == QLatin1String("FAILURE")
        || status == QLatin1String("CANCELED");
}

GraphQLRequest DagsterRunsQuery::request(const DagsterRunsFilter &filter, const QString &cursor, int limit)
{
    limit = qBound(1, limit, 1000);
    QJsonObject runsFilter;
    if (!filter.statuses.isEmpty())
        runsFilter.insert(QStringLiteral("statuses"), QJsonArray::fromStringList(filter.statuses));
    if (!filter.jobName.isEmpty())
        runsFilter.insert(QStringLiteral("pipelineName"), filter.jobName);
    if (!filter.tags.isEmpty()) {
        QJsonArray tags;
        for (const auto &[key, value] : filter.tags)
            tags.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
        runsFilter.insert(QStringLiteral("tags"), tags);
    }
    QJsonObject variables{{QStringLiteral("limit"), limit + 1}};
    if (!runsFilter.isEmpty())
        variables.insert(QStringLiteral("filter"), runsFilter);
    if (!cursor.isEmpty())
        variables.insert(QStringLiteral("cursor"), cursor);
    GraphQLRequest request;
    request.query = runsDocument;
    request.operationName = QStringLiteral("SextantDagsterRuns");
    request.variablesJson = QJsonDocument(variables).toJson(QJsonDocument::Compact);
    return request;
}

static DagsterTags readTags(const ResponseDocument &document, ResponseDocument::NodeId run)
{
    DagsterTags tags;
    const auto list = document.member(run, u"tags");
    if (list == ResponseDocument::InvalidNode || document.kind(list) != JsonKind::Array)
        return tags;
    for (int i = 0; i < document.childCount(list); ++i) {
        const auto tag = document.child(list, i);
        tags.append({DagsterResponse::string(document, tag, u"key"), DagsterResponse::string(document, tag, u"value")});
    }
    return tags;
}

DagsterRunsPage DagsterRunsQuery::parse(const HttpResult &result, int limit)
{
    if (!result.isGraphQL()) {
        DagsterRunsPage page;
        page.error = DagsterResponse::read(result, QStringLiteral("runsOrError")).error();
        return page;
    }
    return parseBody(result.body, limit);
}

DagsterRunsPage DagsterRunsQuery::parseBody(const QByteArray &body, int limit)
{
    DagsterRunsPage page;
    const DagsterResponse response = DagsterResponse::readBody(body, QStringLiteral("runsOrError"));
    if (!response.ok()) {
        page.error = response.error();
        return page;
    }
    const ResponseDocument &document = *response.document();
    const auto results = document.member(response.node(), u"results");
    if (results == ResponseDocument::InvalidNode || document.kind(results) != JsonKind::Array) {
        page.error = {response.typeName(), QStringLiteral("no run results in the answer"), {}};
        return page;
    }
    limit = qBound(1, limit, 1000);
    const int count = document.childCount(results);
    for (int i = 0; i < count && i < limit; ++i) {
        const auto node = document.child(results, i);
        DagsterRun run;
        run.runId = DagsterResponse::string(document, node, u"runId");
        run.jobName = DagsterResponse::string(document, node, u"jobName");
        run.status = DagsterResponse::string(document, node, u"status");
        run.creationTime = DagsterResponse::number(document, node, u"creationTime", -1);
        run.startTime = DagsterResponse::number(document, node, u"startTime", -1);
        run.endTime = DagsterResponse::number(document, node, u"endTime", -1);
        run.canTerminate = DagsterResponse::boolean(document, node, u"canTerminate");
        run.tags = readTags(document, node);
        page.runs.append(run);
    }
    page.hasMore = count > limit;
    if (!page.runs.isEmpty())
        page.nextCursor = page.runs.constLast().runId;
    page.ok = true;
    return page;
}

GraphQLRequest DagsterRunsQuery::terminateRequest(const QString &runId)
{
    GraphQLRequest request;
    request.query = terminateDocument;
    request.operationName = QStringLiteral("SextantDagsterTerminateRun");
    request.variablesJson = QJsonDocument(QJsonObject{{QStringLiteral("runId"), runId}}).toJson(QJsonDocument::Compact);
    return request;
}

DagsterTerminateResult DagsterRunsQuery::parseTerminate(const HttpResult &result)
{
    if (!result.isGraphQL()) {
        DagsterTerminateResult out;
        out.error = DagsterResponse::read(result, QStringLiteral("terminateRun")).error();
        return out;
    }
    return parseTerminateBody(result.body);
}

DagsterTerminateResult DagsterRunsQuery::parseTerminateBody(const QByteArray &body)
{
    DagsterTerminateResult out;
    const DagsterResponse response = DagsterResponse::readBody(body, QStringLiteral("terminateRun"));
    if (response.document() && response.node() != ResponseDocument::InvalidNode) {
        const ResponseDocument &document = *response.document();
        const auto run = document.member(response.node(), u"run");
        if (run != ResponseDocument::InvalidNode && document.kind(run) == JsonKind::Object) {
            out.runId = DagsterResponse::string(document, run, u"runId");
            out.status = DagsterResponse::string(document, run, u"status");
        } else {
            out.runId = DagsterResponse::string(document, response.node(), u"runId");
        }
    }
    out.ok = response.ok();
    if (!out.ok)
        out.error = response.error();
    return out;
}

} // namespace Sextant::Net
