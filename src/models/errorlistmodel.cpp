// SPDX-License-Identifier: MIT
// Sextant: the list of a response's GraphQL errors as a table (message, path, locations, extensions).
#include "errorlistmodel.h"

#include "roles.h"

using namespace Qt::StringLiterals;

namespace Sextant::Models {

ErrorListModel::ErrorListModel(QObject *parent) : QAbstractTableModel(parent) {}

ErrorListModel::~ErrorListModel() = default;

void ErrorListModel::setErrors(QList<Core::ResponseError> errors)
{
    beginResetModel();
    m_errors = std::move(errors);
    endResetModel();
}

void ErrorListModel::clear()
{
    setErrors({});
}

Core::ResponseError ErrorListModel::error(int row) const
{
    return row >= 0 && row < m_errors.size() ? m_errors.at(row) : Core::ResponseError();
}

QString ErrorListModel::locationsText(const QList<Core::SourceLocation> &locations)
{
    QStringList parts;
    parts.reserve(locations.size());
    for (const Core::SourceLocation &location : locations)
        parts.append(QString::number(location.line) + QLatin1Char(':') + QString::number(location.column));
    return parts.join(u", "_s);
}

int ErrorListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_errors.size());
}

int ErrorListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ErrorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::ResponseError &error = m_errors.at(index.row());
    const Core::SourceLocation first = error.locations.isEmpty() ? Core::SourceLocation() : error.locations.first();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MessageColumn:
            return error.message;
        case PathColumn:
            return error.pathString;
        case LocationsColumn:
            return locationsText(error.locations);
        case ExtensionsColumn:
            return QString::fromUtf8(error.extensionsJson);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return QString::fromUtf8(error.json);
    case ErrorPathRole:
        return error.path;
    case ErrorLocationLineRole:
        return first.line;
    case ErrorLocationColumnRole:
        return first.column;
    case ErrorJsonRole:
        return QString::fromUtf8(error.json);
    case ErrorExtensionsRole:
        return QString::fromUtf8(error.extensionsJson);
    default:
        return {};
    }
}

QVariant ErrorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MessageColumn:
        return u"Message"_s;
    case PathColumn:
        return u"Path"_s;
    case LocationsColumn:
        return u"Locations"_s;
    case ExtensionsColumn:
        return u"Extensions"_s;
    default:
        return {};
    }
}

} // namespace Sextant::Models
