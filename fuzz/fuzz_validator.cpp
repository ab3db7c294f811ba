// SPDX-License-Identifier: MIT
// Sextant: libFuzzer target for Core::Validator::validate on every document that parses, against the small schema.
#include <core/language/parser.h>
#include <core/schema/introspectionreader.h>
#include <core/validation/validator.h>

#include <QtCore/QFile>
#include <QtCore/QString>

#include <cstdint>
#include <cstdlib>

using namespace Sextant::Core;

namespace {

// The small fixture schema has every feature the rules look at (interfaces, unions, @oneOf, subscriptions,
// deprecations, repeatable directives) in 65 KB.
const Schema &smallSchema()
{
    static const std::shared_ptr<const Schema> schema = [] {
        QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/introspection.json"));
        if (!file.open(QIODevice::ReadOnly))
            abort();
        auto read = IntrospectionReader::read(file.readAll());
        if (!read.isValid())
            abort();
        return read.schema;
    }();
    return *schema;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParseResult parsed = Parser::parse(source, ParseMode::Strict);
    if (!parsed.isValid())
        return 0; // validator.h: only documents that parsed
    const QList<ValidationError> errors = Validator::validate(smallSchema(), *parsed.document);
    if (errors.size() > 101) // 100 errors, then "Too many validation errors"
        abort();
    return 0;
}
