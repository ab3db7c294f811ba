// SPDX-License-Identifier: MIT
// Sextant: the result view over real-shaped responses: tree, errors linked to paths and editor locations.
#include <app/result/resultview.h>
#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <models/errorlistmodel.h>
#include <models/responsetreemodel.h>
#include <models/roles.h>

#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
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

private:
    static std::shared_ptr<const Core::ResponseDocument> load(const QString &name);
};

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
    QVERIFY(view.rawView()->toPlainText().contains(u"daily_sales_rollup"));
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

QTEST_MAIN(ResultViewTest)
#include "resultview_test.moc"
