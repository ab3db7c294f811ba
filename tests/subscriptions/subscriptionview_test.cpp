// SPDX-License-Identifier: MIT
// Sextant: the subscription pane — live rows, the selected message as a tree, the cap, and the controller end to end.
#include <app/result/resultview.h>
#include <app/subscriptions/subscriptioncontroller.h>
#include <app/subscriptions/subscriptionmessagemodel.h>
#include <app/subscriptions/subscriptionview.h>
#include <models/errorlistmodel.h>

#include <support/serverprocess.h>

#include <QCheckBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using Sextant::App::SubscriptionController;
using Sextant::App::SubscriptionMessageModel;
using Sextant::App::SubscriptionView;
using Sextant::Net::SubscriptionEnd;

namespace {

QStringList treeKeys(const SubscriptionView &view)
{
    QStringList keys;
    const QAbstractItemModel *model = view.resultView()->treeView()->model();
    for (int row = 0; model && row < model->rowCount(); ++row)
        keys << model->index(row, 0).data().toString();
    return keys;
}

QString firstChildValue(const SubscriptionView &view)
{
    // data → first field: the value column of the first child of the first top-level row.
    const QAbstractItemModel *model = view.resultView()->treeView()->model();
    const QModelIndex data = model->index(0, 0);
    if (model->canFetchMore(data))
        const_cast<QAbstractItemModel *>(model)->fetchMore(data);
    return model->index(0, 1, data).data().toString();
}

} // namespace

class SubscriptionViewTest final : public QObject
{
    Q_OBJECT

private slots:
    void liveRowsFollowLatest()
    {
        SubscriptionView view;
        view.resize(800, 600);
        view.show();
        QSignalSpy shown(&view, &SubscriptionView::messageShown);
        const QDateTime at = QDateTime::fromString(u"2026-01-02T03:04:05.678Z"_s, Qt::ISODateWithMs);
        view.appendMessage(at, R"({"data":{"countdown":3}})");
        view.appendMessage(at.addMSecs(50), R"({"data":{"countdown":2}})");
        view.appendMessage(at.addMSecs(100), R"({"data":null,"errors":[{"message":"boom"}]})");
        QCOMPARE(view.messageModel()->rowCount(), 3);
        QCOMPARE(view.messageModel()->index(0, SubscriptionMessageModel::TimeColumn).data().toString(),
                 at.toLocalTime().toString(u"hh:mm:ss.zzz"_s));
        QCOMPARE(view.messageModel()->summary(0), u"countdown: 3"_s);
        QCOMPARE(view.messageModel()->summary(2), u"errors: 1 · data: null"_s);
        QVERIFY(view.followLatest());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().first().toInt() == 3, 10000);
        QCOMPARE(view.resultView()->errorModel()->rowCount(), 1);
        QCOMPARE(view.messageTable()->selectionModel()->currentIndex().row(), 2);
    }

    void selectingOlderRowShowsItsTree()
    {
        SubscriptionView view;
        view.show();
        QSignalSpy shown(&view, &SubscriptionView::messageShown);
        for (int i = 0; i < 4; ++i)
            view.appendMessage(QDateTime::currentDateTimeUtc(), u"{\"data\":{\"n\":%1}}"_s.arg(i).toUtf8());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().first().toInt() == 4, 10000);
        QVERIFY(view.selectMessage(1));
        QVERIFY(!view.followLatest()); // picking an older message stops following
        QTRY_VERIFY_WITH_TIMEOUT(shown.last().first().toInt() == 2, 10000);
        QCOMPARE(treeKeys(view), QStringList{u"data"_s});
        QCOMPARE(firstChildValue(view), u"1"_s);
        // New messages no longer move the selection.
        view.appendMessage(QDateTime::currentDateTimeUtc(), R"({"data":{"n":4}})");
        QCOMPARE(view.messageTable()->selectionModel()->currentIndex().row(), 1);
        QVERIFY(!view.selectMessage(99));
        view.followLatestCheck()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(shown.last().first().toInt() == 5, 10000);
    }

    void capDropsOldest()
    {
        SubscriptionMessageModel model;
        model.setMaxMessages(5);
        for (int i = 0; i < 8; ++i)
            model.append(QDateTime::currentDateTimeUtc(), u"{\"data\":{\"n\":%1}}"_s.arg(i).toUtf8());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.totalReceived(), 8);
        QCOMPARE(model.droppedCount(), 3);
        QCOMPARE(model.number(0), 4);
        QCOMPARE(model.payload(4), QByteArray(R"({"data":{"n":7}})"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalReceived(), 0);
    }

    void summaries()
    {
        QCOMPARE(SubscriptionMessageModel::summarize(R"({"data":{"a":{"b":1},"c":"x"}})"), u"a, c: \"x\""_s);
        QCOMPARE(SubscriptionMessageModel::summarize("[1]"), u"(not a JSON object)"_s);
        QCOMPARE(SubscriptionMessageModel::summarize(R"({"extensions":{}})"), u"(no data)"_s);
        const QByteArray big = "{\"data\":{\"s\":\"" + QByteArray(300 * 1024, 'x') + "\"}}";
        QVERIFY(SubscriptionMessageModel::summarize(big).contains(u"KB"_s));
    }

    void controllerAgainstGraphQLWsServer()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(u"tests/reference/graphql_ws_server.mjs"_s, {}, 30000, &error), qPrintable(error));
        Sextant::Net::EndpointProfile profile;
        profile.url = server.url(u"/graphql"_s);

        SubscriptionView view;
        view.show();
        SubscriptionController controller(&view);
        QSignalSpy finished(&controller, &SubscriptionController::finished);
        Sextant::Net::GraphQLRequest request;
        request.query = u"subscription { countdown(from: 3, delayMs: 20) }"_s;
        QVERIFY(controller.start(profile, request));
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.start(profile, request)); // one at a time
        QVERIFY(finished.wait(20000));
        QVERIFY(!controller.isRunning());
        QCOMPARE(controller.lastEnd().reason, SubscriptionEnd::Reason::Completed);
        QCOMPARE(view.messageModel()->rowCount(), 4);
        QVERIFY2(view.statusText().startsWith(u"The server completed the subscription after 4 messages · 4 messages"_s),
                 qPrintable(view.statusText()));

        // A never-ending one: rows arrive while it runs, the status says so, Stop ends it.
        request.query = u"subscription { forever }"_s;
        QVERIFY(controller.start(profile, request));
        QCOMPARE(view.messageModel()->rowCount(), 0); // cleared for the new subscription
        QTRY_VERIFY_WITH_TIMEOUT(view.messageModel()->rowCount() >= 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().startsWith(u"Subscribed over graphql-transport-ws · "_s), 5000);
        controller.stop();
        QCOMPARE(finished.size(), 2);
        QCOMPARE(controller.lastEnd().reason, SubscriptionEnd::Reason::Stopped);
        const int rows = view.messageModel()->rowCount();
        QVERIFY2(view.statusText().startsWith(u"Stopped after "_s), qPrintable(view.statusText()));
        QTest::qWait(300);
        QCOMPARE(view.messageModel()->rowCount(), rows); // nothing after Stop
    }
};

QTEST_MAIN(SubscriptionViewTest)
#include "subscriptionview_test.moc"
