// SPDX-License-Identifier: MIT
// Sextant: the result pane's Headers tab: status line and every response header of the last answer (GraphQL or
// not), copyable, Set-Cookie values masked, kept with a tab's snapshot.
#include <app/endpoints/endpointbar.h>
#include <app/result/responseheadersview.h>
#include <app/result/resultview.h>
#include <app/run/runcontroller.h>
#include <net/graphqlclient.h>
#include <net/httpresult.h>

#include "../support/fakehttpserver.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;
using App::ResponseHeaders;
using App::ResponseHeadersView;
using App::ResultView;

namespace {

const QByteArray CookieSecret = "Zq9cookiesecret";

ResponseHeaders sample()
{
    ResponseHeaders headers;
    headers.httpStatus = 502;
    headers.headers = {{"Content-Type", "text/html; charset=utf-8"},
                       {"Set-Cookie", "session=" + CookieSecret + "; Path=/; HttpOnly"},
                       {"set-cookie", CookieSecret + "-bare"},
                       {"X-Request-Id", "req-\xc3\xa9-42"},
                       {"X-Latin", "caf\xe9"}};
    return headers;
}

QString headersTabText(const ResultView &view)
{
    return view.tabs()->tabText(view.tabs()->indexOf(view.headersView()));
}

} // namespace

class ResponseHeadersTest final : public QObject
{
    Q_OBJECT

private slots:
    void showsStatusAndHeaders();
    void setCookieValuesAreMasked();
    void copySelectionAndAll();
    void showClearsAndSnapshotKeeps();
    void runShowsHeadersOfGraphQLAndOtherAnswers_data();
    void runShowsHeadersOfGraphQLAndOtherAnswers();
    void noResponseHasNoHeaders();
};

void ResponseHeadersTest::showsStatusAndHeaders()
{
    ResultView view;
    QVERIFY(view.headersView());
    QCOMPARE(headersTabText(view), u"Headers"_s);
    QCOMPARE(view.headersView()->statusText(), u"No HTTP response."_s);
    view.setResponseHeaders(sample());
    QCOMPARE(headersTabText(view), u"Headers (5)"_s);
    QCOMPARE(view.headersView()->statusText(), u"HTTP 502 Bad Gateway"_s); // the standard phrase when none came
    QTableWidget *table = view.headersView()->table();
    QCOMPARE(table->rowCount(), 5);
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), u"Content-Type"_s);
    QCOMPARE(table->item(0, 1)->text(), u"text/html; charset=utf-8"_s);
    QCOMPARE(table->item(3, 1)->text(), u"req-\u00e9-42"_s); // UTF-8
    QCOMPARE(table->item(4, 1)->text(), u"caf\u00e9"_s);     // Latin-1 when not UTF-8
    QVERIFY(!(table->item(0, 1)->flags() & Qt::ItemIsEditable) || table->editTriggers() == QAbstractItemView::NoEditTriggers);

    ResponseHeaders reason = sample();
    reason.httpStatus = 200;
    reason.reasonPhrase = "Fine";
    view.setResponseHeaders(reason);
    QCOMPARE(view.headersView()->statusText(), u"HTTP 200 Fine"_s);
}

void ResponseHeadersTest::setCookieValuesAreMasked()
{
    QCOMPARE(ResponseHeaders::displayValue("Set-Cookie", "session=" + CookieSecret + "; Path=/; HttpOnly"),
             u"session=••••••; Path=/; HttpOnly"_s);
    QCOMPARE(ResponseHeaders::displayValue("SET-COOKIE", CookieSecret), u"••••••"_s);
    QCOMPARE(ResponseHeaders::displayValue("Set-Cookie2", "a=" + CookieSecret), u"a=••••••"_s);
    QCOMPARE(ResponseHeaders::displayValue("X-Cookie-Note", "visible"), u"visible"_s);

    ResponseHeadersView view;
    view.setHeaders(sample());
    for (int row = 0; row < view.table()->rowCount(); ++row)
        for (int column = 0; column < 2; ++column) {
            QVERIFY(!view.table()->item(row, column)->text().contains(QString::fromLatin1(CookieSecret)));
            QVERIFY(!view.table()->item(row, column)->toolTip().contains(QString::fromLatin1(CookieSecret)));
        }
    QVERIFY(!view.allText().contains(QString::fromLatin1(CookieSecret)));
    QCOMPARE(view.table()->item(1, 1)->text(), u"session=••••••; Path=/; HttpOnly"_s);
}

void ResponseHeadersTest::copySelectionAndAll()
{
    ResponseHeadersView view;
    view.setHeaders(sample());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->clear();

    std::unique_ptr<QMenu> menu(view.createContextMenu());
    QCOMPARE(menu->actions().size(), 2);
    QVERIFY(!menu->actions().at(0)->isEnabled()); // nothing selected yet
    QVERIFY(menu->actions().at(1)->isEnabled());

    view.table()->selectRow(3);
    view.table()->selectionModel()->select(view.table()->model()->index(1, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(view.selectedText(), u"Set-Cookie: session=••••••; Path=/; HttpOnly\nX-Request-Id: req-\u00e9-42"_s);
    view.table()->setFocus();
    QTest::keySequence(view.table(), QKeySequence::Copy);
    QCOMPARE(clipboard->text(), view.selectedText());

    view.copyAll();
    const QString all = clipboard->text();
    QVERIFY(all.startsWith(u"HTTP 502 Bad Gateway\nContent-Type: text/html; charset=utf-8\n"_s));
    QCOMPARE(all.count(u'\n'), 5);
    QVERIFY(!all.contains(QString::fromLatin1(CookieSecret)));
}

void ResponseHeadersTest::showClearsAndSnapshotKeeps()
{
    ResultView view;
    view.setResponseHeaders(sample());
    const App::ResultSnapshot kept = [&] {
        view.showMessage(u"Bad gateway"_s, u"HTTP 502 Bad Gateway · 3 ms · 38 B"_s, "<html>Bad gateway</html>");
        view.setResponseHeaders(sample());
        return view.snapshot();
    }();
    QCOMPARE(kept.headers, sample());

    // Another tab's answer (or a run starting) replaces the headers: never stale ones under a new answer.
    view.showMessage(QString(), u"Ctrl+Enter runs the operation under the cursor."_s);
    QCOMPARE(view.headersView()->table()->rowCount(), 0);
    QCOMPARE(headersTabText(view), u"Headers"_s);
    QVERIFY(view.snapshot().headers.isEmpty());
    view.setResponseHeaders(sample());
    view.showRunning(u"Running…"_s);
    QCOMPARE(view.headersView()->table()->rowCount(), 0);

    view.restore(kept);
    QCOMPARE(view.headersView()->headers(), sample());
    QCOMPARE(view.headersView()->table()->rowCount(), 5);
    QCOMPARE(view.messageText(), u"Bad gateway"_s);
    view.restore(App::ResultSnapshot());
    QCOMPARE(view.headersView()->table()->rowCount(), 0);
}

void ResponseHeadersTest::runShowsHeadersOfGraphQLAndOtherAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("GraphQL 200") << 200 << QByteArray(R"({"data":{"version":"1.13"}})")
                                 << QByteArray("application/json");
    QTest::newRow("GraphQL errors on 400") << 400 << QByteArray(R"({"errors":[{"message":"bad"}]})")
                                           << QByteArray("application/graphql-response+json");
    QTest::newRow("HTML 502") << 502 << QByteArray("<html><body>Bad gateway</body></html>") << QByteArray("text/html");
    QTest::newRow("invalid JSON") << 200 << QByteArray(R"({"data":)") << QByteArray("application/json");
}

void ResponseHeadersTest::runShowsHeadersOfGraphQLAndOtherAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    FakeHttpServer server;
    QVERIFY(server.isListening());
    FakeHttpServer::Response response = FakeHttpServer::json(status, body, contentType);
    response.headers.append(qMakePair(QByteArray("X-Served-By"), QByteArray("fake-42")));
    response.headers.append(qMakePair(QByteArray("Set-Cookie"), "sid=" + CookieSecret + "; Path=/"));
    server.setDefaultResponse(response);

    Net::GraphQLClient client;
    ResultView view;
    App::EndpointBar bar;
    App::RunController runner(&client, &view, &bar);
    QSignalSpy finished(&runner, &App::RunController::finished);
    Net::EndpointProfile profile;
    profile.url = server.url();
    Net::GraphQLRequest request;
    request.query = u"{ version }"_s;
    QVERIFY(runner.start(profile, request));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);

    const ResponseHeaders shown = view.headersView()->headers();
    QCOMPARE(shown.httpStatus, status);
    QVERIFY(view.headersView()->statusText().startsWith(u"HTTP %1 "_s.arg(status)));
    bool servedBy = false;
    bool cookie = false;
    for (const auto &[name, value] : shown.headers) {
        servedBy = servedBy || (name.compare("X-Served-By", Qt::CaseInsensitive) == 0 && value == "fake-42");
        cookie = cookie || name.compare("Set-Cookie", Qt::CaseInsensitive) == 0;
    }
    QVERIFY(servedBy);
    QVERIFY(cookie);
    QVERIFY(!view.headersView()->allText().contains(QString::fromLatin1(CookieSecret)));
    QVERIFY(headersTabText(view).startsWith(u"Headers ("_s));
    QCOMPARE(view.snapshot().headers, shown);
}

void ResponseHeadersTest::noResponseHasNoHeaders()
{
    quint16 closedPort = 0;
    {
        FakeHttpServer probe;
        closedPort = probe.port();
    }
    Net::GraphQLClient client;
    ResultView view;
    App::EndpointBar bar;
    App::RunController runner(&client, &view, &bar);
    view.setResponseHeaders(sample()); // from an earlier answer
    QSignalSpy finished(&runner, &App::RunController::finished);
    Net::EndpointProfile profile;
    profile.url = QUrl(u"http://127.0.0.1:%1/graphql"_s.arg(closedPort));
    Net::GraphQLRequest request;
    request.query = u"{ version }"_s;
    QVERIFY(runner.start(profile, request));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(view.headersView()->table()->rowCount(), 0);
    QCOMPARE(view.headersView()->statusText(), u"No HTTP response."_s);

    view.setResponseHeaders(sample());
    runner.showLocalError(u"Variables are not valid JSON. Nothing was sent."_s);
    QCOMPARE(view.headersView()->table()->rowCount(), 0);
}

QTEST_MAIN(ResponseHeadersTest)
#include "responseheaders_test.moc"
