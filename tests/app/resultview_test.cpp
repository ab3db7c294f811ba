// SPDX-License-Identifier: MIT
// Sextant: the result view over real-shaped responses: tree, errors linked to paths and editor locations.
#include <app/result/rawjsonview.h>
#include <app/result/resultview.h>
#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <models/errorlistmodel.h>
#include <models/responsetreemodel.h>
#include <models/roles.h>

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QVBoxLayout>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Sextant;

class ResultViewTest : public QObject
{
    Q_OBJECT

private slots:
    void showsPartialDataAndErrors();
    void errorClickSelectsPathAndReportsLocation_data();
    void errorClickSelectsPathAndReportsLocation();
    void requestErrorOpensErrorsTab();
    void failureMessageClearsStaleTree();
    void hugeFailureBodyIsCappedAndSavable();
    void errorCellsLeadToTreeOrEditor();
    void copyActions();
    void expandToDepthIsBounded();
    void searchRevealsMatchesLazily();
    void searchNextPreviousAndKeys();
    void searchCapAndCancel();
    void findKeysWinOverWindowShortcuts();
    void useAsVariable();
    void useAsVariableDialog();

private:
    static std::shared_ptr<const Core::ResponseDocument> load(const QString &name);
    /// A Dagster runsOrError page: @p runs runs, each {"runId":"run-N","status":...,"tags":[...],"stats":{...}}.
    static std::shared_ptr<const Core::ResponseDocument> generatedRuns(int runs);
    static void show(App::ResultView &view, const std::shared_ptr<const Core::ResponseDocument> &document);
};

std::shared_ptr<const Core::ResponseDocument> ResultViewTest::generatedRuns(int runs)
{
    QByteArray json = R"({"data":{"runsOrError":{"__typename":"Runs","results":[)";
    for (int i = 0; i < runs; ++i) {
        if (i)
            json += ',';
        json += R"({"runId":"run-)" + QByteArray::number(i) + R"(","status":")" + (i % 3 ? "SUCCESS" : "FAILURE")
                + R"(","tags":[{"key":"team","value":"data"}],"stats":{"stepsSucceeded":)" + QByteArray::number(i)
                + R"(,"a b":null}})";
    }
    json += R"(]}}})";
    return Core::ResponseDocument::parse(json);
}

void ResultViewTest::show(App::ResultView &view, const std::shared_ptr<const Core::ResponseDocument> &document)
{
    view.showResponse(document, Core::readGraphQLResponse(*document), QString());
}

std::shared_ptr<const Core::ResponseDocument> ResultViewTest::load(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/responses/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return Core::ResponseDocument::parse(file.readAll());
}

void ResultViewTest::showsPartialDataAndErrors()
{
    auto document = load(QStringLiteral("partial_data_with_errors.json"));
    QVERIFY(document);
    App::ResultView view;
    view.showResponse(document, Core::readGraphQLResponse(*document), QStringLiteral("HTTP 200 OK · 5 ms · 1 KB"));
    QCOMPARE(view.errorModel()->rowCount(), 2);
    QVERIFY(view.statusText().contains(u"2 errors"));
    QVERIFY(view.statusText().contains(u"partial data"));
    QVERIFY(view.tabs()->tabText(view.tabs()->indexOf(view.errorsView()->parentWidget())).contains(u"(2)"));
    // The Raw tab reads the same document when it is shown (its line index is built off the UI thread).
    const QWidget *current = view.tabs()->currentWidget();
    view.tabs()->setCurrentWidget(view.rawJsonView()->parentWidget());
    QTRY_VERIFY_WITH_TIMEOUT(!view.rawJsonView()->isIndexing() && view.rawJsonView()->lineCount() > 0, 10000);
    bool rawHasRun = false;
    for (int line = 0; line < view.rawJsonView()->lineCount() && !rawHasRun; ++line)
        rawHasRun = view.rawJsonView()->lineText(line).contains(u"daily_sales_rollup");
    QVERIFY(rawHasRun);
    view.tabs()->setCurrentWidget(const_cast<QWidget *>(current));
    // The tree opens on the answer: data.repositoriesOrError is expanded.
    const QModelIndex data = view.responseModel()->index(1, 0);
    QCOMPARE(data.data().toString(), QStringLiteral("data"));
    QVERIFY(view.treeView()->isExpanded(data));
}

void ResultViewTest::errorClickSelectsPathAndReportsLocation_data()
{
    QTest::addColumn<int>("errorRow");
    QTest::addColumn<QString>("selectedPath");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("nulled location") << 0 << QStringLiteral("data.repositoriesOrError.nodes[1].location") << 6 << 9;
    // jobs is null: the path ends inside a nulled subtree, so the nearest existing ancestor is selected.
    QTest::newRow("into nulled list") << 1 << QStringLiteral("data.repositoriesOrError.nodes[2].jobs") << 12 << 11;
}

void ResultViewTest::errorClickSelectsPathAndReportsLocation()
{
    QFETCH(int, errorRow);
    QFETCH(QString, selectedPath);
    QFETCH(int, line);
    QFETCH(int, column);
    auto document = load(QStringLiteral("partial_data_with_errors.json"));
    QVERIFY(document);
    App::ResultView view;
    view.show();
    view.showResponse(document, Core::readGraphQLResponse(*document), QString());
    QSignalSpy located(&view, &App::ResultView::errorLocationActivated);
    view.tabs()->setCurrentIndex(2);
    QTableView *errors = view.errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect cell = errors->visualRect(errors->model()->index(errorRow, 0));
    QTest::mouseClick(errors->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(located.size(), 1);
    QCOMPARE(located.first().at(0).toInt(), line);
    QCOMPARE(located.first().at(1).toInt(), column);
    QCOMPARE(view.responseModel()->pathForIndex(view.treeView()->currentIndex()), selectedPath);
}

void ResultViewTest::requestErrorOpensErrorsTab()
{
    auto document = load(QStringLiteral("request_error_no_data.json"));
    QVERIFY(document);
    App::ResultView view;
    view.showResponse(document, Core::readGraphQLResponse(*document), QStringLiteral("HTTP 400"));
    QCOMPARE(view.tabs()->currentWidget(), view.errorsView()->parentWidget());
    QVERIFY(view.statusText().contains(u"request error"));
}

void ResultViewTest::failureMessageClearsStaleTree()
{
    auto document = load(QStringLiteral("dagster_runs_small.json"));
    QVERIFY(document);
    App::ResultView view;
    view.show();
    view.showResponse(document, Core::readGraphQLResponse(*document), QString());
    QVERIFY(view.responseModel()->rowCount() > 0);
    view.showMessage(QStringLiteral("HTTP 502 Bad Gateway: the server returned an HTML page, not a GraphQL response"),
                     QStringLiteral("HTTP 502 Bad Gateway · 3 ms · 120 B"), QByteArrayLiteral("<html>bad</html>"));
    QCOMPARE(view.responseModel()->rowCount(), 0);
    QVERIFY(view.messageText().contains(u"HTML page"));
    QCOMPARE(view.rawView()->toPlainText(), QStringLiteral("<html>bad</html>"));
}

void ResultViewTest::hugeFailureBodyIsCappedAndSavable()
{
    // 200 KB of nested arrays on one line (the hostile server's deep-nesting answer): the raw tab shows the start,
    // not wrapped, says how much is left out, and Save Raw Body writes every byte.
    const QByteArray body = QByteArray(100000, '[') + QByteArray(100000, ']');
    App::ResultView view;
    view.resize(900, 500);
    view.show();
    view.showMessage(QStringLiteral("HTTP 200: the JSON answer is nested too deeply"), QStringLiteral("HTTP 200"),
                     body);
    const QString shown = view.rawView()->toPlainText();
    QVERIFY2(shown.size() < 70 * 1024, qPrintable(QString::number(shown.size())));
    QVERIFY(shown.startsWith(QString(1000, u'[')));
    QVERIFY2(shown.contains(u"134,464 more bytes not shown"), qPrintable(shown.right(120)));
    QCOMPARE(view.rawView()->lineWrapMode(), QPlainTextEdit::NoWrap);
    QCOMPARE(view.tabs()->currentWidget(), view.rawView()->parentWidget());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("body.txt"));
    QSignalSpy finished(&view, &App::ResultView::exportFinished);
    QVERIFY(view.saveRawBody(path));
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().first().toString().startsWith(u"Saved "), qPrintable(finished.first().first().toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), body);

    // A short HTML page keeps soft wrapping and shows whole; a GraphQL response has nothing raw to save.
    view.showMessage(QStringLiteral("HTTP 502"), QString(), QByteArrayLiteral("<html>bad</html>"));
    QCOMPARE(view.rawView()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    QCOMPARE(view.rawView()->toPlainText(), QStringLiteral("<html>bad</html>"));
    auto document = load(QStringLiteral("dagster_runs_small.json"));
    QVERIFY(document);
    view.showResponse(document, Core::readGraphQLResponse(*document), QString());
    QVERIFY(!view.saveRawBody(dir.filePath(QStringLiteral("none.txt"))));
}

void ResultViewTest::errorCellsLeadToTreeOrEditor()
{
    auto document = load(QStringLiteral("partial_data_with_errors.json"));
    QVERIFY(document);
    App::ResultView view;
    view.resize(900, 500);
    view.show();
    show(view, document);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Partial data: the tree stays in front, a banner counts the errors and opens their tab.
    QCOMPARE(view.tabs()->currentIndex(), 0);
    QVERIFY2(view.errorsBannerText().contains(u"2 errors"), qPrintable(view.errorsBannerText()));
    QCOMPARE(view.errorModel()->index(0, Models::ErrorListModel::ExtensionsColumn).data().toString(),
             QStringLiteral(R"({"code":"DAGSTER_LOCATION_ERROR","retryable":true,"details":{"host":"ml-code-server:4000","attempts":3}})"));

    QSignalSpy located(&view, &App::ResultView::errorLocationActivated);
    QTableView *errors = view.errorsView();
    view.tabs()->setCurrentWidget(errors->parentWidget());
    // Locations cell: the editor moves, the tree selection stays.
    view.treeView()->setCurrentIndex({});
    QTest::mouseClick(errors->viewport(), Qt::LeftButton, {},
                      errors->visualRect(errors->model()->index(1, Models::ErrorListModel::LocationsColumn)).center());
    QCOMPARE(located.size(), 1);
    QCOMPARE(located.first().at(0).toInt(), 12);
    QVERIFY(!view.treeView()->currentIndex().isValid());
    QCOMPARE(view.tabs()->currentWidget(), errors->parentWidget());
    // Path cell: the node (nearest existing ancestor of a nulled path) is selected and the tree shown.
    QTest::mouseClick(errors->viewport(), Qt::LeftButton, {},
                      errors->visualRect(errors->model()->index(1, Models::ErrorListModel::PathColumn)).center());
    QCOMPARE(located.size(), 1);
    QCOMPARE(view.responseModel()->pathForIndex(view.treeView()->currentIndex()),
             QStringLiteral("data.repositoriesOrError.nodes[2].jobs"));
    QCOMPARE(view.tabs()->currentIndex(), 0);
    QVERIFY(view.treeView()->isExpanded(view.treeView()->currentIndex().parent()));

    // A response without errors has no banner.
    show(view, load(QStringLiteral("dagster_runs_small.json")));
    QVERIFY(view.errorsBannerText().isEmpty());
}

void ResultViewTest::copyActions()
{
    auto document = generatedRuns(10);
    QVERIFY(document);
    App::ResultView view;
    show(view, document);
    Models::ResponseTreeModel *model = view.responseModel();
    const QModelIndex runId = model->indexForPath({QStringLiteral("data"), QStringLiteral("runsOrError"),
                                                   QStringLiteral("results"), 3, QStringLiteral("runId")});
    QVERIFY(runId.isValid());
    QClipboard *clipboard = QGuiApplication::clipboard();

    std::unique_ptr<QMenu> menu(view.createContextMenu(model->index(runId.row(), 1, runId.parent())));
    auto trigger = [&](const QString &text) {
        for (QAction *action : menu->actions()) {
            if (action->text() == text) {
                action->trigger();
                return true;
            }
        }
        return false;
    };
    QVERIFY(trigger(QStringLiteral("Copy Path")));
    QCOMPARE(clipboard->text(), QStringLiteral("data.runsOrError.results[3].runId"));
    QVERIFY(trigger(QStringLiteral("Copy Value")));
    QCOMPARE(clipboard->text(), QStringLiteral("run-3"));
    QVERIFY(trigger(QStringLiteral("Copy Subtree as JSON")));
    QCOMPARE(clipboard->text(), QStringLiteral("\"run-3\""));

    const QModelIndex stats = model->indexForPath({QStringLiteral("data"), QStringLiteral("runsOrError"),
                                                   QStringLiteral("results"), 3, QStringLiteral("stats")});
    view.copySubtreeJson(stats);
    QCOMPARE(clipboard->text(), QStringLiteral("{\n  \"stepsSucceeded\": 3,\n  \"a b\": null\n}"));
    view.copyPath(model->index(1, 2, stats));
    QCOMPARE(clipboard->text(), QStringLiteral(R"(data.runsOrError.results[3].stats["a b"])"));
    // Containers cannot become variables.
    menu.reset(view.createContextMenu(stats));
    bool found = false;
    for (QAction *action : menu->actions()) {
        if (action->text() == QStringLiteral("Use as Variable…")) {
            QVERIFY(!action->isEnabled());
            found = true;
        }
    }
    QVERIFY(found);
}

void ResultViewTest::expandToDepthIsBounded()
{
    auto document = generatedRuns(3000);
    QVERIFY(document);
    App::ResultView view;
    show(view, document);
    Models::ResponseTreeModel *model = view.responseModel();
    model->setFetchChunkSize(5000); // all 3,000 runs are rows at once
    QTreeView *tree = view.treeView();
    const QModelIndex data = model->index(0, 0);
    const QModelIndex runsOrError = model->index(0, 0, data);
    const QModelIndex results = model->index(1, 0, runsOrError);

    QCOMPARE(view.expandToDepth({}, 2), 1); // data shows runsOrError
    QVERIFY(tree->isExpanded(data));
    QVERIFY(!tree->isExpanded(runsOrError));
    QVERIFY(view.treeNoteText().isEmpty());

    QCOMPARE(view.expandToDepth({}, 4), 1 + 2 + 3000); // ...and results its runs
    QVERIFY(tree->isExpanded(results));
    QVERIFY(!tree->isExpanded(model->index(0, 0, results)));

    // Everything: far more than 10,000 rows exist, so it stops short and says so.
    const int rows = view.expandToDepth({}, 8);
    QVERIFY(rows <= App::ResultView::MaxExpandRows);
    QVERIFY(rows > App::ResultView::MaxExpandRows / 2);
    QVERIFY2(view.treeNoteText().startsWith(QStringLiteral("Stopped at ")), qPrintable(view.treeNoteText()));

    // From one node: two levels below run 5.
    view.collapseAll();
    QVERIFY(view.treeNoteText().isEmpty());
    const QModelIndex run5 = model->index(5, 0, results);
    QCOMPARE(view.expandToDepth(run5, 2), 4 + 1 + 2);
    QVERIFY(tree->isExpanded(run5));
    QVERIFY(tree->isExpanded(model->index(2, 0, run5)));
    QVERIFY(tree->isExpanded(model->index(3, 0, run5)));
}

void ResultViewTest::searchRevealsMatchesLazily()
{
    auto document = generatedRuns(20000);
    QVERIFY(document);
    App::ResultView view;
    view.show();
    show(view, document);
    Models::ResponseTreeModel *model = view.responseModel();
    view.findInResults(QStringLiteral("RUN-15001"));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isSearching(), 10000);
    QCOMPARE(view.searchMatchCount(), 1);
    QCOMPARE(view.searchCountText(), QStringLiteral("1 of 1"));
    const QModelIndex current = view.treeView()->currentIndex();
    QCOMPARE(model->pathForIndex(current), QStringLiteral("data.runsOrError.results[15001].runId"));
    // Only the chunk holding run 15,001 was fetched, and only its ancestors are expanded.
    const QModelIndex results = current.parent().parent();
    // (the shown view may fetch a chunk or so more around the scroll position, never the whole list)
    QVERIFY(model->rowCount(results) >= 15200);
    QVERIFY2(model->rowCount(results) < 20000, qPrintable(QString::number(model->rowCount(results))));
    QVERIFY(view.treeView()->isExpanded(results));
    QVERIFY(!view.treeView()->isExpanded(model->index(15000, 0, results)));

    view.findInResults(QStringLiteral("no such text"));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isSearching(), 10000);
    QCOMPARE(view.searchMatchCount(), 0);
    QCOMPARE(view.searchCountText(), QStringLiteral("No matches"));
}

void ResultViewTest::searchNextPreviousAndKeys()
{
    auto document = generatedRuns(30);
    QVERIFY(document);
    App::ResultView view;
    view.show();
    show(view, document);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Models::ResponseTreeModel *model = view.responseModel();
    view.treeView()->setFocus();
    QTRY_VERIFY(view.treeView()->hasFocus());
    QTest::keyClick(view.treeView(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(view.searchEdit()->hasFocus());
    QTest::keyClicks(view.searchEdit(), QStringLiteral("failure"));
    QTest::keyClick(view.searchEdit(), Qt::Key_Return); // searches at once instead of waiting for the pause
    QTRY_VERIFY_WITH_TIMEOUT(!view.isSearching() && view.searchMatchCount() > 0, 10000);
    QCOMPARE(view.searchMatchCount(), 10); // runs 0, 3, ..., 27
    QCOMPARE(view.searchCountText(), QStringLiteral("1 of 10"));
    QCOMPARE(model->pathForIndex(view.treeView()->currentIndex()), QStringLiteral("data.runsOrError.results[0].status"));
    QTest::keyClick(view.searchEdit(), Qt::Key_Return);
    QCOMPARE(view.searchCountText(), QStringLiteral("2 of 10"));
    QCOMPARE(model->pathForIndex(view.treeView()->currentIndex()), QStringLiteral("data.runsOrError.results[3].status"));
    QTest::keyClick(view.searchEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClick(view.searchEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(view.searchCountText(), QStringLiteral("10 of 10"));
    QCOMPARE(model->pathForIndex(view.treeView()->currentIndex()), QStringLiteral("data.runsOrError.results[27].status"));
    view.findNext();
    QCOMPARE(view.currentMatch(), 0);
    // Keys match too: "a b" is a key of every stats object.
    view.findInResults(QStringLiteral("A B"));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isSearching(), 10000);
    QCOMPARE(view.searchMatchCount(), 30);
    QTest::keyClick(view.searchEdit(), Qt::Key_Escape);
    QVERIFY(!view.searchEdit()->isVisible());
    QCOMPARE(view.searchMatchCount(), 0);
}

void ResultViewTest::searchCapAndCancel()
{
    QByteArray json = "[";
    for (int i = 0; i <= App::ResultView::MaxSearchMatches; ++i)
        json += i ? ",\"ab\"" : "\"ab\"";
    json += ']';
    auto many = Core::ResponseDocument::parse(json);
    QVERIFY(many);
    App::ResultView view;
    show(view, many);
    view.findInResults(QStringLiteral("b"));
    // A new response cancels the running search, whose results never reach the new one, and searches again:
    // in five runs "b" is only in the five "a b" keys.
    show(view, generatedRuns(5));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isSearching(), 10000);
    QCOMPARE(view.searchMatchCount(), 5);
    show(view, many);
    view.findInResults(QStringLiteral("a"));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isSearching(), 20000);
    QCOMPARE(view.searchMatchCount(), App::ResultView::MaxSearchMatches);
    QCOMPARE(view.searchCountText(), QStringLiteral("1 of 100,000+"));
}

void ResultViewTest::findKeysWinOverWindowShortcuts()
{
    // The editor's find bar puts Ctrl+F and F3 on window-wide actions; inside the result pane they search it.
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *other = new QLineEdit(&window);
    auto *view = new App::ResultView(&window);
    layout->addWidget(other);
    layout->addWidget(view);
    QAction editorFind(&window);
    editorFind.setShortcut(QKeySequence(QKeySequence::Find));
    editorFind.setShortcutContext(Qt::WindowShortcut);
    window.addAction(&editorFind);
    QSignalSpy editorFindTriggered(&editorFind, &QAction::triggered);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    show(*view, generatedRuns(3));

    view->treeView()->setFocus();
    QTRY_VERIFY(view->treeView()->hasFocus());
    QTest::keyClick(view->treeView(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(view->searchEdit()->hasFocus());
    QCOMPARE(editorFindTriggered.size(), 0);
    QTest::keyClicks(view->searchEdit(), QStringLiteral("run-"));
    QTest::keyClick(view->searchEdit(), Qt::Key_F3);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isSearching() && view->searchMatchCount() == 3, 10000);
    QTest::keyClick(view->searchEdit(), Qt::Key_F3);
    QCOMPARE(view->currentMatch(), 1);

    // Outside the pane the window's action gets the key.
    other->setFocus();
    QTRY_VERIFY(other->hasFocus());
    QTest::keyClick(other, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(editorFindTriggered.size(), 1);
}

void ResultViewTest::useAsVariable()
{
    auto document = Core::ResponseDocument::parse(
        R"({"data":{"host":{"directory":{"id":"RGlyZWN0b3J5OnNyYw==","entries":["a"]}},"n":12345678901234567890}})");
    QVERIFY(document);
    App::ResultView view;
    show(view, document);
    Models::ResponseTreeModel *model = view.responseModel();
    QSignalSpy requested(&view, &App::ResultView::useAsVariableRequested);
    const QModelIndex id = model->indexForPath(
        {QStringLiteral("data"), QStringLiteral("host"), QStringLiteral("directory"), QStringLiteral("id")});
    QVERIFY(view.useAsVariable(id, QStringLiteral("directoryId")));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("directoryId"));
    QCOMPARE(requested.at(0).at(1).toByteArray(), QByteArray(R"("RGlyZWN0b3J5OnNyYw==")"));
    const QModelIndex n = model->indexForPath({QStringLiteral("data"), QStringLiteral("n")});
    QVERIFY(view.useAsVariable(n, QStringLiteral("n")));
    QCOMPARE(requested.at(1).at(1).toByteArray(), QByteArray("12345678901234567890"));
    QVERIFY(!view.useAsVariable(id.parent(), QStringLiteral("directory"))); // an object
    QVERIFY(!view.useAsVariable(id, QStringLiteral("1bad name")));
    QCOMPARE(requested.size(), 2);
}

void ResultViewTest::useAsVariableDialog()
{
    auto document = Core::ResponseDocument::parse(R"({"data":{"directory":{"id":"DIR_1"}}})");
    QVERIFY(document);
    App::ResultView view;
    view.show();
    show(view, document);
    QSignalSpy requested(&view, &App::ResultView::useAsVariableRequested);
    const QModelIndex id = view.responseModel()->indexForPath(
        {QStringLiteral("data"), QStringLiteral("directory"), QStringLiteral("id")});
    QString suggested;
    int polls = 0;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &view, [&] {
        if (++polls > 250) { // 5 s: give up so the test fails instead of hanging
            poll.stop();
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
            return;
        }
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        suggested = dialog->textValue();
        dialog->setTextValue(QStringLiteral("srcDir"));
        dialog->accept();
    });
    poll.start();
    std::unique_ptr<QMenu> menu(view.createContextMenu(id));
    QAction *use = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == QStringLiteral("Use as Variable…"))
            use = action;
    }
    QVERIFY(use && use->isEnabled());
    use->trigger(); // runs the dialog's event loop until the timer accepts it
    QCOMPARE(suggested, QStringLiteral("directoryId"));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("srcDir"));
    QCOMPARE(requested.at(0).at(1).toByteArray(), QByteArray(R"("DIR_1")"));
}

QTEST_MAIN(ResultViewTest)
#include "resultview_test.moc"
