// SPDX-License-Identifier: MIT
// Sextant: the hostile-server suite for the window: each misbehaviour gives a clear message, no freeze, intact tabs.
//
// One MainWindow per behaviour of tests/servers/hostile_server.py (generic HTTP endpoint on the behaviour's URL,
// a temporary data directory, nothing restored). The test types a document distinct per case, presses Run (the
// endpoint bar's button), waits (bounded) for the run to end or presses Stop after 2 s for the stall cases, and
// checks: the result view / status shows a message matching the case, the editor text and the tab count are
// unchanged, the window still answers, and the UI thread never stalled longer than 100 ms while the request ran
// (a 10 ms QTimer heartbeat records the largest gap; 1000 ms when SEXTANT_SANITIZER=1, for ASan/UBSan builds).
#include <app/endpoints/endpointbar.h>
#include <app/endpoints/endpointservices.h>
#include <app/mainwindow.h>
#include <app/run/certificatedialog.h>
#include <app/result/resultview.h>
#include <app/subscriptions/subscriptionview.h>
#include <app/workspace/tabcontroller.h>
#include <models/responsetreemodel.h>
#include <store/endpointsettingsstore.h>
#include <support/serverprocess.h>

#include <Qsci/qsciscintilla.h>

#include <QElapsedTimer>
#include <QAbstractItemModel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTableView>
#include <QTimer>

using namespace Sextant;
using namespace Qt::StringLiterals;

namespace {

enum class Outcome {
    Success, ///< a GraphQL answer with data: no failure message, rows in the tree
    Message, ///< the run ends by itself with a message matching the pattern
    Stall,   ///< nothing useful arrives: Stop after 2 s must end the run ("Cancelled")
};

/// Records the largest gap between 10 ms ticks of a timer on the UI thread.
class Heartbeat final : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            m_maxGap = qMax(m_maxGap, now - m_last);
            m_last = now;
            ++m_ticks;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_maxGap = 0;
        m_ticks = 0;
        m_timer.start(10);
    }
    void stop()
    {
        const qint64 now = m_clock.elapsed();
        m_maxGap = qMax(m_maxGap, now - m_last);
        m_timer.stop();
    }
    qint64 maxGap() const { return m_maxGap; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
    int m_ticks = 0;
};

/// A failure message: what went wrong, then what the window showed.
QByteArray why(const QByteArray &what, const QByteArray &context)
{
    QByteArray text = what;
    text += ": ";
    text += context;
    return text;
}

bool sanitizerBuild()
{
    return qEnvironmentVariable("SEXTANT_SANITIZER") == QLatin1String("1");
}

} // namespace

class HostileWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void behaviour_data();
    void behaviour();
    void subscription_data();
    void subscription();
    void introspection_data();
    void introspection();
    void trustCertificateAndRunAgain();

private:
    struct RunOutcome {
        QString visibleText; ///< message, status line, errors banner and endpoint status, joined
        QString subscriptionStatus; ///< the subscription view's status line when a subscription ran
        bool finished = false;
        qint64 maxGap = 0;
        int rows = 0;
        int errorRows = 0; ///< rows of the GraphQL errors table
    };
    std::unique_ptr<App::MainWindow> openWindow(const QString &url);
    RunOutcome runAndWatch(App::MainWindow &window, Outcome outcome, int waitMs);
    void checkBehaviour(const QString &url, const QString &document, Outcome outcome, const QString &pattern,
                        int waitMs);
    QString urlFor(const QString &listener, const QString &path) const;
    qint64 stallBound() const { return sanitizerBuild() ? 1000 : 100; }
    int slow(int ms) const { return sanitizerBuild() ? ms * 4 : ms; }

    ServerProcess m_server;
    QTemporaryDir m_dataDir;
    int m_window = 0;
    int m_subscriptionsWired = -1; ///< -1 unknown, 0 no, 1 yes
    QString m_subscriptionProbe;
};

void HostileWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dataDir.isValid());
    QString error;
    QVERIFY2(m_server.start(QStringLiteral("tests/servers/hostile_server.py"), {}, 30000, &error), qPrintable(error));
    if (sanitizerBuild())
        qInfo("SEXTANT_SANITIZER=1: the UI-thread stall bound is relaxed from 100 ms to 1000 ms");
}

void HostileWindowTest::cleanupTestCase()
{
    m_server.stop();
}

QString HostileWindowTest::urlFor(const QString &listener, const QString &path) const
{
    if (listener == QLatin1String("tls"))
        return QStringLiteral("https://127.0.0.1:%1%2").arg(m_server.value(QStringLiteral("TLS_PORT")), path);
    if (listener == QLatin1String("tls-abort"))
        return QStringLiteral("https://127.0.0.1:%1%2").arg(m_server.value(QStringLiteral("TLS_ABORT_PORT")), path);
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.value(QStringLiteral("HTTP_PORT")), path);
}

std::unique_ptr<App::MainWindow> HostileWindowTest::openWindow(const QString &url)
{
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = url;
    options.dataDirectory = m_dataDir.filePath(QStringLiteral("window-%1").arg(++m_window));
    auto window = std::make_unique<App::MainWindow>(options);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    // Start-up introspection (the hostile server answers it with a GraphQL error) must end first.
    QSignalSpy loaded(window.get(), &App::MainWindow::schemaLoaded);
    QSignalSpy failed(window.get(), &App::MainWindow::schemaFailed);
    for (int i = 0; i < 200 && loaded.isEmpty() && failed.isEmpty(); ++i)
        QTest::qWait(50);
    return window;
}

HostileWindowTest::RunOutcome HostileWindowTest::runAndWatch(App::MainWindow &window, Outcome outcome, int waitMs)
{
    RunOutcome result;
    auto *runButton = window.endpointBar()->findChild<QPushButton *>(QStringLiteral("runButton"));
    auto *stopButton = window.endpointBar()->findChild<QPushButton *>(QStringLiteral("stopButton"));
    QSignalSpy finished(&window, &App::MainWindow::requestFinished);
    Heartbeat heartbeat;
    heartbeat.start();
    if (runButton && runButton->isEnabled())
        QTest::mouseClick(runButton, Qt::LeftButton);
    else
        window.run();
    if (outcome == Outcome::Stall) {
        result.finished = finished.wait(2000) || !finished.isEmpty();
        if (!result.finished) {
            if (stopButton && stopButton->isEnabled())
                QTest::mouseClick(stopButton, Qt::LeftButton);
            else
                window.stop();
            result.finished = !finished.isEmpty() || finished.wait(slow(5000));
        }
    } else {
        result.finished = finished.wait(waitMs) || !finished.isEmpty();
    }
    QTest::qWait(300); // whatever the view does right after the answer is shown counts too
    heartbeat.stop();
    result.maxGap = heartbeat.maxGap();
    // A subscription shows its messages in the subscription view (its own result tree) in the result view's place,
    // and how it ended in that view's status line.
    App::SubscriptionView *subscription = window.subscriptionView();
    const bool subscribed = subscription && subscription->isVisible();
    App::ResultView *view = subscribed ? subscription->resultView() : window.resultView();
    result.subscriptionStatus = subscribed ? subscription->statusText() : QString();
    QStringList errors; // the GraphQL errors table (403/429/500 with GraphQL bodies land there)
    if (QAbstractItemModel *model = view->errorsView() ? view->errorsView()->model() : nullptr) {
        for (int row = 0; row < qMin(model->rowCount(), 20); ++row) {
            for (int column = 0; column < model->columnCount(); ++column)
                errors << model->index(row, column).data().toString();
        }
    }
    result.errorRows = view->errorsView() && view->errorsView()->model() ? view->errorsView()->model()->rowCount() : 0;
    result.visibleText = QStringList{view->messageText(), view->statusText(), view->errorsBannerText(),
                                     errors.join(u' '), result.subscriptionStatus, window.endpointBar()->statusText()}
                             .join(QStringLiteral(" | "));
    result.rows = view->responseModel() ? view->responseModel()->rowCount() : 0;
    return result;
}

void HostileWindowTest::checkBehaviour(const QString &url, const QString &document, Outcome outcome,
                                       const QString &pattern, int waitMs)
{
    auto window = openWindow(url);
    QVERIFY(window);
    window->queryEditor()->setText(document);
    const int tabs = window->tabs()->count();

    const RunOutcome run = runAndWatch(*window, outcome, waitMs);
    const QByteArray context = QStringLiteral("%1 -> %2").arg(url, run.visibleText).toUtf8();
    QVERIFY2(run.finished, why("the run did not end (or Stop did not end it)", context).constData());
    const QByteArray stalled = QStringLiteral("the UI thread stalled for %1 ms (bound %2 ms)")
                                   .arg(run.maxGap)
                                   .arg(stallBound())
                                   .toUtf8();
    QVERIFY2(run.maxGap <= stallBound(), why(stalled, context).constData());
    switch (outcome) {
    case Outcome::Success:
        QVERIFY2(window->resultView()->messageText().isEmpty() && run.subscriptionStatus.indexOf(u"error"_s) < 0,
                 why("a failure was shown", context).constData());
        QVERIFY2(run.rows > 0, why("no rows in the result tree", context).constData());
        break;
    case Outcome::Stall:
    case Outcome::Message:
        QVERIFY2(!window->resultView()->messageText().isEmpty() || run.errorRows > 0 || !run.subscriptionStatus.isEmpty(),
                 why("no message and no GraphQL error is shown", context).constData());
        break;
    }
    if (!pattern.isEmpty()) {
        const QRegularExpression expected(pattern, QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(expected.match(run.visibleText).hasMatch(),
                 why(QStringLiteral("expected /%1/ in what the window shows").arg(pattern).toUtf8(), context)
                     .constData());
    }
    QCOMPARE(window->queryEditor()->text(), document);
    QCOMPARE(window->tabs()->count(), tabs);
    // Still responsive: a queued call runs at once, and Run is available again.
    bool ran = false;
    QTimer::singleShot(0, window.get(), [&ran] { ran = true; });
    QTRY_VERIFY_WITH_TIMEOUT(ran, 1000);
    auto *runButton = window->endpointBar()->findChild<QPushButton *>(QStringLiteral("runButton"));
    if (runButton)
        QVERIFY2(runButton->isEnabled(), why("Run stays disabled after the run ended", context).constData());
}

void HostileWindowTest::behaviour_data()
{
    QTest::addColumn<QString>("listener");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("waitMs");

    const auto row = [](const char *name, const char *listener, const char *path, Outcome outcome,
                        const char *pattern, int waitMs = 20000) {
        QTest::newRow(name) << QString::fromLatin1(listener) << QString::fromLatin1(path) << int(outcome)
                            << QString::fromUtf8(pattern) << waitMs;
    };
    row("ok", "http", "/ok", Outcome::Success, "HTTP 200");
    row("slow-drip", "http", "/slow-drip", Outcome::Success, "HTTP 200");
    row("stall-after-headers", "http", "/stall-after-headers", Outcome::Stall, "cancel|stopped");
    row("stall-before-headers", "http", "/stall-before-headers", Outcome::Stall, "cancel|stopped");
    row("truncated-body", "http", "/truncated-body", Outcome::Message,
        "closed the connection before the response was complete");
    row("huge-100mb", "http", "/huge-100mb", Outcome::Success, "HTTP 200", 240000);
    row("invalid-utf8", "http", "/invalid-utf8", Outcome::Message, "UTF-8");
    row("duplicate-keys", "http", "/duplicate-keys", Outcome::Success, "HTTP 200");
    row("deep-nesting", "http", "/deep-nesting", Outcome::Message, "nest|too deep|depth");
    row("html-502", "http", "/html-502", Outcome::Message, "502.*HTML|HTML.*502");
    row("html-200", "http", "/html-200", Outcome::Message, "HTML.*endpoint path");
    row("json-as-text-plain", "http", "/json-as-text-plain", Outcome::Success, "HTTP 200");
    row("xml", "http", "/xml", Outcome::Message, "not JSON.*application/xml");
    row("no-content-204", "http", "/no-content-204", Outcome::Message, "204.*empty");
    row("redirect-other-origin", "http", "/redirect-other-origin", Outcome::Message, "another origin");
    row("redirect-302", "http", "/redirect-302", Outcome::Message, "redirect.*GET");
    row("redirect-307", "http", "/redirect-307", Outcome::Success, "HTTP 200");
    row("redirect-loop", "http", "/redirect-loop", Outcome::Message, "too many redirects|more than \\d+ redirects");
    row("unauthorized-401", "http", "/unauthorized-401", Outcome::Message, "401.*authentication.*Bearer");
    row("forbidden-403-json", "http", "/forbidden-403-json", Outcome::Message,
        "403.*forbidden: this token may not run queries|forbidden: this token may not run queries.*403");
    row("too-many-429", "http", "/too-many-429", Outcome::Message, "429.*(retry.*120|120 s)");
    row("too-many-429-text", "http", "/too-many-429-text", Outcome::Message, "429.*(retry.*120|120 s)");
    row("server-error-500-json", "http", "/server-error-500-json", Outcome::Message,
        "500.*resolver exploded|resolver exploded.*500");
    row("server-error-500-text", "http", "/server-error-500-text", Outcome::Message, "500.*not JSON");
    row("unavailable-503-html", "http", "/unavailable-503-html", Outcome::Message, "503.*HTML");
    row("reset-mid-body", "http", "/reset-mid-body", Outcome::Message,
        "(closed|reset).*(before the response was complete|received)");
    row("close-immediately", "http", "/close-immediately", Outcome::Message,
        "closed the connection without answering");
    row("garbage", "http", "/garbage", Outcome::Message, "closed the connection|not HTTP|protocol");
    row("bad-chunk-size", "http", "/bad-chunk-size", Outcome::Message, "chunk|protocol|invalid");
    row("corrupt-gzip", "http", "/corrupt-gzip", Outcome::Message, "decompress|gzip|compressed");
    row("huge-header", "http", "/huge-header", Outcome::Success, "HTTP 200", 60000);
    row("thousand-headers", "http", "/thousand-headers", Outcome::Success, "HTTP 200", 60000);
    row("empty-200", "http", "/empty-200", Outcome::Message, "HTTP 200.*empty response body");
    row("json-array", "http", "/json-array", Outcome::Message, "no \"data\" or \"errors\"");
    row("json-null", "http", "/json-null", Outcome::Message, "no \"data\" or \"errors\"");
    row("big-string-10mb", "http", "/big-string-10mb", Outcome::Success, "HTTP 200", 120000);
    row("tls-self-signed", "tls", "/ok", Outcome::Message, "TLS.*(self.signed|certificate)");
    row("tls-handshake-cut", "tls-abort", "/ok", Outcome::Message, "(TLS|SSL).*(handshake|closed)");
}

void HostileWindowTest::behaviour()
{
    QFETCH(QString, listener);
    QFETCH(QString, path);
    QFETCH(int, outcome);
    QFETCH(QString, pattern);
    QFETCH(int, waitMs);
    // A document distinct per case, so a run that rewrote the editor with another case's text would show.
    const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(u'-', u'_');
    const QString document = QStringLiteral("# hostile case %1\nquery Hostile_%1 {\n  hostile\n}\n").arg(name);
    checkBehaviour(urlFor(listener, path), document, Outcome(outcome), pattern, slow(waitMs));
}

void HostileWindowTest::subscription_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("pattern");

    QTest::newRow("ws-never-ack") << QStringLiteral("/ws-never-ack") << int(Outcome::Stall)
                                  << QStringLiteral("cancel|stopped|ack");
    QTest::newRow("ws-close-4400") << QStringLiteral("/ws-close-4400") << int(Outcome::Message)
                                   << QStringLiteral("4400.*Bad request");
    QTest::newRow("ws-close-4401") << QStringLiteral("/ws-close-4401") << int(Outcome::Message)
                                   << QStringLiteral("4401.*Unauthorized");
    QTest::newRow("ws-close-4403") << QStringLiteral("/ws-close-4403") << int(Outcome::Message)
                                   << QStringLiteral("4403.*Forbidden");
    QTest::newRow("ws-close-4429") << QStringLiteral("/ws-close-4429") << int(Outcome::Message)
                                   << QStringLiteral("4429.*Too many requests");
    QTest::newRow("ws-close-4500") << QStringLiteral("/ws-close-4500") << int(Outcome::Message)
                                   << QStringLiteral("4500.*Internal error");
    QTest::newRow("ws-drop") << QStringLiteral("/ws-drop") << int(Outcome::Message)
                             << QStringLiteral("1006|abnormal|without a close frame|reset");
    QTest::newRow("ws-garbage-frame") << QStringLiteral("/ws-garbage-frame") << int(Outcome::Message)
                                      << QStringLiteral("protocol|frame|invalid|closed");
}

void HostileWindowTest::subscription()
{
    QFETCH(QString, path);
    QFETCH(int, outcome);
    QFETCH(QString, pattern);
    if (m_subscriptionsWired < 0) {
        // Probe once: a subscription to /ws-ok answers {"ok": true} only when the window runs it over WebSocket
        // (posted over HTTP, the hostile server answers 404 "no such hostile behaviour").
        auto probe = openWindow(urlFor(QStringLiteral("http"), QStringLiteral("/ws-ok")));
        QVERIFY(probe);
        probe->queryEditor()->setText(QStringLiteral("subscription Probe { ticks }\n"));
        const RunOutcome run = runAndWatch(*probe, Outcome::Message, slow(10000));
        m_subscriptionsWired = run.rows > 0 && !run.subscriptionStatus.isEmpty() ? 1 : 0;
        m_subscriptionProbe = run.visibleText;
    }
    if (m_subscriptionsWired == 0)
        QSKIP(qPrintable(QStringLiteral("the window does not run subscriptions over WebSocket yet (a subscription "
                                        "to /ws-ok showed: %1)")
                             .arg(m_subscriptionProbe)));
    const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(u'-', u'_');
    const QString document = QStringLiteral("# hostile case %1\nsubscription Hostile_%1 {\n  ticks\n}\n").arg(name);
    checkBehaviour(urlFor(QStringLiteral("http"), path), document, Outcome(outcome), pattern, slow(20000));
}

// The self-signed case end to end: the TLS error offers the certificate (window-modal, not blocking), "Trust"
// stores it for that host:port and sends again, which now succeeds; a second window (same data directory) trusts it
// from the start.
void HostileWindowTest::trustCertificateAndRunAgain()
{
    App::StartOptions options;
    options.restoreSession = true;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = urlFor(QStringLiteral("tls"), QStringLiteral("/ok"));
    options.dataDirectory = m_dataDir.filePath(QStringLiteral("trust"));
    options.workspaceDirectory = m_dataDir.filePath(QStringLiteral("trust-workspace"));
    const QString document = QStringLiteral("query TrustMe { hostile }\n");
    {
        App::MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.queryEditor()->setText(document);
        QSignalSpy finished(&window, &App::MainWindow::requestFinished);
        window.run();
        QVERIFY(finished.wait(slow(20000)));
        App::CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<App::CertificateDialog *>()) != nullptr, slow(5000));
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->fingerprintText().contains(u':'), qPrintable(dialog->fingerprintText()));
        QVERIFY(window.resultView()->messageText().contains(u"TLS"_s, Qt::CaseInsensitive));
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, slow(20000));
        QVERIFY2(window.resultView()->messageText().isEmpty(), qPrintable(window.resultView()->messageText()));
        QVERIFY(window.resultView()->responseModel() && window.resultView()->responseModel()->rowCount() > 0);
        QCOMPARE(window.endpointServices()->settingsStore()->trustedCertificates().size(), 1);
        QCOMPARE(window.queryEditor()->text(), document);
    }
    App::MainWindow again(options);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    again.queryEditor()->setText(document);
    QSignalSpy finished(&again, &App::MainWindow::requestFinished);
    again.run();
    QVERIFY(finished.wait(slow(20000)));
    QVERIFY2(again.resultView()->messageText().isEmpty(), qPrintable(again.resultView()->messageText()));
    QVERIFY(again.findChild<App::CertificateDialog *>() == nullptr);
}

void HostileWindowTest::introspection_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("waitMs");
    // The schema fetch that starts with the window meets the behaviour too (?introspection=hostile).
    QTest::newRow("html-502") << QStringLiteral("/html-502") << QStringLiteral("502") << 20000;
    QTest::newRow("deep-nesting") << QStringLiteral("/deep-nesting") << QString() << 30000;
    QTest::newRow("invalid-utf8") << QStringLiteral("/invalid-utf8") << QString() << 20000;
    QTest::newRow("json-null") << QStringLiteral("/json-null") << QString() << 20000;
    QTest::newRow("reset-mid-body") << QStringLiteral("/reset-mid-body") << QString() << 20000;
    QTest::newRow("garbage") << QStringLiteral("/garbage") << QString() << 20000;
    QTest::newRow("too-many-429") << QStringLiteral("/too-many-429") << QStringLiteral("429|rate limit") << 20000;
    QTest::newRow("big-string-10mb") << QStringLiteral("/big-string-10mb") << QString() << 60000;
    QTest::newRow("huge-100mb") << QStringLiteral("/huge-100mb") << QString() << 240000;
}

void HostileWindowTest::introspection()
{
    QFETCH(QString, path);
    QFETCH(QString, pattern);
    QFETCH(int, waitMs);
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = urlFor(QStringLiteral("http"), path) + QStringLiteral("?introspection=hostile");
    options.dataDirectory = m_dataDir.filePath(QStringLiteral("window-%1").arg(++m_window));
    App::MainWindow window(options);
    QSignalSpy loaded(&window, &App::MainWindow::schemaLoaded);
    QSignalSpy failed(&window, &App::MainWindow::schemaFailed);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString document = QStringLiteral("# introspection case\nquery Untouched { hostile }\n");
    window.queryEditor()->setText(document);
    const int tabs = window.tabs()->count();
    Heartbeat heartbeat;
    heartbeat.start();
    for (int i = 0; i < slow(waitMs) / 50 && loaded.isEmpty() && failed.isEmpty(); ++i)
        QTest::qWait(50);
    QTest::qWait(300);
    heartbeat.stop();
    QVERIFY2(!failed.isEmpty(), loaded.isEmpty() ? "the schema fetch neither failed nor finished in time"
                                                 : "a hostile answer was accepted as a schema");
    const QString message = failed.first().first().toString();
    const QByteArray context = QStringLiteral("%1 -> %2").arg(options.endpoint, message).toUtf8();
    QVERIFY2(!message.trimmed().isEmpty(), why("the schema failure has no message", context).constData());
    if (!pattern.isEmpty()) {
        QVERIFY2(QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption).match(message).hasMatch(),
                 why(QStringLiteral("expected /%1/ in the schema failure").arg(pattern).toUtf8(), context)
                     .constData());
    }
    const QByteArray stalled = QStringLiteral("the UI thread stalled for %1 ms (bound %2 ms)")
                                   .arg(heartbeat.maxGap())
                                   .arg(stallBound())
                                   .toUtf8();
    QVERIFY2(heartbeat.maxGap() <= stallBound(), why(stalled, context).constData());
    QCOMPARE(window.queryEditor()->text(), document);
    QCOMPARE(window.tabs()->count(), tabs);
}

QTEST_MAIN(HostileWindowTest)
#include "hostile_window_test.moc"
