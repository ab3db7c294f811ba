// SPDX-License-Identifier: MIT
// Sextant: the Dagster "Runs" view: filtered, paginated, auto-refreshing run list with terminate.
#pragma once

#include <net/dagsterjobs.h>
#include <net/dagsterrunsquery.h>
#include <net/endpointprofile.h>

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
class QToolButton;

namespace Sextant::Net {
class GraphQLClient;
class GraphQLCall;
}

namespace Sextant::App {

/**
 * Lists the runs of a Dagster webserver (runsOrError, PROTOCOLS.md §4.7–4.9) in a table: short run id, job, status
 * (coloured), created/started/ended time (local), duration and tags. Filter bar: status multi-select (the live
 * RunStatus enum values), job (from repositoriesOrError), tags "key=value, …". Cursor pagination: pageSize() runs
 * per page, "Load more" appends the next page (cursor = last runId). Auto-refresh (default off, 5 s) reloads the
 * loaded runs; it never overlaps requests: the next refresh is scheduled only after the answer has landed, and
 * nothing is sent while the view is hidden (a refresh asked for while hidden runs when it is shown).
 * Terminate asks for confirmation and sends terminateRun; the union answer is shown in the status line. Union error
 * members (PythonError, InvalidPipelineRunsFilterError, …), GraphQL errors and transport failures are shown in a
 * red line with the PythonError stack as tooltip. Answers are parsed off the UI thread (sendDagsterRequest).
 * Double-click (or Enter) on a row emits openRunInTab(runId). GUI thread only.
 */
class RunsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsView)

public:
    static constexpr int defaultPageSize = 50;
    static constexpr int defaultRefreshSeconds = 5;
    enum Column { IdColumn, JobColumn, StatusColumn, CreatedColumn, StartedColumn, EndedColumn, DurationColumn,
                  TagsColumn, ColumnCount };

    RunsView(Net::GraphQLClient *client, const Net::EndpointProfile &endpoint, QWidget *parent = nullptr);
    ~RunsView() override;

    /// Switches to another endpoint: aborts what is in flight, clears the table and reloads jobs and runs (at once
    /// when visible, else when shown). Call it whenever the current endpoint changes while its kind is Dagster.
    void setEndpoint(const Net::EndpointProfile &endpoint);
    const Net::EndpointProfile &endpoint() const { return m_endpoint; }

    /// Replaces the filter (updates the filter bar) and reloads from the first page.
    void setFilter(const Net::DagsterRunsFilter &filter);
    Net::DagsterRunsFilter filter() const { return m_filter; }
    void setPageSize(int runs); ///< 1..1000; reloads
    int pageSize() const { return m_pageSize; }
    void setAutoRefresh(bool enabled, int intervalSeconds = defaultRefreshSeconds);
    bool autoRefresh() const;

    /// Reloads the runs loaded so far (at least one page); while a request is in flight, once it lands.
    void refresh();
    /// Appends the next page; false (nothing sent) when there is none, a request is in flight or the view is hidden.
    bool loadMore();
    /// Sends terminateRun for @p runId, after a confirmation dialog when @p confirm; false when nothing was sent.
    bool terminateRun(const QString &runId, bool confirm = true);

    QList<Net::DagsterRun> runs() const { return m_runs; }
    bool hasMore() const { return m_hasMore; }
    bool isBusy() const;
    /// The last failure shown (empty after a successful load).
    QString errorText() const;
    QList<Net::DagsterJob> jobs() const { return m_jobs; }
    QString selectedRunId() const;

signals:
    void openRunInTab(const QString &runId);
    /// A runs page or refresh landed (ok or not; see errorText()).
    void runsLoaded();
    void jobsLoaded();
    /// terminateRun answered: ok, and the status line text (new status or the union error).
    void terminateFinished(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void loadJobs();
    void sendRuns(bool append);
    void onRunsPage(quint64 generation, bool append, const Net::DagsterRunsPage &page);
    void onJobs(quint64 generation, const Net::DagsterJobList &list);
    void resetAndReload();
    void applyFilterFromBar();
    void rebuildStatusMenu(const QStringList &statuses);
    void fillTable();
    void showError(const Net::DagsterError &error);
    void scheduleAutoRefresh();
    void updateButtons();

    Net::GraphQLClient *m_client;
    Net::EndpointProfile m_endpoint;
    Net::DagsterRunsFilter m_filter;
    int m_pageSize = defaultPageSize;
    QList<Net::DagsterRun> m_runs;
    QList<Net::DagsterJob> m_jobs;
    bool m_hasMore = false;
    QString m_nextCursor;
    QPointer<Net::GraphQLCall> m_call;
    QPointer<Net::GraphQLCall> m_jobsCall;
    bool m_parsing = false;
    bool m_refreshPending = false;
    bool m_jobsLoaded = false;
    bool m_runsLoadedOnce = false;
    bool m_terminating = false;
    quint64 m_generation = 0;
    QString m_errorText;

    QToolButton *m_statusButton = nullptr;
    QMenu *m_statusMenu = nullptr;
    QComboBox *m_jobCombo = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QCheckBox *m_autoRefreshCheck = nullptr;
    QSpinBox *m_intervalSpin = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_loadMoreButton = nullptr;
    QPushButton *m_terminateButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QTimer *m_autoTimer = nullptr;
};

} // namespace Sextant::App
