// SPDX-License-Identifier: MIT
// Sextant: the fragment definitions of a possibly incomplete document, for completing fragment spreads.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Sextant::Core {

/** A fragment definition anywhere in the document (spec §2.8 FragmentDefinition). */
struct CompletionFragment
{
    QString name;
    QString typeCondition;
};

/**
 * The `fragment Name on Type` definitions of `text`, in document order: a Core::Lexer token scan at brace depth 0,
 * so it works on documents with syntax errors (a definition whose header is incomplete is left out). Pure: any
 * thread; linear in the text.
 */
QList<CompletionFragment> documentFragments(QStringView text);

} // namespace Sextant::Core
