// SPDX-License-Identifier: MIT
// Sextant: item-data roles shared by every model in sextant_models.
#pragma once

#include <Qt>

namespace Sextant::Models {

/**
 * Custom item-data roles. Models return plain data (strings, enums as int, bools); the app layer maps
 * them to icons and colours, so no model returns QIcon/QColor (ARCHITECTURE.md, "models").
 */
enum Role : int {
    // Schema tree (SchemaTreeModel)
    NodeKindRole = Qt::UserRole + 1, ///< int: SchemaTreeModel::NodeKind of the row
    TypeKindRole,                    ///< int: Core::TypeKind of the named type the row shows or returns
    TypeNameRole,                    ///< QString: named type to navigate to when the row is clicked ("Run")
    TypeRefRole,                     ///< QString: full type reference as written ("[Run!]!")
    DescriptionRole,                 ///< QString: description (Markdown as given by the schema), may be empty
    IsDeprecatedRole,                ///< bool
    DeprecationReasonRole,           ///< QString
    SignatureRole,                   ///< QString: one-line signature ("runsOrError(filter: RunsFilter, limit: Int): RunsOrError!")
    DefaultValueRole,                ///< QString: default value literal of an argument or input field, empty if none

    // Result tree (ResponseTreeModel)
    JsonKindRole = Qt::UserRole + 100, ///< int: Core::JsonKind of the node
    JsonPathRole,                      ///< QString: response path, e.g. "data.runsOrError.results[3].runId"
    JsonRawValueRole,                  ///< QString: full scalar value, never elided (for copy)
    ChildCountRole,                    ///< int: number of children of an object/array (all, not only fetched ones)

    // Response errors (ErrorListModel)
    ErrorPathRole = Qt::UserRole + 120, ///< QVariantList: the error's response path (QString names, int indices)
    ErrorLocationLineRole,              ///< int: 1-based line of the first location in the request, 0 if none
    ErrorLocationColumnRole,            ///< int: 1-based column of the first location, 0 if none
    ErrorJsonRole,                      ///< QString: the whole error entry, pretty JSON in document order
    ErrorExtensionsRole,                ///< QString: the entry's "extensions" as compact JSON, empty if absent

    // Run history (HistoryListModel)
    HistoryIdRole = Qt::UserRole + 200, ///< qint64: the run's Store::HistoryEntry id
    HistoryOutcomeRole,                 ///< int: Store::HistoryOutcome of the run
    HistoryStartedAtRole,               ///< QDateTime: when the run started (UTC)
};

} // namespace Sextant::Models
