// SPDX-License-Identifier: MIT
// Sextant: the Dagster Runs view and Launch Run dialog against a real dagster-webserver (tests/servers/dagster_server.py).
#include <app/dagster/launchrundialog.h>
#include <app/dagster/runconfigform.h>
#include <app/dagster/runsview.h>
#include <net/dagsterrunsquery.h>
#include <net/graphqlcall.h>
#include <net/graphqlclient.h>
#include <support/serverprocess.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace Sextant;
using namespace Qt::StringLiterals;
using App::LaunchRunDialog;

class DagsterViewsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void launchQuickJobAndListIt();
    void configuredJobFormValidatesAndLaunches();
    void filters();
    void pagination();
    void terminateSlowJob();
    void autoRefreshOnlyWhileVisible();
    void cleanupTestCase();

private:
    /// All runs (newest first), fetched outside the widgets; bounded wait.
    QList<Net::DagsterRun> fetchRuns(const Net::DagsterRunsFilter &filter = {});
    /// Polls until the run's status is one of @p statuses (at most @p timeoutMs); returns the last status seen.
    QString waitForStatus(const QString &runId, const QStringList &statuses, int timeoutMs);
    /// Launches @p job through the dialog with @p config and @p tags; returns the run id (empty on failure).
    QString launchViaDialog(const QString &job, const QJsonObject &config, const Net::DagsterTags &tags = {});

    ServerProcess m_server;
    Net::GraphQLClient *m_client = nullptr;
    Net::EndpointProfile m_endpoint;
    QStringList m_launched;
};

void DagsterViewsTest::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("tests/servers/dagster_server.py"), {}, 180000, &error), qPrintable(error));
    m_endpoint = Net::EndpointProfile::dagster(QUrl(m_server.value(QStringLiteral("URL"))));
    QVERIFY(m_endpoint.url.isValid());
    m_client = new Net::GraphQLClient(this);
}

void DagsterViewsTest::cleanupTestCase()
{
    m_server.stop();
}

QList<Net::DagsterRun> DagsterViewsTest::fetchRuns(const Net::DagsterRunsFilter &filter)
{
    Net::GraphQLCall *call = m_client->execute(m_endpoint, Net::DagsterRunsQuery::request(filter, {}, 500));
    QSignalSpy spy(call, &Net::GraphQLCall::finished);
    if (!spy.wait(30000))
        return {};
    const Net::DagsterRunsPage page =
        Net::DagsterRunsQuery::parse(spy.first().first().value<Net::HttpResult>(), 500);
    return page.runs;
}

QString DagsterViewsTest::waitForStatus(const QString &runId, const QStringList &statuses, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QString status;
    for (int attempt = 0; attempt < 1000 && timer.elapsed() < timeoutMs; ++attempt) {
        for (const Net::DagsterRun &run : fetchRuns()) {
            if (run.runId == runId)
                status = run.status;
        }
        if (statuses.contains(status))
            return status;
        QTest::qWait(500);
    }
    return status;
}

QString DagsterViewsTest::launchViaDialog(const QString &job, const QJsonObject &config, const Net::DagsterTags &tags)
{
    LaunchRunDialog dialog(m_client, m_endpoint);
    QSignalSpy jobs(&dialog, &App::LaunchRunDialog::jobsLoaded);
    if (!jobs.wait(30000))
        return {};
    QSignalSpy schema(&dialog, &App::LaunchRunDialog::schemaLoaded);
    if (!dialog.selectJob(job) || !schema.wait(30000))
        return {};
    dialog.setRunConfig(config);
    dialog.setTags(tags);
    QElapsedTimer timer;
    timer.start();
    while (!dialog.isLaunchEnabled() && timer.elapsed() < 30000)
        QTest::qWait(50);
    if (!dialog.isLaunchEnabled()) {
        qWarning("launch stayed disabled: %s", qPrintable(dialog.statusText()));
        return {};
    }
    QSignalSpy launched(&dialog, &App::LaunchRunDialog::runLaunched);
    if (!dialog.launch() || !launched.wait(30000))
        return {};
    const QString runId = launched.first().first().toString();
    m_launched << runId;
    return runId;
}

void DagsterViewsTest::launchQuickJobAndListIt()
{
    const QString runId = launchViaDialog(QStringLiteral("quick_job"), {}, {{QStringLiteral("team"), QStringLiteral("e2e")}});
    QVERIFY(!runId.isEmpty());

    App::RunsView view(m_client, m_endpoint);
    QSignalSpy loaded(&view, &App::RunsView::runsLoaded);
    QSignalSpy jobsLoaded(&view, &App::RunsView::jobsLoaded);
    view.show();
    QVERIFY(loaded.wait(30000));
    QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
    bool found = false;
    for (const Net::DagsterRun &run : view.runs())
        found = found || run.runId == runId;
    QVERIFY(found);
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("runsTable"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), int(view.runs().size()));
    QCOMPARE(table->item(0, App::RunsView::IdColumn)->data(Qt::UserRole).toString(), view.runs().at(0).runId);
    QCOMPARE(table->item(0, App::RunsView::JobColumn)->text(), QStringLiteral("quick_job"));
    QVERIFY(jobsLoaded.count() == 1 || jobsLoaded.wait(30000));
    QCOMPARE(view.jobs().size(), 4);

    // Double-click / Enter on a row asks to open the run.
    QSignalSpy open(&view, &App::RunsView::openRunInTab);
    emit table->cellActivated(0, 0);
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), view.runs().at(0).runId);

    // The run finishes; a refresh shows it.
    QCOMPARE(waitForStatus(runId, {QStringLiteral("SUCCESS"), QStringLiteral("FAILURE")}, 120000),
             QStringLiteral("SUCCESS"));
    loaded.clear();
    view.refresh();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(view.runs().at(0).runId, runId);
    QCOMPARE(view.runs().at(0).status, QStringLiteral("SUCCESS"));
    QCOMPARE(table->item(0, App::RunsView::StatusColumn)->text(), QStringLiteral("SUCCESS"));
}

void DagsterViewsTest::configuredJobFormValidatesAndLaunches()
{
    LaunchRunDialog dialog(m_client, m_endpoint);
    dialog.show();
    QSignalSpy jobs(&dialog, &LaunchRunDialog::jobsLoaded);
    QVERIFY(jobs.wait(30000));
    QSignalSpy schema(&dialog, &LaunchRunDialog::schemaLoaded);
    QVERIFY(dialog.selectJob(QStringLiteral("configured_job")));
    QVERIFY(schema.wait(30000));
    App::RunConfigForm *form = dialog.form();
    const QString greetingPath = QStringLiteral("ops.greet.config.greeting");
    const QString repeatPath = QStringLiteral("ops.greet.config.repeat");
    QVERIFY2(form->fieldPaths().contains(greetingPath), qPrintable(form->fieldPaths().join(u' ')));
    QVERIFY(form->fieldPaths().contains(repeatPath));
    QCOMPARE(form->typeKeyAt(greetingPath), QStringLiteral("StringSourceType"));
    QCOMPARE(form->typeKeyAt(repeatPath), QStringLiteral("IntSourceType"));
    auto *greeting = qobject_cast<QLineEdit *>(form->editorAt(greetingPath));
    auto *repeat = qobject_cast<QLineEdit *>(form->editorAt(repeatPath));
    QVERIFY(greeting && repeat);
    // Optional sections with defaults are present but left out of the config.
    QVERIFY(form->fieldPaths().contains(QStringLiteral("execution")));

    // Empty: the server calls it invalid, the errors sit next to the fields, Launch stays disabled.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.validationErrors().isEmpty(), 30000);
    QVERIFY(!dialog.isLaunchEnabled());
    QVERIFY(!dialog.launch());
    QVERIFY2(!form->errorAt(greetingPath).isEmpty(), qPrintable(form->errorAt(greetingPath)));
    QVERIFY(!form->errorAt(repeatPath).isEmpty());

    // A non-integer is caught locally.
    greeting->setText(QStringLiteral("hello"));
    repeat->setText(QStringLiteral("two"));
    QVERIFY(!form->problems().isEmpty());
    QTest::qWait(LaunchRunDialog::validateDelayMs * 3);
    QVERIFY(!dialog.isLaunchEnabled());

    // Valid values: validated OK, Launch enabled; the JSON tab holds the same config.
    QSignalSpy validated(&dialog, &LaunchRunDialog::validated);
    repeat->setText(QStringLiteral("2"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isLaunchEnabled(), 30000);
    QVERIFY(form->errorAt(greetingPath).isEmpty());
    const QJsonObject expected{
        {u"ops"_s, QJsonObject{{u"greet"_s, QJsonObject{{u"config"_s, QJsonObject{{u"greeting"_s, u"hello"_s}, {u"repeat"_s, 2}}}}}}}};
    QCOMPARE(dialog.runConfig(), expected);
    auto *raw = dialog.findChild<QPlainTextEdit *>(QStringLiteral("runConfigJsonEdit"));
    QVERIFY(raw);
    QCOMPARE(QJsonDocument::fromJson(raw->toPlainText().toUtf8()).object(), expected);

    // Editing the JSON tab fills the form (and disables Launch until re-validated).
    QJsonObject edited = expected;
    raw->setPlainText(QStringLiteral(R"({"ops":{"greet":{"config":{"greeting":"hey","repeat":3}}}})"));
    QVERIFY(!dialog.isLaunchEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(greeting->text(), QStringLiteral("hey"), 10000);
    QCOMPARE(repeat->text(), QStringLiteral("3"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isLaunchEnabled(), 30000);

    QSignalSpy launched(&dialog, &LaunchRunDialog::runLaunched);
    QVERIFY(dialog.launch());
    QVERIFY(launched.wait(30000));
    const QString runId = launched.first().first().toString();
    QCOMPARE(runId.size(), 36);
    QVERIFY(dialog.statusText().contains(runId));
    m_launched << runId;
    QCOMPARE(waitForStatus(runId, {QStringLiteral("SUCCESS"), QStringLiteral("FAILURE")}, 120000),
             QStringLiteral("SUCCESS"));
}

void DagsterViewsTest::filters()
{
    const QString failing = launchViaDialog(QStringLiteral("failing_job"), {});
    QVERIFY(!failing.isEmpty());
    QCOMPARE(waitForStatus(failing, {QStringLiteral("SUCCESS"), QStringLiteral("FAILURE")}, 120000),
             QStringLiteral("FAILURE"));

    App::RunsView view(m_client, m_endpoint);
    QSignalSpy loaded(&view, &App::RunsView::runsLoaded);
    view.show();
    QVERIFY(loaded.wait(30000));
    QVERIFY(view.runs().size() >= 3);

    // Status SUCCESS.
    Net::DagsterRunsFilter success;
    success.statuses = {QStringLiteral("SUCCESS")};
    loaded.clear();
    view.setFilter(success);
    QVERIFY(loaded.wait(30000));
    QVERIFY(view.runs().size() >= 2);
    for (const Net::DagsterRun &run : view.runs())
        QCOMPARE(run.status, QStringLiteral("SUCCESS"));

    // Status FAILURE through the filter bar's menu (replacing SUCCESS).
    auto *statusButton = view.findChild<QToolButton *>(QStringLiteral("statusFilterButton"));
    QVERIFY(statusButton && statusButton->menu());
    for (QAction *action : statusButton->menu()->actions()) {
        if (action->text() == QLatin1String("SUCCESS"))
            action->setChecked(false);
    }
    QVERIFY(loaded.wait(30000));
    loaded.clear();
    for (QAction *action : statusButton->menu()->actions()) {
        if (action->text() == QLatin1String("FAILURE"))
            action->setChecked(true);
    }
    QVERIFY(loaded.wait(30000));
    QCOMPARE(view.filter().statuses, QStringList{QStringLiteral("FAILURE")});
    QCOMPARE(view.runs().size(), 1);
    QCOMPARE(view.runs().at(0).runId, failing);

    // Job.
    Net::DagsterRunsFilter job;
    job.jobName = QStringLiteral("quick_job");
    loaded.clear();
    view.setFilter(job);
    QVERIFY(loaded.wait(30000));
    QVERIFY(!view.runs().isEmpty());
    for (const Net::DagsterRun &run : view.runs())
        QCOMPARE(run.jobName, QStringLiteral("quick_job"));

    // Tags, typed into the filter bar.
    auto *tags = view.findChild<QLineEdit *>(QStringLiteral("tagsFilterEdit"));
    QVERIFY(tags);
    view.setFilter({});
    QVERIFY(loaded.wait(30000));
    loaded.clear();
    tags->setText(QStringLiteral("team=e2e"));
    emit tags->editingFinished();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(view.filter().tags.size(), 1);
    QCOMPARE(view.runs().size(), 1);
    QCOMPARE(view.runs().at(0).jobName, QStringLiteral("quick_job"));
    bool tagged = false;
    for (const auto &[key, value] : view.runs().at(0).tags)
        tagged = tagged || (key == QLatin1String("team") && value == QLatin1String("e2e"));
    QVERIFY(tagged);

    // A tag nobody has: an empty list, not an error.
    loaded.clear();
    tags->setText(QStringLiteral("team=nobody"));
    emit tags->editingFinished();
    QVERIFY(loaded.wait(30000));
    QVERIFY(view.runs().isEmpty());
    QVERIFY(view.errorText().isEmpty());
}

void DagsterViewsTest::pagination()
{
    const QList<Net::DagsterRun> all = fetchRuns();
    QVERIFY(all.size() >= 3);

    App::RunsView view(m_client, m_endpoint);
    QSignalSpy loaded(&view, &App::RunsView::runsLoaded);
    view.setPageSize(2);
    view.show();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(view.runs().size(), 2);
    QVERIFY(view.hasMore());
    QStringList seen;
    for (const Net::DagsterRun &run : view.runs())
        seen << run.runId;
    QCOMPARE(seen.at(0), all.at(0).runId);

    for (int page = 0; page < 50 && view.hasMore(); ++page) {
        const qsizetype before = view.runs().size();
        loaded.clear();
        QVERIFY(view.loadMore());
        QVERIFY(loaded.wait(30000));
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        QVERIFY(view.runs().size() > before);
        QVERIFY(view.runs().size() <= before + 2);
        for (qsizetype i = before; i < view.runs().size(); ++i) {
            QVERIFY2(!seen.contains(view.runs().at(i).runId), "a page repeated a run");
            seen << view.runs().at(i).runId;
        }
    }
    QVERIFY(!view.hasMore());
    QVERIFY(!view.loadMore());
    QCOMPARE(seen.size(), all.size());
    for (int i = 0; i < all.size(); ++i)
        QCOMPARE(seen.at(i), all.at(i).runId);
}

void DagsterViewsTest::terminateSlowJob()
{
    const QString runId = launchViaDialog(QStringLiteral("slow_job"), {});
    QVERIFY(!runId.isEmpty());
    QCOMPARE(waitForStatus(runId, {QStringLiteral("STARTED")}, 120000), QStringLiteral("STARTED"));

    App::RunsView view(m_client, m_endpoint);
    QSignalSpy loaded(&view, &App::RunsView::runsLoaded);
    view.show();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(view.runs().at(0).runId, runId);
    QVERIFY(view.runs().at(0).canTerminate);

    QSignalSpy terminated(&view, &App::RunsView::terminateFinished);
    QVERIFY(view.terminateRun(runId, false));
    QVERIFY(terminated.wait(30000));
    QVERIFY2(terminated.first().at(0).toBool(), qPrintable(terminated.first().at(1).toString()));
    const QString status =
        waitForStatus(runId, {QStringLiteral("CANCELING"), QStringLiteral("CANCELED")}, 60000);
    QVERIFY2(status == QLatin1String("CANCELING") || status == QLatin1String("CANCELED"), qPrintable(status));
    // The view refreshed after the mutation and shows the new status.
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
    loaded.clear();
    view.refresh();
    QVERIFY(loaded.wait(30000));
    QVERIFY(view.runs().at(0).status.startsWith(QLatin1String("CANCEL")));

    // A run that does not exist: the RunNotFoundError member is reported.
    terminated.clear();
    QVERIFY(view.terminateRun(QStringLiteral("00000000-0000-0000-0000-000000000000"), false));
    QVERIFY(terminated.wait(30000));
    QVERIFY(!terminated.first().at(0).toBool());
    QVERIFY(terminated.first().at(1).toString().startsWith(QLatin1String("RunNotFoundError")));
}

void DagsterViewsTest::autoRefreshOnlyWhileVisible()
{
    App::RunsView view(m_client, m_endpoint);
    QSignalSpy loaded(&view, &App::RunsView::runsLoaded);
    view.show();
    QVERIFY(loaded.wait(30000));
    view.setAutoRefresh(true, 1);
    QVERIFY(view.autoRefresh());
    // At least two more loads arrive without anyone asking.
    loaded.clear();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 20000);
    QVERIFY(!view.isBusy() || loaded.wait(10000));
    view.hide();
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 10000);
    loaded.clear();
    QTest::qWait(2500);
    QCOMPARE(loaded.count(), 0); // hidden: no requests
    view.show();
    QVERIFY(loaded.wait(10000));
}

QTEST_MAIN(DagsterViewsTest)
#include "dagsterviews_test.moc"
