// SPDX-License-Identifier: MIT
// Sextant: tests for the result table widget (ResultTableView): list picker, header sorting, row activation.
#include <app/result/resulttableview.h>
#include <app/run/backgroundpool.h>
#include <core/response/responsedocument.h>
#include <models/responsetablemodel.h>

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;
using Sextant::App::ResultTableView;
using Sextant::Core::ResponseDocument;
using DocumentPtr = std::shared_ptr<const ResponseDocument>;

namespace {

DocumentPtr loadFixture(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/responses/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return ResponseDocument::parse(file.readAll());
}

QStringList columnTexts(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, column).data().toString());
    return out;
}

void clickHeader(QTableView *table, int section)
{
    QHeaderView *header = table->horizontalHeader();
    const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

/// Waits (bounded) for every Qt Concurrent task, then delivers what they posted.
void settleWorkers()
{
    QVERIFY(Sextant::App::backgroundPool()->waitForDone(5000));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

} // namespace

class ResultTableViewTest final : public QObject
{
    Q_OBJECT

private slots:
    void showsDagsterRuns();
    void prefersBiggestTopLevelList();
    void showList_data();
    void showList();
    void pickerSwitchesList();
    void headerClickSorts();
    void rowActivatedReportsPath();
    void noListsAndCleared();
    void scansBigDocumentsOnWorker_data();
    void scansBigDocumentsOnWorker();
    void newerDocumentDropsRunningScan();
    void showListWhileScanningWins();
    void modelSetListWithScannedColumns();
};

void ResultTableViewTest::showsDagsterRuns()
{
    ResultTableView view;
    view.setDocument(loadFixture(u"dagster_runs_small.json"_s));
    QCOMPARE(view.currentPath(), u"data.runsOrError.results"_s);
    QCOMPARE(view.listPaths(), (QStringList{u"data.runsOrError.results"_s, u"data.runsOrError.results[0].tags"_s}));
    QCOMPARE(view.model()->rowCount(), 2);
    QCOMPARE(view.tableView()->model(), view.model());
    QCOMPARE(columnTexts(*view.model(), 2), (QStringList{u"SUCCESS"_s, u"FAILURE"_s}));
    const auto *summary = view.findChild<QLabel *>(u"summaryLabel"_s);
    QCOMPARE(summary->text(), u"2 rows · 10 columns"_s);
}

void ResultTableViewTest::prefersBiggestTopLevelList()
{
    ResultTableView view;
    view.setDocument(loadFixture(u"partial_data_with_errors.json"_s));
    QCOMPARE(view.currentPath(), u"data.repositoriesOrError.nodes"_s);
    QCOMPARE(view.findChild<QComboBox *>()->currentText(), u"data.repositoriesOrError.nodes"_s);
    QVERIFY(view.listPaths().contains(u"errors"_s));
}

void ResultTableViewTest::showList_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("shown");
    QTest::addColumn<int>("rows");
    QTest::newRow("errors") << u"errors"_s << true << 2;
    QTest::newRow("nested list") << u"data.repositoriesOrError.nodes[0].jobs"_s << true << 1;
    QTest::newRow("list of scalars") << u"errors[0].path"_s << true << 4;
    QTest::newRow("object") << u"data.repositoriesOrError"_s << false << 3;
    QTest::newRow("null") << u"data.repositoriesOrError.nodes[2].jobs"_s << false << 3;
    QTest::newRow("missing") << u"data.nope"_s << false << 3;
    QTest::newRow("bad syntax") << u"data..x"_s << false << 3;
}

void ResultTableViewTest::showList()
{
    QFETCH(QString, path);
    QFETCH(bool, shown);
    QFETCH(int, rows);
    ResultTableView view;
    view.setDocument(loadFixture(u"partial_data_with_errors.json"_s));
    QCOMPARE(view.showList(path), shown);
    QCOMPARE(view.currentPath(), shown ? path : u"data.repositoriesOrError.nodes"_s);
    QCOMPARE(view.model()->rowCount(), rows);
    if (shown)
        QCOMPARE(view.findChild<QComboBox *>()->currentText(), path);
}

void ResultTableViewTest::pickerSwitchesList()
{
    ResultTableView view;
    view.setDocument(loadFixture(u"partial_data_with_errors.json"_s));
    auto *picker = view.findChild<QComboBox *>();
    QVERIFY(picker);
    const int errors = picker->findText(u"errors"_s);
    QVERIFY(errors >= 0);
    QSignalSpy reset(view.model(), &QAbstractItemModel::modelReset);
    picker->setCurrentIndex(errors);
    emit picker->activated(errors); // what a user's choice emits
    QCOMPARE(reset.count(), 1);
    QCOMPARE(view.currentPath(), u"errors"_s);
    QCOMPARE(view.model()->rowCount(), 2);
    QCOMPARE(view.model()->headerData(0, Qt::Horizontal).toString(), u"message"_s);
}

void ResultTableViewTest::headerClickSorts()
{
    const DocumentPtr doc = ResponseDocument::parse(
        R"({"data":{"runs":[{"id":"b","n":2},{"id":"c","n":10},{"id":"a","n":null},{"id":"d","n":1}]}})");
    QVERIFY(doc);
    ResultTableView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDocument(doc);
    QCOMPARE(columnTexts(*view.model(), 0), (QStringList{u"b"_s, u"c"_s, u"a"_s, u"d"_s}));
    QVERIFY(!view.tableView()->horizontalHeader()->isSortIndicatorShown());
    clickHeader(view.tableView(), 1);
    QCOMPARE(columnTexts(*view.model(), 1), (QStringList{u"1"_s, u"2"_s, u"10"_s, u"null"_s}));
    QVERIFY(view.tableView()->horizontalHeader()->isSortIndicatorShown());
    QCOMPARE(view.tableView()->horizontalHeader()->sortIndicatorSection(), 1);
    QCOMPARE(view.tableView()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    clickHeader(view.tableView(), 1);
    QCOMPARE(columnTexts(*view.model(), 1), (QStringList{u"10"_s, u"2"_s, u"1"_s, u"null"_s}));
    QCOMPARE(view.tableView()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    clickHeader(view.tableView(), 0);
    QCOMPARE(columnTexts(*view.model(), 0), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    // Choosing a list again starts unsorted.
    QVERIFY(view.showList(u"data.runs"_s));
    QVERIFY(!view.tableView()->horizontalHeader()->isSortIndicatorShown());
    QCOMPARE(columnTexts(*view.model(), 0), (QStringList{u"b"_s, u"c"_s, u"a"_s, u"d"_s}));
}

void ResultTableViewTest::rowActivatedReportsPath()
{
    const DocumentPtr doc = ResponseDocument::parse(R"({"data":{"runs":[{"n":3},{"n":1},{"n":2}]}})");
    QVERIFY(doc);
    ResultTableView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDocument(doc);
    view.model()->sort(0, Qt::AscendingOrder);
    QSignalSpy activated(&view, &ResultTableView::rowActivated);
    QTableView *table = view.tableView();
    table->setFocus();
    table->setCurrentIndex(view.model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), u"data.runs[1]"_s); // the row showing n = 1
    const QRect cell = table->visualRect(view.model()->index(2, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).toString(), u"data.runs[0]"_s);
}

void ResultTableViewTest::noListsAndCleared()
{
    ResultTableView view;
    view.setDocument(ResponseDocument::parse(R"({"data":{"a":1,"b":[1,2]}})"));
    QCOMPARE(view.currentPath(), QString());
    QVERIFY(view.listPaths().isEmpty());
    QCOMPARE(view.model()->rowCount(), 0);
    QCOMPARE(view.findChild<QLabel *>(u"summaryLabel"_s)->text(), u"No list of objects"_s);
    QVERIFY(view.showList(u"data.b"_s)); // any array can still be shown on request
    QCOMPARE(view.model()->rowCount(), 2);
    view.clear();
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(view.listPaths().isEmpty());
    QVERIFY(!view.showList(u"data"_s));
}

void ResultTableViewTest::scansBigDocumentsOnWorker_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<bool>("async");
    QTest::newRow("small document: at once") << ResultTableView::DefaultSynchronousScanLimit << false;
    QTest::newRow("over the limit: worker") << qint64(0) << true;
}

void ResultTableViewTest::scansBigDocumentsOnWorker()
{
    QFETCH(qint64, limit);
    QFETCH(bool, async);
    ResultTableView view;
    view.setSynchronousScanLimit(limit);
    QSignalSpy found(&view, &ResultTableView::listsFound);
    view.setDocument(loadFixture(u"dagster_runs_small.json"_s));
    QCOMPARE(view.isScanning(), async);
    if (async) {
        QCOMPARE(found.count(), 0);
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(view.findChild<QLabel *>(u"summaryLabel"_s)->text(), u"Looking for lists…"_s);
        QVERIFY(!view.findChild<QComboBox *>(u"listPicker"_s)->isEnabled());
        QVERIFY(found.wait(5000));
    }
    QCOMPARE(found.count(), 1);
    QCOMPARE(found.at(0).at(0).toInt(), 2);
    QVERIFY(!view.isScanning());
    // Same outcome either way.
    QCOMPARE(view.currentPath(), u"data.runsOrError.results"_s);
    QCOMPARE(view.listPaths(), (QStringList{u"data.runsOrError.results"_s, u"data.runsOrError.results[0].tags"_s}));
    QCOMPARE(columnTexts(*view.model(), 2), (QStringList{u"SUCCESS"_s, u"FAILURE"_s}));
    QCOMPARE(view.findChild<QLabel *>(u"summaryLabel"_s)->text(), u"2 rows · 10 columns"_s);
    QVERIFY(view.findChild<QComboBox *>(u"listPicker"_s)->isEnabled());
}

void ResultTableViewTest::newerDocumentDropsRunningScan()
{
    ResultTableView view;
    view.setSynchronousScanLimit(0);
    QSignalSpy found(&view, &ResultTableView::listsFound);
    view.setDocument(loadFixture(u"dagster_runs_small.json"_s));
    QVERIFY(view.isScanning());
    const DocumentPtr newer = ResponseDocument::parse(R"({"data":{"runs":[{"n":3},{"n":1},{"n":2}]}})");
    view.setDocument(newer);
    QVERIFY(found.wait(5000));
    // Let the dropped scan finish and deliver: the list must stay the newer document's.
    settleWorkers();
    QCOMPARE(found.count(), 1);
    QCOMPARE(view.currentPath(), u"data.runs"_s);
    QCOMPARE(view.listPaths(), QStringList{u"data.runs"_s});
    QCOMPARE(view.model()->rowCount(), 3);

    view.setDocument(loadFixture(u"dagster_runs_small.json"_s));
    view.clear(); // clearing drops the scan too
    QVERIFY(!view.isScanning());
    settleWorkers();
    QCOMPARE(found.count(), 1);
    QVERIFY(view.listPaths().isEmpty());
    QCOMPARE(view.model()->rowCount(), 0);
}

void ResultTableViewTest::showListWhileScanningWins()
{
    ResultTableView view;
    view.setSynchronousScanLimit(0);
    QSignalSpy found(&view, &ResultTableView::listsFound);
    view.setDocument(loadFixture(u"dagster_runs_small.json"_s));
    QVERIFY(view.isScanning());
    QVERIFY(view.showList(u"data.runsOrError.results[0].tags"_s));
    QVERIFY(found.wait(5000));
    QCOMPARE(view.currentPath(), u"data.runsOrError.results[0].tags"_s);
    QCOMPARE(view.listPaths(), (QStringList{u"data.runsOrError.results"_s, u"data.runsOrError.results[0].tags"_s}));
    QCOMPARE(view.findChild<QComboBox *>(u"listPicker"_s)->currentIndex(), 1);
}

void ResultTableViewTest::modelSetListWithScannedColumns()
{
    using Sextant::Models::ResponseTableModel;
    const DocumentPtr doc = ResponseDocument::parse(R"({"data":{"runs":[{"a":1},{"b":2,"a":3},7],"x":{}}})");
    QVERIFY(doc);
    bool ok = false;
    const auto runs = doc->nodeAtPath(ResponseTableModel::parsePath(u"data.runs"_s, &ok));
    QVERIFY(ok);
    ResponseTableModel::Columns columns = ResponseTableModel::scanColumns(*doc, runs);
    QCOMPARE(columns.list, runs);
    QCOMPARE(columns.keys, (QStringList{u"a"_s, u"b"_s}));
    QVERIFY(columns.valueColumn);
    ResponseTableModel model;
    model.setDocument(doc);
    QVERIFY(model.setList(runs, columns));
    QCOMPARE(model.columnKeys(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(model.rowCount(), 3);
    // Columns of another node are refused; the scan of something that is no array is empty.
    const auto x = doc->nodeAtPath(ResponseTableModel::parsePath(u"data.x"_s, &ok));
    QCOMPARE(ResponseTableModel::scanColumns(*doc, x).list, ResponseDocument::InvalidNode);
    QVERIFY(!model.setList(x, ResponseTableModel::scanColumns(*doc, runs)));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(ResultTableViewTest)

#include "resulttableview_test.moc"
