// SPDX-License-Identifier: MIT
// Sextant: the run history as a table (time, operation, endpoint, status, duration, size) over store entries.
#include "models/historylistmodel.h"

#include "models/roles.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sextant::Models {

HistoryListModel::HistoryListModel(QObject *parent) : QAbstractTableModel(parent) {}

HistoryListModel::~HistoryListModel() = default;

void HistoryListModel::setEntries(QList<Store::HistoryEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

Store::HistoryEntry HistoryListModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : Store::HistoryEntry();
}

int HistoryListModel::rowOf(qint64 id) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id)
            return int(row);
    }
    return -1;
}

QDateTime HistoryListModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

void HistoryListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, TimeColumn), index(int(m_entries.size()) - 1, TimeColumn));
}

QString HistoryListModel::timeText(const QDateTime &startedAt, const QDateTime &now)
{
    const QDateTime local = startedAt.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return local.toString(u"HH:mm:ss"_s);
    if (local.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(local.toString(u"HH:mm"_s));
    return local.toString(u"yyyy-MM-dd HH:mm"_s);
}

QString HistoryListModel::statusText(const Store::HistoryEntry &entry)
{
    switch (entry.outcome) {
    case Store::HistoryOutcome::Ok:
        return QString::number(entry.httpStatus);
    case Store::HistoryOutcome::GraphQLErrors:
        return tr("%1 · errors").arg(entry.httpStatus);
    case Store::HistoryOutcome::HttpError:
        return entry.httpStatus > 0 ? tr("HTTP %1").arg(entry.httpStatus) : tr("Bad response");
    case Store::HistoryOutcome::NetworkError:
        return tr("Network error");
    case Store::HistoryOutcome::TimedOut:
        return tr("Timed out");
    case Store::HistoryOutcome::Cancelled:
        break;
    }
    return tr("Cancelled");
}

QString HistoryListModel::durationText(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60'000)
        return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return tr("%1 min %2 s").arg(ms / 60'000).arg((ms % 60'000) / 1000);
}

QString HistoryListModel::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    if (bytes < qint64(1024) * 1024 * 1024)
        return tr("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return tr("%1 GB").arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1);
}

QString HistoryListModel::endpointText(const Store::HistoryEntry &entry)
{
    const QUrl url(entry.endpointUrl);
    if (url.host().isEmpty())
        return entry.endpointUrl;
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

int HistoryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::HistoryEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return timeText(entry.startedAt, now());
        case OperationColumn:
            return entry.operationName.isEmpty() ? tr("(anonymous)") : entry.operationName;
        case EndpointColumn:
            return endpointText(entry);
        case StatusColumn:
            return statusText(entry);
        case DurationColumn:
            return durationText(entry.durationMs);
        case SizeColumn:
            return sizeText(entry.responseSize);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return QString(entry.startedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u'\n' + entry.endpointUrl
                       + u'\n' + entry.message);
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case HistoryIdRole:
        return entry.id;
    case HistoryOutcomeRole:
        return int(entry.outcome);
    case HistoryStartedAtRole:
        return entry.startedAt;
    default:
        return {};
    }
}

QVariant HistoryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case OperationColumn:
        return tr("Operation");
    case EndpointColumn:
        return tr("Endpoint");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case SizeColumn:
        return tr("Size");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Sextant::Models
