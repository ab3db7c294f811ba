// SPDX-License-Identifier: MIT
// Sextant: unit tests for the Dagster query builders and parsers on answers captured from a real webserver.
#include <net/dagsterjobs.h>
#include <net/dagsterlaunch.h>
#include <net/dagsterrunconfigschema.h>
#include <net/dagsterrunsquery.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Sextant::Net;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/dagster/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

QJsonObject variables(const GraphQLRequest &request)
{
    return QJsonDocument::fromJson(request.variablesJson).object();
}

} // namespace

class DagsterParsingTest : public QObject
{
    Q_OBJECT

private slots:
    void runsRequestBuildsFilterAndAsksOneMore()
    {
        DagsterRunsFilter filter;
        filter.statuses = {QStringLiteral("SUCCESS"), QStringLiteral("FAILURE")};
        filter.jobName = QStringLiteral("quick_job");
        filter.tags = {{QStringLiteral("team"), QStringLiteral("a")}};
        const GraphQLRequest request = DagsterRunsQuery::request(filter, QStringLiteral("abc"), 50);
        QCOMPARE(request.operationName, QStringLiteral("SextantDagsterRuns"));
        const QJsonObject vars = variables(request);
        QCOMPARE(vars.value(u"limit"_s).toInt(), 51);
        QCOMPARE(vars.value(u"cursor"_s).toString(), QStringLiteral("abc"));
        const QJsonObject runsFilter = vars.value(u"filter"_s).toObject();
        QCOMPARE(runsFilter.value(u"pipelineName"_s).toString(), QStringLiteral("quick_job"));
        QCOMPARE(runsFilter.value(u"statuses"_s).toArray().size(), 2);
        QCOMPARE(runsFilter.value(u"tags"_s).toArray().at(0).toObject().value(u"value"_s).toString(), QStringLiteral("a"));

        const QJsonObject bare = variables(DagsterRunsQuery::request({}, {}, 0));
        QVERIFY(!bare.contains(u"filter"_s));
        QVERIFY(!bare.contains(u"cursor"_s));
        QCOMPARE(bare.value(u"limit"_s).toInt(), 2); // clamped to 1, plus one
    }

    void parseTags()
    {
        QString error;
        const auto tags = DagsterRunsFilter::parseTags(QStringLiteral(" a=1, b = two\nc= \n\n"), &error);
        QVERIFY(tags.has_value());
        QCOMPARE(tags->size(), 3);
        QCOMPARE(tags->at(1).first, QStringLiteral("b"));
        QCOMPARE(tags->at(1).second, QStringLiteral("two"));
        QCOMPARE(tags->at(2).second, QString());
        QVERIFY(!DagsterRunsFilter::parseTags(QStringLiteral("a=1, novalue"), &error).has_value());
        QVERIFY(error.contains(QStringLiteral("novalue")));
        QVERIFY(!DagsterRunsFilter::parseTags(QStringLiteral("=x"), &error).has_value());
    }

    void runsPageWithMore()
    {
        const DagsterRunsPage page = DagsterRunsQuery::parseBody(fixture(u"runs_page_limit2.json"_s), 2);
        QVERIFY(page.ok);
        QCOMPARE(page.runs.size(), 2);
        QVERIFY(page.hasMore);
        QCOMPARE(page.nextCursor, page.runs.at(1).runId);
        QCOMPARE(page.runs.at(0).jobName, QStringLiteral("failing_job"));
        QCOMPARE(page.runs.at(0).status, QStringLiteral("FAILURE"));
        QVERIFY(page.runs.at(0).creationTime > 1.7e9);
        QVERIFY(page.runs.at(0).endTime >= page.runs.at(0).startTime);
        QVERIFY(!page.runs.at(0).tags.isEmpty());

        const DagsterRunsPage all = DagsterRunsQuery::parseBody(fixture(u"runs_page_limit2.json"_s), 3);
        QCOMPARE(all.runs.size(), 3);
        QVERIFY(!all.hasMore);
    }

    void runsGraphQLErrorIsShown()
    {
        const DagsterRunsPage page = DagsterRunsQuery::parseBody(fixture(u"runs_invalid_filter.json"_s), 10);
        QVERIFY(!page.ok);
        QCOMPARE(page.error.typeName, QStringLiteral("GraphQL errors"));
        QVERIFY(page.error.message.contains(QStringLiteral("RunStatus")));
    }

    void runsUnionErrorMember()
    {
        const QByteArray body = R"({"data":{"runsOrError":{"__typename":"PythonError","message":"boom","stack":["a\n","b\n"]}}})";
        const DagsterRunsPage page = DagsterRunsQuery::parseBody(body, 10);
        QVERIFY(!page.ok);
        QCOMPARE(page.error.typeName, QStringLiteral("PythonError"));
        QCOMPARE(page.error.message, QStringLiteral("boom"));
        QCOMPARE(page.error.stack.size(), 2);
        QCOMPARE(page.error.text(), QStringLiteral("PythonError: boom"));
    }

    void notJsonAndTransportFailures()
    {
        QCOMPARE(DagsterRunsQuery::parseBody(QByteArrayLiteral("<html>"), 5).error.typeName, QStringLiteral("Not JSON"));
        HttpResult refused;
        refused.kind = ResultKind::TransportError;
        refused.message = QStringLiteral("Connection refused");
        const DagsterRunsPage page = DagsterRunsQuery::parse(refused, 5);
        QVERIFY(!page.ok);
        QCOMPARE(page.error.message, QStringLiteral("Connection refused"));
    }

    void terminateRunNotFound()
    {
        const DagsterTerminateResult result = DagsterRunsQuery::parseTerminateBody(fixture(u"terminate_not_found.json"_s));
        QVERIFY(!result.ok);
        QCOMPARE(result.error.typeName, QStringLiteral("RunNotFoundError"));
        QVERIFY(result.error.message.contains(QStringLiteral("could not be found")));
        QCOMPARE(result.runId, QStringLiteral("00000000-0000-0000-0000-000000000000"));
        const QJsonObject vars = variables(DagsterRunsQuery::terminateRequest(QStringLiteral("r1")));
        QCOMPARE(vars.value(u"runId"_s).toString(), QStringLiteral("r1"));
    }

    void jobs()
    {
        const DagsterJobList list = DagsterJobsQuery::parseBody(fixture(u"jobs.json"_s));
        QVERIFY(list.ok);
        QStringList names;
        for (const DagsterJob &job : list.jobs) {
            names << job.name;
            QCOMPARE(job.repository, QStringLiteral("__repository__"));
            QCOMPARE(job.location, QStringLiteral("definitions.py"));
        }
        QCOMPARE(names, (QStringList{u"configured_job"_s, u"failing_job"_s, u"quick_job"_s, u"slow_job"_s}));
        QVERIFY(list.runStatuses.contains(QStringLiteral("CANCELING")));
        QVERIFY(list.runStatuses.size() >= 9); // the live enum (1.13.27) has one value more than the schema fixture
        QVERIFY(!list.isAmbiguous(QStringLiteral("quick_job")));
    }

    void runConfigSchemaTree()
    {
        const DagsterRunConfigSchema schema = DagsterRunConfigSchema::parseBody(fixture(u"runconfigschema_configured_job.json"_s));
        QVERIFY(schema.ok());
        const DagsterConfigType *root = schema.type(schema.rootKey());
        QVERIFY(root);
        QCOMPARE(root->kind, DagsterConfigType::Kind::Composite);
        // root → ops (required) → greet → config → greeting, repeat
        auto field = [&](const DagsterConfigType *type, const QString &name) -> const DagsterConfigField * {
            for (const DagsterConfigField &f : type->fields) {
                if (f.name == name)
                    return &f;
            }
            return nullptr;
        };
        const DagsterConfigField *ops = field(root, u"ops"_s);
        QVERIFY(ops && ops->required);
        const DagsterConfigField *execution = field(root, u"execution"_s);
        QVERIFY(execution && !execution->required && !execution->defaultValueJson.isEmpty());
        const DagsterConfigField *greet = field(schema.type(ops->typeKey), u"greet"_s);
        QVERIFY(greet);
        const DagsterConfigField *config = field(schema.type(greet->typeKey), u"config"_s);
        QVERIFY(config);
        const DagsterConfigType *shape = schema.type(config->typeKey);
        QCOMPARE(shape->fields.size(), 2);
        const DagsterConfigField *greeting = field(shape, u"greeting"_s);
        QVERIFY(greeting && greeting->required);
        const DagsterConfigType *source = schema.type(greeting->typeKey);
        QCOMPARE(source->kind, DagsterConfigType::Kind::ScalarUnion);
        QCOMPARE(source->scalarTypeKey, QStringLiteral("String"));
        QCOMPARE(schema.type(field(shape, u"repeat"_s)->typeKey)->scalarTypeKey, QStringLiteral("Int"));
        QCOMPARE(schema.type(QStringLiteral("Noneable.Int"))->kind, DagsterConfigType::Kind::Nullable);
        QCOMPARE(schema.type(QStringLiteral("Array.String"))->ofTypeKey, QStringLiteral("String"));
        QCOMPARE(schema.type(QStringLiteral("Any"))->kind, DagsterConfigType::Kind::Any);
        QCOMPARE(schema.type(QStringLiteral("Selector.ed9b2d3490cfa7d271138021fc294098f40fd050"))->kind,
                 DagsterConfigType::Kind::Selector);
    }

    void runConfigSchemaNotFound()
    {
        const DagsterRunConfigSchema schema = DagsterRunConfigSchema::parseBody(fixture(u"runconfigschema_not_found.json"_s));
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().typeName, QStringLiteral("PipelineNotFoundError"));
        QVERIFY(schema.error().message.contains(QStringLiteral("no_such_job")));
    }

    void validation()
    {
        const DagsterConfigValidation valid = DagsterRunConfigSchema::parseValidationBody(fixture(u"validate_valid.json"_s));
        QVERIFY(valid.ok && valid.valid);
        const DagsterConfigValidation invalid =
            DagsterRunConfigSchema::parseValidationBody(fixture(u"validate_invalid.json"_s));
        QVERIFY(invalid.ok);
        QVERIFY(!invalid.valid);
        QCOMPARE(invalid.errors.size(), 3);
        QStringList paths;
        for (const DagsterConfigError &error : invalid.errors)
            paths << error.pathString();
        QVERIFY(paths.contains(QStringLiteral("ops.greet.config.bogus")));
        QVERIFY(paths.contains(QStringLiteral("ops.greet.config.repeat")));
        QVERIFY(paths.contains(QStringLiteral("ops.greet.config.greeting")));

        const DagsterJob job{QStringLiteral("loc"), QStringLiteral("repo"), QStringLiteral("configured_job"), {}};
        const QJsonObject vars = variables(DagsterRunConfigSchema::validateRequest(job, QJsonObject{{u"a"_s, 1}}));
        QCOMPARE(vars.value(u"selector"_s).toObject().value(u"pipelineName"_s).toString(), QStringLiteral("configured_job"));
        QCOMPARE(vars.value(u"selector"_s).toObject().value(u"repositoryLocationName"_s).toString(), QStringLiteral("loc"));
        QCOMPARE(vars.value(u"runConfigData"_s).toObject().value(u"a"_s).toInt(), 1);
    }

    void missingFieldsBecomeOneErrorPerField()
    {
        const DagsterConfigValidation validation =
            DagsterRunConfigSchema::parseValidationBody(fixture(u"validate_missing_fields.json"_s));
        QVERIFY(validation.ok && !validation.valid);
        QCOMPARE(validation.errors.size(), 2);
        QCOMPARE(validation.errors.at(0).pathString(), QStringLiteral("ops.greet.config.greeting"));
        QCOMPARE(validation.errors.at(1).pathString(), QStringLiteral("ops.greet.config.repeat"));
        QCOMPARE(validation.errors.at(1).reason, QStringLiteral("MISSING_REQUIRED_FIELDS"));
    }

    void launch()
    {
        const DagsterLaunchResult success = DagsterLaunch::parseBody(fixture(u"launch_success.json"_s));
        QVERIFY(success.ok);
        QCOMPARE(success.runId.size(), 36);
        const DagsterLaunchResult invalid = DagsterLaunch::parseBody(fixture(u"launch_invalid.json"_s));
        QVERIFY(!invalid.ok);
        QCOMPARE(invalid.error.typeName, QStringLiteral("RunConfigValidationInvalid"));
        QCOMPARE(invalid.configErrors.size(), 1);
        QCOMPARE(invalid.configErrors.at(0).path, QStringList{QStringLiteral("ops")});
        QCOMPARE(invalid.configErrors.at(0).reason, QStringLiteral("MISSING_REQUIRED_FIELD"));

        const DagsterJob job{QStringLiteral("loc"), QStringLiteral("repo"), QStringLiteral("quick_job"), {}};
        const QJsonObject params =
            variables(DagsterLaunch::request(job, {}, {{QStringLiteral("k"), QStringLiteral("v")}}))
                .value(u"executionParams"_s)
                .toObject();
        QCOMPARE(params.value(u"selector"_s).toObject().value(u"jobName"_s).toString(), QStringLiteral("quick_job"));
        QVERIFY(params.value(u"runConfigData"_s).isObject());
        QCOMPARE(params.value(u"executionMetadata"_s).toObject().value(u"tags"_s).toArray().size(), 1);
    }

    void errorTypeNames()
    {
        for (const char *name : {"PythonError", "RunNotFoundError", "RunConflict", "TerminateRunFailure",
                                 "RunConfigValidationInvalid", "RepositoryNotFound"})
            QVERIFY2(DagsterResponse::isErrorTypeName(QString::fromLatin1(name)), name);
        for (const char *name : {"Runs", "RunConfigSchema", "LaunchRunSuccess", "TerminateRunSuccess"})
            QVERIFY2(!DagsterResponse::isErrorTypeName(QString::fromLatin1(name)), name);
    }
};

QTEST_GUILESS_MAIN(DagsterParsingTest)
#include "dagsterparsing_test.moc"
