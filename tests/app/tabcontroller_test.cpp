// SPDX-License-Identifier: MIT
// Sextant: tabs in the real window — own text, endpoint and undo per tab; add, duplicate, rename, move, close and
// reopen; everything back on the next start; autosave while the user keeps typing.
#include <app/endpoints/endpointbar.h>
#include <app/result/resultview.h>
#include <models/responsetreemodel.h>
#include <support/fakehttpserver.h>
#include <app/mainwindow.h>
#include <app/workspace/tabcontroller.h>
#include <store/workspacestore.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Sextant;
using namespace Qt::StringLiterals;

class TabControllerTest final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void eachTabKeepsItsOwnTextEndpointAndUndo();
    void addDuplicateRenameMoveCloseAndReopen();
    void restoresTabsOrderTitlesAndSummariesOnTheNextStart();
    void savesWithinASecondWhileTheUserKeepsTyping();
    void opensEachFileInOneTab();
    void closingTheLastTabLeavesAFreshOne();
    void shortcutsWork();
    void eachTabShowsItsOwnLastResult();

private:
    std::unique_ptr<App::MainWindow> window();
    QString workspace() const { return QDir(m_dir->path()).filePath(u"workspace"_s); }
    Store::WorkspaceState onDisk() const
    {
        QString error;
        Store::WorkspaceState state = Store::WorkspaceStore::load(workspace(), &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return state;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TabControllerTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<App::MainWindow> TabControllerTest::window()
{
    App::StartOptions options;
    options.dataDirectory = m_dir->path(); // history, environments
    options.workspaceDirectory = workspace();
    options.sessionPath = QDir(m_dir->path()).filePath(u"no-session.json"_s);
    return std::make_unique<App::MainWindow>(options);
}

void TabControllerTest::eachTabKeepsItsOwnTextEndpointAndUndo()
{
    auto w = window();
    App::TabController *tabs = w->tabs();
    QCOMPARE(tabs->count(), 1);
    w->queryEditor()->setText(u"query First { a }"_s);
    w->variablesEditor()->setText(u"{\"first\": 1}"_s);
    w->findChild<QPlainTextEdit *>(u"headersEdit"_s)->setPlainText(u"X-First: 1"_s);
    w->endpointBar()->setKind(2);
    w->endpointBar()->setUrlText(u"http://127.0.0.1:9/first"_s);
    tabs->noteEndpointEdited();

    tabs->addTab({});
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
    QCOMPARE(w->queryEditor()->text(), QString());
    QCOMPARE(w->endpointBar()->urlText(), u"http://127.0.0.1:9/first"_s); // a new tab talks to the same server
    w->queryEditor()->setText(u"query Second { b }"_s);
    w->queryEditor()->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    w->queryEditor()->SendScintilla(QsciScintilla::SCI_ADDTEXT, 2, "#2");
    w->variablesEditor()->setText(u"{\"second\": 2}"_s);
    w->endpointBar()->setUrlText(u"http://127.0.0.1:9/second"_s);
    tabs->noteEndpointEdited();

    tabs->setCurrentIndex(0);
    QCOMPARE(w->queryEditor()->text(), u"query First { a }"_s);
    QCOMPARE(w->variablesEditor()->text(), u"{\"first\": 1}"_s);
    QCOMPARE(w->findChild<QPlainTextEdit *>(u"headersEdit"_s)->toPlainText(), u"X-First: 1"_s);
    QCOMPARE(w->endpointBar()->urlText(), u"http://127.0.0.1:9/first"_s);
    QCOMPARE(tabs->tabTitle(0), u"First"_s); // named after the first operation

    tabs->setCurrentIndex(1);
    QCOMPARE(w->queryEditor()->text(), u"query Second { b }#2"_s);
    QCOMPARE(w->endpointBar()->urlText(), u"http://127.0.0.1:9/second"_s);
    // Undo is per tab: it takes back this tab's last edit, not the other tab's.
    w->queryEditor()->undo();
    QCOMPARE(w->queryEditor()->text(), u"query Second { b }"_s);
    tabs->setCurrentIndex(0);
    QCOMPARE(w->queryEditor()->text(), u"query First { a }"_s);
}

void TabControllerTest::addDuplicateRenameMoveCloseAndReopen()
{
    auto w = window();
    App::TabController *tabs = w->tabs();
    w->queryEditor()->setText(u"query One { a }"_s);
    tabs->addTab({});
    w->queryEditor()->setText(u"query Two { b }"_s);
    QCOMPARE(tabs->duplicateTab(1), 2);
    QCOMPARE(w->queryEditor()->text(), u"query Two { b }"_s);
    QCOMPARE(tabs->tabTitle(2), u"Two (copy)"_s);
    QVERIFY(tabs->tabState(2).id != tabs->tabState(1).id);

    tabs->renameTab(0, u"My runs"_s);
    QCOMPARE(tabs->tabTitle(0), u"My runs"_s);
    w->queryEditor()->setText(u"query Renamed { c }"_s); // tab 2 is in front: tab 0 keeps its custom title
    QCOMPARE(tabs->tabTitle(0), u"My runs"_s);

    tabs->moveTab(0, 2);
    QCOMPARE(tabs->tabTitle(2), u"My runs"_s);
    QCOMPARE(tabs->tabState(2).query, u"query One { a }"_s);
    QCOMPARE(tabs->currentIndex(), 1); // the duplicate moved left with the move
    QCOMPARE(w->queryEditor()->text(), u"query Renamed { c }"_s);

    const QString closedId = tabs->tabState(2).id;
    tabs->closeTab(2);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->indexOfId(closedId), -1);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QDir(workspace()).filePath(u"tab-"_s + closedId + u".json"_s)), 5000);
    QVERIFY(tabs->reopenClosedTab());
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(w->queryEditor()->text(), u"query One { a }"_s);
    QCOMPARE(tabs->tabTitle(tabs->currentIndex()), u"My runs"_s);
    QVERIFY(!tabs->reopenClosedTab());
}

void TabControllerTest::restoresTabsOrderTitlesAndSummariesOnTheNextStart()
{
    QString secondId;
    {
        auto w = window();
        App::TabController *tabs = w->tabs();
        w->queryEditor()->setText(u"query A { a }"_s);
        tabs->addTab({});
        w->queryEditor()->setText(u"query B { b }"_s);
        w->variablesEditor()->setText(u"{\"b\": true}"_s);
        secondId = tabs->currentState().id;
        tabs->setResultSummary(secondId, u"200 · 12 ms · 1.2 KB"_s);
        tabs->addTab({});
        w->queryEditor()->setText(u"query C { c }"_s);
        tabs->renameTab(2, u"Third"_s);
        tabs->moveTab(2, 0);
        tabs->setCurrentIndex(2); // B in front
        // Everything reaches the disk without closing the window...
        QTRY_VERIFY_WITH_TIMEOUT(onDisk().tabs.size() == 3 && onDisk().currentId == secondId, 5000);
    } // ...and closing flushes the rest.
    auto w = window();
    App::TabController *tabs = w->tabs();
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabTitle(0), u"Third"_s);
    QCOMPARE(tabs->tabTitle(1), u"A"_s);
    QCOMPARE(tabs->tabTitle(2), u"B"_s);
    QCOMPARE(tabs->currentIndex(), 2);
    QCOMPARE(w->queryEditor()->text(), u"query B { b }"_s);
    QCOMPARE(w->variablesEditor()->text(), u"{\"b\": true}"_s);
    QCOMPARE(tabs->currentState().resultSummary, u"200 · 12 ms · 1.2 KB"_s);
    QVERIFY(w->findChild<QTabBar *>(u"workspaceTabs"_s)->tabToolTip(2).contains(u"200 · 12 ms"_s));
    tabs->setCurrentIndex(0);
    QCOMPARE(w->queryEditor()->text(), u"query C { c }"_s);
}

void TabControllerTest::savesWithinASecondWhileTheUserKeepsTyping()
{
    auto w = window();
    QsciScintilla *editor = w->queryEditor();
    editor->setText(u"# typing\n"_s);
    // Keystrokes every 20 ms for 2.5 s: a debounce that restarts on every edit would never save during this.
    int typed = 0;
    QTimer typing;
    typing.setInterval(20);
    connect(&typing, &QTimer::timeout, this, [&] {
        editor->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
        editor->SendScintilla(QsciScintilla::SCI_ADDTEXT, 1, "x");
        ++typed;
    });
    typing.start();
    QElapsedTimer clock;
    clock.start();
    int savedWhileTyping = 0;
    while (clock.elapsed() < 2500) {
        QTest::qWait(100);
        const QString saved = onDisk().tabs.value(0).query;
        if (saved.size() > savedWhileTyping)
            savedWhileTyping = int(saved.size());
    }
    typing.stop();
    QVERIFY2(savedWhileTyping > 20, "nothing was saved while the user kept typing");
    QTRY_COMPARE_WITH_TIMEOUT(onDisk().tabs.value(0).query, editor->text(), 1500);
}

void TabControllerTest::opensEachFileInOneTab()
{
    const QString path = QDir(m_dir->path()).filePath(u"runs.graphql"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("query Runs { runsOrError { __typename } }\n");
    file.close();
    auto w = window();
    App::TabController *tabs = w->tabs();
    w->openFiles({path, QDir(m_dir->path()).filePath(u"missing.graphql"_s)});
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(w->queryEditor()->text(), u"query Runs { runsOrError { __typename } }\n"_s);
    QCOMPARE(tabs->tabTitle(tabs->currentIndex()), u"runs"_s);
    tabs->setCurrentIndex(0);
    w->openFiles({path}); // already open: shown, not opened twice
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
}

void TabControllerTest::closingTheLastTabLeavesAFreshOne()
{
    auto w = window();
    App::TabController *tabs = w->tabs();
    w->queryEditor()->setText(u"query Only { a }"_s);
    tabs->closeTab(0);
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(w->queryEditor()->text(), QString());
    QVERIFY(tabs->reopenClosedTab());
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(w->queryEditor()->text(), u"query Only { a }"_s);
}

void TabControllerTest::shortcutsWork()
{
    auto w = window();
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    App::TabController *tabs = w->tabs();
    const auto trigger = [&](const QString &id) {
        auto *action = w->findChild<QAction *>(id);
        QVERIFY2(action, qPrintable(id));
        action->trigger();
    };
    trigger(u"Tabs.New"_s);
    QCOMPARE(tabs->count(), 2);
    trigger(u"Tabs.Previous"_s);
    QCOMPARE(tabs->currentIndex(), 0);
    trigger(u"Tabs.Next"_s);
    QCOMPARE(tabs->currentIndex(), 1);
    trigger(u"Tabs.Close"_s);
    QCOMPARE(tabs->count(), 1);
    trigger(u"Tabs.Reopen"_s);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(w->findChild<QAction *>(u"Tabs.New"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
    // The keys themselves, typed while the query editor has the focus (Scintilla binds Ctrl+T to itself).
    w->activateWindow();
    w->queryEditor()->setFocus();
    QTRY_VERIFY(w->queryEditor()->hasFocus());
    const int before = tabs->count();
    QTest::keyClick(w->queryEditor(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(tabs->count(), before + 1);
    w->queryEditor()->setFocus();
    QTest::keyClick(w->queryEditor(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs->count(), before);
    w->queryEditor()->setFocus();
    QTest::keyClick(w->queryEditor(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(tabs->count(), before + 1);
    QCOMPARE(w->findChild<QAction *>(u"Tabs.Reopen"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
}

void TabControllerTest::eachTabShowsItsOwnLastResult()
{
    FakeHttpServer server;
    QVERIFY(server.isListening());
    server.setHandler([](const FakeHttpServer::Request &request) {
        const QByteArray field = request.body.contains("first") ? "first" : "second";
        return FakeHttpServer::json(200, "{\"data\":{\"" + field + "\":1}}");
    });
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = server.url().toString();
    App::MainWindow w(options);
    App::TabController *tabs = w.tabs();
    const auto runAndWait = [&] {
        QSignalSpy finished(&w, &App::MainWindow::requestFinished);
        w.run();
        return finished.wait(20000);
    };
    const auto firstKey = [&] {
        Models::ResponseTreeModel *model = w.resultView()->responseModel();
        const QModelIndex data = model->index(0, 0);
        return model->index(0, 0, data).data().toString();
    };
    w.queryEditor()->setText(u"{ first }"_s);
    QVERIFY(runAndWait());
    QCOMPARE(firstKey(), u"first"_s);
    tabs->addTab({});
    QVERIFY(w.resultView()->responseModel()->rowCount() == 0); // a new tab has no answer yet
    w.queryEditor()->setText(u"{ second }"_s);
    QVERIFY(runAndWait());
    QCOMPARE(firstKey(), u"second"_s);
    tabs->setCurrentIndex(0);
    QCOMPARE(firstKey(), u"first"_s);
    QVERIFY(tabs->currentState().resultSummary.contains(u"200"_s));
    tabs->setCurrentIndex(1);
    QCOMPARE(firstKey(), u"second"_s);
}

QTEST_MAIN(TabControllerTest)
#include "tabcontroller_test.moc"
