// SPDX-License-Identifier: MIT
// Sextant: Parser::parse(), a thin entry point over DocumentParser.
#include "parser.h"

#include "documentparser.h"

namespace Sextant::Core {

using namespace Ast;

ParseResult Parser::parse(const QString &source, ParseMode mode)
{
    DocumentParser parser(source, mode);
    return parser.run();
}

} // namespace Sextant::Core
