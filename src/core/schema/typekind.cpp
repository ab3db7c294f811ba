// SPDX-License-Identifier: MIT
// Sextant: the eight __TypeKind values of GraphQL introspection and their names.
#include "typekind.h"

#include <array>

namespace Sextant::Core {

namespace {
constexpr std::array<QLatin1StringView, 8> kKindNames{
    QLatin1StringView("SCALAR"), QLatin1StringView("OBJECT"), QLatin1StringView("INTERFACE"),
    QLatin1StringView("UNION"),  QLatin1StringView("ENUM"),   QLatin1StringView("INPUT_OBJECT"),
    QLatin1StringView("LIST"),   QLatin1StringView("NON_NULL"),
};
} // namespace

QString typeKindName(TypeKind kind)
{
    const auto i = static_cast<std::size_t>(kind);
    return i < kKindNames.size() ? QString(kKindNames[i]) : QString();
}

TypeKind typeKindFromName(QStringView name, bool *ok)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i) {
        if (name == kKindNames[i]) {
            if (ok)
                *ok = true;
            return static_cast<TypeKind>(i);
        }
    }
    if (ok)
        *ok = false;
    return TypeKind::Scalar;
}

} // namespace Sextant::Core
