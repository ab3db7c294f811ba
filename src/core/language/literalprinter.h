// SPDX-License-Identifier: MIT
// Sextant: prints GraphQL literals (strings, block strings, values) exactly like graphql-js print().
#pragma once

#include <QtCore/QString>
#include <QtCore/QStringView>

namespace Sextant::Core {

namespace Ast {
struct Value;
}

/*
 * Pure functions, any thread; ports of graphql-js 16.15 src/language/printString.ts, blockString.ts
 * (spec §2.9.4 "String Value") and the value part of printer.ts. Never fail: any input prints.
 */

/// graphql-js printString(): a double-quoted StringValue with control characters escaped.
QString printStringLiteral(QStringView value);
/// graphql-js printBlockString(value, {minimize}).
QString printBlockStringLiteral(QStringView value, bool minimize = false);
/// graphql-js isPrintableAsBlockString().
bool isPrintableAsBlockString(QStringView value);
/// graphql-js print() of one value literal ("{a: [1, 2]}"); empty for null.
QString printValue(const Ast::Value *value);

} // namespace Sextant::Core
