// SPDX-License-Identifier: MIT
// Sextant: libFuzzer target for Core::IntrospectionReader::read (bad input must give an error, never a crash).
#include <core/schema/introspectionreader.h>

#include <QtCore/QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace Sextant::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const IntrospectionReadResult result = IntrospectionReader::read(json);
    // Documented: a schema and no error, or no schema and an error naming the problem.
    if (result.isValid() == !result.error.isEmpty())
        abort();
    return 0;
}
