// SPDX-License-Identifier: MIT
// Sextant: filter + icons on top of the schema tree model.
#pragma once

#include <QSortFilterProxyModel>

namespace Sextant::App {

/**
 * Recursive, case-insensitive filter over Models::SchemaTreeModel (a row matches when its name contains the text,
 * and its ancestors stay visible), plus a DecorationRole icon per row from kindicons.h: the model stays free of
 * icons (ARCHITECTURE.md, "models"). GUI thread only.
 */
class SchemaProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaProxyModel)

public:
    explicit SchemaProxyModel(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role) const override;
};

} // namespace Sextant::App
