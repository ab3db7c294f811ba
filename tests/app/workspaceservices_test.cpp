// SPDX-License-Identifier: MIT
// Sextant: the window's workspace services together — environments substituted on the way out, history that keeps
// the {{references}} and reopens into a tab, and no token in any file Sextant wrote (issue 7).
#include <app/endpoints/endpointbar.h>
#include <app/environments/environmentcontroller.h>
#include <app/collections/collectiondock.h>
#include <app/collections/collectionoperations.h>
#include <app/history/historydock.h>
#include <app/mainwindow.h>
#include <app/result/resultview.h>
#include <app/workspace/tabcontroller.h>
#include <store/collectionstore.h>
#include <store/environmentstore.h>
#include <store/historystore.h>
#include <support/fakehttpserver.h>
#include <support/serverprocess.h>

#include <Qsci/qsciscintilla.h>

#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Sextant;
using namespace Qt::StringLiterals;

namespace {

constexpr QByteArrayView DaggerToken = "dagger-tok-7c1e0b9f-never-on-disk";
constexpr QByteArrayView HeaderToken = "hdr-tok-51ad2f-never-on-disk";
constexpr QByteArrayView EnvironmentToken = "env-tok-a93c44-never-on-disk";

QMutex g_logMutex;
QByteArray g_log; ///< every message Qt logged during the test (qDebug, qWarning…)

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&g_logMutex);
    g_log += message.toUtf8() + '\n';
}

} // namespace

class WorkspaceServicesTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void runUsesTheEnvironmentAndHistoryKeepsTheReferences();
    void unknownReferenceStopsBeforeSending();
    void noTokenInAnyFileSextantWrote();
    void collectionRequestsOpenSaveFollowMovesAndReload();

private:
    App::StartOptions options(const QString &dataDirectory) const
    {
        App::StartOptions start;
        start.dataDirectory = dataDirectory;
        start.sessionPath = dataDirectory + u"/no-session.json"_s;
        return start;
    }
    static bool runAndWait(App::MainWindow &window)
    {
        QSignalSpy finished(&window, &App::MainWindow::requestFinished);
        window.run();
        return !finished.isEmpty() || finished.wait(30000); // a local problem finishes at once
    }
};

void WorkspaceServicesTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings and anything else default stay out of the user's files
}

void WorkspaceServicesTest::runUsesTheEnvironmentAndHistoryKeepsTheReferences()
{
    QTemporaryDir dir;
    FakeHttpServer server;
    server.setDefaultResponse(FakeHttpServer::json(200, R"({"data":{"version":"1.0"}})"));
    Store::EnvironmentStore::State environments;
    Store::Environment local;
    local.id = u"local"_s;
    local.name = u"Local"_s;
    local.variables = {{u"baseUrl"_s, u"http://127.0.0.1:%1"_s.arg(server.port()), false},
                       {u"team"_s, u"blue"_s, false},
                       {u"limit"_s, u"25"_s, false}};
    environments.environments << local;
    environments.activeId = local.id;
    QVERIFY(Store::EnvironmentStore::save(dir.filePath(u"environments.json"_s), environments, nullptr));

    App::MainWindow window(options(dir.path()));
    QCOMPARE(window.endpointBar()->currentEnvironmentName(), u"Local"_s);
    window.endpointBar()->setKind(int(Net::EndpointKind::GenericHttp));
    window.endpointBar()->setUrlText(u"{{baseUrl}}/graphql"_s);
    window.tabs()->noteEndpointEdited();
    window.findChild<QPlainTextEdit *>(u"headersEdit"_s)->setPlainText(u"X-Team: {{team}}"_s);
    window.queryEditor()->setText(u"query Version($limit: Int) { version }"_s);
    window.variablesEditor()->setText(u"{\"limit\": {{limit}}}"_s);
    QVERIFY(runAndWait(window));
    FakeHttpServer::Request sent;
    for (const FakeHttpServer::Request &request : server.requests()) {
        if (request.body.contains("query Version"))
            sent = request; // (the schema's introspection goes to the same server)
    }
    QCOMPARE(sent.path, QByteArray("/graphql"));
    QCOMPARE(sent.header("X-Team"), QByteArray("blue"));
    QVERIFY2(sent.body.contains("\"limit\":25") || sent.body.contains("\"limit\": 25"), sent.body.constData());

    // History has the run as typed, with the references, not their values.
    Store::HistoryStore *history = window.history();
    QVERIFY(history);
    QList<Store::HistoryEntry> entries;
    QTRY_VERIFY_WITH_TIMEOUT((entries = history->search(QString()).result()).size() == 1, 10000);
    QCOMPARE(entries[0].endpointUrl, u"{{baseUrl}}/graphql"_s);
    QCOMPARE(entries[0].variables, u"{\"limit\": {{limit}}}"_s);
    QCOMPARE(entries[0].operationName, u"Version"_s);

    // Reopening it makes a new tab with that document and endpoint.
    App::HistoryDock *dock = window.historyDock();
    QVERIFY(dock);
    QTRY_VERIFY_WITH_TIMEOUT(dock->listView()->model()->rowCount() == 1, 10000);
    dock->listView()->setCurrentIndex(dock->listView()->model()->index(0, 0));
    const int tabsBefore = window.tabs()->count();
    emit dock->listView()->activated(dock->listView()->currentIndex());
    QCOMPARE(window.tabs()->count(), tabsBefore + 1);
    QCOMPARE(window.queryEditor()->text(), u"query Version($limit: Int) { version }"_s);
    QCOMPARE(window.endpointBar()->urlText(), u"{{baseUrl}}/graphql"_s);
}

void WorkspaceServicesTest::unknownReferenceStopsBeforeSending()
{
    QTemporaryDir dir;
    FakeHttpServer server;
    App::MainWindow window(options(dir.path()));
    window.endpointBar()->setKind(int(Net::EndpointKind::GenericHttp));
    window.endpointBar()->setUrlText(server.url().toString());
    window.findChild<QPlainTextEdit *>(u"headersEdit"_s)->setPlainText(u"X-Api-Key: {{apiKey}}"_s);
    window.queryEditor()->setText(u"{ version }"_s);
    QVERIFY2(runAndWait(window), qPrintable(window.resultView()->messageText() + u" | "_s + window.endpointBar()->statusText()));
    for (const FakeHttpServer::Request &request : server.requests())
        QVERIFY(!request.body.contains("version }")); // introspection may run; the operation is not sent
    QVERIFY2(window.resultView()->messageText().contains(u"apiKey"_s), qPrintable(window.resultView()->messageText()));
    QVERIFY(window.resultView()->messageText().contains(u"Nothing was sent"_s));
}

void WorkspaceServicesTest::noTokenInAnyFileSextantWrote()
{
    // The real Dagger stand-in with Basic auth, the token from the environment as `dagger run` sets it; a token in
    // a header the user typed; a secret environment variable. Then every file under the data directory is read.
    QTemporaryDir dir;
    ServerProcess dagger;
    QString error;
    QVERIFY2(dagger.start(u"tests/servers/dagger_session.py"_s,
                          {u"--port"_s, u"0"_s, u"--token"_s, QString::fromLatin1(DaggerToken)}, 60000, &error),
             qPrintable(error));
    qputenv("DAGGER_SESSION_PORT", QByteArray::number(dagger.port()));
    qputenv("DAGGER_SESSION_TOKEN", DaggerToken.toByteArray());
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    {
        App::MainWindow window(options(dir.path()));
        window.show();
        QSignalSpy loaded(&window, &App::MainWindow::schemaLoaded);
        window.useDaggerSession();
        QVERIFY(loaded.wait(30000));

        // A secret environment variable, set through the same path the editor dialog uses.
        Store::EnvironmentStore::State edited = window.environments()->state();
        Store::Environment secrets;
        secrets.id = u"with-secret"_s;
        secrets.name = u"With secret"_s;
        secrets.variables = {{u"token"_s, QString::fromLatin1(EnvironmentToken), true}};
        edited.environments << secrets;
        edited.activeId = secrets.id;
        window.environments()->apply(edited);

        window.findChild<QPlainTextEdit *>(u"headersEdit"_s)
            ->setPlainText(u"Authorization-Extra: %1\nX-Env-Token: {{token}}\nX-Trace: on"_s.arg(
                QString::fromLatin1(HeaderToken)));
        window.queryEditor()->setText(u"query Platform { defaultPlatform }"_s);
        window.variablesEditor()->setText(u"{\"token\": \"{{token}}\"}"_s);
        QVERIFY(runAndWait(window));
        QVERIFY2(window.resultView()->messageText().isEmpty(), qPrintable(window.resultView()->messageText()));
        QTRY_VERIFY_WITH_TIMEOUT(window.history()->search(QString()).result().size() == 1, 10000);
        window.tabs()->addTab({}); // the index and a second tab file
        window.close();           // flushes the tabs
    }
    qInstallMessageHandler(previous);
    dagger.stop();
    qunsetenv("DAGGER_SESSION_PORT");
    qunsetenv("DAGGER_SESSION_TOKEN");

    int files = 0;
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        ++files;
        for (const QByteArrayView token : {DaggerToken, HeaderToken, EnvironmentToken})
            QVERIFY2(!bytes.contains(token), qPrintable(path + u" contains a token"_s));
    }
    QVERIFY2(files >= 4, "expected the tab files, the index, the history database and the environments file");
    QMutexLocker lock(&g_logMutex);
    for (const QByteArrayView token : {DaggerToken, HeaderToken, EnvironmentToken})
        QVERIFY2(!g_log.contains(token), "a token was logged");
}

void WorkspaceServicesTest::collectionRequestsOpenSaveFollowMovesAndReload()
{
    QTemporaryDir dir;
    const QString collections = dir.filePath(u"collections"_s);
    const QString path = collections + u"/Runs/Latest runs.graphql"_s;
    Store::SavedRequest saved;
    saved.name = u"Latest runs"_s;
    saved.document = u"query Latest { runsOrError { __typename } }\n"_s;
    saved.variables = u"{\"limit\": 5}"_s;
    saved.endpointKind = u"http"_s;
    saved.endpointUrl = u"http://127.0.0.1:9/graphql"_s;
    saved.description = u"The five latest runs."_s;
    QVERIFY(QDir().mkpath(collections + u"/Runs"_s));
    QVERIFY(Store::CollectionStore::writeRequest(saved, path, nullptr));

    App::MainWindow window(options(dir.path()));
    App::CollectionDock *dock = window.collections();
    QVERIFY(dock);
    QCOMPARE(dock->collectionsDirectory(), collections);
    QVERIFY(dock->openRequest(path));
    App::TabController *tabs = window.tabs();
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(window.queryEditor()->text(), saved.document);
    QCOMPARE(window.endpointBar()->urlText(), saved.endpointUrl);
    QCOMPARE(tabs->tabTitle(tabs->currentIndex()), u"Latest runs"_s);
    QVERIFY(dock->openRequest(path)); // already open: shown, not opened twice
    QCOMPARE(tabs->count(), 2);

    // Ctrl+S writes the document as typed and keeps what the sidecar had (the description).
    window.queryEditor()->setText(u"query Latest { runsOrError { __typename ... on Runs { count } } }\n"_s);
    QSignalSpy refreshed(dock, &App::CollectionDock::refreshed);
    QVERIFY(window.saveCurrentTab());
    QVERIFY(refreshed.wait(10000)); // the dock has rescanned (and watches the file again) after our own write
    QString error;
    auto onDisk = Store::CollectionStore::readRequest(path, &error);
    QVERIFY2(onDisk, qPrintable(error));
    QCOMPARE(onDisk->document, window.queryEditor()->text());
    QCOMPARE(onDisk->description, saved.description);

    // A change on disk (a git pull) reloads a tab that has no edits of its own...
    Store::SavedRequest pulled = *onDisk;
    pulled.document = u"query Latest { runsOrError { __typename } } # pulled\n"_s;
    QVERIFY(Store::CollectionStore::writeRequest(pulled, path, nullptr));
    QTRY_COMPARE_WITH_TIMEOUT(window.queryEditor()->text(), pulled.document, 10000);
    window.queryEditor()->undo(); // the reload is one undo step
    QVERIFY(window.queryEditor()->text() != pulled.document);
    window.queryEditor()->redo();
    QCOMPARE(window.queryEditor()->text(), pulled.document);

    // ...and the tab follows a rename made in the dock.
    QString renamed = dock->operations()->renameEntry(path, u"Five latest"_s, &error);
    QVERIFY2(!renamed.isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(tabs->currentState().collectionPath, renamed, 5000);
    QCOMPARE(tabs->tabTitle(tabs->currentIndex()), u"Five latest"_s);
    // Undo of the rename in the dock moves the tab back too.
    dock->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(tabs->currentState().collectionPath, path, 5000);
}

QTEST_MAIN(WorkspaceServicesTest)
#include "workspaceservices_test.moc"
