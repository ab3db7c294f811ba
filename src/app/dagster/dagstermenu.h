// SPDX-License-Identifier: MIT
// Sextant: the window's Dagster menu: the Runs dock and the Launch Run dialog, enabled for Dagster endpoints.
#pragma once

#include <net/endpointprofile.h>

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace Sextant::Net {
class GraphQLClient;
}

namespace Sextant::App {

class RunsView;

/**
 * Puts a "Dagster" menu into @p window with "Runs" (a dock over runsOrError, made when first shown, Ctrl+Alt+R) and "Launch Run…" (the
 * form generated from runConfigSchemaOrError, Ctrl+Alt+L). Both act on the endpoint given to setEndpoint() and are
 * disabled for other endpoint kinds; the dock is hidden then (a hidden RunsView sends nothing).
 * A run picked in the Runs view (double-click, Enter) or launched from the dialog is offered through
 * openRunRequested() so the window can open it in a tab. GUI thread only.
 */
class DagsterMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DagsterMenu)

public:
    DagsterMenu(Net::GraphQLClient *client, QMainWindow *window);
    ~DagsterMenu() override;

    /// Call whenever the current endpoint (kind, URL after substitution, headers) may have changed.
    void setEndpoint(const Net::EndpointProfile &endpoint);

    QMenu *menu() const { return m_menu; }
    QAction *runsAction() const { return m_runsAction; }
    QAction *launchAction() const { return m_launchAction; }
    /// Null until Runs is first shown.
    QDockWidget *runsDock() const { return m_dock; }
    RunsView *runsView() const { return m_runs; }

    /// The document and variables a tab opened for @p runId holds: runOrError with status, times, tags and the
    /// run's step stats, so Run shows where the run is.
    static QString runDocument();
    static QString runVariables(const QString &runId);

signals:
    void openRunRequested(const QString &runId);

private:
    void openLaunchDialog();
    QDockWidget *ensureDock();

    Net::GraphQLClient *m_client;
    QMainWindow *m_window;
    Net::EndpointProfile m_endpoint;
    RunsView *m_runs = nullptr;
    QDockWidget *m_dock = nullptr;
    QMenu *m_menu;
    QAction *m_runsAction;
    QAction *m_launchAction;
};

} // namespace Sextant::App
