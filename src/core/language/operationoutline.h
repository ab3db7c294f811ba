// SPDX-License-Identifier: MIT
// Sextant: the list of operations in an editor document (for the operation picker and Run).
#pragma once

#include <core/language/ast.h>
#include <core/language/sourcelocation.h>

#include <QtCore/QList>
#include <QtCore/QString>

namespace Sextant::Core {

/** One OperationDefinition of a document (§2.3): its type, name (empty if anonymous) and source range. */
struct OperationInfo
{
    OperationType operation = OperationType::Query;
    QString name;
    int startOffset = -1;
    int endOffset = -1; // exclusive: end of the last token of the operation (or of what was parsed of it)
    SourceLocation loc;
};

/**
 * The operations of `source` in document order, from a tolerant parse (Parser, ParseMode::Tolerant), so an
 * editor keeps its operation list while the text has syntax errors. Pure function, any thread; returns an
 * empty list for text without operations.
 */
QList<OperationInfo> outlineOperations(const QString &source);

/**
 * Index of the operation whose range [startOffset, endOffset] contains `offset` (a cursor right after the
 * closing brace still counts), or -1 if the offset is outside every operation.
 */
int operationIndexAt(const QList<OperationInfo> &operations, int offset);

} // namespace Sextant::Core
