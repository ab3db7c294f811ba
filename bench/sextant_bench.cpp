// SPDX-License-Identifier: MIT
// Sextant: the C++ half of the side-by-side benchmarks against graphql-js (bench/run.py drives both halves).
//
// Usage: sextant_bench --introspection FILE --sdl FILE --query FILE [--iterations N] [--warmup N]
//        sextant_bench --rss --introspection FILE
// Prints one JSON object per line: {"name":…,"median_ms":…,"iterations":N} or {"name":…,"na":"reason"};
// with --rss, {"name":"rss_github_schema","rss_kb":…}. The inputs are read (and decoded to QString) before any
// clock starts, like the JavaScript half, which gets strings from readFileSync.
// Optional parts are compiled in when their headers exist: the validator, the printer and the SDL schema builder.
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
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
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

/// Median wall time of @p body in milliseconds after @p warmup untimed runs. @p body returns false on failure.
void measure(const QString &name, int warmup, int iterations, const std::function<bool()> &body)
{
    for (int i = 0; i < warmup; ++i) {
        if (!body()) {
            printLine({{u"name"_s, name}, {u"na"_s, u"failed"_s}});
            return;
        }
    }
    std::vector<double> samples;
    samples.reserve(size_t(iterations));
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        timer.start();
        const bool ok = body();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!ok) {
            printLine({{u"name"_s, name}, {u"na"_s, u"failed"_s}});
            return;
        }
    }
    std::sort(samples.begin(), samples.end());
    const size_t n = samples.size();
    const double median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    printLine({{u"name"_s, name}, {u"median_ms"_s, median}, {u"iterations"_s, iterations}});
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
