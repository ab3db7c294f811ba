// SPDX-License-Identifier: MIT
// Sextant: the C++ half of the side-by-side benchmarks against graphql-js (bench/run.py drives both halves).
//
// Usage: sextant_bench --introspection FILE --sdl FILE --query FILE [--iterations N] [--warmup N]
//                      [--completion FILE] [--large-query FILE --large-query-errors FILE]
//        sextant_bench --rss --introspection FILE
// Prints one JSON object per line: {"name":…,"median_ms":…,"iterations":N} or {"name":…,"na":"reason"};
// with --rss, {"name":"rss_github_schema","rss_kb":…}. --completion (the cases bench/run.py writes: text, UTF-16
// offset, line, character) adds "completion" (p50/p99 over every position × iteration) and one
// "completion_position" line per case with its item count and labels; --large-query adds "diagnostics_2000" and
// "diagnostics_2000_errors": what the editor's EditorDiagnostics computes (tolerant parse + Validator::validate).
// Every timed row also carries the process CPU time (std::clock), which a loaded machine's preemption does not
// inflate. The inputs are read (and decoded to QString) before any clock starts, like the JavaScript half, which
// gets strings from readFileSync.
// Optional parts are compiled in when their headers exist: the validator, the printer and the SDL schema builder.
#include <core/completion/completer.h>
#include <core/language/parser.h>
#include <core/schema/introspectionreader.h>
#if __has_include(<core/validation/validator.h>)
#include <core/validation/validator.h>
#define SEXTANT_BENCH_VALIDATOR 1
#endif
#if __has_include(<core/language/printer.h>)
#include <core/language/printer.h>
#define SEXTANT_BENCH_PRINTER 1
#endif
#if __has_include(<core/schema/sdlschemabuilder.h>)
#include <core/schema/sdlschemabuilder.h>
#define SEXTANT_BENCH_SDL 1
#endif

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Sextant;

namespace {

void printLine(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/// Median wall time (and median process CPU time) of @p body in milliseconds after @p warmup untimed runs.
/// @p body returns false on failure.
void measure(const QString &name, int warmup, int iterations, const std::function<bool()> &body)
{
    for (int i = 0; i < warmup; ++i) {
        if (!body()) {
            printLine({{u"name"_s, name}, {u"na"_s, u"failed"_s}});
            return;
        }
    }
    std::vector<double> samples;
    std::vector<double> cpuSamples;
    samples.reserve(size_t(iterations));
    cpuSamples.reserve(size_t(iterations));
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        const std::clock_t cpuStart = std::clock();
        timer.start();
        const bool ok = body();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpuSamples.push_back(double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
        if (!ok) {
            printLine({{u"name"_s, name}, {u"na"_s, u"failed"_s}});
            return;
        }
    }
    const auto median = [](std::vector<double> &values) {
        std::sort(values.begin(), values.end());
        const size_t n = values.size();
        return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    };
    printLine({{u"name"_s, name}, {u"median_ms"_s, median(samples)}, {u"cpu_median_ms"_s, median(cpuSamples)},
               {u"iterations"_s, iterations}});
}

/// Nearest-rank percentile of sorted @p samples (the same definition as graphqljs_bench.mjs).
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t rank = size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

/// Times Core::complete at every case of @p casesFile: @p warmup untimed rounds over all cases, then
/// @p iterations rounds, the cases interleaved within a round so that no case runs on a cache warmed by itself.
void measureCompletion(const Core::Schema &schema, const QByteArray &casesFile, int warmup, int iterations)
{
    struct Case
    {
        QString text;
        int offset = 0;
        std::vector<double> samples;
        std::vector<double> cpuSamples; // process CPU time: tells preemption on a loaded machine from real work
        QList<Core::CompletionItem> items;
    };
    std::vector<Case> cases;
    for (const QJsonValue &value : QJsonDocument::fromJson(casesFile).array()) {
        const QJsonObject object = value.toObject();
        cases.push_back({object.value(u"text"_s).toString(), object.value(u"offset"_s).toInt(), {}, {}, {}});
    }
    if (cases.empty()) {
        printLine({{u"name"_s, u"completion"_s}, {u"na"_s, u"no completion cases"_s}});
        return;
    }
    for (Case &item : cases)
        item.items = Core::complete(schema, item.text, item.offset);
    for (int round = 0; round < warmup; ++round) {
        for (const Case &item : cases)
            Core::complete(schema, item.text, item.offset);
    }
    std::vector<double> all;
    std::vector<double> allCpu;
    all.reserve(cases.size() * size_t(iterations));
    allCpu.reserve(cases.size() * size_t(iterations));
    QElapsedTimer timer;
    for (int round = 0; round < iterations; ++round) {
        for (Case &item : cases) {
            const std::clock_t cpuStart = std::clock();
            timer.start();
            const qsizetype count = Core::complete(schema, item.text, item.offset).size(); // freed in the clock too
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            item.cpuSamples.push_back(double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
            allCpu.push_back(item.cpuSamples.back());
            item.samples.push_back(ms);
            all.push_back(ms);
            if (count != item.items.size()) {
                printLine({{u"name"_s, u"completion"_s}, {u"na"_s, u"results differ between runs"_s}});
                return;
            }
        }
    }
    for (size_t i = 0; i < cases.size(); ++i) {
        Case &item = cases[i];
        std::sort(item.samples.begin(), item.samples.end());
        std::sort(item.cpuSamples.begin(), item.cpuSamples.end());
        QJsonArray labels;
        for (const Core::CompletionItem &completion : std::as_const(item.items))
            labels.append(completion.label);
        printLine({{u"name"_s, u"completion_position"_s}, {u"index"_s, int(i)}, {u"items"_s, int(item.items.size())},
                   {u"p50_ms"_s, percentile(item.samples, 0.5)}, {u"p99_ms"_s, percentile(item.samples, 0.99)},
                   {u"max_ms"_s, item.samples.back()}, {u"cpu_p99_ms"_s, percentile(item.cpuSamples, 0.99)},
                   {u"labels"_s, labels}});
    }
    std::sort(all.begin(), all.end());
    std::sort(allCpu.begin(), allCpu.end());
    printLine({{u"name"_s, u"completion"_s}, {u"median_ms"_s, percentile(all, 0.5)}, {u"p50_ms"_s, percentile(all, 0.5)},
               {u"p99_ms"_s, percentile(all, 0.99)}, {u"max_ms"_s, all.back()},
               {u"cpu_p50_ms"_s, percentile(allCpu, 0.5)}, {u"cpu_p99_ms"_s, percentile(allCpu, 0.99)}, {u"samples"_s, int(all.size())},
               {u"positions"_s, int(cases.size())}, {u"iterations"_s, iterations}});
}

[[maybe_unused]] void notAvailable(const QString &name, const QString &missing)
{
    printLine({{u"name"_s, name}, {u"na"_s, QString(missing + u" does not exist yet"_s)}});
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "sextant_bench: cannot read %s\n", qPrintable(path));
        std::exit(2);
    }
    return file.readAll();
}

qint64 vmRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser options;
    options.addOptions({
        {u"introspection"_s, u"GitHub introspection result (uncompressed JSON)."_s, u"file"_s},
        {u"sdl"_s, u"GitHub SDL."_s, u"file"_s},
        {u"query"_s, u"The ~200-line operations document."_s, u"file"_s},
        {u"iterations"_s, u"Timed runs per benchmark (large inputs use a fifth, at least 5)."_s, u"n"_s, u"100"_s},
        {u"warmup"_s, u"Untimed runs first."_s, u"n"_s, u"3"_s},
        {u"completion"_s, u"Completion cases: JSON array of {text, offset, line, character} (bench/run.py)."_s, u"file"_s},
        {u"large-query"_s, u"A valid ~2,000-line operations document."_s, u"file"_s},
        {u"large-query-errors"_s, u"The same document with ~20 validation errors."_s, u"file"_s},
        {u"rss"_s, u"Only measure the RSS growth of loading the introspection schema."_s},
    });
    options.addHelpOption();
    options.process(app);

    if (options.isSet(u"rss"_s)) {
        const qint64 before = vmRssKb();
        std::shared_ptr<const Core::Schema> schema;
        {
            const QByteArray json = readFile(options.value(u"introspection"_s));
            schema = Core::IntrospectionReader::read(json).schema; // the bytes are freed at the end of the scope
        }
        const qint64 after = vmRssKb();
        if (!schema)
            return 1;
        printLine({{u"name"_s, u"rss_github_schema"_s}, {u"rss_kb"_s, after - before}});
        return 0;
    }

    const int iterations = qMax(1, options.value(u"iterations"_s).toInt());
    const int heavy = qMax(5, iterations / 5);
    const int warmup = qMax(0, options.value(u"warmup"_s).toInt());
    const QByteArray introspection = readFile(options.value(u"introspection"_s));
    const QString sdl = QString::fromUtf8(readFile(options.value(u"sdl"_s)));
    const QString query = QString::fromUtf8(readFile(options.value(u"query"_s)));

    std::shared_ptr<const Core::Schema> github;
    measure(u"introspection_to_schema"_s, warmup, heavy, [&] {
        github = Core::IntrospectionReader::read(introspection).schema;
        return github != nullptr;
    });
    measure(u"parse_sdl"_s, warmup, heavy, [&] { return Core::Parser::parse(sdl).isValid(); });
    measure(u"parse_query"_s, warmup, iterations, [&] { return Core::Parser::parse(query).isValid(); });
#ifdef SEXTANT_BENCH_VALIDATOR
    measure(u"parse_validate_query"_s, warmup, iterations, [&] {
        const Core::ParseResult parsed = Core::Parser::parse(query);
        return parsed.isValid() && github && Core::Validator::validate(*github, *parsed.document).isEmpty();
    });
#else
    notAvailable(u"parse_validate_query"_s, u"core/validation/validator.h"_s);
#endif
#ifdef SEXTANT_BENCH_VALIDATOR
    if (options.isSet(u"large-query"_s) && options.isSet(u"large-query-errors"_s)) {
        // EditorDiagnostics::check(): a tolerant parse, then every validation rule when there is no syntax error.
        const auto diagnostics = [&](const QString &text) -> qsizetype {
            const Core::ParseResult parsed = Core::Parser::parse(text, Core::ParseMode::Tolerant);
            if (!parsed.errors.isEmpty() || !parsed.document || !github)
                return -1;
            return Core::Validator::validate(*github, *parsed.document).size();
        };
        const QString large = QString::fromUtf8(readFile(options.value(u"large-query"_s)));
        const QString largeErrors = QString::fromUtf8(readFile(options.value(u"large-query-errors"_s)));
        const qsizetype errors = diagnostics(largeErrors);
        measure(u"diagnostics_2000"_s, warmup, iterations, [&] { return diagnostics(large) == 0; });
        measure(u"diagnostics_2000_errors"_s, warmup, iterations, [&] { return diagnostics(largeErrors) == errors && errors > 0; });
        printLine({{u"name"_s, u"diagnostics_2000_counts"_s}, {u"lines"_s, int(large.count(u'\n'))},
                   {u"errors_lines"_s, int(largeErrors.count(u'\n'))}, {u"errors"_s, int(errors)}});
    }
#endif
    if (options.isSet(u"completion"_s) && github)
        measureCompletion(*github, readFile(options.value(u"completion"_s)), qMax(warmup, 10), iterations);
#ifdef SEXTANT_BENCH_PRINTER
    measure(u"print_query"_s, warmup, iterations, [&] { return !Core::printDocument(query).isEmpty(); });
    measure(u"print_sdl"_s, warmup, heavy, [&] { return !Core::printDocument(sdl).isEmpty(); });
#else
    notAvailable(u"print_query"_s, u"core/language/printer.h"_s);
    notAvailable(u"print_sdl"_s, u"core/language/printer.h"_s);
#endif
#ifdef SEXTANT_BENCH_SDL
    measure(u"sdl_to_schema"_s, warmup, heavy, [&] { return Core::buildSchemaFromSdl(sdl).isValid(); });
#else
    notAvailable(u"sdl_to_schema"_s, u"core/schema/sdlschemabuilder.h"_s);
#endif
    return 0;
}
