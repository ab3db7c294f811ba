// SPDX-License-Identifier: MIT
// Sextant: filter + icons on top of the schema tree model.
#include "schemaproxymodel.h"

#include "kindicons.h"

#include <models/roles.h>

#include <QFont>

namespace Sextant::App {

SchemaProxyModel::SchemaProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(0);
}

QVariant SchemaProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == 0) {
        const QModelIndex source = mapToSource(index);
        const QVariant nodeKind = source.data(Models::NodeKindRole);
        if (!nodeKind.isValid())
            return {};
        return schemaNodeIcon(nodeKind.toInt(), source.data(Models::TypeKindRole).toInt());
    }
    if (role == Qt::FontRole && index.column() == 0 && mapToSource(index).data(Models::IsDeprecatedRole).toBool()) {
        QFont font;
        font.setStrikeOut(true);
        return font;
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace Sextant::App
