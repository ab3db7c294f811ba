// SPDX-License-Identifier: MIT
// Sextant: the Dagster "Runs" view: filtered, paginated, auto-refreshing run list with terminate.
#include "app/dagster/runsview.h"

#include "app/dagster/dagsterrequest.h"

#include <net/graphqlclient.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Sextant::App {

namespace {

QString formatTime(double seconds)
{
    if (seconds < 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0)).toLocalTime().toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return {};
    const qint64 total = qint64(seconds + 0.5);
    if (total < 60)
        return seconds < 10 ? QStringLiteral("%1 s").arg(seconds, 0, 'f', 1) : QStringLiteral("%1 s").arg(total);
    if (total < 3600)
        return QStringLiteral("%1 min %2 s").arg(total / 60).arg(total % 60);
    return QStringLiteral("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60);
}

QColor statusColor(const QString &status)
{
    if (status == QLatin1String("SUCCESS"))
        return QColor(0x2e, 0x7d, 0x32);
    if (status == QLatin1String("FAILURE"))
        return QColor(0xc6, 0x28, 0x28);
    if (status == QLatin1String("CANCELED") || status == QLatin1String("CANCELING"))
        return QColor(0xef, 0x6c, 0x00);
    if (status == QLatin1String("STARTED") || status == QLatin1String("STARTING"))
        return QColor(0x15, 0x65, 0xc0);
    return QColor(0x61, 0x61, 0x61);
}

} // namespace

RunsView::RunsView(Net::GraphQLClient *client, const Net::EndpointProfile &endpoint, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_endpoint(endpoint)
{
    buildUi();
    rebuildStatusMenu(Net::DagsterRunsQuery::defaultStatuses());
    updateButtons();
}

RunsView::~RunsView()
{
    ++m_generation;
    if (m_call)
        m_call->abort();
    if (m_jobsCall)
        m_jobsCall->abort();
}

void RunsView::buildUi()
{
    setObjectName(QStringLiteral("dagsterRunsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *bar = new QHBoxLayout;
    m_statusButton = new QToolButton(this);
    m_statusButton->setObjectName(QStringLiteral("statusFilterButton"));
    m_statusButton->setText(tr("Status: all"));
    m_statusButton->setPopupMode(QToolButton::InstantPopup);
    m_statusMenu = new QMenu(m_statusButton);
    m_statusButton->setMenu(m_statusMenu);
    bar->addWidget(m_statusButton);

    bar->addWidget(new QLabel(tr("Job:"), this));
    m_jobCombo = new QComboBox(this);
    m_jobCombo->setObjectName(QStringLiteral("jobFilterCombo"));
    m_jobCombo->addItem(tr("All jobs"), QString());
    m_jobCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_jobCombo);

    bar->addWidget(new QLabel(tr("Tags:"), this));
    m_tagsEdit = new QLineEdit(this);
    m_tagsEdit->setObjectName(QStringLiteral("tagsFilterEdit"));
    m_tagsEdit->setPlaceholderText(tr("key=value, key2=value2"));
    m_tagsEdit->setClearButtonEnabled(true);
    bar->addWidget(m_tagsEdit, 1);

    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    bar->addWidget(m_refreshButton);
    m_autoRefreshCheck = new QCheckBox(tr("Auto-refresh every"), this);
    m_autoRefreshCheck->setObjectName(QStringLiteral("autoRefreshCheck"));
    bar->addWidget(m_autoRefreshCheck);
    m_intervalSpin = new QSpinBox(this);
    m_intervalSpin->setObjectName(QStringLiteral("refreshIntervalSpin"));
    m_intervalSpin->setRange(1, 3600);
    m_intervalSpin->setValue(defaultRefreshSeconds);
    m_intervalSpin->setSuffix(tr(" s"));
    bar->addWidget(m_intervalSpin);
    layout->addLayout(bar);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("runsErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Run ID"), tr("Job"), tr("Status"), tr("Created"), tr("Started"), tr("Ended"), tr("Duration"), tr("Tags")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyAction = new QAction(tr("Copy Run ID"), m_table);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(copyAction);
    layout->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout;
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("runsStatusLabel"));
    bottom->addWidget(m_statusLabel, 1);
    m_copyButton = new QPushButton(tr("Copy Run ID"), this);
    bottom->addWidget(m_copyButton);
    m_terminateButton = new QPushButton(tr("Terminate…"), this);
    m_terminateButton->setObjectName(QStringLiteral("terminateButton"));
    bottom->addWidget(m_terminateButton);
    m_loadMoreButton = new QPushButton(tr("Load more"), this);
    m_loadMoreButton->setObjectName(QStringLiteral("loadMoreButton"));
    bottom->addWidget(m_loadMoreButton);
    layout->addLayout(bottom);

    m_autoTimer = new QTimer(this);
    m_autoTimer->setSingleShot(true);
    connect(m_autoTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && !isBusy())
            refresh();
    });

    auto copyRunId = [this] {
        if (const QString id = selectedRunId(); !id.isEmpty())
            QApplication::clipboard()->setText(id);
    };
    connect(copyAction, &QAction::triggered, this, copyRunId);
    connect(m_copyButton, &QPushButton::clicked, this, copyRunId);
    connect(m_refreshButton, &QPushButton::clicked, this, &RunsView::refresh);
    connect(m_loadMoreButton, &QPushButton::clicked, this, &RunsView::loadMore);
    connect(m_terminateButton, &QPushButton::clicked, this, [this] { terminateRun(selectedRunId(), true); });
    connect(m_jobCombo, &QComboBox::activated, this, &RunsView::applyFilterFromBar);
    connect(m_tagsEdit, &QLineEdit::editingFinished, this, [this] {
        QString error;
        const auto tags = Net::DagsterRunsFilter::parseTags(m_tagsEdit->text(), &error);
        if (tags && *tags != m_filter.tags)
            applyFilterFromBar();
        else if (!tags)
            showError({tr("Tags"), error, {}});
    });
    connect(m_autoRefreshCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            scheduleAutoRefresh();
        else
            m_autoTimer->stop();
    });
    connect(m_intervalSpin, &QSpinBox::valueChanged, this, [this] {
        if (m_autoTimer->isActive())
            scheduleAutoRefresh();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsView::updateButtons);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < m_runs.size())
            emit openRunInTab(m_runs.at(row).runId);
    });
}

void RunsView::rebuildStatusMenu(const QStringList &statuses)
{
    m_statusMenu->clear();
    for (const QString &status : statuses) {
        QAction *action = m_statusMenu->addAction(status);
        action->setCheckable(true);
        action->setChecked(m_filter.statuses.contains(status));
        connect(action, &QAction::toggled, this, &RunsView::applyFilterFromBar);
    }
    m_statusButton->setText(m_filter.statuses.isEmpty() ? tr("Status: all")
                                                        : tr("Status: %1").arg(m_filter.statuses.join(QStringLiteral(", "))));
}

void RunsView::applyFilterFromBar()
{
    Net::DagsterRunsFilter filter;
    for (QAction *action : m_statusMenu->actions()) {
        if (action->isChecked())
            filter.statuses << action->text();
    }
    filter.jobName = m_jobCombo->currentData().toString();
    QString error;
    const auto tags = Net::DagsterRunsFilter::parseTags(m_tagsEdit->text(), &error);
    if (!tags) {
        showError({tr("Tags"), error, {}});
        return;
    }
    filter.tags = *tags;
    m_filter = filter;
    m_statusButton->setText(m_filter.statuses.isEmpty() ? tr("Status: all")
                                                        : tr("Status: %1").arg(m_filter.statuses.join(QStringLiteral(", "))));
    resetAndReload();
}

void RunsView::setFilter(const Net::DagsterRunsFilter &filter)
{
    m_filter = filter;
    for (QAction *action : m_statusMenu->actions()) {
        const QSignalBlocker blocker(action);
        action->setChecked(filter.statuses.contains(action->text()));
    }
    m_statusButton->setText(m_filter.statuses.isEmpty() ? tr("Status: all")
                                                        : tr("Status: %1").arg(m_filter.statuses.join(QStringLiteral(", "))));
    int index = m_jobCombo->findData(filter.jobName);
    if (index < 0) {
        m_jobCombo->addItem(filter.jobName, filter.jobName);
        index = m_jobCombo->count() - 1;
    }
    m_jobCombo->setCurrentIndex(index);
    QStringList tagTexts;
    for (const auto &[key, value] : filter.tags)
        tagTexts << key + QLatin1Char('=') + value;
    m_tagsEdit->setText(tagTexts.join(QStringLiteral(", ")));
    resetAndReload();
}

void RunsView::setPageSize(int runs)
{
    m_pageSize = qBound(1, runs, 1000);
    resetAndReload();
}

void RunsView::setAutoRefresh(bool enabled, int intervalSeconds)
{
    m_intervalSpin->setValue(qBound(1, intervalSeconds, 3600));
    m_autoRefreshCheck->setChecked(enabled);
}

bool RunsView::autoRefresh() const
{
    return m_autoRefreshCheck->isChecked();
}

void RunsView::setEndpoint(const Net::EndpointProfile &endpoint)
{
    m_endpoint = endpoint;
    m_jobsLoaded = false;
    m_jobs.clear();
    if (m_jobsCall)
        m_jobsCall->abort();
    const QSignalBlocker blocker(m_jobCombo);
    m_jobCombo->clear();
    m_jobCombo->addItem(tr("All jobs"), QString());
    m_filter.jobName.clear();
    resetAndReload();
}

void RunsView::resetAndReload()
{
    ++m_generation;
    if (m_call)
        m_call->abort(); // its answer is dropped as stale (older generation)
    m_runs.clear();
    m_hasMore = false;
    m_nextCursor.clear();
    m_runsLoadedOnce = false;
    fillTable();
    refresh();
}

void RunsView::refresh()
{
    if (!isVisible()) {
        m_refreshPending = true; // sent by showEvent
        return;
    }
    if (!m_jobsLoaded && !m_jobsCall)
        loadJobs();
    if (isBusy()) {
        m_refreshPending = true;
        return;
    }
    sendRuns(false);
}

bool RunsView::loadMore()
{
    if (!isVisible() || isBusy() || !m_hasMore || m_nextCursor.isEmpty())
        return false;
    sendRuns(true);
    return true;
}

void RunsView::sendRuns(bool append)
{
    m_refreshPending = false;
    m_autoTimer->stop();
    const int limit = append ? m_pageSize : qMax(m_pageSize, int(m_runs.size()));
    const QString cursor = append ? m_nextCursor : QString();
    const quint64 generation = m_generation;
    m_parsing = true;
    m_statusLabel->setText(append ? tr("Loading more runs…") : tr("Loading runs…"));
    m_call = sendDagsterRequest<Net::DagsterRunsPage>(
        this, m_client, m_endpoint, Net::DagsterRunsQuery::request(m_filter, cursor, limit),
        [limit](const Net::HttpResult &result) { return Net::DagsterRunsQuery::parse(result, limit); },
        [this, generation, append](const Net::DagsterRunsPage &page) { onRunsPage(generation, append, page); });
    updateButtons();
}

void RunsView::onRunsPage(quint64 generation, bool append, const Net::DagsterRunsPage &page)
{
    m_parsing = false;
    m_call = nullptr;
    if (generation == m_generation) {
        if (page.ok) {
            m_errorText.clear();
            m_errorLabel->hide();
            if (append)
                m_runs += page.runs;
            else
                m_runs = page.runs;
            m_hasMore = page.hasMore;
            m_nextCursor = m_runs.isEmpty() ? QString() : m_runs.constLast().runId;
            m_runsLoadedOnce = true;
            fillTable();
        } else {
            showError(page.error);
        }
    }
    updateButtons();
    if (generation == m_generation)
        emit runsLoaded();
    if (m_refreshPending && isVisible())
        refresh();
    else
        scheduleAutoRefresh();
}

void RunsView::loadJobs()
{
    const quint64 generation = m_generation;
    m_jobsCall = sendDagsterRequest<Net::DagsterJobList>(
        this, m_client, m_endpoint, Net::DagsterJobsQuery::request(),
        [](const Net::HttpResult &result) { return Net::DagsterJobsQuery::parse(result); },
        [this, generation](const Net::DagsterJobList &list) { onJobs(generation, list); });
}

void RunsView::onJobs(quint64 generation, const Net::DagsterJobList &list)
{
    m_jobsCall = nullptr;
    if (generation != m_generation && !list.ok)
        return;
    if (!list.ok) {
        showError(list.error);
        return;
    }
    m_jobsLoaded = true;
    m_jobs = list.jobs;
    const QString current = m_filter.jobName;
    {
        const QSignalBlocker blocker(m_jobCombo);
        m_jobCombo->clear();
        m_jobCombo->addItem(tr("All jobs"), QString());
        QStringList seen;
        for (const Net::DagsterJob &job : list.jobs) {
            if (seen.contains(job.name))
                continue; // RunsFilter selects by job name only
            seen << job.name;
            m_jobCombo->addItem(job.name, job.name);
            m_jobCombo->setItemData(m_jobCombo->count() - 1, job.description, Qt::ToolTipRole);
        }
        const int index = m_jobCombo->findData(current);
        m_jobCombo->setCurrentIndex(index < 0 ? 0 : index);
    }
    if (!list.runStatuses.isEmpty())
        rebuildStatusMenu(list.runStatuses);
    emit jobsLoaded();
}

void RunsView::fillTable()
{
    const QString selected = selectedRunId();
    m_table->setRowCount(int(m_runs.size()));
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    for (int row = 0; row < m_runs.size(); ++row) {
        const Net::DagsterRun &run = m_runs.at(row);
        auto set = [&](int column, const QString &text, const QString &tip = QString()) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(tip.isEmpty() ? text : tip);
            m_table->setItem(row, column, item);
            return item;
        };
        set(IdColumn, run.runId.left(8), run.runId)->setData(Qt::UserRole, run.runId);
        set(JobColumn, run.jobName);
        QTableWidgetItem *status = set(StatusColumn, run.status);
        status->setForeground(statusColor(run.status));
        QFont bold = status->font();
        bold.setBold(true);
        status->setFont(bold);
        set(CreatedColumn, formatTime(run.creationTime));
        set(StartedColumn, formatTime(run.startTime));
        set(EndedColumn, formatTime(run.endTime));
        const double end = run.endTime >= 0 ? run.endTime
                         : Net::DagsterRunsQuery::isTerminalStatus(run.status) ? -1 : now;
        set(DurationColumn, run.startTime >= 0 && end >= 0 ? formatDuration(end - run.startTime) : QString());
        QStringList tags;
        for (const auto &[key, value] : run.tags)
            tags << key + QLatin1Char('=') + value;
        set(TagsColumn, tags.join(QStringLiteral(", ")), tags.join(QLatin1Char('\n')));
        if (run.runId == selected)
            m_table->selectRow(row);
    }
    if (m_table->rowCount() > 0 && m_table->columnWidth(IdColumn) < 80)
        m_table->resizeColumnsToContents();
    if (m_errorText.isEmpty()) {
        m_statusLabel->setText(m_runsLoadedOnce ? tr("%n run(s)%1", nullptr, int(m_runs.size()))
                                                      .arg(m_hasMore ? tr(", more available") : QString())
                                                : QString());
    }
}

void RunsView::showError(const Net::DagsterError &error)
{
    m_errorText = error.text();
    m_errorLabel->setText(error.text());
    m_errorLabel->setToolTip(error.stack.isEmpty() ? QString() : error.stack.join(QString()));
    m_errorLabel->show();
    m_statusLabel->setText(tr("Failed"));
}

bool RunsView::isBusy() const
{
    return m_call != nullptr || m_parsing;
}

QString RunsView::errorText() const
{
    return m_errorText;
}

QString RunsView::selectedRunId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const int row = rows.first().row();
    return row < m_runs.size() ? m_runs.at(row).runId : QString();
}

void RunsView::scheduleAutoRefresh()
{
    if (m_autoRefreshCheck->isChecked() && isVisible() && !isBusy())
        m_autoTimer->start(m_intervalSpin->value() * 1000);
}

void RunsView::updateButtons()
{
    const QString id = selectedRunId();
    bool canTerminate = false;
    for (const Net::DagsterRun &run : std::as_const(m_runs)) {
        if (run.runId == id)
            canTerminate = run.canTerminate;
    }
    m_terminateButton->setEnabled(!id.isEmpty() && canTerminate && !m_terminating);
    m_copyButton->setEnabled(!id.isEmpty());
    m_loadMoreButton->setEnabled(!isBusy() && m_hasMore);
}

bool RunsView::terminateRun(const QString &runId, bool confirm)
{
    if (runId.isEmpty() || m_terminating)
        return false;
    if (confirm
        && QMessageBox::question(this, tr("Terminate run"),
                                 tr("Terminate run %1 on %2?").arg(runId, m_endpoint.url.toString()),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return false;
    m_terminating = true;
    updateButtons();
    m_statusLabel->setText(tr("Terminating %1…").arg(runId.left(8)));
    sendDagsterRequest<Net::DagsterTerminateResult>(
        this, m_client, m_endpoint, Net::DagsterRunsQuery::terminateRequest(runId),
        [](const Net::HttpResult &result) { return Net::DagsterRunsQuery::parseTerminate(result); },
        [this, runId](const Net::DagsterTerminateResult &result) {
            m_terminating = false;
            QString message;
            if (result.ok) {
                message = tr("Run %1: termination requested (%2)").arg(runId.left(8), result.status);
                m_statusLabel->setText(message);
            } else {
                message = result.error.text();
                showError(result.error);
            }
            updateButtons();
            emit terminateFinished(result.ok, message);
            refresh();
        });
    return true;
}

void RunsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_refreshPending || !m_runsLoadedOnce)
        QTimer::singleShot(0, this, &RunsView::refresh);
    else
        scheduleAutoRefresh();
}

void RunsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_autoTimer->stop();
}

} // namespace Sextant::App
