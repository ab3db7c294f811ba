// SPDX-License-Identifier: MIT
// Sextant: HistoryDock offscreen — runs appear as recorded, search filters, re-open, preview, delete and clear.
#include <app/history/historydock.h>
#include <models/historylistmodel.h>
#include <models/roles.h>
#include <store/historystore.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;
using Sextant::App::HistoryDock;
using Sextant::Models::HistoryListModel;
using Sextant::Store::HistoryEntry;
using Sextant::Store::HistoryOutcome;
using Sextant::Store::HistoryStore;

namespace {

HistoryEntry makeEntry(const QString &operationName, const QDateTime &startedAt)
{
    HistoryEntry entry;
    entry.startedAt = startedAt.toUTC();
    entry.endpointKind = u"dagster"_s;
    entry.endpointUrl = u"http://127.0.0.1:3000/graphql"_s;
    entry.operationName = operationName;
    entry.document = operationName.isEmpty() ? u"{ version }"_s : u"query "_s + operationName + u" { version }"_s;
    entry.variables = u"{\"limit\": 3}"_s;
    entry.outcome = HistoryOutcome::Ok;
    entry.httpStatus = 200;
    entry.message = u"HTTP 200 OK · 85 ms · 2.0 KB"_s;
    entry.durationMs = 85;
    entry.responseSize = 2048;
    return entry;
}

QString cell(const HistoryDock &dock, int row, int column)
{
    return dock.model()->index(row, column).data().toString();
}

} // namespace

class HistoryDockTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void recordedRunsAppear();
    void searchFilters();
    void reopenEmitsTheEntry();
    void previewShowsDocumentAndVariables();
    void copyDeleteAndClear();
    void storeErrorIsShown();
    void timeText_data();
    void timeText();
    void statusAndSizeText_data();
    void statusAndSizeText();

private:
    void settle();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
};

void HistoryDockTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void HistoryDockTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<HistoryStore>(m_dir->filePath(u"history.sqlite"_s));
}

void HistoryDockTest::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

// Every queued record is in and its recorded() signal delivered, so a dock created now starts from a quiet store.
void HistoryDockTest::settle()
{
    auto count = m_store->count();
    QTRY_VERIFY_WITH_TIMEOUT(count.isFinished(), 5000);
    QCoreApplication::processEvents();
}

void HistoryDockTest::recordedRunsAppear()
{
    HistoryDock dock(m_store.get());
    QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dock.resize(700, 500);
    dock.show();
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 0, 5000);

    const QDateTime now = QDateTime::currentDateTime();
    m_store->record(makeEntry(u"Older"_s, now.addSecs(-5)));
    HistoryEntry failed = makeEntry(QString(), now);
    failed.outcome = HistoryOutcome::GraphQLErrors;
    failed.httpStatus = 500;
    failed.endpointUrl = u"http://127.0.0.1:4000/query"_s;
    m_store->record(failed);
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 2, 5000);

    QCOMPARE(cell(dock, 0, HistoryListModel::OperationColumn), u"(anonymous)"_s);
    QCOMPARE(cell(dock, 0, HistoryListModel::EndpointColumn), u"127.0.0.1:4000"_s);
    QCOMPARE(cell(dock, 0, HistoryListModel::StatusColumn), u"500 · errors"_s);
    QCOMPARE(cell(dock, 0, HistoryListModel::TimeColumn), now.toString(u"HH:mm:ss"_s));
    QCOMPARE(cell(dock, 1, HistoryListModel::OperationColumn), u"Older"_s);
    QCOMPARE(cell(dock, 1, HistoryListModel::StatusColumn), u"200"_s);
    QCOMPARE(cell(dock, 1, HistoryListModel::DurationColumn), u"85 ms"_s);
    QCOMPARE(cell(dock, 1, HistoryListModel::SizeColumn), u"2.0 KB"_s);
    QCOMPARE(dock.model()->index(0, 0).data(Sextant::Models::HistoryOutcomeRole).toInt(),
             int(HistoryOutcome::GraphQLErrors));
}

void HistoryDockTest::searchFilters()
{
    const QDateTime now = QDateTime::currentDateTime();
    m_store->record(makeEntry(u"LaunchRun"_s, now.addSecs(-2)));
    m_store->record(makeEntry(u"ListRuns"_s, now.addSecs(-1)));
    m_store->record(makeEntry(u"Versions"_s, now));
    settle();
    HistoryDock dock(m_store.get());
    dock.show();
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 3, 5000);

    QSignalSpy refreshed(&dock, &HistoryDock::refreshed);
    QTest::keyClicks(dock.searchField(), u"runs"_s);
    // Debounced: one search for the whole word, not one per keystroke.
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 1, 5000);
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(cell(dock, 0, HistoryListModel::OperationColumn), u"ListRuns"_s);

    dock.searchField()->setText(u"run"_s);
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 2, 5000);
    dock.searchField()->setText(u"no such run"_s);
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 0, 5000);
    QVERIFY(dock.emptyStateLabel()->isVisible());
    QCOMPARE(dock.emptyStateLabel()->text(), u"No runs match"_s);
    dock.searchField()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 3, 5000);
}

void HistoryDockTest::reopenEmitsTheEntry()
{
    const QDateTime now = QDateTime::currentDateTime();
    auto stored = m_store->record(makeEntry(u"Versions"_s, now));
    HistoryDock dock(m_store.get());
    dock.resize(700, 500);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 1, 5000);
    QVERIFY(stored.isFinished());
    const HistoryEntry expected = stored.result();

    QSignalSpy reopen(&dock, &HistoryDock::reopenRequested);
    QTreeView *list = dock.listView();
    list->setFocus();
    list->setCurrentIndex(dock.model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(reopen.size(), 1);
    QCOMPARE(reopen.first().first().value<HistoryEntry>(), expected);

    const QRect rect = list->visualRect(dock.model()->index(0, HistoryListModel::OperationColumn));
    // A double-click is a press (which QAbstractItemView remembers) followed by the double-click event.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(reopen.size(), 2);

    dock.openAction()->trigger();
    QCOMPARE(reopen.size(), 3);
    QCOMPARE(reopen.last().first().value<HistoryEntry>(), expected);
}

void HistoryDockTest::previewShowsDocumentAndVariables()
{
    HistoryEntry entry = makeEntry(u"Versions"_s, QDateTime::currentDateTime());
    entry.variables = u"{\"limit\": 3, \"token\": \"Zq9secret\"}"_s;
    m_store->record(entry);
    HistoryDock dock(m_store.get());
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 1, 5000);
    QVERIFY(dock.documentPreview()->toPlainText().isEmpty());
    QVERIFY(!dock.openAction()->isEnabled());
    dock.listView()->setCurrentIndex(dock.model()->index(0, 0));
    QCOMPARE(dock.documentPreview()->toPlainText(), entry.document);
    QCOMPARE(dock.variablesPreview()->toPlainText(), u"{\"limit\": 3, \"token\": \"••••••\"}"_s);
    QVERIFY(dock.documentPreview()->isReadOnly());
    QVERIFY(dock.variablesPreview()->isReadOnly());
    QVERIFY(dock.openAction()->isEnabled());
}

void HistoryDockTest::copyDeleteAndClear()
{
    const QDateTime now = QDateTime::currentDateTime();
    m_store->record(makeEntry(u"First"_s, now.addSecs(-1)));
    m_store->record(makeEntry(u"Second"_s, now));
    HistoryDock dock(m_store.get());
    dock.show();
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 2, 5000);

    dock.listView()->setCurrentIndex(dock.model()->index(1, 0));
    dock.copyDocumentAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"query First { version }"_s);

    dock.deleteAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 1, 5000);
    QCOMPARE(cell(dock, 0, HistoryListModel::OperationColumn), u"Second"_s);

    // Clear asks first: Cancel keeps everything, Yes deletes.
    const auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    dock.clearAction()->trigger(); // returns once the box is answered
    auto count = m_store->count();
    QTRY_VERIFY_WITH_TIMEOUT(count.isFinished(), 5000);
    QCOMPARE(count.result(), 1);

    answer(QMessageBox::Yes);
    dock.clearAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), 0, 5000);
    count = m_store->count();
    QTRY_VERIFY_WITH_TIMEOUT(count.isFinished(), 5000);
    QCOMPARE(count.result(), 0);
}

void HistoryDockTest::storeErrorIsShown()
{
    const QString path = m_dir->filePath(u"blocked.sqlite"_s);
    QVERIFY(QDir().mkpath(path));
    HistoryStore store(path);
    HistoryDock dock(&store);
    dock.show();
    QTRY_VERIFY_WITH_TIMEOUT(dock.errorLabel()->isVisible(), 5000);
    QVERIFY(dock.errorLabel()->text().contains(u"history is off"_s));
    store.record(makeEntry(u"Lost"_s, QDateTime::currentDateTime()));
    QSignalSpy refreshed(&dock, &HistoryDock::refreshed);
    dock.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 1, 5000);
    QCOMPARE(dock.model()->rowCount(), 0);
}

void HistoryDockTest::timeText_data()
{
    QTest::addColumn<QDateTime>("startedAt");
    QTest::addColumn<QString>("expected");
    const QDateTime now(QDate(2026, 11, 25), QTime(14, 3, 12));
    QTest::newRow("today") << now.addSecs(-60) << u"14:02:12"_s;
    QTest::newRow("yesterday") << QDateTime(QDate(2026, 11, 24), QTime(23, 59, 1)) << u"Yesterday 23:59"_s;
    QTest::newRow("older") << QDateTime(QDate(2026, 11, 20), QTime(9, 5, 0)) << u"2026-11-20 09:05"_s;
}

void HistoryDockTest::timeText()
{
    QFETCH(QDateTime, startedAt);
    QFETCH(QString, expected);
    const QDateTime now(QDate(2026, 11, 25), QTime(14, 3, 12));
    QCOMPARE(HistoryListModel::timeText(startedAt.toUTC(), now), expected);

    HistoryListModel model;
    model.setNow(now);
    model.setEntries({makeEntry(u"A"_s, startedAt)});
    QCOMPARE(model.index(0, HistoryListModel::TimeColumn).data().toString(), expected);
}

void HistoryDockTest::statusAndSizeText_data()
{
    QTest::addColumn<HistoryOutcome>("outcome");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("status");
    QTest::newRow("ok") << HistoryOutcome::Ok << 200 << u"200"_s;
    QTest::newRow("errors") << HistoryOutcome::GraphQLErrors << 400 << u"400 · errors"_s;
    QTest::newRow("http") << HistoryOutcome::HttpError << 502 << u"HTTP 502"_s;
    QTest::newRow("network") << HistoryOutcome::NetworkError << 0 << u"Network error"_s;
    QTest::newRow("timeout") << HistoryOutcome::TimedOut << 0 << u"Timed out"_s;
    QTest::newRow("cancelled") << HistoryOutcome::Cancelled << 0 << u"Cancelled"_s;
}

void HistoryDockTest::statusAndSizeText()
{
    QFETCH(HistoryOutcome, outcome);
    QFETCH(int, httpStatus);
    QFETCH(QString, status);
    HistoryEntry entry;
    entry.outcome = outcome;
    entry.httpStatus = httpStatus;
    QCOMPARE(HistoryListModel::statusText(entry), status);
    QCOMPARE(HistoryListModel::sizeText(512), u"512 B"_s);
    QCOMPARE(HistoryListModel::sizeText(3 * 1024 * 1024 + 400 * 1024), u"3.4 MB"_s);
    QCOMPARE(HistoryListModel::durationText(1400), u"1.4 s"_s);
}

QTEST_MAIN(HistoryDockTest)
#include "historydock_test.moc"
