// SPDX-License-Identifier: MIT
// Sextant: widget tests of the main window against the Dagger session stand-in (tests/servers/dagger_session.py).
#include <app/editor/editorcompletion.h>
#include <app/editor/editorhover.h>
#include <app/editor/editorsetup.h>
#include <app/endpoints/endpointbar.h>
#include <app/mainwindow.h>
#include <app/result/resultview.h>
#include <app/schema/schemabrowser.h>
#include <models/responsetreemodel.h>
#include <models/schematreemodel.h>

#include <store/sessionstore.h>
#include <store/workspacestore.h>
#include <support/serverprocess.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <core/schema/schema.h>
#include <QStatusBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Sextant;

namespace {
constexpr auto Token = "sextant-test-token-5e1f";
}

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void offersDaggerSessionFromEnvironment();
    void typesQueryRunsWithCtrlEnterAndShowsRows();
    void schemaBrowserListsQueryFields();
    void wrongTokenGivesClearMessage();
    void invalidVariablesPointAtLineAndSendNothing();
    void malformedDocumentShowsErrorAtLocation();
    void connectionRefusedGivesClearMessage();
    void multipleOperationsRunTheOneUnderTheCursor();
    void autosavesAndRestoresTheSession();
    void importsTheSessionFileOfEarlierVersions();
    void operationPickerListsAndPicksOperations();
    void liveValidationUnderlinesUnknownFields();
    void prettifyAndMinifyAreOneUndoStep();
    void toggleCommentCommentsAndUncomments();
    void hoverShowsDocsAndCtrlClickOpensTheSchemaBrowser();
    void completionWhileTypingInsertsFieldsAndArguments();
    void fillInVariablesWritesASkeleton();
    void loadsAndSavesSchemaFiles();

private:
    std::unique_ptr<App::MainWindow> connectedWindow();
    QString findTopLevelFieldRow(App::MainWindow &window, const QString &name);

    ServerProcess m_server;
    QTemporaryDir m_dir;
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("tests/servers/dagger_session.py"),
                            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"),
                             QString::fromLatin1(Token)},
                            60000, &error),
             qPrintable(error));
    qputenv("DAGGER_SESSION_PORT", QByteArray::number(m_server.port()));
    qputenv("DAGGER_SESSION_TOKEN", Token);
}

void MainWindowTest::cleanupTestCase()
{
    m_server.stop();
}

std::unique_ptr<App::MainWindow> MainWindowTest::connectedWindow()
{
    App::StartOptions options;
    options.restoreSession = false;
    auto window = std::make_unique<App::MainWindow>(options);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    QSignalSpy loaded(window.get(), &App::MainWindow::schemaLoaded);
    window->useDaggerSession();
    if (!loaded.wait(30000))
        return nullptr;
    return window;
}

void MainWindowTest::offersDaggerSessionFromEnvironment()
{
    App::StartOptions options;
    options.restoreSession = false;
    App::MainWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isDaggerSessionOffered());

    QSignalSpy loaded(&window, &App::MainWindow::schemaLoaded);
    auto *use = window.findChild<QPushButton *>(QStringLiteral("useSessionButton"));
    QVERIFY(use);
    QTest::mouseClick(use, Qt::LeftButton);
    QVERIFY(loaded.wait(30000));
    QVERIFY(!window.isDaggerSessionOffered());
    QCOMPARE(window.endpointBar()->kind(), int(Net::EndpointKind::DaggerSession));
    QCOMPARE(window.endpointBar()->urlText(), QStringLiteral("http://127.0.0.1:%1/query").arg(m_server.port()));
    QCOMPARE(window.currentProfile().daggerToken, QString::fromLatin1(Token));
    QCOMPARE(window.currentProfile().timeoutMs, 0); // Dagger builds take minutes: no default timeout
}

void MainWindowTest::typesQueryRunsWithCtrlEnterAndShowsRows()
{
    auto window = connectedWindow();
    QVERIFY(window);
    QsciScintilla *editor = window->queryEditor();
    editor->clear();
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("{ container { from(address: \"alpine:latest\") "
                                            "{ withExec(args: [\"uname\", \"-a\"]) { stdout } } } }"));
    QVERIFY(editor->text().contains(u"withExec"));
    const QString typed = editor->text();

    QSignalSpy finished(window.get(), &App::MainWindow::requestFinished);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(30000));
    QCOMPARE(editor->text(), typed); // running never touches the user's text

    Models::ResponseTreeModel *model = window->resultView()->responseModel();
    QVERIFY2(window->resultView()->messageText().isEmpty(), qPrintable(window->resultView()->messageText()));
    QVERIFY(model->rowCount() >= 1);
    const QModelIndex data = model->index(0, 0);
    QCOMPARE(data.data().toString(), QStringLiteral("data"));
    // data.container.from.withExec.stdout holds the deterministic output of the stand-in.
    QModelIndex node = data;
    for (const char *key : {"container", "from", "withExec", "stdout"}) {
        QVERIFY2(model->rowCount(node) >= 1, key);
        node = model->index(0, 0, node);
        QCOMPARE(node.data().toString(), QString::fromLatin1(key));
    }
    QVERIFY(model->index(node.row(), 1, node.parent()).data().toString().contains(u"Linux"));
    QVERIFY(window->resultView()->statusText().contains(u"HTTP 200"));
}

void MainWindowTest::schemaBrowserListsQueryFields()
{
    auto window = connectedWindow();
    QVERIFY(window);
    QAbstractItemModel *model = window->schemaBrowser()->treeView()->model();
    QModelIndex queryRoot;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString().contains(u"Query"))
            queryRoot = model->index(row, 0);
    }
    QVERIFY(queryRoot.isValid());
    QStringList fields;
    for (int row = 0; row < model->rowCount(queryRoot); ++row)
        fields << model->index(row, 0, queryRoot).data().toString();
    QVERIFY2(fields.contains(u"container"), qPrintable(fields.join(u',')));
    QVERIFY(fields.contains(u"git"));
    QVERIFY(fields.contains(u"directory"));

    // Navigation with back/forward.
    App::SchemaBrowser *browser = window->schemaBrowser();
    QVERIFY(browser->showType(QStringLiteral("Container")));
    QVERIFY(browser->showType(QStringLiteral("Directory")));
    QVERIFY(browser->canGoBack());
    browser->goBack();
    QCOMPARE(browser->currentTypeName(), QStringLiteral("Container"));
    browser->goForward();
    QCOMPARE(browser->currentTypeName(), QStringLiteral("Directory"));
}

void MainWindowTest::wrongTokenGivesClearMessage()
{
    qputenv("DAGGER_SESSION_TOKEN", "not-the-token");
    App::StartOptions options;
    options.restoreSession = false;
    App::MainWindow window(options);
    qputenv("DAGGER_SESSION_TOKEN", Token);
    window.show();
    QSignalSpy failed(&window, &App::MainWindow::schemaFailed);
    window.useDaggerSession();
    QVERIFY(failed.wait(30000));
    QVERIFY2(failed.first().first().toString().contains(u"401"), qPrintable(failed.first().first().toString()));

    window.queryEditor()->setText(QStringLiteral("{ version }"));
    QSignalSpy finished(&window, &App::MainWindow::requestFinished);
    window.run();
    QVERIFY(finished.wait(30000));
    const QString message = window.resultView()->messageText();
    QVERIFY2(message.contains(u"401") && message.contains(u"DAGGER_SESSION_TOKEN"), qPrintable(message));
    QCOMPARE(window.queryEditor()->text(), QStringLiteral("{ version }"));
}

void MainWindowTest::invalidVariablesPointAtLineAndSendNothing()
{
    auto window = connectedWindow();
    QVERIFY(window);
    window->queryEditor()->setText(QStringLiteral("query Q($v: String) { version }"));
    window->variablesEditor()->setText(QStringLiteral("{\n  \"v\": \"x\",\n  oops\n}"));
    QSignalSpy finished(window.get(), &App::MainWindow::requestFinished);
    window->run();
    QCOMPARE(finished.size(), 1); // decided locally, synchronously: nothing was sent
    const QString message = window->resultView()->messageText();
    QVERIFY2(message.contains(u"line 3"), qPrintable(message));
    QVERIFY(message.contains(u"Nothing was sent"));
    QCOMPARE(window->variablesEditor()->text(), QStringLiteral("{\n  \"v\": \"x\",\n  oops\n}"));
}

void MainWindowTest::malformedDocumentShowsErrorAtLocation()
{
    auto window = connectedWindow();
    QVERIFY(window);
    const QString document = QStringLiteral("{\n  container {\n    from(address: \"alpine\") {\n");
    window->queryEditor()->setText(document);
    QSignalSpy finished(window.get(), &App::MainWindow::requestFinished);
    window->run();
    QCOMPARE(finished.size(), 1);
    const QString message = window->resultView()->messageText();
    QVERIFY2(message.contains(u"Syntax Error: Expected Name, found <EOF>."), qPrintable(message));
    QVERIFY2(message.contains(u"line 4, column 1"), qPrintable(message));
    QCOMPARE(window->queryEditor()->text(), document);
    // The squiggle sits at the error.
    const int length = int(window->queryEditor()->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    const long marked = window->queryEditor()->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT,
                                                              App::ErrorIndicator, length - 1);
    QVERIFY(marked != 0);
}

void MainWindowTest::connectionRefusedGivesClearMessage()
{
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = QStringLiteral("http://127.0.0.1:9/graphql"); // discard port: nothing listens here
    App::MainWindow window(options);
    window.show();
    window.queryEditor()->setText(QStringLiteral("{ __typename }"));
    QSignalSpy finished(&window, &App::MainWindow::requestFinished);
    window.run();
    QVERIFY(finished.wait(20000));
    const QString message = window.resultView()->messageText();
    QVERIFY2(message.contains(u"refused", Qt::CaseInsensitive), qPrintable(message));
}

void MainWindowTest::multipleOperationsRunTheOneUnderTheCursor()
{
    auto window = connectedWindow();
    QVERIFY(window);
    QsciScintilla *editor = window->queryEditor();
    editor->setText(QStringLiteral("query First { version }\n\nquery Second { defaultPlatform }\n"));
    editor->setCursorPosition(2, 8); // inside "Second"
    QSignalSpy finished(window.get(), &App::MainWindow::requestFinished);
    window->run();
    QVERIFY(finished.wait(30000));
    Models::ResponseTreeModel *model = window->resultView()->responseModel();
    const QModelIndex data = model->index(0, 0);
    QCOMPARE(data.data().toString(), QStringLiteral("data"));
    QCOMPARE(model->rowCount(data), 1);
    QCOMPARE(model->index(0, 0, data).data().toString(), QStringLiteral("defaultPlatform"));
}

void MainWindowTest::autosavesAndRestoresTheSession()
{
    const QString directory = m_dir.filePath(QStringLiteral("workspace"));
    App::StartOptions options;
    options.dataDirectory = m_dir.path();
    options.workspaceDirectory = directory;
    options.sessionPath = m_dir.filePath(QStringLiteral("no-session.json"));
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = QStringLiteral("http://127.0.0.1:9/graphql");
    {
        App::MainWindow window(options);
        window.queryEditor()->setText(QStringLiteral("query Saved { version }"));
        window.variablesEditor()->setText(QStringLiteral("{\"a\": 1}"));
        QString error;
        // Autosaved within a second of the edit, without closing the window.
        QTRY_VERIFY_WITH_TIMEOUT(Store::WorkspaceStore::load(directory, &error).tabs.value(0).query
                                     == QStringLiteral("query Saved { version }"),
                                 5000);
    }
    App::StartOptions restore;
    restore.dataDirectory = m_dir.path();
    restore.workspaceDirectory = directory;
    App::MainWindow window(restore);
    QCOMPARE(window.queryEditor()->text(), QStringLiteral("query Saved { version }"));
    QCOMPARE(window.variablesEditor()->text(), QStringLiteral("{\"a\": 1}"));
    QCOMPARE(window.endpointBar()->urlText(), QStringLiteral("http://127.0.0.1:9/graphql"));
    const QStringList files = QDir(directory).entryList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &name : files) {
        QFile file(QDir(directory).filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(Token)); // the session token never reaches the disk
    }
}

void MainWindowTest::importsTheSessionFileOfEarlierVersions()
{
    const QString sessionPath = m_dir.filePath(QStringLiteral("old-session.json"));
    Store::SessionStore::SessionState old;
    old.endpointKind = int(Net::EndpointKind::GenericHttp);
    old.url = QStringLiteral("http://127.0.0.1:9/graphql");
    old.query = QStringLiteral("query FromBefore { version }");
    QVERIFY(Store::SessionStore::save(sessionPath, old, nullptr));
    App::StartOptions options;
    options.dataDirectory = m_dir.path();
    options.workspaceDirectory = m_dir.filePath(QStringLiteral("fresh-workspace"));
    options.sessionPath = sessionPath;
    App::MainWindow window(options);
    QCOMPARE(window.queryEditor()->text(), old.query);
    QCOMPARE(window.endpointBar()->urlText(), old.url);
}

void MainWindowTest::operationPickerListsAndPicksOperations()
{
    auto window = connectedWindow();
    QVERIFY(window);
    QsciScintilla *editor = window->queryEditor();
    editor->setText(QStringLiteral("query First { version }\n\nquery Second { defaultPlatform }\n"));
    auto *picker = window->findChild<QComboBox *>(QStringLiteral("operationCombo"));
    QVERIFY(picker);
    QTRY_COMPARE(window->endpointBar()->operations(),
                 (QStringList{QStringLiteral("query First"), QStringLiteral("query Second")}));
    editor->setCursorPosition(0, 3);
    QTRY_COMPARE(picker->currentIndex(), 0);
    emit picker->activated(1); // the user picks "query Second"
    int line = -1, index = -1;
    editor->getCursorPosition(&line, &index);
    QCOMPARE(line, 2);
    QSignalSpy finished(window.get(), &App::MainWindow::requestFinished);
    window->run();
    QVERIFY(finished.wait(30000));
    const QModelIndex data = window->resultView()->responseModel()->index(0, 0);
    QCOMPARE(window->resultView()->responseModel()->index(0, 0, data).data().toString(),
             QStringLiteral("defaultPlatform"));
}

void MainWindowTest::liveValidationUnderlinesUnknownFields()
{
    auto window = connectedWindow();
    QVERIFY(window);
    window->queryEditor()->setText(QStringLiteral("{ container { nope } }"));
    // Checked off the UI thread about 300 ms after the edit, against the introspected schema.
    QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().contains(
                                 u"Cannot query field \"nope\" on type \"Container\"."),
                             10000);
    const int at = int(QByteArray("{ container { nope } }").indexOf("nope"));
    QVERIFY(window->queryEditor()->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, App::ErrorIndicator, at) != 0);
    window->queryEditor()->setText(QStringLiteral("{ container { id } }"));
    QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().isEmpty(), 10000);
    QVERIFY(window->queryEditor()->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, App::ErrorIndicator, at) == 0);
}

void MainWindowTest::prettifyAndMinifyAreOneUndoStep()
{
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = QStringLiteral("http://127.0.0.1:9/graphql");
    App::MainWindow window(options);
    QsciScintilla *editor = window.queryEditor();
    const QString typed = QStringLiteral("# runs\nquery Q{a(x:1){b # the b\n c}}");
    editor->setText(typed);
    editor->SendScintilla(QsciScintilla::SCI_EMPTYUNDOBUFFER);
    auto *prettify = window.findChild<QAction *>(QStringLiteral("Editor.Prettify"));
    QVERIFY(prettify);
    prettify->trigger();
    QCOMPARE(editor->text(), QStringLiteral("# runs\nquery Q {\n  a(x: 1) {\n    b # the b\n    c\n  }\n}"));
    editor->undo();
    QCOMPARE(editor->text(), typed);

    auto *minify = window.findChild<QAction *>(QStringLiteral("Editor.Minify"));
    QVERIFY(minify);
    minify->trigger();
    QCOMPARE(editor->text(), QStringLiteral("query Q{a(x:1){b c}}"));
    editor->undo();
    QCOMPARE(editor->text(), typed);

    // A document that does not parse is left alone, with the reason in the status bar.
    editor->setText(QStringLiteral("{ a"));
    prettify->trigger();
    QCOMPARE(editor->text(), QStringLiteral("{ a"));
    QVERIFY(window.statusBar()->currentMessage().contains(u"Syntax Error"));
}

void MainWindowTest::toggleCommentCommentsAndUncomments()
{
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = QStringLiteral("http://127.0.0.1:9/graphql");
    App::MainWindow window(options);
    QsciScintilla *editor = window.queryEditor();
    editor->setText(QStringLiteral("{\n  a\n  b\n}\n"));
    auto *toggle = window.findChild<QAction *>(QStringLiteral("Editor.ToggleComment"));
    QVERIFY(toggle);
    editor->setCursorPosition(1, 1);
    toggle->trigger();
    QCOMPARE(editor->text(), QStringLiteral("{\n  # a\n  b\n}\n"));
    editor->setSelection(1, 0, 3, 0); // lines 2 and 3: one commented, one not -> both commented
    toggle->trigger();
    QCOMPARE(editor->text(), QStringLiteral("{\n  # # a\n  # b\n}\n"));
    editor->setSelection(1, 0, 3, 0);
    toggle->trigger();
    QCOMPARE(editor->text(), QStringLiteral("{\n  # a\n  b\n}\n"));
    editor->undo();
    QCOMPARE(editor->text(), QStringLiteral("{\n  # # a\n  # b\n}\n"));
}

void MainWindowTest::hoverShowsDocsAndCtrlClickOpensTheSchemaBrowser()
{
    auto window = connectedWindow();
    QVERIFY(window);
    const QString text = QStringLiteral("{ container { from(address: \"alpine\") { nope } } }");
    window->queryEditor()->setText(text);
    App::EditorHover *hover = window->editorHover();
    const QString docs = hover->tooltipAt(int(text.indexOf(u"container")) + 2);
    QVERIFY2(docs.contains(u"Query.container"), qPrintable(docs));
    QVERIFY2(docs.contains(u"Container!"), qPrintable(docs));
    // An underlined problem shows its message first.
    QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().contains(u"nope"), 10000);
    const QString problem = hover->tooltipAt(int(text.indexOf(u"nope")) + 1);
    QVERIFY2(problem.contains(u"Cannot query field"), qPrintable(problem));

    QVERIFY(hover->activateAt(int(text.indexOf(u"from")) + 1));
    QCOMPARE(window->schemaBrowser()->currentTypeName(), QStringLiteral("Container"));
    QCOMPARE(window->schemaBrowser()->treeView()->currentIndex().data().toString(), QStringLiteral("from"));
    QVERIFY(!hover->activateAt(0)); // "{": nothing there
}

void MainWindowTest::completionWhileTypingInsertsFieldsAndArguments()
{
    auto window = connectedWindow();
    QVERIFY(window);
    QsciScintilla *editor = window->queryEditor();
    editor->setText(QStringLiteral("{ con"));
    editor->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("t"));
    App::EditorCompletion *completion = window->editorCompletion();
    QVERIFY(!completion->items().isEmpty());
    QCOMPARE(completion->items().first().label, QStringLiteral("container"));
    QVERIFY(editor->isListActive());
    QTest::keyClick(editor, Qt::Key_Return); // accept the first item
    QCOMPARE(editor->text(), QStringLiteral("{ container { }"));

    // The caret is inside the braces: typing a field offers Container's fields; one with a required argument
    // comes with it.
    QTest::keyClicks(editor, QStringLiteral("fro"));
    QVERIFY(!completion->items().isEmpty());
    QCOMPARE(completion->items().first().label, QStringLiteral("from"));
    QVERIFY(completion->accept(0));
    QCOMPARE(editor->text(), QStringLiteral("{ container { from(address: ) { }}"));
    QTest::keyClicks(editor, QStringLiteral("\"alpine\""));
    QCOMPARE(editor->text(), QStringLiteral("{ container { from(address: \"alpine\") { }}"));

    // Ctrl+Space asks explicitly.
    editor->setText(QStringLiteral("{ "));
    editor->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(completion->items().size() > 5);
}

void MainWindowTest::fillInVariablesWritesASkeleton()
{
    auto window = connectedWindow();
    QVERIFY(window);
    window->queryEditor()->setText(
        QStringLiteral("query A { version }\nquery B($addr: String!, $n: Int = 3) { container { from(address: $addr) { id } } }"));
    window->queryEditor()->setCursorPosition(1, 10);
    window->variablesEditor()->setText(QStringLiteral("{\"addr\": \"alpine\"}"));
    auto *fill = window->findChild<QAction *>(QStringLiteral("Editor.FillVariables"));
    QVERIFY(fill);
    fill->trigger();
    QCOMPARE(window->variablesEditor()->text(), QStringLiteral("{\n  \"addr\": \"alpine\",\n  \"n\": 3\n}\n"));
    window->variablesEditor()->undo();
    QCOMPARE(window->variablesEditor()->text(), QStringLiteral("{\"addr\": \"alpine\"}"));
}

void MainWindowTest::loadsAndSavesSchemaFiles()
{
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = QStringLiteral("http://127.0.0.1:9/graphql");
    App::MainWindow window(options);
    QSignalSpy failedIntrospection(&window, &App::MainWindow::schemaFailed);
    QVERIFY(failedIntrospection.wait(20000)); // nothing listens on port 9: load the schema from a file instead

    QSignalSpy loaded(&window, &App::MainWindow::schemaLoaded);
    window.loadSchemaFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/schema.graphql"));
    QVERIFY(loaded.wait(20000));
    QVERIFY(window.schemaBrowser()->schema());
    QCOMPARE(window.schemaBrowser()->schema()->typeCount(false), 43);

    const QString saved = m_dir.filePath(QStringLiteral("saved.graphql"));
    QString error;
    QVERIFY2(window.saveSchemaFile(saved, &error), qPrintable(error));
    QFile expected(QStringLiteral(SEXTANT_FIXTURES_DIR "/printed/schemas/small.graphql"));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    QFile written(saved);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll().trimmed(), expected.readAll().trimmed()); // graphql-js printSchema's text

    // An introspection result loads too; a file that is neither fails with a clear message.
    window.loadSchemaFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/dagster/introspection.json"));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(window.schemaBrowser()->schema()->typeCount(false), 523);
    QSignalSpy failed(&window, &App::MainWindow::schemaFailed);
    window.loadSchemaFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/queries/README.md"));
    QVERIFY(failed.wait(20000));
    QVERIFY2(failed.first().first().toString().contains(u"Syntax Error"), qPrintable(failed.first().first().toString()));
    QCOMPARE(window.schemaBrowser()->schema()->typeCount(false), 523); // the loaded schema stays
}

QTEST_MAIN(MainWindowTest)
#include "mainwindow_test.moc"
