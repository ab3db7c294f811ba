// SPDX-License-Identifier: MIT
// Sextant: the result view's Raw and Table tabs and its exports, on real response fixtures.
#include <app/result/rawjsonview.h>
#include <app/result/resulttableview.h>
#include <app/result/resultview.h>
#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <models/responsetablemodel.h>
#include <models/responsetreemodel.h>

#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Sextant;
using namespace Qt::StringLiterals;

class ResultViewTabsTest final : public QObject
{
    Q_OBJECT

private slots:
    void rawAndTableFollowTheAnswer();
    void tableRowLeadsToTree();
    void exportsJsonAsReceivedAndPretty();
    void exportsTableAsCsv();
    void nothingToExportAfterAFailure();
    void prettyOnlyOnTheRawTab();
    void rawTabShowsTheNewestAnswer();
    void previousAnswerIsReleased_data();
    void previousAnswerIsReleased();
    void bigAnswerTableFollowsOffThread();

private:
    static QByteArray fixture(const QString &name);
    static void show(App::ResultView &view, const QByteArray &bytes);
};

QByteArray ResultViewTabsTest::fixture(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/responses/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void ResultViewTabsTest::show(App::ResultView &view, const QByteArray &bytes)
{
    auto document = Core::ResponseDocument::parse(bytes);
    QVERIFY(document);
    view.showResponse(document, Core::readGraphQLResponse(*document), u"HTTP 200"_s);
}

void ResultViewTabsTest::rawAndTableFollowTheAnswer()
{
    App::ResultView view;
    show(view, fixture(u"dagster_runs_small.json"_s));
    // The Raw tab's line index is built only once the tab is shown.
    QCOMPARE(view.rawJsonView()->lineCount(), 0);
    QVERIFY(!view.rawJsonView()->isIndexing());
    view.tabs()->setCurrentWidget(view.rawJsonView()->parentWidget());
    QTRY_VERIFY_WITH_TIMEOUT(!view.rawJsonView()->isIndexing() && view.rawJsonView()->lineCount() > 1, 10000);
    QCOMPARE(view.rawJsonView()->lineText(0), u"{"_s);
    QVERIFY(!view.rawView()->isVisibleTo(&view));
    // The table picks the runs list: one row per run, columns from their keys.
    QTRY_VERIFY_WITH_TIMEOUT(view.resultTable()->model()->rowCount() > 0, 10000);
    QCOMPARE(view.resultTable()->currentPath(), u"data.runsOrError.results"_s);
    QVERIFY(view.resultTable()->model()->columnKeys().contains(u"runId"_s));

    // A non-JSON answer empties both and shows its body as text.
    view.showMessage(u"HTML instead of JSON"_s, u"HTTP 502"_s, "<html>bad gateway</html>");
    QCOMPARE(view.resultTable()->model()->rowCount(), 0);
    QCOMPARE(view.rawJsonView()->lineCount(), 0);
    QVERIFY(view.rawView()->isVisibleTo(&view));
    QCOMPARE(view.rawView()->toPlainText(), u"<html>bad gateway</html>"_s);
}

void ResultViewTabsTest::tableRowLeadsToTree()
{
    App::ResultView view;
    show(view, fixture(u"dagster_runs_small.json"_s));
    QTRY_VERIFY_WITH_TIMEOUT(view.resultTable()->model()->rowCount() > 1, 10000);
    emit view.resultTable()->rowActivated(u"data.runsOrError.results[1]"_s);
    QCOMPARE(view.tabs()->currentWidget(), view.treeView()->parentWidget());
    const QModelIndex current = view.treeView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(view.responseModel()->pathForIndex(current), u"data.runsOrError.results[1]"_s);
}

void ResultViewTabsTest::exportsJsonAsReceivedAndPretty()
{
    const QByteArray bytes = fixture(u"dagster_runs_small.json"_s);
    App::ResultView view;
    show(view, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSignalSpy finished(&view, &App::ResultView::exportFinished);

    const QString raw = dir.filePath(u"raw.json"_s);
    QVERIFY(view.exportJson(false, raw));
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.last().at(0).toString().startsWith(u"Exported "_s), qPrintable(finished.last().at(0).toString()));
    QFile rawFile(raw);
    QVERIFY(rawFile.open(QIODevice::ReadOnly));
    QCOMPARE(rawFile.readAll(), bytes);

    const QString pretty = dir.filePath(u"pretty.json"_s);
    QVERIFY(view.exportJson(true, pretty));
    QVERIFY(finished.wait(10000));
    QFile prettyFile(pretty);
    QVERIFY(prettyFile.open(QIODevice::ReadOnly));
    const QByteArray written = prettyFile.readAll();
    QVERIFY(written.startsWith("{\n  \"data\": {\n"));
    // Same JSON, other layout: both parse to documents of the same size.
    auto reparsed = Core::ResponseDocument::parse(written);
    QVERIFY(reparsed);
    auto original = Core::ResponseDocument::parse(bytes);
    QCOMPARE(reparsed->toJson(reparsed->root(), 0), original->toJson(original->root(), 0));
}

void ResultViewTabsTest::exportsTableAsCsv()
{
    App::ResultView view;
    show(view, fixture(u"dagster_runs_small.json"_s));
    QTRY_VERIFY_WITH_TIMEOUT(view.resultTable()->model()->rowCount() > 0, 10000);
    QTemporaryDir dir;
    QSignalSpy finished(&view, &App::ResultView::exportFinished);
    const QString path = dir.filePath(u"runs.csv"_s);
    QVERIFY(view.exportCsv(path));
    QVERIFY(finished.wait(10000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    const Models::ResponseTableModel *model = view.resultTable()->model();
    QVERIFY(lines.first().contains("runId"));
    // header + one line per row (+ the empty piece after the last CRLF)
    QCOMPARE(lines.size(), model->rowCount() + 2);
}

void ResultViewTabsTest::nothingToExportAfterAFailure()
{
    App::ResultView view;
    show(view, fixture(u"dagster_runs_small.json"_s));
    view.showMessage(u"Connection refused"_s, u"no answer"_s);
    QTemporaryDir dir;
    QVERIFY(!view.exportJson(false, dir.filePath(u"x.json"_s)));
    QVERIFY(!view.exportCsv(dir.filePath(u"x.csv"_s)));
    QVERIFY(!QFile::exists(dir.filePath(u"x.json"_s)));
}

void ResultViewTabsTest::previousAnswerIsReleased_data()
{
    QTest::addColumn<bool>("byMessage");
    QTest::newRow("by a newer answer") << false;
    QTest::newRow("by a failure") << true;
}

void ResultViewTabsTest::previousAnswerIsReleased()
{
    QFETCH(bool, byMessage);
    App::ResultView view;
    std::weak_ptr<const Core::ResponseDocument> previous;
    {
        auto document = Core::ResponseDocument::parse(fixture(u"dagster_runs_small.json"_s));
        QVERIFY(document);
        previous = document;
        view.showResponse(document, Core::readGraphQLResponse(*document), u"HTTP 200"_s);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!view.rawJsonView()->isIndexing(), 10000);
    QVERIFY(!previous.expired()); // shown: the views hold it
    if (byMessage)
        view.showMessage(u"refused"_s, u"Connection refused"_s);
    else
        show(view, fixture(u"partial_data_with_errors.json"_s));
    // Freed on a worker thread, soon.
    QTRY_VERIFY_WITH_TIMEOUT(previous.expired(), 10000);
    QCOMPARE(view.resultTable()->model()->rowCount() > 0, !byMessage);
}

void ResultViewTabsTest::bigAnswerTableFollowsOffThread()
{
    App::ResultView view;
    view.resultTable()->setSynchronousScanLimit(0); // as a 100 MB answer would be
    QSignalSpy found(view.resultTable(), &App::ResultTableView::listsFound);
    show(view, fixture(u"dagster_runs_small.json"_s));
    QVERIFY(view.resultTable()->isScanning());
    QCOMPARE(view.responseModel()->rowCount(), 1); // the tree is there at once
    QVERIFY(found.wait(10000));
    QCOMPARE(view.resultTable()->currentPath(), u"data.runsOrError.results"_s);
    QCOMPARE(view.resultTable()->model()->rowCount(), 2);
}

void ResultViewTabsTest::prettyOnlyOnTheRawTab()
{
    App::ResultView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    show(view, fixture(u"dagster_runs_small.json"_s));
    auto *pretty = view.findChild<QWidget *>(u"prettyButton"_s);
    QVERIFY(pretty);
    view.tabs()->setCurrentWidget(view.treeView()->parentWidget());
    QVERIFY(!pretty->isVisible());
    view.tabs()->setCurrentWidget(view.rawJsonView()->parentWidget());
    QVERIFY(pretty->isVisible());
}

void ResultViewTabsTest::rawTabShowsTheNewestAnswer()
{
    App::ResultView view;
    view.tabs()->setCurrentWidget(view.rawJsonView()->parentWidget());
    show(view, fixture(u"dagster_runs_small.json"_s)); // the Raw tab is current: indexed at once
    QTRY_VERIFY_WITH_TIMEOUT(!view.rawJsonView()->isIndexing() && view.rawJsonView()->lineCount() > 1, 10000);
    const int runsLines = view.rawJsonView()->lineCount();
    view.tabs()->setCurrentWidget(view.treeView()->parentWidget());
    show(view, fixture(u"partial_data_with_errors.json"_s)); // shown while the Tree tab is current
    view.tabs()->setCurrentWidget(view.rawJsonView()->parentWidget());
    QTRY_VERIFY_WITH_TIMEOUT(!view.rawJsonView()->isIndexing() && view.rawJsonView()->lineCount() > 1, 10000);
    QVERIFY(view.rawJsonView()->lineCount() != runsLines);
    bool found = false;
    for (int line = 0; line < view.rawJsonView()->lineCount() && !found; ++line)
        found = view.rawJsonView()->lineText(line).contains(u"daily_sales_rollup"_s);
    QVERIFY(found);
}

QTEST_MAIN(ResultViewTabsTest)
#include "resultviewtabs_test.moc"
