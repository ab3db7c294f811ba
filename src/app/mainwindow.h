// SPDX-License-Identifier: MIT
// Sextant: the main window: endpoint bar, query/variables/headers editors, schema browser and result view.
#pragma once

#include <app/result/resultview.h>
#include <store/historyentry.h>
#include <store/savedrequest.h>
#include <core/language/operationoutline.h>
#include <net/endpointprofile.h>

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <memory>

class QsciScintilla;
class QTimer;
class QDockWidget;
class QStackedWidget;

namespace Ui {
class MainWindow;
}

namespace Sextant::Core {
class Schema;
}

namespace Sextant::Store {
class HistoryStore;
class SecretStore;
}

namespace Sextant::Net {
class GraphQLClient;
class GraphQLCall;
class IntrospectionClient;
struct HttpResult;
}

namespace Sextant::App {

class GraphQLLexer;
class EditorDiagnostics;
class EditorHover;
class EditorCompletion;
class SchemaBrowser;
class ResultView;
class EndpointBar;
class RunController;
class VariablesAssist;
class ProblemsView;
class FindBar;
class TabController;
class AppSettings;
class EnvironmentController;
class HistoryDock;
class CollectionDock;
class CollectionTabs;
class EndpointServices;
class DagsterMenu;
class SubscriptionView;
class SubscriptionController;
struct PreparedRequest;

/// How the window was asked to start (command line of `sextant`, see Application).
struct StartOptions {
    std::optional<Net::EndpointKind> kind; ///< from --kind
    QString endpoint;                      ///< from --endpoint; empty = restore the last session's
    bool restoreSession = true;            ///< restore the tabs and autosave them (false: nothing is written)
    QString dataDirectory;                 ///< tabs, history, environments; empty = QStandardPaths::AppDataLocation
    QString workspaceDirectory;            ///< empty = dataDirectory + "/workspace"
    QString sessionPath;                   ///< the pre-tabs session file, imported as a tab once; empty = default
    QStringList files;                     ///< .graphql/.gql files to open, each in its own tab
};

/**
 * Wires the layers together (ARCHITECTURE.md: app is the only place that does): the endpoint bar picks a
 * Net::EndpointProfile, connecting runs introspection (Net::IntrospectionClient) into the schema browser, Run
 * (Ctrl+Enter) checks the variables JSON and the document's syntax locally — nothing is sent when either is
 * malformed, and the error is shown at its line and column — then sends the operation under the cursor and shows
 * the answer in the result view, parsed off the UI thread. The editor underlines syntax and validation problems
 * as you type and shows schema docs on hover; Ctrl+click shows the element in the schema browser. Several tabs
 * (TabController) each hold an endpoint, a document, variables and headers; the user's text is never modified by
 * any of this and every tab is autosaved (Store::WorkspaceStore, atomic) within 300 ms of a change. A Dagger session found in the environment
 * (DAGGER_SESSION_PORT/TOKEN, set by `dagger run sextant`) is offered in a banner. GUI thread only.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const StartOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    QsciScintilla *queryEditor() const;
    QsciScintilla *variablesEditor() const;
    SchemaBrowser *schemaBrowser() const;
    ResultView *resultView() const;
    EndpointBar *endpointBar() const;
    bool isDaggerSessionOffered() const; ///< the banner offering the environment's Dagger session is visible
    EditorHover *editorHover() const;
    EditorCompletion *editorCompletion() const;
    VariablesAssist *variablesAssist() const;
    ProblemsView *problemsView() const;
    FindBar *findBar() const;
    TabController *tabs() const;
    EnvironmentController *environments() const;
    /// Null with restoreSession == false (nothing is recorded), and until the first run or the History dock is
    /// first shown (the database is not opened at start-up).
    Store::HistoryStore *history() const;
    HistoryDock *historyDock() const; ///< null when history() is
    CollectionDock *collections() const;
    EndpointServices *endpointServices() const { return m_endpointServices; }
    DagsterMenu *dagsterMenu() const { return m_dagster; }
    /// Null until the first subscription runs.
    SubscriptionView *subscriptionView() const { return m_subscriptionView; }
    SubscriptionController *subscriptions() const { return m_subscriptions; }

    /// Ctrl+S: writes the tab to its collection file (or back to the .graphql file it was opened from); a tab
    /// without one asks where (saveCurrentTabAs). False when nothing was written (cancelled or failed).
    bool saveCurrentTab();
    bool saveCurrentTabAs();

    /// The profile Run would use now (headers parsed from the headers pane; bad header lines are skipped).
    Net::EndpointProfile currentProfile() const;

    /// Shows the schema in @p path (SDL, or an introspection result) instead of introspecting, for servers that
    /// disable introspection (PROTOCOLS.md §2.4). Read and parsed off the UI thread; emits schemaLoaded or
    /// schemaFailed.
    void loadSchemaFile(const QString &path);
    /// Writes the loaded schema as SDL (printSchema, graphql-js's format) atomically; false with a message if not.
    bool saveSchemaFile(const QString &path, QString *error = nullptr) const;
    /// Opens each GraphQL file in a tab of its own (or shows the tab that already has it); a file that cannot be
    /// read is named in the status bar. Ctrl+S in such a tab writes the document back to the file.
    void openFiles(const QStringList &paths);

public slots:
    /// Ctrl+Enter: a subscription operation opens a WebSocket subscription (PROTOCOLS.md §3) shown as a live
    /// message list; anything else goes over HTTP.
    void run();
    void stop();
    /// Ctrl+Shift+E: the current request (environment substituted, as Run sends it) as curl, Python, JavaScript,
    /// Rust or PHP code; secrets become environment variable references.
    void exportAsCode();
    /// The ⚙ of the endpoint bar: timeout, GET, redirects, subscription protocol, cookies, trusted certificates.
    void openEndpointSettings();
    void reloadSchema();
    void useDaggerSession();

signals:
    void schemaLoaded();                  ///< introspection finished and the browser shows the schema
    void schemaFailed(const QString &message);
    void requestFinished();               ///< the result view shows the outcome of the last Run

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupEditors();
    void setSchema(const std::shared_ptr<const Core::Schema> &schema);
    void setupActions();
    void applyStartOptions(const StartOptions &options);
    void onKindChanged(int kind);
    void moveEditorCursor(QsciScintilla *editor, int line, int column);
    void refreshOperations();
    void updateVariablesOperation(); ///< tells the variables pane which operation's variables it edits
    int operationIndexAtCursor() const;
    void reformat(bool minify);
    void fillInVariables();
    void onTabChanged();
    void setupTabActions();
    void setupWorkspaceServices(const StartOptions &options);
    void applyAppearance();
    void giveDockRoom(QDockWidget *dock, int width);
    void ensureHistory(); ///< opens the history database and fills the dock (first run, or the dock first shown)
    void openHistoryEntry(const Store::HistoryEntry &entry);
    /// What Run would send now: the request checked and substituted (problems shown where they are) and the
    /// profile with the endpoint's settings applied. False (and nothing to send) when the request has a problem.
    bool prepareCurrentRequest(PreparedRequest &prepared, Net::EndpointProfile &profile);
    void setupServerFeatures(const StartOptions &options);
    void updateEndpointFeatures(); ///< the Dagster menu follows the current endpoint
    void openDagsterRun(const QString &runId);
    SubscriptionController *ensureSubscriptions(); ///< the controller and its view, made at the first subscription

    std::unique_ptr<Ui::MainWindow> m_ui;
    GraphQLLexer *m_lexer = nullptr;
    EditorDiagnostics *m_diagnostics = nullptr;
    EditorHover *m_hover = nullptr;
    EditorCompletion *m_completion = nullptr;
    VariablesAssist *m_variablesAssist = nullptr;
    Net::GraphQLClient *m_client = nullptr;
    Net::IntrospectionClient *m_introspection = nullptr;
    RunController *m_runner = nullptr;
    TabController *m_tabs = nullptr;
    AppSettings *m_settings = nullptr;
    Store::SecretStore *m_secrets = nullptr;
    EnvironmentController *m_environments = nullptr;
    Store::HistoryStore *m_history = nullptr;
    HistoryDock *m_historyDock = nullptr;
    QDockWidget *m_historyFrame = nullptr; ///< the History dock; its contents come with ensureHistory()
    CollectionDock *m_collections = nullptr;
    CollectionTabs *m_collectionTabs = nullptr;
    EndpointServices *m_endpointServices = nullptr;
    DagsterMenu *m_dagster = nullptr;
    SubscriptionView *m_subscriptionView = nullptr;
    SubscriptionController *m_subscriptions = nullptr;
    QStackedWidget *m_resultStack = nullptr; ///< the result view, or the subscription view while one runs
    QString m_subscriptionTabId; ///< the tab whose last run was a subscription (it shows the subscription view)
    QString m_dataDirectory;
    /// The running request's URL, headers and variables as typed (with {{references}}): history keeps these,
    /// never the substituted values (a {{token}} must not reach the database). Empty without an environment.
    std::optional<Store::HistoryEntry> m_runTyped;
    QTimer *m_outlineTimer = nullptr;
    QList<Core::OperationInfo> m_operations;
    std::optional<Net::EndpointProfile> m_environmentSession;
    QString m_schemaEndpoint;  ///< "kind url" whose schema is loaded (a tab switch to the same endpoint keeps it)
    QString m_runningTabId;    ///< the tab whose request is running (its summary is updated when it ends)
    QString m_shownTabId;      ///< the tab whose result the result view shows
    QHash<QString, ResultSnapshot> m_results; ///< each tab's last result, in memory only (by tab id)
};

} // namespace Sextant::App
