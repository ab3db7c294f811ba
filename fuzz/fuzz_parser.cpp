// SPDX-License-Identifier: MIT
// Sextant: libFuzzer target for Core::Parser in both modes (tolerant must never crash, hang or break its contract).
#include <core/language/parser.h>

#include <QtCore/QString>

#include <cstdint>
#include <cstdlib>

using namespace Sextant::Core;

namespace {

// The parser's documented contract (parser.h); a violation aborts so libFuzzer keeps the input.
void check(const QString &source, const ParseResult &result, ParseMode mode)
{
    if (!result.document)
        abort();
    if (mode == ParseMode::Strict && result.errors.size() > 1)
        abort();
    if (result.errors.size() > Parser::MaxErrors)
        abort();
    int previous = -1;
    for (const SyntaxError &error : result.errors) {
        if (!error.location.isValid() || error.location.offset > source.size() || error.message.isEmpty())
            abort();
        if (error.location.offset < previous) // "at increasing offsets"
            abort();
        previous = error.location.offset;
    }
}

} // namespace

/**
 * The first byte picks the decoding: even = UTF-8 (what an editor or file usually holds), odd = raw UTF-16
 * code units, which reaches lone surrogates and every BMP code point. The rest is the GraphQL source.
 */
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const qsizetype length = qsizetype(size - 1);
    const QString source =
        (data[0] & 1) ? QString(reinterpret_cast<const QChar *>(bytes), length / 2) : QString::fromUtf8(bytes, length);
    for (const ParseMode mode : {ParseMode::Tolerant, ParseMode::Strict})
        check(source, Parser::parse(source, mode), mode);
    return 0;
}
