// SPDX-License-Identifier: MIT
// Sextant: the list of a response's GraphQL errors as a table (message, path, locations, extensions).
#pragma once

#include <core/response/graphqlresponse.h>

#include <QAbstractTableModel>
#include <QList>

namespace Sextant::Models {

/**
 * One row per entry of a response's "errors" list (GraphQL spec §7.1.2, PROTOCOLS.md §1.9), with the
 * columns Message, Path ("viewer.repositories.nodes[1].owner.login"), Locations ("3:5, 7:1") and Extensions (the
 * "extensions" object as compact JSON in document order, e.g. {"code":"DAGSTER_LOCATION_ERROR"}).
 *
 * Owns a copy of the Core::ResponseError values handed to setErrors(). ErrorPathRole gives the path as
 * QVariantList (for ResponseTreeModel::indexForPath(), after prefixing "data"), ErrorLocationLineRole /
 * ErrorLocationColumnRole the first location (0 when there is none) to jump into the editor. Entries
 * without message, path or locations show empty cells. GUI thread only.
 */
class ErrorListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorListModel)

public:
    enum Column { MessageColumn, PathColumn, LocationsColumn, ExtensionsColumn, ColumnCount };

    explicit ErrorListModel(QObject *parent = nullptr);
    ~ErrorListModel() override;

    void setErrors(QList<Core::ResponseError> errors);
    void clear();
    const QList<Core::ResponseError> &errors() const { return m_errors; }
    /// The error shown in @p row; a default-constructed one when out of range.
    Core::ResponseError error(int row) const;

    /// "3:5, 7:1" for the locations of an error.
    static QString locationsText(const QList<Core::SourceLocation> &locations);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::ResponseError> m_errors;
};

} // namespace Sextant::Models
