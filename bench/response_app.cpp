// SPDX-License-Identifier: MIT
// Sextant: sextant_response_app_bench: a big response through the real Run path (RunController → ResultView).
#include <app/endpoints/endpointbar.h>
#include <app/result/rawjsonview.h>
#include <app/result/resulttableview.h>
#include <app/result/resultview.h>
#include <app/run/runcontroller.h>
#include <models/responsetablemodel.h>
#include <models/responsetreemodel.h>
#include <net/graphqlcall.h>
#include <net/graphqlclient.h>
#include <net/httpresult.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWidget>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>

#include <fcntl.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Sextant;

/**
 * What MainWindow does on Run, with one big response, measured on the UI thread:
 *   sextant_response_app_bench FILE [--json-only] [--tree-tab]
 * A QTcpServer on 127.0.0.1 in a thread of its own answers POST /warmup with a small body and every other POST
 * with FILE (Content-Length, Connection: close). A shown EndpointBar and ResultView (offscreen is fine) are driven
 * by App::RunController with a Net::GraphQLClient, after one warm-up run. Reported (one JSON line, then a table):
 * the time from the last byte received (GraphQLCall finished) to RunController::finished with the tree showing the
 * `data` row, to the Raw tab's line index (RawJsonView::linesIndexed) and to the Table tab's list; peak RSS growth
 * (VmHWM reset before the request) and RSS growth at the end vs the body size; the longest gap of a 1 ms heartbeat
 * QTimer on the UI thread from the request until all three are ready, and the five longest gaps, each with the
 * phase it fell in and the longest single event dispatched in it (receiver class / objectName, event type).
 * UI thread only, except the server thread. Exits 2 on bad arguments or an unreadable file, 1 when the run fails.
 */
namespace {

/// --tree-tab: the Tree tab is current during the run (the Raw index is not built), as after a normal Run.
bool g_treeTab = false;


qint64 procStatusKb(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Blocking HTTP/1.1 server on its own QThread: serving never runs on the UI thread.
class BodyServer final
{
public:
    explicit BodyServer(QByteArray body)
        : m_body(std::move(body))
    {
        m_thread.reset(QThread::create([this] { serve(); }));
        m_thread->start();
        while (m_port.load() == 0)
            QThread::msleep(1);
    }
    ~BodyServer()
    {
        m_stop = true;
        m_thread->wait(10000);
    }
    quint16 port() const { return quint16(m_port.load()); }
    std::atomic<int> served{0};

private:
    void serve()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            m_port = -1;
            return;
        }
        m_port = server.serverPort();
        while (!m_stop) {
            if (!server.waitForNewConnection(50))
                continue;
            std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
            QByteArray request;
            qsizetype headerEnd = -1;
            qint64 length = 0;
            for (int i = 0; i < 500 && !m_stop; ++i) { // at most ~5 s for the request
                if (socket->bytesAvailable() == 0 && !socket->waitForReadyRead(10))
                    continue;
                request += socket->readAll();
                if (headerEnd < 0 && (headerEnd = request.indexOf("\r\n\r\n")) >= 0) {
                    for (const QByteArray &line : request.left(headerEnd).split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                }
                if (headerEnd >= 0 && request.size() >= headerEnd + 4 + length)
                    break;
            }
            const bool warmup = request.startsWith("POST /warmup");
            const QByteArray body = warmup ? QByteArray(R"({"data":{"ok":true}})") : m_body;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/graphql-response+json; charset=utf-8\r\n"
                          "Connection: close\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n");
            for (qsizetype at = 0; at < body.size() && socket->state() == QAbstractSocket::ConnectedState;) {
                const qsizetype chunk = std::min<qsizetype>(1 << 20, body.size() - at);
                socket->write(body.constData() + at, chunk);
                at += chunk;
                while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(1000)) {
                }
            }
            socket->disconnectFromHost();
            if (socket->state() != QAbstractSocket::UnconnectedState)
                socket->waitForDisconnected(1000);
            ++served;
        }
    }

    QByteArray m_body;
    std::unique_ptr<QThread> m_thread;
    std::atomic<int> m_port{0};
    std::atomic<bool> m_stop{false};
};

/// Times every top-level event dispatch on the UI thread; remembers the longest one since reset().
class TimingApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = threadCpuNs();
        const QByteArray what = describe(receiver, event->type()); // before: the receiver may delete itself
        const bool result = QApplication::notify(receiver, event);
        const qint64 ns = timer.nsecsElapsed();
        const qint64 cpuNs = threadCpuNs() - cpuStart;
        --m_depth;
        if (ns > longestNs) {
            longestNs = ns;
            // The UI thread's CPU time in it: far below the wall time means the thread was preempted (load).
            longestWhat = what + ' ' + QByteArray::number(double(ns) / 1e6, 'f', 1) + " ms, cpu "
                          + QByteArray::number(double(cpuNs) / 1e6, 'f', 1) + " ms";
        }
        return result;
    }
    void reset()
    {
        longestNs = 0;
        longestWhat.clear();
    }

    qint64 longestNs = 0;
    QByteArray longestWhat;

private:
    static qint64 threadCpuNs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    }
    static QByteArray describe(QObject *receiver, int type)
    {
        if (type == QEvent::DeferredDelete)
            return QByteArrayLiteral("DeferredDelete");
        QByteArray what = receiver ? QByteArray(receiver->metaObject()->className()) : QByteArrayLiteral("?");
        if (receiver && !receiver->objectName().isEmpty())
            what += '(' + receiver->objectName().toUtf8() + ')';
        const char *name = type == QEvent::MetaCall     ? "MetaCall"
                           : type == QEvent::Timer      ? "Timer"
                           : type == QEvent::Paint      ? "Paint"
                           : type == QEvent::UpdateRequest ? "UpdateRequest"
                           : type == QEvent::LayoutRequest ? "LayoutRequest"
                           : type == QEvent::SockAct    ? "SockAct"
                           : type == QEvent::FutureCallOut ? "FutureCallOut"
                                                        : nullptr;
        what += ' ';
        what += name ? QByteArray(name) : QByteArray::number(type);
        return what;
    }

    int m_depth = 0;
};

/// This thread's CPU time and time spent waiting on a run queue, ns (/proc/thread-self/schedstat).
struct SchedStat
{
    qint64 cpuNs = 0;
    qint64 waitNs = 0;
};

SchedStat readSchedStat(int fd)
{
    char buffer[128] = {};
    SchedStat stat;
    if (fd >= 0 && pread(fd, buffer, sizeof buffer - 1, 0) > 0)
        std::sscanf(buffer, "%lld %lld", &stat.cpuNs, &stat.waitNs);
    return stat;
}

struct Stall
{
    double ms;
    double cpuMs;  ///< the UI thread's CPU time in the gap
    double waitMs; ///< its time runnable but waiting for a CPU (machine load), the rest is blocked or asleep
    QByteArray phase;
    QByteArray event;
    double atMs; ///< end of the gap, since the request
};

/// One big run through @p controller, measured; returns 0 or 1. @p label names the run in the output.
int measureRun(TimingApplication *app, Net::GraphQLClient &client, App::RunController &controller,
               App::ResultView *resultView, const Net::EndpointProfile &profile, const Net::GraphQLRequest &request,
               const char *label, bool jsonOnly)
{
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5"); // VmHWM := VmRSS
    clearRefs.close();
    const qint64 rssBeforeKb = procStatusKb("VmRSS");

    QElapsedTimer clock;
    QByteArray phase = "request";
    qint64 lastByteNs = -1, finishedNs = -1, treeNs = -1, rawNs = -1, tableNs = -1, endNs = -1;
    qint64 bodyBytes = 0;
    std::vector<Stall> stalls;
    qint64 lastTickNs = 0;
    const int schedFd = ::open("/proc/thread-self/schedstat", O_RDONLY);
    SchedStat lastSched = readSchedStat(schedFd);
    QByteArray lastPhase = phase;
    const auto phaseNow = [&] {
        if (lastByteNs < 0)
            return QByteArray("receiving");
        if (finishedNs < 0)
            return QByteArray("parse+show");
        QByteArray waiting;
        if (rawNs < 0 && !g_treeTab)
            waiting += "raw-index ";
        if (tableNs < 0)
            waiting += "table ";
        return waiting.isEmpty() ? QByteArray("settle") : "after finished, waiting: " + waiting.trimmed();
    };
    const auto checkReady = [&] {
        const qint64 now = clock.nsecsElapsed();
        if (tableNs < 0 && finishedNs >= 0
            && resultView->resultTable()->model()->listNode() != Core::ResponseDocument::InvalidNode)
            tableNs = now;
        if (endNs < 0 && treeNs >= 0 && (rawNs >= 0 || g_treeTab) && tableNs >= 0) {
            endNs = now;
            QTimer::singleShot(100, [] { QCoreApplication::exit(0); }); // measure the tail too
        }
    };

    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double gapMs = double(now - lastTickNs) / 1e6;
        const SchedStat sched = readSchedStat(schedFd);
        if (gapMs > 5)
            stalls.push_back({gapMs, double(sched.cpuNs - lastSched.cpuNs) / 1e6,
                              double(sched.waitNs - lastSched.waitNs) / 1e6, lastPhase, app->longestWhat,
                              double(now) / 1e6});
        lastSched = sched;
        app->reset();
        lastTickNs = now;
        lastPhase = phaseNow();
        checkReady();
    });
    QObject::connect(resultView->rawJsonView(), &App::RawJsonView::linesIndexed, [&](int) {
        if (rawNs < 0 && finishedNs >= 0)
            rawNs = clock.nsecsElapsed();
        checkReady();
    });
    QObject::connect(&controller, &App::RunController::finished, [&] {
        finishedNs = clock.nsecsElapsed();
        const QAbstractItemModel *model = resultView->treeView()->model();
        if (model && model->rowCount() > 0 && model->index(0, 0).data().toString() == u"data"_s)
            treeNs = finishedNs;
        else
            std::fprintf(stderr, "the tree does not show a data row\n");
        // A raw index may have been ready already (same frame): RawJsonView says so by its line count.
        checkReady();
        if (treeNs < 0)
            QCoreApplication::exit(1);
    });

    // By default the Raw tab is current, so its line index is built with the answer and every view is measured;
    // with --tree-tab the Tree tab is current, as after a normal Run, and the Raw index waits until Raw is opened.
    if (!g_treeTab)
        resultView->tabs()->setCurrentWidget(resultView->rawJsonView()->parentWidget());
    else
        resultView->tabs()->setCurrentWidget(resultView->treeView()->parentWidget());
    clock.start();
    app->reset();
    heartbeat.start();
    if (!controller.start(profile, request)) {
        std::fprintf(stderr, "cannot start the run\n");
        return 1;
    }
    // The call start() created: its finished signal is the client's last byte (RunController's slot runs first
    // and only hands the body to a worker).
    const auto calls = client.findChildren<Net::GraphQLCall *>();
    for (Net::GraphQLCall *call : calls) {
        QObject::connect(call, &Net::GraphQLCall::finished, [&](const Net::HttpResult &result) {
            lastByteNs = clock.nsecsElapsed();
            bodyBytes = result.body.size();
        });
    }
    QTimer failSafe;
    failSafe.setSingleShot(true);
    QObject::connect(&failSafe, &QTimer::timeout, [] { QCoreApplication::exit(1); });
    failSafe.start(300000);
    const int code = QCoreApplication::exec();
    QObject::disconnect(resultView->rawJsonView(), nullptr, nullptr, nullptr);
    QObject::disconnect(&controller, &App::RunController::finished, nullptr, nullptr);
    heartbeat.stop();
    if (schedFd >= 0)
        ::close(schedFd);
    if (code != 0 || lastByteNs < 0) {
        std::fprintf(stderr, "the run failed (raw %lld, table %lld, tree %lld)\n", rawNs, tableNs, treeNs);
        return 1;
    }
    const qint64 peakKb = procStatusKb("VmHWM");
    const qint64 rssEndKb = procStatusKb("VmRSS");
    // Only the stalls until everything was ready count (plus the 100 ms tail for the record).
    std::sort(stalls.begin(), stalls.end(), [](const Stall &a, const Stall &b) { return a.ms > b.ms; });
    const double longest = stalls.empty() ? 0.0 : stalls.front().ms;
    const auto ms = [&](qint64 ns) { return ns < 0 ? -1.0 : double(ns - lastByteNs) / 1e6; };
    const double mb = double(bodyBytes) / 1e6;
    std::printf("{\"run\":\"%s\",\"bytes\":%lld,\"requestToLastByteMs\":%.1f,\"lastByteToFinishedMs\":%.1f,"
                "\"lastByteToTreeMs\":%.1f,\"lastByteToRawIndexMs\":%.1f,\"lastByteToTableMs\":%.1f,"
                "\"lastByteToAllMs\":%.1f,\"rssBeforeKb\":%lld,\"peakRssKb\":%lld,\"rssEndKb\":%lld,"
                "\"longestStallMs\":%.1f,\"topStalls\":[",
                label, bodyBytes, double(lastByteNs) / 1e6, ms(finishedNs), ms(treeNs), ms(rawNs), ms(tableNs), ms(endNs),
                rssBeforeKb, peakKb, rssEndKb, longest);
    for (size_t i = 0; i < std::min<size_t>(5, stalls.size()); ++i)
        std::printf("%s{\"ms\":%.1f,\"cpuMs\":%.1f,\"runQueueMs\":%.1f,\"atMs\":%.1f,\"phase\":\"%s\","
                    "\"event\":\"%s\"}",
                    i ? "," : "", stalls[i].ms, stalls[i].cpuMs, stalls[i].waitMs, stalls[i].atMs,
                    stalls[i].phase.constData(), stalls[i].event.constData());
    std::printf("]}\n");
    if (!jsonOnly) {
        std::printf("[%s] body %.1f MB, transfer %.0f ms; after the last byte: finished+tree %.0f ms, raw index %.0f ms, "
                    "table %.0f ms\n",
                    label, mb, double(lastByteNs) / 1e6, ms(treeNs), ms(rawNs), ms(tableNs));
        std::printf("RSS: peak +%.1f MB (%.2f x body), at end +%.1f MB (%.2f x body)\n",
                    double(peakKb - rssBeforeKb) / 1024, double(peakKb - rssBeforeKb) * 1024 / 1e6 / mb,
                    double(rssEndKb - rssBeforeKb) / 1024, double(rssEndKb - rssBeforeKb) * 1024 / 1e6 / mb);
        std::printf("%9s %7s %9s %8s  %-40s %s\n", "stall ms", "cpu ms", "runq ms", "at ms", "phase",
                    "longest event in it");
        for (size_t i = 0; i < std::min<size_t>(5, stalls.size()); ++i)
            std::printf("%9.1f %7.1f %9.1f %8.1f  %-40s %s\n", stalls[i].ms, stalls[i].cpuMs, stalls[i].waitMs,
                        stalls[i].atMs, stalls[i].phase.constData(), stalls[i].event.constData());
    }
    return 0;
}

int run(const QString &path, bool jsonOnly)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 2;
    }
    BodyServer server(file.readAll());
    file.close();
    if (server.port() <= 0) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1\n");
        return 1;
    }
    auto *app = static_cast<TimingApplication *>(QCoreApplication::instance());

    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *endpointBar = new App::EndpointBar(&window);
    auto *resultView = new App::ResultView(&window);
    layout->addWidget(endpointBar);
    layout->addWidget(resultView, 1);
    window.resize(1200, 800);
    window.show();
    Net::GraphQLClient client;
    App::RunController controller(&client, resultView, endpointBar);

    Net::EndpointProfile profile;
    profile.url = QUrl(u"http://127.0.0.1:%1/graphql"_s.arg(server.port()));
    profile.timeoutMs = 300000;
    Net::GraphQLRequest request;
    request.query = u"{ runsOrError { __typename } }"_s;

    // Warm-up: a small run first (network stack, fonts, first paint) so neither is in the baseline or the stalls.
    {
        Net::EndpointProfile small = profile;
        small.url.setPath(u"/warmup"_s);
        QEventLoop loop;
        QObject::connect(&controller, &App::RunController::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        controller.start(small, request);
        loop.exec();
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 200)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }

    // The first big run, then a second one that replaces it (the old document is released meanwhile).
    if (const int code = measureRun(app, client, controller, resultView, profile, request, "first", jsonOnly))
        return code;
    if (const int code = measureRun(app, client, controller, resultView, profile, request, "rerun", jsonOnly))
        return code;
    // What showResponse() does, call by call, on the document shown (single calls; the UI thread is idle).
    const auto document = resultView->responseModel()->document();
    const auto time = [](auto &&call) {
        QElapsedTimer timer;
        timer.start();
        call();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    const double tableMs = time([&] { resultView->resultTable()->setDocument(document); });
    const double rawMs = time([&] { resultView->rawJsonView()->setDocument(document); });
    const double treeMs = time([&] { resultView->responseModel()->setDocument(document); });
    std::printf("{\"breakdown\":{\"tableSetDocumentMs\":%.1f,\"rawSetDocumentMs\":%.1f,"
                "\"treeModelSetDocumentMs\":%.1f}}\n",
                tableMs, rawMs, treeMs);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    TimingApplication app(argc, argv);
    QStringList args = app.arguments();
    g_treeTab = args.removeAll(u"--tree-tab"_s) > 0;
    if (args.size() < 2 || args.size() > 3 || (args.size() == 3 && args.at(2) != u"--json-only"_s)) {
        std::fprintf(stderr, "usage: sextant_response_app_bench FILE [--json-only] [--tree-tab]\n");
        return 2;
    }
    return run(args.at(1), args.size() == 3);
}
