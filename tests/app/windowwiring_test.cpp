// SPDX-License-Identifier: MIT
// Sextant: the window wires its parts together: problems list, variables checks, find bar, schema browser
// insertion and "Use as Variable" from the result.
#include <app/editor/findbar.h>
#include <app/editor/problemsview.h>
#include <app/editor/variablesassist.h>
#include <app/mainwindow.h>
#include <app/result/resultview.h>
#include <app/schema/schemabrowser.h>

#include <support/fakehttpserver.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace Sextant;
using namespace Qt::StringLiterals;

class WindowWiringTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void problemsListShowsQueryAndVariables();
    void problemActivationMovesTheCursor();
    void findActionOpensTheBarOnTheFocusedEditor();
    void schemaBrowserInsertsIntoTheOperation();
    void resultValueBecomesAVariable();

private:
    QTabWidget *inputTabs() const { return m_window->findChild<QTabWidget *>(u"inputTabs"_s); }
    QString problemsTabText() const
    {
        QWidget *tab = m_window->findChild<QWidget *>(u"problemsTab"_s);
        return inputTabs()->tabText(inputTabs()->indexOf(tab));
    }

    FakeHttpServer m_server;
    std::unique_ptr<App::MainWindow> m_window;
};

void WindowWiringTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.isListening());
    m_server.setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::json(500, R"({"errors":[{"message":"introspection disabled"}]})");
    });
}

void WindowWiringTest::init()
{
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = m_server.url().toString();
    m_window = std::make_unique<App::MainWindow>(options);
    QSignalSpy failed(m_window.get(), &App::MainWindow::schemaFailed);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(failed.wait(20000)); // introspection refused: the schema comes from its file
    QSignalSpy loaded(m_window.get(), &App::MainWindow::schemaLoaded);
    m_window->loadSchemaFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/schema.graphql"));
    QVERIFY(loaded.wait(20000));
}

void WindowWiringTest::cleanup()
{
    m_window.reset();
}

void WindowWiringTest::problemsListShowsQueryAndVariables()
{
    App::ProblemsView *problems = m_window->problemsView();
    m_window->queryEditor()->setText(u"query Find($id: ID!) {\n  member(id: $id) { nope }\n}\n"_s);
    QTRY_VERIFY_WITH_TIMEOUT(problems->problemCount() == 1, 10000);
    QCOMPARE(problemsTabText(), u"Problems (1)"_s);

    // A variable of the wrong type is a problem of the variables pane, listed too.
    m_window->variablesEditor()->setText(u"{\"id\": [1, 2]}"_s);
    QTRY_VERIFY_WITH_TIMEOUT(problems->problemCount() == 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->variablesAssist()->diagnostics().isEmpty(), 10000);
    QVERIFY2(m_window->variablesAssist()->diagnostics().first().message.contains(u"$id"_s),
             qPrintable(m_window->variablesAssist()->diagnostics().first().message));

    // Fixing both empties the list.
    m_window->queryEditor()->setText(u"query Find($id: ID!) {\n  member(id: $id) { displayName }\n}\n"_s);
    m_window->variablesEditor()->setText(u"{\"id\": \"m1\"}"_s);
    QTRY_COMPARE_WITH_TIMEOUT(problems->problemCount(), 0, 10000);
    QCOMPARE(problemsTabText(), u"Problems"_s);
}

void WindowWiringTest::problemActivationMovesTheCursor()
{
    App::ProblemsView *problems = m_window->problemsView();
    m_window->queryEditor()->setText(u"{\n  viewer {\n    nope\n  }\n}\n"_s);
    QTRY_VERIFY_WITH_TIMEOUT(problems->problemCount() == 1, 10000);
    emit problems->problemActivated(u"Query"_s, 3, 5);
    int line = -1, index = -1;
    m_window->queryEditor()->getCursorPosition(&line, &index);
    QCOMPARE(line, 2); // 0-based
    QCOMPARE(index, 4);

    m_window->variablesEditor()->setText(u"{\n  \"x\": tru\n}"_s);
    emit problems->problemActivated(u"Variables"_s, 2, 8);
    QCOMPARE(inputTabs()->currentWidget(), m_window->findChild<QWidget *>(u"variablesTab"_s));
    m_window->variablesEditor()->getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QCOMPARE(index, 7);
}

void WindowWiringTest::findActionOpensTheBarOnTheFocusedEditor()
{
    App::FindBar *bar = m_window->findBar();
    QVERIFY(!bar->isVisible());
    m_window->queryEditor()->setText(u"{ viewer { displayName } }\n# viewer again\n"_s);
    m_window->queryEditor()->setFocus();
    auto *find = m_window->findChild<QAction *>(u"Edit.Find"_s);
    QVERIFY(find);
    find->trigger();
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->editor(), m_window->queryEditor());
    QTest::keyClicks(bar->findEdit(), u"viewer"_s);
    QTRY_COMPARE(bar->matchCount(), 2);

    // Focus in the variables editor: the bar searches there.
    inputTabs()->setCurrentWidget(m_window->findChild<QWidget *>(u"variablesTab"_s));
    m_window->variablesEditor()->setText(u"{\"viewer\": 1}"_s);
    m_window->variablesEditor()->setFocus();
    QTRY_COMPARE(bar->editor(), m_window->variablesEditor());
}

void WindowWiringTest::schemaBrowserInsertsIntoTheOperation()
{
    m_window->queryEditor()->setText(u"query Me {\n  viewer {\n    displayName\n  }\n}\n"_s);
    emit m_window->schemaBrowser()->insertFieldRequested(u"Query"_s, u"serverTime"_s);
    QVERIFY2(m_window->queryEditor()->text().contains(u"serverTime"_s), qPrintable(m_window->queryEditor()->text()));
    QVERIFY(m_window->queryEditor()->text().contains(u"viewer {\n    displayName\n  }"_s)); // nothing of the user's lost
    // A field with a required argument brings its variable along.
    emit m_window->schemaBrowser()->insertFieldRequested(u"Query"_s, u"member"_s);
    const QString text = m_window->queryEditor()->text();
    QVERIFY2(text.contains(u"member(id: $id)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"$id: ID!"_s), qPrintable(text));
    // Each insertion is one undo step.
    m_window->queryEditor()->undo();
    m_window->queryEditor()->undo();
    QCOMPARE(m_window->queryEditor()->text(), u"query Me {\n  viewer {\n    displayName\n  }\n}\n"_s);
}

void WindowWiringTest::resultValueBecomesAVariable()
{
    m_window->variablesEditor()->setText(u"{\n  \"path\": \"/src\"\n}"_s);
    emit m_window->resultView()->useAsVariableRequested(u"directoryId"_s, "\"DIR_abc\"");
    const QString text = m_window->variablesEditor()->text();
    QVERIFY2(text.contains(u"\"directoryId\": \"DIR_abc\""_s), qPrintable(text));
    QVERIFY(text.contains(u"\"path\": \"/src\""_s));
    QCOMPARE(inputTabs()->currentWidget(), m_window->findChild<QWidget *>(u"variablesTab"_s));
    m_window->variablesEditor()->undo();
    QCOMPARE(m_window->variablesEditor()->text(), u"{\n  \"path\": \"/src\"\n}"_s);
}

QTEST_MAIN(WindowWiringTest)
#include "windowwiring_test.moc"
