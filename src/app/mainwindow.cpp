// SPDX-License-Identifier: MIT
// Sextant: the main window: endpoint bar, query/variables/headers editors, schema browser and result view.
#include "mainwindow.h"

#include "editor/editoractions.h"
#include "editor/editorcompletion.h"
#include "editor/editordiagnostics.h"
#include "editor/editorhover.h"
#include "editor/fieldinserter.h"
#include "editor/findbar.h"
#include "editor/problemsview.h"
#include "editor/variablesassist.h"
#include "editor/editorsetup.h"
#include "editor/graphqllexer.h"
#include "endpoints/endpointbar.h"
#include "result/resultview.h"
#include "run/requestpreparation.h"
#include "run/runcontroller.h"
#include "schema/schemabrowser.h"
#include "workspace/collectiontabs.h"
#include "workspace/tabcontroller.h"
#include "environments/environmentcontroller.h"
#include "history/historydock.h"
#include "collections/collectiondock.h"
#include "collections/collectionoperations.h"
#include "settings/appsettings.h"
#include "settings/editorappearance.h"
#include "settings/settingsdialog.h"
#include "settings/shortcutsdialog.h"
#include "ui_mainwindow.h"
#include "app/codeexport/codeexportdialog.h"
#include "app/dagster/dagstermenu.h"
#include "app/endpoints/endpointservices.h"
#include "app/subscriptions/subscriptioncontroller.h"
#include "app/subscriptions/subscriptionview.h"
#include <net/subscriptionsession.h>
#include <store/endpointsettingsstore.h>

#include <core/language/operationoutline.h>
#include <core/language/parser.h>
#include <core/completion/variablesskeleton.h>
#include <core/response/variablesjsonwriter.h>
#include <core/schema/schema.h>
#include <core/schema/schemaprinter.h>
#include <net/graphqlclient.h>
#include <net/graphqlrequest.h>
#include <net/httpresult.h>
#include <net/introspectionclient.h>
#include <store/schemafile.h>
#include <store/sessionstore.h>
#include <store/collectionstore.h>
#include <store/historystore.h>
#include <store/secretstore.h>
#include <store/workspacestore.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QStandardPaths>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

// Resources of the static sextant_app library (idempotent; must be called outside any namespace).
static void initSextantResources()
{
    Q_INIT_RESOURCE(sextant);
}

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

constexpr auto DagsterStarter = QLatin1StringView(
    "# Welcome to Sextant. Ctrl+Enter runs the operation under the cursor.\n"
    "query Repositories {\n"
    "  repositoriesOrError {\n"
    "    __typename\n"
    "    ... on RepositoryConnection {\n"
    "      nodes {\n"
    "        name\n"
    "        location { name }\n"
    "        jobs { name }\n"
    "      }\n"
    "    }\n"
    "    ... on PythonError { message }\n"
    "  }\n"
    "}\n");

} // namespace

MainWindow::MainWindow(const StartOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_client(new Net::GraphQLClient(this))
    , m_outlineTimer(new QTimer(this))
{
    initSextantResources();
    m_ui->setupUi(this);
    m_introspection = new Net::IntrospectionClient(m_client, this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/sextant.svg")));
    m_ui->mainSplitter->setStretchFactor(0, 2);
    m_ui->mainSplitter->setStretchFactor(1, 3);
    m_ui->mainSplitter->setStretchFactor(2, 3);
    m_ui->editorSplitter->setStretchFactor(0, 4);
    m_ui->editorSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({300, 560, 540});
    m_ui->editorSplitter->setSizes({560, 170});

    setupEditors();
    setupActions();

    // Tabs sit above the endpoint bar: each tab has its own endpoint, document, variables and headers.
    auto *tabBar = new QTabBar(m_ui->centralWidget);
    tabBar->setObjectName(QStringLiteral("workspaceTabs"));
    m_ui->centralLayout->insertWidget(0, tabBar);
    m_tabs = new TabController(tabBar, m_ui->queryEditor, m_ui->variablesEditor, m_ui->headersEdit,
                               m_ui->endpointBar, this);
    connect(m_tabs, &TabController::currentTabChanged, this, &MainWindow::onTabChanged);
    connect(m_tabs, &TabController::saveFailed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Autosave failed: %1").arg(message), 10000); });
    setupTabActions();

    m_runner = new RunController(m_client, m_ui->resultView, m_ui->endpointBar, this);
    setupWorkspaceServices(options);
    setupServerFeatures(options);
    connect(m_runner, &RunController::finished, this, [this] {
        // A TLS failure with a certificate: show it, and after "Trust this certificate" send again at once.
        if (const auto &tls = m_runner->lastTlsFailure(); tls && tls->hasCertificate()
            && m_runningTabId == m_tabs->currentState().id) {
            m_endpointServices->offerTrust(*tls, [this] { run(); });
        }
        m_tabs->setResultSummary(m_runningTabId, m_ui->resultView->statusText());
        // The answer belongs to the tab that sent it, even if another tab is in front by now.
        m_results.insert(m_runningTabId, m_ui->resultView->snapshot());
        if (m_runningTabId != m_shownTabId)
            m_ui->resultView->restore(m_results.value(m_shownTabId));
        emit requestFinished();
    });
    connect(m_tabs, &TabController::tabsChanged, this, [this] {
        for (auto it = m_results.begin(); it != m_results.end();) {
            if (m_tabs->indexOfId(it.key()) < 0)
                it = m_results.erase(it); // a closed tab's answer is freed
            else
                ++it;
        }
    });

    EndpointBar *bar = m_ui->endpointBar;
    connect(bar, &EndpointBar::runRequested, this, &MainWindow::run);
    connect(bar, &EndpointBar::stopRequested, this, &MainWindow::stop);
    connect(bar, &EndpointBar::reconnectRequested, this, &MainWindow::reloadSchema);
    connect(bar, &EndpointBar::urlEdited, this, [this] {
        m_tabs->noteEndpointEdited();
        reloadSchema();
    });
    connect(bar, &EndpointBar::settingsRequested, this, &MainWindow::openEndpointSettings);
    connect(bar, &EndpointBar::kindChanged, this, &MainWindow::onKindChanged);

    connect(m_introspection, &Net::IntrospectionClient::schemaLoaded, this,
            [this](std::shared_ptr<const Core::Schema> schema, const QByteArray &) {
                const int types = schema ? schema->typeCount(false) : 0;
                setSchema(schema);
                const QString text = QStringLiteral("Schema: %1 types, loaded %2")
                                         .arg(types)
                                         .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
                m_ui->schemaBrowser->setStatusText(text);
                m_ui->endpointBar->setStatus(QStringLiteral("Connected · %1 types").arg(types));
                emit schemaLoaded();
            });
    connect(m_introspection, &Net::IntrospectionClient::failed, this, [this](const QString &message) {
        m_ui->schemaBrowser->setStatusText(QStringLiteral("Schema not loaded: ") + message);
        m_ui->endpointBar->setStatus(message, true);
        emit schemaFailed(message);
    });

    connect(m_ui->resultView, &ResultView::errorLocationActivated, this,
            [this](int line, int column) { moveEditorCursor(m_ui->queryEditor, line, column); });
    // Dagger ID chaining: a value from the result becomes a variable of the next query (one undo step).
    connect(m_ui->resultView, &ResultView::useAsVariableRequested, this,
            [this](const QString &name, const QByteArray &jsonValue) {
                QString error;
                const QString text =
                    Core::setVariableInJsonText(m_ui->variablesEditor->text(), name, jsonValue, &error);
                if (!error.isEmpty()) {
                    statusBar()->showMessage(tr("Cannot set $%1: %2").arg(name, error), 10000);
                    return;
                }
                replaceAllText(m_ui->variablesEditor, text);
                m_ui->inputTabs->setCurrentWidget(m_ui->variablesTab);
                statusBar()->showMessage(tr("$%1 is set in the variables.").arg(name), 5000);
            });

    connect(m_ui->useSessionButton, &QPushButton::clicked, this, &MainWindow::useDaggerSession);
    connect(m_tabs, &TabController::currentTabChanged, this, &MainWindow::applyAppearance);
    connect(m_ui->dismissSessionButton, &QPushButton::clicked, m_ui->sessionBanner, &QWidget::hide);

    applyStartOptions(options);

    m_outlineTimer->setSingleShot(true);
    m_outlineTimer->setInterval(200);
    connect(m_ui->queryEditor, &QsciScintilla::textChanged, m_outlineTimer, qOverload<>(&QTimer::start));
    connect(m_outlineTimer, &QTimer::timeout, this, &MainWindow::refreshOperations);
    connect(m_ui->queryEditor, &QsciScintilla::cursorPositionChanged, this, [this] {
        if (m_outlineTimer->isActive())
            return; // the list is about to be rebuilt anyway
        const int index = operationIndexAtCursor();
        if (index >= 0) {
            m_ui->endpointBar->setCurrentOperation(index);
            updateVariablesOperation();
        }
    });
    connect(m_ui->endpointBar, &EndpointBar::operationPicked, this, [this](int index) {
        if (index < 0 || index >= m_operations.size())
            return;
        moveEditorCursor(m_ui->queryEditor, m_operations[index].loc.line, m_operations[index].loc.column);
    });
    refreshOperations();
    if (!options.files.isEmpty())
        openFiles(options.files);
}

MainWindow::~MainWindow()
{
    // QWidget's destructor closes the window, which moves the focus and emits QApplication::focusChanged after
    // m_ui is gone: the find bar's follower must not run then (found by the ASan build of the hostile suite).
    disconnect(qApp, nullptr, this, nullptr);
    // The tabs own documents shown in the editors: they go (after a last save) before the editors do.
    delete m_tabs;
    m_tabs = nullptr;
}

TabController *MainWindow::tabs() const
{
    return m_tabs;
}

EnvironmentController *MainWindow::environments() const
{
    return m_environments;
}

Store::HistoryStore *MainWindow::history() const
{
    return m_history;
}

HistoryDock *MainWindow::historyDock() const
{
    return m_historyDock;
}

void MainWindow::ensureHistory()
{
    if (m_history || !m_historyFrame)
        return;
    m_history = new Store::HistoryStore(QDir(m_dataDirectory).filePath(QStringLiteral("history.sqlite")), this);
    m_history->setMaxEntries(m_settings->historySize());
    connect(m_settings, &AppSettings::changed, m_history, [this] { m_history->setMaxEntries(m_settings->historySize()); });
    connect(m_history, &Store::HistoryStore::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(tr("History: %1").arg(message), 15000); });
    m_historyDock = new HistoryDock(m_history, m_historyFrame);
    m_historyFrame->setWidget(m_historyDock);
    giveDockRoom(m_historyFrame, 260);
    connect(m_historyDock, &HistoryDock::reopenRequested, this, &MainWindow::openHistoryEntry);
}

void MainWindow::giveDockRoom(QDockWidget *dock, int width)
{
    // A dock opens with a usable width, not the few pixels its toolbar needs; the user can still widen it.
    if (dock->widget())
        dock->widget()->setMinimumWidth(width);
}

void MainWindow::setupWorkspaceServices(const StartOptions &options)
{
    m_dataDirectory = options.dataDirectory.isEmpty()
                          ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                          : options.dataDirectory;
    m_settings = new AppSettings(this);
    connect(m_settings, &AppSettings::changed, this, &MainWindow::applyAppearance);

    // Secrets: the keychain, or (no keychain service) memory for this session, said once in the status bar.
    m_secrets = new Store::SecretStore(this);
    connect(m_secrets, &Store::SecretStore::sessionOnlyStarted, this,
            [this](const QString &notice) { statusBar()->showMessage(notice, 20000); });
    if (options.restoreSession)
        m_tabs->setSecretStore(m_secrets);

    m_environments = new EnvironmentController(m_secrets, m_ui->endpointBar, this, this);
    connect(m_environments, &EnvironmentController::problemOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    if (options.restoreSession)
        m_environments->load(QDir(m_dataDirectory).filePath(QStringLiteral("environments.json")));
    // Switching environments changes where and how the schema is fetched.
    connect(m_environments, &EnvironmentController::activeEnvironmentChanged, this, [this] {
        if (!m_schemaEndpoint.isEmpty())
            reloadSchema();
    });
    // A {{token}} read from the keychain after start-up: fetch the schema that was waiting for it.
    connect(m_environments, &EnvironmentController::secretsRead, this, [this] {
        if (!m_ui->schemaBrowser->schema())
            reloadSchema();
    });

    QMenu *viewMenu = m_ui->menuBar->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QAction *environmentsAction = new QAction(tr("&Environments…"), this);
    environmentsAction->setObjectName(QStringLiteral("Environment.Manage"));
    environmentsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    connect(environmentsAction, &QAction::triggered, m_environments, &EnvironmentController::openManager);
    addAction(environmentsAction);

    // History: every sent run, in SQLite on its own thread; not with --no-session (nothing is written then).
    // The database is opened at the first run or when the dock is first shown, not at start-up.
    if (options.restoreSession) {
        m_historyFrame = new QDockWidget(tr("History"), this);
        m_historyFrame->setObjectName(QStringLiteral("HistoryDock"));
        addDockWidget(Qt::RightDockWidgetArea, m_historyFrame);
        m_historyFrame->hide();
        connect(m_historyFrame, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible)
                ensureHistory();
        });
        QAction *toggle = m_historyFrame->toggleViewAction();
        toggle->setObjectName(QStringLiteral("View.History"));
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        addAction(toggle);
        if (viewMenu)
            viewMenu->addAction(toggle);
        connect(m_runner, &RunController::runRecorded, this, [this](Store::HistoryEntry entry) {
            if (m_runTyped) { // an environment was substituted: keep the references, not their values
                entry.endpointUrl = m_runTyped->endpointUrl; // HistoryStore::record redacts what it stores
                entry.headers = m_runTyped->headers;
                entry.variables = m_runTyped->variables;
            }
            ensureHistory();
            m_history->record(entry);
        });
    }

    // Collections: the user's folder of saved requests (keep it in git) and the built-in starters.
    m_collections = new CollectionDock(this);
    m_collections->setCollectionsDirectory(QDir(m_dataDirectory).filePath(QStringLiteral("collections")));
    m_collections->operations()->setTrashDirectory(QDir(m_dataDirectory).filePath(QStringLiteral("collections-trash")));
    addDockWidget(Qt::LeftDockWidgetArea, m_collections);
    m_collections->hide();
    giveDockRoom(m_collections, 220);
    QAction *collectionsToggle = m_collections->toggleViewAction();
    collectionsToggle->setObjectName(QStringLiteral("View.Collections"));
    collectionsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    addAction(collectionsToggle);
    if (viewMenu)
        viewMenu->insertAction(viewMenu->actions().value(0), collectionsToggle);
    m_collectionTabs = new CollectionTabs(m_tabs, m_collections, m_ui->queryEditor, m_ui->variablesEditor,
                                          m_ui->endpointBar, this);
    connect(m_collectionTabs, &CollectionTabs::message, statusBar(), &QStatusBar::showMessage);
    connect(m_collections, &CollectionDock::problemReported, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });

    QAction *save = new QAction(tr("&Save"), this);
    save->setObjectName(QStringLiteral("File.Save"));
    save->setShortcuts(QKeySequence::keyBindings(QKeySequence::Save));
    connect(save, &QAction::triggered, this, &MainWindow::saveCurrentTab);
    addAction(save);
    QAction *saveAs = new QAction(tr("Save &As…"), this);
    saveAs->setObjectName(QStringLiteral("File.SaveAs"));
    saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveAs, &QAction::triggered, this, &MainWindow::saveCurrentTabAs);
    addAction(saveAs);
    if (QMenu *fileMenu = m_ui->menuBar->actions().isEmpty() ? nullptr : m_ui->menuBar->actions().first()->menu()) {
        QAction *before = fileMenu->actions().value(3); // after New Tab, Open, Duplicate
        fileMenu->insertActions(before, {save, saveAs});
    }

    QAction *preferences = new QAction(tr("&Preferences…"), this);
    preferences->setObjectName(QStringLiteral("Edit.Preferences"));
    preferences->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    connect(preferences, &QAction::triggered, this, [this] {
        SettingsDialog dialog(m_settings, this);
        dialog.exec();
    });
    addAction(preferences);
    QAction *shortcuts = new QAction(tr("&Keyboard Shortcuts"), this);
    shortcuts->setObjectName(QStringLiteral("Help.KeyboardShortcuts"));
    shortcuts->setShortcuts({QKeySequence(QKeySequence::HelpContents), QKeySequence(Qt::CTRL | Qt::Key_Question)});
    connect(shortcuts, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(this, this);
        dialog.exec();
    });
    addAction(shortcuts);

    const QList<QAction *> menus = m_ui->menuBar->actions();
    for (QAction *menuAction : menus) {
        if (QMenu *menu = menuAction->menu(); menu && menu->title() == tr("&Edit")) {
            menu->addSeparator();
            menu->addAction(preferences);
        }
    }
    if (viewMenu) {
        viewMenu->addSeparator();
        viewMenu->addAction(environmentsAction);
    }
    QMenu *helpMenu = m_ui->menuBar->addMenu(tr("&Help"));
    helpMenu->addAction(shortcuts);
    applyAppearance();

    // Every window shortcut works while typing: the editors give up their own binding of the same keys.
    QList<QKeySequence> windowKeys;
    for (const QAction *windowAction : actions())
        windowKeys += windowAction->shortcuts();
    for (QsciScintilla *editor : {m_ui->queryEditor, m_ui->variablesEditor})
        releaseKeysForWindowActions(editor, windowKeys);
}

CollectionDock *MainWindow::collections() const
{
    return m_collections;
}

void MainWindow::applyAppearance()
{
    if (!m_settings)
        return;
    applyEditorAppearance(m_ui->queryEditor, *m_settings);
    applyEditorAppearance(m_ui->variablesEditor, *m_settings);
    m_ui->headersEdit->setFont(m_settings->editorFont());
}

void MainWindow::openHistoryEntry(const Store::HistoryEntry &entry)
{
    Store::TabState tab;
    tab.query = entry.document;
    tab.variables = entry.variables;
    tab.headers = entry.headers;
    tab.url = entry.endpointUrl;
    tab.endpointKind =
        int(Net::EndpointProfile::kindFromId(entry.endpointKind).value_or(Net::EndpointKind::GenericHttp));
    if (!entry.operationName.isEmpty())
        tab.title = entry.operationName;
    m_tabs->addTab(tab);
    statusBar()->showMessage(tr("Opened the run of %1 in a new tab.")
                                 .arg(QLocale().toString(entry.startedAt.toLocalTime(), QLocale::ShortFormat)),
                             8000);
}

QsciScintilla *MainWindow::queryEditor() const
{
    return m_ui->queryEditor;
}

QsciScintilla *MainWindow::variablesEditor() const
{
    return m_ui->variablesEditor;
}

EditorCompletion *MainWindow::editorCompletion() const
{
    return m_completion;
}

VariablesAssist *MainWindow::variablesAssist() const
{
    return m_variablesAssist;
}

ProblemsView *MainWindow::problemsView() const
{
    return m_ui->problemsView;
}

FindBar *MainWindow::findBar() const
{
    return m_ui->findBar;
}

EditorHover *MainWindow::editorHover() const
{
    return m_hover;
}

SchemaBrowser *MainWindow::schemaBrowser() const
{
    return m_ui->schemaBrowser;
}

ResultView *MainWindow::resultView() const
{
    return m_ui->resultView;
}

EndpointBar *MainWindow::endpointBar() const
{
    return m_ui->endpointBar;
}

bool MainWindow::isDaggerSessionOffered() const
{
    return m_ui->sessionBanner->isVisibleTo(const_cast<MainWindow *>(this));
}

void MainWindow::setupEditors()
{
    configureCodeEditor(m_ui->queryEditor);
    m_lexer = new GraphQLLexer(m_ui->queryEditor);
    m_ui->queryEditor->setLexer(m_lexer);
    m_diagnostics = new EditorDiagnostics(m_ui->queryEditor, this);
    m_hover = new EditorHover(m_ui->queryEditor, m_diagnostics, this);
    m_completion = new EditorCompletion(m_ui->queryEditor, this);
    connect(m_hover, &EditorHover::schemaElementActivated, this, [this](const QString &type, const QString &field) {
        m_ui->schemaBrowser->showElement(type, field);
    });
    connect(m_hover, &EditorHover::directiveActivated, m_ui->schemaBrowser, &SchemaBrowser::showDirective);
    // Schema browser → editor: the + button or a double-click on a field adds it to the current operation.
    connect(m_ui->schemaBrowser, &SchemaBrowser::insertFieldRequested, this,
            [this](const QString &typeName, const QString &fieldName) {
                const auto schema = m_ui->schemaBrowser->schema();
                QString message;
                if (!schema)
                    return;
                if (insertField(m_ui->queryEditor, *schema, typeName, fieldName, &message))
                    m_ui->queryEditor->setFocus();
                else
                    statusBar()->showMessage(message, 8000);
            });
    connect(m_diagnostics, &EditorDiagnostics::diagnosticsChanged, this, [this] {
        const QString summary = m_diagnostics->summary();
        if (summary.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(summary);
    });

    configureJsonEditor(m_ui->variablesEditor);
    m_variablesAssist = new VariablesAssist(m_ui->variablesEditor, this);
    m_ui->headersEdit->setFont(m_ui->queryEditor->font());

    // Problems: the query's syntax/validation errors and the variables' JSON/coercion errors in one list.
    ProblemsView *problems = m_ui->problemsView;
    connect(m_diagnostics, &EditorDiagnostics::diagnosticsChanged, problems,
            [this, problems] { problems->setProblems(tr("Query"), m_diagnostics->diagnostics()); });
    connect(m_variablesAssist, &VariablesAssist::diagnosticsChanged, problems,
            [this, problems] { problems->setProblems(tr("Variables"), m_variablesAssist->diagnostics()); });
    connect(problems, &ProblemsView::countChanged, this, [this](int count) {
        const int tab = m_ui->inputTabs->indexOf(m_ui->problemsTab);
        m_ui->inputTabs->setTabText(tab, count > 0 ? tr("Problems (%1)").arg(count) : tr("Problems"));
    });
    connect(problems, &ProblemsView::problemActivated, this, [this](const QString &source, int line, int column) {
        if (source == tr("Variables")) {
            m_ui->inputTabs->setCurrentWidget(m_ui->variablesTab);
            moveEditorCursor(m_ui->variablesEditor, line, column);
        } else {
            moveEditorCursor(m_ui->queryEditor, line, column);
        }
    });

    // Find / replace works on whichever editor had the focus last.
    m_ui->findBar->hide(); // Ctrl+F / Ctrl+H open it
    m_ui->findBar->setEditor(m_ui->queryEditor);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QsciScintilla *editor : {m_ui->queryEditor, m_ui->variablesEditor}) {
            if (now && (now == editor || editor->isAncestorOf(now)))
                m_ui->findBar->setEditor(editor);
        }
    });
}

void MainWindow::updateVariablesOperation()
{
    int index = operationIndexAtCursor();
    if (index < 0)
        index = m_ui->endpointBar->currentOperation();
    const QString name = index >= 0 && index < m_operations.size() ? m_operations[index].name : QString();
    m_variablesAssist->setOperation(m_ui->queryEditor->text(), name);
}

void MainWindow::setupActions()
{
    // Stable action ids (ARCHITECTURE.md): objectName is the id.
    const auto action = [this](const QString &text, const QString &id, const QList<QKeySequence> &keys = {}) {
        auto *created = new QAction(text, this);
        created->setObjectName(id);
        created->setShortcuts(keys);
        created->setShortcutContext(Qt::WindowShortcut);
        return created;
    };
    QAction *runAction = action(tr("&Run"), QStringLiteral("Editor.Run"),
                                {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(runAction, &QAction::triggered, this, &MainWindow::run);
    QAction *stopAction = action(tr("&Stop"), QStringLiteral("Editor.Stop"), {QKeySequence(Qt::CTRL | Qt::Key_Period)});
    connect(stopAction, &QAction::triggered, this, &MainWindow::stop);
    QAction *reloadAction = action(tr("Reload &Schema"), QStringLiteral("Schema.Refresh"), {QKeySequence(Qt::Key_F5)});
    connect(reloadAction, &QAction::triggered, this, &MainWindow::reloadSchema);
    QAction *prettifyAction =
        action(tr("&Prettify"), QStringLiteral("Editor.Prettify"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    connect(prettifyAction, &QAction::triggered, this, [this] { reformat(false); });
    QAction *minifyAction =
        action(tr("&Minify"), QStringLiteral("Editor.Minify"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)});
    connect(minifyAction, &QAction::triggered, this, [this] { reformat(true); });
    QAction *commentAction =
        action(tr("Toggle &Comment"), QStringLiteral("Editor.ToggleComment"), {QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    connect(commentAction, &QAction::triggered, this, [this] { toggleLineComments(m_ui->queryEditor); });
    QAction *fillAction = action(tr("&Fill In Variables"), QStringLiteral("Editor.FillVariables"),
                                 {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)});
    connect(fillAction, &QAction::triggered, this, &MainWindow::fillInVariables);
    QAction *exportCodeAction = action(tr("E&xport as Code…"), QStringLiteral("Query.ExportCode"),
                                       {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    connect(exportCodeAction, &QAction::triggered, this, &MainWindow::exportAsCode);

    QAction *loadSchemaAction = action(tr("&Load Schema From File…"), QStringLiteral("Schema.LoadFile"));
    connect(loadSchemaAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load Schema"), QString(),
                                                          tr("GraphQL schemas (*.graphql *.graphqls *.gql *.json);;All files (*)"));
        if (!path.isEmpty())
            loadSchemaFile(path);
    });
    QAction *saveSchemaAction = action(tr("&Save Schema As…"), QStringLiteral("Schema.SaveAs"));
    connect(saveSchemaAction, &QAction::triggered, this, [this] {
        if (!m_ui->schemaBrowser->schema()) {
            statusBar()->showMessage(tr("No schema loaded yet."), 8000);
            return;
        }
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Schema As"), QStringLiteral("schema.graphql"),
                                                          tr("GraphQL SDL (*.graphql)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!saveSchemaFile(path, &error))
            QMessageBox::warning(this, tr("Save Schema"), error);
    });

    QAction *quitAction = action(tr("&Quit"), QStringLiteral("File.Quit"), QKeySequence::keyBindings(QKeySequence::Quit));
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *fileMenu = m_ui->menuBar->addMenu(tr("&File"));
    fileMenu->addAction(loadSchemaAction);
    fileMenu->addAction(saveSchemaAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    QMenu *editMenu = m_ui->menuBar->addMenu(tr("&Edit"));
    editMenu->addAction(prettifyAction);
    editMenu->addAction(minifyAction);
    editMenu->addAction(commentAction);
    editMenu->addSeparator();
    for (QAction *action : m_ui->findBar->editActions())
        editMenu->addAction(action);
    addActions(m_ui->findBar->editActions());
    editMenu->addSeparator();
    editMenu->addAction(fillAction);
    QMenu *queryMenu = m_ui->menuBar->addMenu(tr("&Query"));
    queryMenu->addAction(runAction);
    queryMenu->addAction(stopAction);
    queryMenu->addSeparator();
    queryMenu->addAction(reloadAction);
    queryMenu->addSeparator();
    queryMenu->addAction(exportCodeAction);
    addActions({runAction, stopAction, reloadAction, prettifyAction, minifyAction, commentAction, fillAction,
                exportCodeAction});
}

void MainWindow::setupTabActions()
{
    const auto action = [this](const QString &text, const QString &id, const QList<QKeySequence> &keys) {
        auto *created = new QAction(text, this);
        created->setObjectName(id);
        created->setShortcuts(keys);
        created->setShortcutContext(Qt::WindowShortcut);
        addAction(created);
        return created;
    };
    QAction *newTab = action(tr("&New Tab"), QStringLiteral("Tabs.New"), {QKeySequence(Qt::CTRL | Qt::Key_T)});
    connect(newTab, &QAction::triggered, this, [this] {
        m_tabs->addTab({});
        m_ui->queryEditor->setFocus();
    });
    QAction *closeTab = action(tr("&Close Tab"), QStringLiteral("Tabs.Close"), {QKeySequence(Qt::CTRL | Qt::Key_W)});
    connect(closeTab, &QAction::triggered, this, [this] {
        m_tabs->closeTab(m_tabs->currentIndex());
        if (m_tabs->closedTabCount() > 0)
            statusBar()->showMessage(tr("Tab closed. Ctrl+Shift+T reopens it."), 8000);
    });
    QAction *reopen = action(tr("&Reopen Closed Tab"), QStringLiteral("Tabs.Reopen"),
                             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)});
    connect(reopen, &QAction::triggered, this, [this] {
        if (!m_tabs->reopenClosedTab())
            statusBar()->showMessage(tr("No closed tab to reopen."), 5000);
    });
    QAction *duplicate = action(tr("&Duplicate Tab"), QStringLiteral("Tabs.Duplicate"), {});
    connect(duplicate, &QAction::triggered, this, [this] { m_tabs->duplicateTab(m_tabs->currentIndex()); });
    QAction *next = action(tr("Ne&xt Tab"), QStringLiteral("Tabs.Next"),
                           {QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_Tab)});
    connect(next, &QAction::triggered, this,
            [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    QAction *previous = action(tr("Pre&vious Tab"), QStringLiteral("Tabs.Previous"),
                               {QKeySequence(Qt::CTRL | Qt::Key_PageUp), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)});
    connect(previous, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    QAction *open = action(tr("&Open File…"), QStringLiteral("File.Open"), QKeySequence::keyBindings(QKeySequence::Open));
    connect(open, &QAction::triggered, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open GraphQL Files"), QString(),
                                                                tr("GraphQL documents (*.graphql *.gql);;All files (*)"));
        openFiles(paths);
    });

    QMenu *fileMenu = m_ui->menuBar->actions().isEmpty() ? nullptr : m_ui->menuBar->actions().first()->menu();
    if (fileMenu) {
        QAction *first = fileMenu->actions().value(0);
        fileMenu->insertActions(first, {newTab, open, duplicate});
        fileMenu->insertSeparator(first);
        fileMenu->insertActions(first, {closeTab, reopen});
        fileMenu->insertSeparator(first);
    }
    QMenu *viewMenu = m_ui->menuBar->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    viewMenu->addAction(next);
    viewMenu->addAction(previous);
}

void MainWindow::openFiles(const QStringList &paths)
{
    m_collectionTabs->openFiles(paths);
}

bool MainWindow::saveCurrentTab()
{
    return m_collectionTabs->save();
}

bool MainWindow::saveCurrentTabAs()
{
    return m_collectionTabs->saveAs();
}

void MainWindow::loadSchemaFile(const QString &path)
{
    m_ui->schemaBrowser->setStatusText(tr("Loading %1…").arg(path));
    auto *watcher = new QFutureWatcher<Store::SchemaFileResult>(this);
    connect(watcher, &QFutureWatcher<Store::SchemaFileResult>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const Store::SchemaFileResult loaded = watcher->result();
        if (!loaded.schema) {
            const QString message = tr("Could not load %1").arg(loaded.error);
            m_ui->schemaBrowser->setStatusText(message);
            emit schemaFailed(message);
            return;
        }
        m_introspection->abort(); // a file replaces whatever introspection was on its way
        setSchema(loaded.schema);
        const int types = loaded.schema->typeCount(false);
        QString status = tr("Schema: %1 types from %2").arg(types).arg(QFileInfo(path).fileName());
        if (!loaded.warnings.isEmpty())
            status += tr(" (%n warning(s): %1)", nullptr, int(loaded.warnings.size())).arg(loaded.warnings.first());
        m_ui->schemaBrowser->setStatusText(status);
        emit schemaLoaded();
    });
    // Reading and parsing a schema (the GitHub SDL is 1.2 MB) happens off the UI thread.
    watcher->setFuture(QtConcurrent::run([path] { return Store::readSchemaFile(path); }));
}

void MainWindow::setSchema(const std::shared_ptr<const Core::Schema> &schema)
{
    m_diagnostics->setSchema(schema);
    m_hover->setSchema(schema);
    m_completion->setSchema(schema);
    m_variablesAssist->setSchema(schema);
    m_ui->schemaBrowser->setSchema(schema);
}

bool MainWindow::saveSchemaFile(const QString &path, QString *error) const
{
    const auto schema = m_ui->schemaBrowser->schema();
    if (!schema) {
        if (error)
            *error = tr("No schema loaded yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(Core::printSchema(*schema).toUtf8());
    file.write("\n");
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MainWindow::fillInVariables()
{
    const Core::ParseResult parsed = Core::Parser::parse(m_ui->queryEditor->text(), Core::ParseMode::Tolerant);
    const QList<const Core::Ast::OperationDefinition *> operations = parsed.document->operations();
    if (operations.isEmpty()) {
        statusBar()->showMessage(tr("No operation to fill in variables for."), 8000);
        return;
    }
    refreshOperations();
    int index = operationIndexAtCursor();
    if (index < 0)
        index = m_ui->endpointBar->currentOperation();
    index = qBound(0, index, int(operations.size()) - 1);
    const auto schema = m_ui->schemaBrowser->schema();
    const QByteArray json = Core::variablesSkeleton(schema.get(), *operations[index],
                                                    m_ui->variablesEditor->text().toUtf8());
    replaceAllText(m_ui->variablesEditor, QString::fromUtf8(json));
    m_ui->inputTabs->setCurrentWidget(m_ui->variablesTab);
}

void MainWindow::reformat(bool minify)
{
    QString error;
    if (!reformatDocument(m_ui->queryEditor, minify, &error))
        statusBar()->showMessage(tr("Cannot %1: %2").arg(minify ? tr("minify") : tr("prettify"), error), 10000);
}

void MainWindow::applyStartOptions(const StartOptions &options)
{
    Store::WorkspaceState workspace;
    if (options.restoreSession) {
        const QString directory = options.workspaceDirectory.isEmpty()
                                      ? QDir(m_dataDirectory).filePath(QStringLiteral("workspace"))
                                      : options.workspaceDirectory;
        m_tabs->setDirectory(directory);
        QString error;
        workspace = Store::WorkspaceStore::load(directory, &error);
        if (!error.isEmpty())
            statusBar()->showMessage(tr("Some tabs could not be restored: %1").arg(error), 15000);
        if (workspace.tabs.isEmpty()) {
            // The single-session file of earlier versions becomes the first tab, once.
            const QString sessionPath =
                options.sessionPath.isEmpty() ? Store::SessionStore::defaultPath() : options.sessionPath;
            const Store::SessionStore::SessionState session = Store::SessionStore::load(sessionPath, &error);
            if (error.isEmpty() && (!session.query.isEmpty() || !session.url.isEmpty())) {
                Store::TabState tab;
                tab.endpointKind = session.endpointKind;
                tab.url = session.url;
                tab.query = session.query;
                tab.variables = session.variables;
                tab.headers = session.headers;
                workspace.tabs << tab;
            }
        }
    }

    QString envError;
    m_environmentSession = Net::EndpointProfile::daggerSessionFromEnvironment(&envError);
    if (m_environmentSession)
        m_collectionTabs->setDaggerSessionUrl(m_environmentSession->url.toString());

    // A fresh workspace starts with the Dagster welcome query.
    Store::TabState fresh;
    fresh.endpointKind = int(Net::EndpointKind::Dagster);
    fresh.url = Net::EndpointProfile::dagster().url.toString();
    fresh.query = QString(DagsterStarter);
    m_tabs->restore(workspace, fresh);

    // --kind / --endpoint apply to the tab in front.
    auto kind = Net::EndpointKind(m_ui->endpointBar->kind());
    QString url = m_ui->endpointBar->urlText();
    if (options.kind)
        kind = *options.kind;
    if (!options.endpoint.isEmpty())
        url = options.endpoint;
    if (options.kind == Net::EndpointKind::DaggerSession && options.endpoint.isEmpty() && m_environmentSession)
        url = m_environmentSession->url.toString();
    if (int(kind) != m_ui->endpointBar->kind() || url != m_ui->endpointBar->urlText()) {
        m_ui->endpointBar->setKind(int(kind));
        m_ui->endpointBar->setUrlText(url);
        m_tabs->noteEndpointEdited();
    }

    if (m_environmentSession && !(kind == Net::EndpointKind::DaggerSession && url == m_environmentSession->url.toString())) {
        m_ui->sessionBannerLabel->setText(
            tr("A Dagger session is available at %1 (from DAGGER_SESSION_PORT / DAGGER_SESSION_TOKEN).")
                .arg(m_environmentSession->url.toString()));
        m_ui->sessionBanner->show();
    } else if (!envError.isEmpty()) {
        statusBar()->showMessage(envError, 15000);
    }

    QTimer::singleShot(0, this, &MainWindow::reloadSchema);
}

void MainWindow::onTabChanged()
{
    refreshOperations();
    const Store::TabState tab = m_tabs->currentState();
    if (!m_shownTabId.isEmpty() && m_tabs->indexOfId(m_shownTabId) >= 0
        && !(m_runner && m_runner->isRunning() && m_shownTabId == m_runningTabId))
        m_results.insert(m_shownTabId, m_ui->resultView->snapshot());
    m_shownTabId = tab.id;
    if (m_resultStack) // the tab whose last run was a subscription shows its messages; the others their result
        m_resultStack->setCurrentWidget(tab.id == m_subscriptionTabId && m_subscriptionView
                                            ? static_cast<QWidget *>(m_subscriptionView)
                                            : m_ui->resultView);
    // Each tab shows its own last answer; after a restart only its summary line is left.
    if (m_results.contains(tab.id))
        m_ui->resultView->restore(m_results.value(tab.id));
    else if (!tab.resultSummary.isEmpty()) // after a restart only the summary is left (answers stay in memory)
        m_ui->resultView->showMessage(QString(), tr("Last run: %1 (Ctrl+Enter runs it again)").arg(tab.resultSummary));
    else
        m_ui->resultView->showMessage(QString(), tr("Ctrl+Enter runs the operation under the cursor."));
    // The schema follows the endpoint: only a tab that talks to another server loads another schema.
    const QString endpoint = QString::number(m_ui->endpointBar->kind()) + u' ' + m_ui->endpointBar->urlText();
    if (endpoint != m_schemaEndpoint && !m_schemaEndpoint.isEmpty())
        reloadSchema();
}

Net::EndpointProfile MainWindow::currentProfile() const
{
    const auto kind = Net::EndpointKind(m_ui->endpointBar->kind());
    Net::EndpointProfile profile;
    switch (kind) {
    case Net::EndpointKind::Dagster:
        profile = Net::EndpointProfile::dagster(QUrl(m_ui->endpointBar->urlText()));
        break;
    case Net::EndpointKind::DaggerSession:
        if (m_environmentSession)
            profile = *m_environmentSession;
        profile.kind = Net::EndpointKind::DaggerSession;
        profile.timeoutMs = 0;
        break;
    case Net::EndpointKind::GenericHttp:
        profile.kind = Net::EndpointKind::GenericHttp;
        break;
    }
    profile.url = QUrl(m_ui->endpointBar->urlText());
    QString headerError;
    profile.headers = Net::EndpointProfile::parseHeaders(m_ui->headersEdit->toPlainText(), &headerError);
    return m_settings ? m_settings->withTimeout(profile) : profile; // Dagger sessions keep no timeout
}

void MainWindow::useDaggerSession()
{
    if (!m_environmentSession)
        return;
    m_ui->sessionBanner->hide();
    m_ui->endpointBar->setKind(int(Net::EndpointKind::DaggerSession));
    m_ui->endpointBar->setUrlText(m_environmentSession->url.toString());
    m_tabs->noteEndpointEdited();
    reloadSchema();
}

void MainWindow::onKindChanged(int kind)
{
    if (Net::EndpointKind(kind) == Net::EndpointKind::DaggerSession) {
        if (m_environmentSession) {
            m_ui->endpointBar->setUrlText(m_environmentSession->url.toString());
            m_ui->sessionBanner->hide();
        } else {
            m_ui->endpointBar->setStatus(
                tr("No Dagger session in the environment: start Sextant with `dagger run sextant`."), true);
        }
    } else if (Net::EndpointKind(kind) == Net::EndpointKind::Dagster && m_ui->endpointBar->urlText().isEmpty()) {
        m_ui->endpointBar->setUrlText(Net::EndpointProfile::dagster().url.toString());
    }
    m_tabs->noteEndpointEdited();
    reloadSchema();
}

void MainWindow::reloadSchema()
{
    updateEndpointFeatures(); // every endpoint change (URL, kind, tab, environment) comes through here
    Net::EndpointProfile profile = currentProfile();
    const PreparedRequest endpoint = prepareEndpoint(m_ui->endpointBar->urlText(), m_ui->headersEdit->toPlainText(),
                                                     m_environments->activeEnvironment());
    if (!endpoint.isValid() && (endpoint.problem.input == RequestInput::Url || m_ui->endpointBar->urlText().contains(u"{{"))) {
        m_ui->endpointBar->setStatus(endpoint.problem.message, true);
        m_ui->schemaBrowser->setStatusText(tr("Schema not loaded: %1").arg(endpoint.problem.message));
        return;
    }
    if (endpoint.isValid()) {
        profile.url = QUrl(endpoint.url);
        profile.headers = endpoint.headers;
    }
    if (!profile.url.isValid() || profile.url.scheme().isEmpty() || profile.url.host().isEmpty()) {
        m_ui->endpointBar->setStatus(tr("Enter an endpoint URL such as http://127.0.0.1:3000/graphql"), true);
        return;
    }
    m_schemaEndpoint = QString::number(m_ui->endpointBar->kind()) + u' ' + m_ui->endpointBar->urlText();
    m_ui->endpointBar->setStatus(tr("Loading schema from %1…").arg(profile.url.toDisplayString()));
    m_ui->schemaBrowser->setStatusText(tr("Loading schema…"));
    m_introspection->start(m_endpointServices->apply(profile));
}

bool MainWindow::prepareCurrentRequest(PreparedRequest &prepared, Net::EndpointProfile &profile)
{
    refreshOperations();
    RequestInputs inputs;
    inputs.document = m_ui->queryEditor->text();
    inputs.variablesText = m_ui->variablesEditor->text();
    inputs.headersText = m_ui->headersEdit->toPlainText();
    inputs.urlText = m_ui->endpointBar->urlText();
    inputs.operationAtCursor = operationIndexAtCursor();
    inputs.pickedOperation = m_ui->endpointBar->currentOperation();
    inputs.environment = m_environments->activeEnvironment();
    // {{name}} references are substituted here, on the way out; the tab, history and collections keep them.
    prepared = prepareRequest(inputs);
    switch (prepared.problem.input) {
    case RequestInput::None:
        break;
    case RequestInput::Variables:
        m_ui->inputTabs->setCurrentWidget(m_ui->variablesTab);
        m_variablesAssist->refreshNow(); // underlines the JSON error where the parser stopped
        if (prepared.problem.line > 0)
            moveEditorCursor(m_ui->variablesEditor, prepared.problem.line, prepared.problem.column);
        break;
    case RequestInput::Headers:
        m_ui->inputTabs->setCurrentWidget(m_ui->headersTab);
        if (prepared.problem.line > 0) {
            QTextCursor cursor(m_ui->headersEdit->document()->findBlockByNumber(prepared.problem.line - 1));
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMax(0, prepared.problem.column - 1));
            m_ui->headersEdit->setTextCursor(cursor);
            m_ui->headersEdit->setFocus();
        }
        break;
    case RequestInput::Url:
        m_ui->endpointBar->focusUrl(prepared.problem.column);
        break;
    case RequestInput::Query:
        if (!prepared.problem.syntaxErrors.isEmpty())
            m_diagnostics->showSyntaxErrors(prepared.problem.syntaxErrors);
        if (prepared.problem.line > 0)
            moveEditorCursor(m_ui->queryEditor, prepared.problem.line, prepared.problem.column);
        break;
    }
    if (!prepared.isValid())
        return false;
    m_runTyped.reset();
    if (inputs.environment) {
        Store::HistoryEntry typed;
        typed.endpointUrl = inputs.urlText;
        typed.headers = inputs.headersText;
        typed.variables = inputs.variablesText;
        m_runTyped = typed;
    }
    profile = currentProfile();
    profile.url = QUrl(prepared.url);
    profile.headers = prepared.headers;
    profile = m_endpointServices->apply(profile);
    return true;
}

void MainWindow::run()
{
    if (m_runner->isRunning() || (m_subscriptions && m_subscriptions->isRunning()))
        return; // one request at a time; Stop first
    m_runningTabId = m_tabs->currentState().id; // the outcome (or the local problem) belongs to this tab
    PreparedRequest prepared;
    Net::EndpointProfile profile;
    if (!prepareCurrentRequest(prepared, profile)) {
        m_resultStack->setCurrentWidget(m_ui->resultView);
        m_runner->showLocalError(prepared.problem.message);
        return;
    }
    if (profile.kind == Net::EndpointKind::DaggerSession && profile.daggerToken.isEmpty())
        m_ui->endpointBar->setStatus(tr("No DAGGER_SESSION_TOKEN: sending without credentials."), true);
    if (Net::SubscriptionSession::isSubscriptionRequest(prepared.request)) {
        m_subscriptionTabId = m_runningTabId;
        ensureSubscriptions()->start(profile, prepared.request);
        return;
    }
    if (m_subscriptionTabId == m_runningTabId)
        m_subscriptionTabId.clear();
    m_resultStack->setCurrentWidget(m_ui->resultView);
    m_runner->start(profile, prepared.request);
}

void MainWindow::exportAsCode()
{
    PreparedRequest prepared;
    Net::EndpointProfile profile; // keeps the Dagger token: the snippet reads it from the environment, never shows it
    if (!prepareCurrentRequest(prepared, profile)) {
        statusBar()->showMessage(tr("Export as Code: %1").arg(prepared.problem.message), 10000);
        return;
    }
    CodeExportDialog dialog(profile, prepared.request, this, m_settings ? m_settings->fileName() : QString());
    dialog.exec();
}

void MainWindow::openEndpointSettings()
{
    Net::EndpointProfile profile = currentProfile();
    const PreparedRequest endpoint = prepareEndpoint(m_ui->endpointBar->urlText(), m_ui->headersEdit->toPlainText(),
                                                     m_environments->activeEnvironment());
    if (endpoint.isValid())
        profile.url = QUrl(endpoint.url); // the key the requests use (URL after substitution)
    m_endpointServices->openSettings(profile);
}

void MainWindow::setupServerFeatures(const StartOptions &options)
{
    // Per-endpoint settings, trusted certificates and cookies (kept in the data directory, except cookies).
    m_endpointServices = new EndpointServices(m_client, m_settings, this);
    connect(m_endpointServices, &EndpointServices::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    if (options.restoreSession) {
        QString error;
        if (!m_endpointServices->load(m_dataDirectory, &error))
            statusBar()->showMessage(error, 20000);
    }

    // Subscriptions: a live message list in the result view's place while one runs (made at the first one).
    m_resultStack = new QStackedWidget;
    m_resultStack->setObjectName(QStringLiteral("resultStack"));
    if (auto *splitter = qobject_cast<QSplitter *>(m_ui->resultView->parentWidget()))
        splitter->replaceWidget(splitter->indexOf(m_ui->resultView), m_resultStack);
    m_resultStack->addWidget(m_ui->resultView);

    // Dagster: Runs dock and Launch Run, enabled for Dagster endpoints.
    m_dagster = new DagsterMenu(m_client, this);
    connect(m_dagster, &DagsterMenu::openRunRequested, this, &MainWindow::openDagsterRun);
    connect(m_endpointServices->settingsStore(), &Store::EndpointSettingsStore::settingsChanged, this,
            &MainWindow::updateEndpointFeatures);
}

SubscriptionController *MainWindow::ensureSubscriptions()
{
    if (m_subscriptions)
        return m_subscriptions;
    m_subscriptionView = new SubscriptionView;
    m_subscriptionView->setObjectName(QStringLiteral("subscriptionView"));
    m_subscriptions = new SubscriptionController(m_subscriptionView, this);
    m_resultStack->addWidget(m_subscriptionView);
    connect(m_subscriptions, &SubscriptionController::started, this, [this] {
        m_ui->endpointBar->setRunning(true);
        m_resultStack->setCurrentWidget(m_subscriptionView);
    });
    connect(m_subscriptions, &SubscriptionController::finished, this, [this](const Net::SubscriptionEnd &end) {
        m_ui->endpointBar->setRunning(false);
        m_ui->endpointBar->setStatus(end.message, end.isFailure());
        m_tabs->setResultSummary(m_runningTabId, m_subscriptionView->statusText());
        emit requestFinished();
    });
    connect(m_subscriptionView->resultView(), &ResultView::errorLocationActivated, this,
            [this](int line, int column) { moveEditorCursor(m_ui->queryEditor, line, column); });
    return m_subscriptions;
}

void MainWindow::updateEndpointFeatures()
{
    Net::EndpointProfile profile = currentProfile();
    const PreparedRequest endpoint = prepareEndpoint(m_ui->endpointBar->urlText(), m_ui->headersEdit->toPlainText(),
                                                     m_environments->activeEnvironment());
    if (endpoint.isValid()) {
        profile.url = QUrl(endpoint.url);
        profile.headers = endpoint.headers;
    }
    m_dagster->setEndpoint(m_endpointServices->apply(profile));
}

void MainWindow::openDagsterRun(const QString &runId)
{
    Store::TabState tab;
    tab.endpointKind = int(Net::EndpointKind::Dagster);
    tab.url = m_ui->endpointBar->urlText();
    tab.headers = m_ui->headersEdit->toPlainText();
    tab.query = DagsterMenu::runDocument();
    tab.variables = DagsterMenu::runVariables(runId);
    tab.title = tr("Run %1").arg(runId.left(8));
    tab.customTitle = true;
    m_tabs->addTab(tab);
    run();
}

void MainWindow::refreshOperations()
{
    m_outlineTimer->stop();
    m_operations = Core::outlineOperations(m_ui->queryEditor->text());
    QStringList labels;
    for (const Core::OperationInfo &operation : std::as_const(m_operations))
        labels << Core::operationTypeKeyword(operation.operation) + u' '
                + (operation.name.isEmpty() ? tr("(anonymous)") : operation.name);
    const int atCursor = operationIndexAtCursor();
    m_ui->endpointBar->setOperations(labels, atCursor >= 0 ? atCursor : m_ui->endpointBar->currentOperation());
    updateVariablesOperation();
}

int MainWindow::operationIndexAtCursor() const
{
    if (m_operations.isEmpty())
        return -1;
    const int cursor = utf16OffsetOfPosition(m_ui->queryEditor,
                                             int(m_ui->queryEditor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS)));
    return Core::operationIndexAt(m_operations, cursor);
}

void MainWindow::stop()
{
    m_runner->stop();
    if (m_subscriptions)
        m_subscriptions->stop();
}

void MainWindow::moveEditorCursor(QsciScintilla *editor, int line, int column)
{
    if (line <= 0)
        return;
    const int position = positionOfLineColumn(editor, line, column);
    editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, position);
    editor->setFocus();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_tabs->flush();
    m_runner->stop();
    if (m_subscriptions)
        m_subscriptions->stop();
    m_introspection->abort();
    event->accept();
}

} // namespace Sextant::App
