// SPDX-License-Identifier: MIT
// Sextant: the Dagster launchRun mutation for one job, its run config and tags, and the parsed LaunchRunResult.
#pragma once

#include "net/dagsterjobs.h"
#include "net/dagsterrunconfigschema.h"
#include "net/dagsterrunsquery.h"

#include <QJsonObject>

namespace Sextant::Net {

/// LaunchRunResult: ok with the new run's id and status, or the union error member (configErrors filled for
/// RunConfigValidationInvalid).
struct DagsterLaunchResult
{
    bool ok = false;
    QString runId;
    QString status;
    DagsterError error;
    QList<DagsterConfigError> configErrors;
};

/**
 * launchRun(executionParams: { selector: { repositoryLocationName, repositoryName, jobName }, runConfigData,
 * executionMetadata: { tags } }) as in PROTOCOLS.md §4.7 (verified against dagster-webserver 1.13). Pure, any
 * thread.
 */
class DagsterLaunch final
{
public:
    static const QString document;
    static GraphQLRequest request(const DagsterJob &job, const QJsonObject &runConfig, const DagsterTags &tags);
    static DagsterLaunchResult parse(const HttpResult &result);
    static DagsterLaunchResult parseBody(const QByteArray &body);
};

} // namespace Sextant::Net
