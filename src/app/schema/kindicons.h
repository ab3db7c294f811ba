// SPDX-License-Identifier: MIT
// Sextant: small drawn icons for GraphQL type kinds and schema tree rows.
#pragma once

#include <QIcon>

namespace Sextant::App {

/**
 * Icons for schema items, drawn once with QPainter (a coloured badge with a letter, like GraphiQL's and IDEs'
 * symbol icons) and cached. @p typeKind is a Core::TypeKind as int; @p nodeKind a Models::SchemaTreeModel::NodeKind
 * as int. Unknown values give an empty icon. GUI thread only.
 */
QIcon schemaNodeIcon(int nodeKind, int typeKind);
QIcon typeKindIcon(int typeKind);

} // namespace Sextant::App
