// SPDX-License-Identifier: MIT
// Sextant: sextant_response_bench, the C++ half of bench/response.py (big responses: scan, receive → browsable).
#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <core/response/responsedocumentbuilder.h>
#include <models/responsetreemodel.h>
#include <net/graphqlclient.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Sextant;

/**
 * Two modes, each printing one JSON object on stdout (bench/response.py reads it):
 *   scan FILE [ITERATIONS]   ResponseDocument over FILE with the reference scanner and with simdjson (median ms).
 *   receive URL              What MainWindow does with one big response: GraphQLClient POSTs to URL (a local
 *                            server), the body arrives on this (main) thread, the parse runs with QtConcurrent,
 *                            then a ResponseTreeModel gets the document on the main thread and its first rows are
 *                            read. After one small warm-up request to URL's /warmup, reports the time from the
 *                            last byte to that browsable model, peak RSS (VmHWM, reset before the request)
 *                            growth over the RSS before the request, the RSS once parsed, and the longest gap
 *                            of a 1 ms QTimer heartbeat on the main thread from the request until the model is
 *                            ready.
 * Runs on the main thread only; exits 2 on bad arguments or an unreadable file, 1 when a parse or request fails.
 */
namespace {

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

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

int scan(const QString &path, int iterations)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 2;
    }
    // Read into a buffer with simdjson's padding, as GraphQLCall does, so neither engine is timed copying.
    QByteArray bytes;
    bytes.reserve(file.size() + Core::ResponseDocument::requiredPadding);
    bytes.resize(file.size());
    if (file.read(bytes.data(), file.size()) != file.size())
        return 2;
    using Engine = Core::ResponseDocumentBuilder::Engine;
    std::vector<double> reference;
    std::vector<double> simdjson;
    qint64 nodes = 0;
    for (int i = 0; i < iterations; ++i) {
        for (const Engine engine : {Engine::Reference, Engine::Simdjson}) {
            QElapsedTimer timer;
            timer.start();
            Core::ResponseDocument::ParseError error;
            const auto document = Core::ResponseDocumentBuilder::parse(bytes, &error, engine);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (!document) {
                std::fprintf(stderr, "parse failed: %s\n", qPrintable(error.message));
                return 1;
            }
            nodes = document->nodeCount();
            (engine == Engine::Reference ? reference : simdjson).push_back(ms);
        }
    }
    std::printf("{\"bytes\":%lld,\"nodes\":%lld,\"referenceMs\":%.2f,\"simdjsonMs\":%.2f}\n", qint64(bytes.size()),
                nodes, median(reference), median(simdjson));
    return 0;
}

struct Parsed
{
    std::shared_ptr<const Core::ResponseDocument> document;
    Core::GraphQLResponse response;
    QString error;
};

Parsed parseBody(const QByteArray &body)
{
    Parsed parsed;
    Core::ResponseDocument::ParseError error;
    parsed.document = Core::ResponseDocument::parse(body, &error);
    if (parsed.document)
        parsed.response = Core::readGraphQLResponse(*parsed.document);
    else
        parsed.error = error.message;
    return parsed;
}

// One small request first, as the app has made (introspection) before a big result arrives: the network stack's
// one-time set-up (threads, proxy and TLS configuration) is then neither in the RSS baseline nor in the stalls.
qint64 warmUp(Net::GraphQLClient &client, const Net::EndpointProfile &profile, const Net::GraphQLRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    Net::EndpointProfile small = profile;
    small.url.setPath(u"/warmup"_s);
    QPointer<Net::GraphQLCall> call = client.execute(small, request);
    QEventLoop loop;
    QObject::connect(call, &Net::GraphQLCall::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return timer.elapsed();
}

int receive(const QUrl &url)
{
    Net::GraphQLClient client;
    Net::EndpointProfile profile;
    profile.url = url;
    profile.timeoutMs = 120000;
    Net::GraphQLRequest request;
    request.query = u"{ runsOrError { __typename } }"_s;
    const qint64 warmUpMs = warmUp(client, profile, request);

    // Reset the peak RSS (VmHWM) to the current RSS: what follows is the big response's cost alone.
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
    clearRefs.close();
    const qint64 rssBeforeKb = procStatusKb("VmRSS");
    QElapsedTimer clock;
    clock.start();

    // Heartbeat: the longest gap between two 1 ms ticks is the longest the main thread was busy.
    qint64 lastTickNs = clock.nsecsElapsed();
    qint64 longestGapNs = 0;
    qint64 longestGapReceivingNs = 0; // until the last byte
    qint64 lastByteNs = -1;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longestGapNs = std::max(longestGapNs, now - lastTickNs);
        if (lastByteNs < 0)
            longestGapReceivingNs = longestGapNs;
        lastTickNs = now;
    });
    heartbeat.start();

    int exitCode = 1;
    qint64 parsedNs = -1;
    qint64 readyNs = -1;
    qint64 bodyBytes = 0;
    qint64 nodes = 0;
    int progressSignals = 0;
    qint64 rssParsedKb = -1;
    Models::ResponseTreeModel model;
    QPointer<Net::GraphQLCall> call = client.execute(profile, request);
    QObject::connect(call, &Net::GraphQLCall::progressed, [&](qint64, qint64) { ++progressSignals; });
    QObject::connect(call, &Net::GraphQLCall::finished, [&](const Net::HttpResult &result) {
        lastByteNs = clock.nsecsElapsed();
        bodyBytes = result.body.size();
        if (!result.isGraphQL()) {
            std::fprintf(stderr, "request failed: %s\n", qPrintable(result.message));
            QCoreApplication::exit();
            return;
        }
        auto *watcher = new QFutureWatcher<Parsed>();
        QObject::connect(watcher, &QFutureWatcher<Parsed>::finished, [&, watcher] {
            watcher->deleteLater();
            parsedNs = clock.nsecsElapsed();
            const Parsed parsed = watcher->result();
            if (!parsed.document) {
                std::fprintf(stderr, "parse failed: %s\n", qPrintable(parsed.error));
                QCoreApplication::exit();
                return;
            }
            nodes = parsed.document->nodeCount();
            rssParsedKb = procStatusKb("VmRSS");
            model.setDocument(parsed.document);
            // Browsable: the root rows and the first level under them can be shown.
            const QModelIndex root = model.index(0, 0);
            if (model.canFetchMore(root))
                model.fetchMore(root);
            for (int row = 0; row < std::min(model.rowCount(root), 50); ++row)
                (void)model.data(model.index(row, 0, root));
            readyNs = clock.nsecsElapsed();
            exitCode = 0;
            // Let a few more heartbeats run so the last stretch of main-thread work is measured too.
            QTimer::singleShot(20, [] { QCoreApplication::exit(); });
        });
        watcher->setFuture(QtConcurrent::run(parseBody, result.body));
    });
    QCoreApplication::exec();
    heartbeat.stop();
    if (exitCode != 0)
        return exitCode;
    const qint64 peakKb = procStatusKb("VmHWM");
    std::printf("{\"bytes\":%lld,\"nodes\":%lld,\"lastByteToParsedMs\":%.1f,\"lastByteToBrowsableMs\":%.1f,"
                "\"requestToLastByteMs\":%.1f,\"rssBeforeKb\":%lld,\"peakRssKb\":%lld,\"rssParsedKb\":%lld,"
                "\"longestStallMs\":%.1f,\"longestStallReceivingMs\":%.1f,\"progressSignals\":%d,\"warmUpMs\":%lld}\n",
                bodyBytes, nodes, double(parsedNs - lastByteNs) / 1e6, double(readyNs - lastByteNs) / 1e6,
                double(lastByteNs) / 1e6, rssBeforeKb, peakKb, rssParsedKb, double(longestGapNs) / 1e6,
                double(longestGapReceivingNs) / 1e6, progressSignals, warmUpMs);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args.at(1) == u"scan"_s)
        return scan(args.at(2), args.size() >= 4 ? std::max(1, args.at(3).toInt()) : 5);
    if (args.size() == 3 && args.at(1) == u"receive"_s)
        return receive(QUrl(args.at(2)));
    std::fprintf(stderr, "usage: sextant_response_bench scan FILE [ITERATIONS] | receive URL\n");
    return 2;
}
