// SPDX-License-Identifier: MIT
// Sextant: the Dagster menu, the Runs dock and the Launch Run dialog of the main window.
#include "app/dagster/dagstermenu.h"

#include "app/dagster/launchrundialog.h"
#include "app/dagster/runsview.h"

#include <QAction>
#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace Sextant::App {

DagsterMenu::DagsterMenu(Net::GraphQLClient *client, QMainWindow *window)
    : QObject(window)
    , m_client(client)
    , m_window(window)
{
    // The dock and its view are made when first shown: a window that never talks to Dagster never pays for them.
    m_runsAction = new QAction(tr("&Runs"), window);
    m_runsAction->setObjectName(u"Dagster.Runs"_s);
    m_runsAction->setCheckable(true);
    m_runsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    m_runsAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_runsAction, &QAction::toggled, this, [this](bool on) {
        if (on)
            ensureDock()->show();
        else if (m_dock)
            m_dock->hide();
    });
    m_launchAction = new QAction(tr("&Launch Run…"), window);
    m_launchAction->setObjectName(u"Dagster.LaunchRun"_s);
    m_launchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    m_launchAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_launchAction, &QAction::triggered, this, &DagsterMenu::openLaunchDialog);

    m_menu = window->menuBar()->addMenu(tr("&Dagster"));
    m_menu->addAction(m_runsAction);
    m_menu->addAction(m_launchAction);
    window->addAction(m_runsAction);
    window->addAction(m_launchAction);
    setEndpoint(Net::EndpointProfile());
}

QDockWidget *DagsterMenu::ensureDock()
{
    if (m_dock)
        return m_dock;
    m_runs = new RunsView(m_client, m_endpoint, m_window);
    m_dock = new QDockWidget(tr("Dagster Runs"), m_window);
    m_dock->setObjectName(u"DagsterRunsDock"_s);
    m_dock->setWidget(m_runs);
    m_dock->hide(); // hidden: no requests
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this] {
        const QSignalBlocker blocker(m_runsAction);
        m_runsAction->setChecked(m_dock->isVisible());
    });
    connect(m_runs, &RunsView::openRunInTab, this, &DagsterMenu::openRunRequested);
    return m_dock;
}

DagsterMenu::~DagsterMenu() = default;

void DagsterMenu::setEndpoint(const Net::EndpointProfile &endpoint)
{
    const bool dagster = endpoint.kind == Net::EndpointKind::Dagster && endpoint.url.isValid();
    m_runsAction->setEnabled(dagster);
    m_launchAction->setEnabled(dagster);
    const QString disabledTip = tr("Needs a Dagster endpoint (pick Dagster in the endpoint bar)");
    m_runsAction->setToolTip(dagster ? tr("Runs of this Dagster webserver") : disabledTip);
    m_launchAction->setToolTip(dagster ? tr("Launch a job with a run config form") : disabledTip);
    const bool changed = endpoint.profileKey() != m_endpoint.profileKey() || endpoint.headers != m_endpoint.headers
                         || endpoint.timeoutMs != m_endpoint.timeoutMs;
    m_endpoint = endpoint;
    if (!dagster) {
        if (m_dock)
            m_dock->hide();
        return;
    }
    if (changed && m_runs)
        m_runs->setEndpoint(endpoint);
}

void DagsterMenu::openLaunchDialog()
{
    if (m_endpoint.kind != Net::EndpointKind::Dagster)
        return;
    auto *dialog = new LaunchRunDialog(m_client, m_endpoint, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LaunchRunDialog::runLaunched, this, [this](const QString &runId) {
        if (m_dock->isVisible())
            m_runs->refresh();
        emit openRunRequested(runId);
    });
    dialog->show();
}

QString DagsterMenu::runDocument()
{
    return u"query RunStatus($runId: ID!) {\n"
           "  runOrError(runId: $runId) {\n"
           "    __typename\n"
           "    ... on Run {\n"
           "      runId\n"
           "      jobName\n"
           "      status\n"
           "      startTime\n"
           "      endTime\n"
           "      tags { key value }\n"
           "      stepStats { stepKey status startTime endTime }\n"
           "    }\n"
           "    ... on RunNotFoundError { message }\n"
           "    ... on PythonError { message stack }\n"
           "  }\n"
           "}\n"_s;
}

QString DagsterMenu::runVariables(const QString &runId)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{u"runId"_s, runId}}).toJson(QJsonDocument::Indented));
}

} // namespace Sextant::App
