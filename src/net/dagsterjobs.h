// SPDX-License-Identifier: MIT
// Sextant: lists the jobs of a Dagster webserver (repositoriesOrError) and the live RunStatus enum values.
#pragma once

#include "net/dagsterresponse.h"
#include "net/graphqlrequest.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Sextant::Net {

/// One job and where it lives: the code location, the repository and the job name select it
/// (PipelineSelector / JobOrPipelineSelector in the schema).
struct DagsterJob
{
    QString location;
    QString repository;
    QString name;
    QString description;

    bool isValid() const { return !name.isEmpty() && !repository.isEmpty() && !location.isEmpty(); }
    /// "quick_job" when @p unique, else "quick_job (__repository__@definitions.py)".
    QString displayName(bool unique = true) const;
    bool operator==(const DagsterJob &other) const = default;
};

struct DagsterJobList
{
    bool ok = false;
    DagsterError error; ///< RepositoryNotFoundError, PythonError, GraphQL or transport failure
    QList<DagsterJob> jobs; ///< in server order; hidden jobs (names starting with "__", e.g. __ASSET_JOB) left out
    QStringList runStatuses; ///< RunStatus enum values from __type(name: "RunStatus"); empty if absent
    /// True when a job name occurs in more than one repository or location.
    bool isAmbiguous(const QString &jobName) const;
};

/**
 * One query for both: repositoriesOrError { RepositoryConnection { nodes { name location { name } jobs { name
 * description } } } } and __type(name: "RunStatus") { enumValues { name } } (verified against dagster-webserver
 * 1.13 and PROTOCOLS.md §4.5's readiness query). Pure, any thread.
 */
class DagsterJobsQuery final
{
public:
    static const QString document;
    static GraphQLRequest request();
    static DagsterJobList parse(const HttpResult &result);
    static DagsterJobList parseBody(const QByteArray &body);
};

} // namespace Sextant::Net
