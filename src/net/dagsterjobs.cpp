// SPDX-License-Identifier: MIT
// Sextant: lists the jobs of a Dagster webserver (repositoriesOrError) and the live RunStatus enum values.
#include "net/dagsterjobs.h"

namespace Sextant::Net {

using Core::JsonKind;
using Core::ResponseDocument;

const QString DagsterJobsQuery::document = QStringLiteral(
    "query SextantDagsterJobs {\n"
    "  repositoriesOrError {\n"
    "    __typename\n"
    "    ... on RepositoryConnection { nodes { name location { name } jobs { name description } } }\n"
    "    ... on RepositoryNotFoundError { message }\n"
    "    ... on PythonError { message stack }\n"
    "  }\n"
    "  runStatus: __type(name: \"RunStatus\") { enumValues { name } }\n"
    "}\n");

QString DagsterJob::displayName(bool unique) const
{
    if (unique)
        return name;
    return QStringLiteral("%1 (%2@%3)").arg(name, repository, location);
}

bool DagsterJobList::isAmbiguous(const QString &jobName) const
{
    int count = 0;
    for (const DagsterJob &job : jobs)
        count += job.name == jobName ? 1 : 0;
    return count > 1;
}

GraphQLRequest DagsterJobsQuery::request()
{
    GraphQLRequest request;
    request.query = document;
    request.operationName = QStringLiteral("SextantDagsterJobs");
    return request;
}

DagsterJobList DagsterJobsQuery::parse(const HttpResult &result)
{
    if (!result.isGraphQL()) {
        DagsterJobList list;
        list.error = DagsterResponse::read(result, QStringLiteral("repositoriesOrError")).error();
        return list;
    }
    return parseBody(result.body);
}

DagsterJobList DagsterJobsQuery::parseBody(const QByteArray &body)
{
    DagsterJobList list;
    const DagsterResponse response = DagsterResponse::readBody(body, QStringLiteral("repositoriesOrError"));
    if (!response.ok()) {
        list.error = response.error();
        return list;
    }
    const ResponseDocument &doc = *response.document();
    const auto nodes = doc.member(response.node(), u"nodes");
    for (int i = 0; nodes != ResponseDocument::InvalidNode && i < doc.childCount(nodes); ++i) {
        const auto repository = doc.child(nodes, i);
        const QString repositoryName = DagsterResponse::string(doc, repository, u"name");
        const auto location = doc.member(repository, u"location");
        const QString locationName =
            location == ResponseDocument::InvalidNode ? QString() : DagsterResponse::string(doc, location, u"name");
        const auto jobs = doc.member(repository, u"jobs");
        for (int j = 0; jobs != ResponseDocument::InvalidNode && j < doc.childCount(jobs); ++j) {
            const auto job = doc.child(jobs, j);
            DagsterJob entry{locationName, repositoryName, DagsterResponse::string(doc, job, u"name"),
                             DagsterResponse::string(doc, job, u"description")};
            if (entry.name.startsWith(QLatin1String("__")))
                continue;
            list.jobs.append(entry);
        }
    }
    const auto data = doc.member(doc.root(), u"data");
    const auto runStatus = data == ResponseDocument::InvalidNode ? data : doc.member(data, u"runStatus");
    if (runStatus != ResponseDocument::InvalidNode && doc.kind(runStatus) == JsonKind::Object) {
        const auto values = doc.member(runStatus, u"enumValues");
        for (int i = 0; values != ResponseDocument::InvalidNode && i < doc.childCount(values); ++i)
            list.runStatuses << DagsterResponse::string(doc, doc.child(values, i), u"name");
    }
    list.ok = true;
    return list;
}

} // namespace Sextant::Net
