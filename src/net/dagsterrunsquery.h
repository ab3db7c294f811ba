// SPDX-License-Identifier: MIT
// Sextant: the Dagster runsOrError / terminateRun documents, their variables, and the parsed pages and results.
#pragma once

#include "net/dagsterresponse.h"
#include "net/graphqlrequest.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sextant::Net {

using DagsterTags = QList<QPair<QString, QString>>;

/// Which runs to list: RunsFilter { statuses, pipelineName, tags } (the webserver's schema has no jobName in
/// RunsFilter; pipelineName matches the job name). Empty members are left out of the filter.
struct DagsterRunsFilter
{
    QStringList statuses; ///< RunStatus enum values, e.g. "SUCCESS"
    QString jobName;
    DagsterTags tags; ///< ExecutionTag { key, value }: a run must carry all of them

    /// "key=value" items separated by commas or new lines; blank items skipped. A malformed item (no '=' or an
    /// empty key) gives nullopt and sets *error to "Tag 'x': expected key=value".
    static std::optional<DagsterTags> parseTags(const QString &text, QString *error = nullptr);
};

/// One row of the runs table (Run { runId jobName status creationTime startTime endTime canTerminate tags }).
/// Times are Unix seconds (Float in the schema); -1 when null.
struct DagsterRun
{
    QString runId;
    QString jobName;
    QString status;
    double creationTime = -1;
    double startTime = -1;
    double endTime = -1;
    bool canTerminate = false;
    DagsterTags tags;
};

/// One page of runs, newest first. hasMore: the server had at least one more run after the last one shown;
/// nextCursor is the runId to pass as cursor for the next page (the last run of this page).
struct DagsterRunsPage
{
    bool ok = false;
    DagsterError error; ///< InvalidPipelineRunsFilterError, PythonError, GraphQL or transport failure
    QList<DagsterRun> runs;
    bool hasMore = false;
    QString nextCursor;
};

/// What terminateRun answered (TerminateRunResult union): success with the run's new status, or the error member.
struct DagsterTerminateResult
{
    bool ok = false;
    QString runId;
    QString status; ///< the run's status after the request (e.g. CANCELING), when the member carries the run
    DagsterError error;
};

/**
 * Builds and reads the Dagster run list and terminate requests (schema: tests/fixtures/schemas/dagster, verified
 * against dagster-webserver 1.13: runsOrError(filter: RunsFilter, cursor: String, limit: Int): RunsOrError!,
 * terminateRun(runId: String!): TerminateRunResult!). Cursor pagination per Dagster's run storage: the cursor is
 * the runId of the last run seen and the next page holds the older runs after it. Pure, any thread.
 */
class DagsterRunsQuery final
{
public:
    static const QString runsDocument;
    static const QString terminateDocument;
    /// RunStatus enum values of the schema fixture, used until the live enum is known.
    static QStringList defaultStatuses();
    /// SUCCESS, FAILURE, CANCELED.
    static bool isTerminalStatus(const QString &status);

    /// runsOrError with limit + 1 (to know whether a next page exists); cursor empty = the newest runs.
    /// limit is clamped to 1..1000.
    static GraphQLRequest request(const DagsterRunsFilter &filter, const QString &cursor, int limit);
    /// Reads at most @p limit runs of a runsOrError answer (the same limit given to request()).
    static DagsterRunsPage parse(const HttpResult &result, int limit);
    static DagsterRunsPage parseBody(const QByteArray &body, int limit);

    static GraphQLRequest terminateRequest(const QString &runId);
    static DagsterTerminateResult parseTerminate(const HttpResult &result);
    static DagsterTerminateResult parseTerminateBody(const QByteArray &body);
};

} // namespace Sextant::Net
