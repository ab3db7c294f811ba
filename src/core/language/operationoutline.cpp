// SPDX-License-Identifier: MIT
// Sextant: outlineOperations() and operationIndexAt().
#include "operationoutline.h"

#include "parser.h"

namespace Sextant::Core {

using namespace Ast;

QList<OperationInfo> outlineOperations(const QString &source)
{
    const ParseResult result = Parser::parse(source, ParseMode::Tolerant);
    QList<OperationInfo> operations;
    for (const Definition *definition : result.document->definitions) {
        const auto *operation = astCast<OperationDefinition>(definition);
        if (!operation)
            continue;
        operations.append(OperationInfo{operation->operation, operation->name, operation->loc.offset,
                                        operation->endOffset, operation->loc});
    }
    return operations;
}

int operationIndexAt(const QList<OperationInfo> &operations, int offset)
{
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const OperationInfo &operation = operations.at(i);
        if (offset >= operation.startOffset && offset <= operation.endOffset)
            return int(i);
    }
    return -1;
}

} // namespace Sextant::Core
