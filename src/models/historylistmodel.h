// SPDX-License-Identifier: MIT
// Sextant: the run history as a table (time, operation, endpoint, status, duration, size) over store entries.
#pragma once

#include <store/historyentry.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace Sextant::Models {

/**
 * One row per Store::HistoryEntry handed to setEntries() (the history dock feeds it the results of
 * Store::HistoryStore::search(), newest first); the model never reads the database itself. GUI thread only.
 *
 * Columns: Time ("14:03:12" today, "Yesterday 14:03", "2026-11-20 14:03" before, in local time relative to now()),
 * Operation (the operation name or "(anonymous)"), Endpoint (host:port), Status ("200", "200 · errors",
 * "HTTP 502", "Network error", "Timed out", "Cancelled"), Duration ("85 ms", "1.4 s") and Size ("512 B",
 * "3.4 MB"). The tool tip has the full local time, URL and status line. HistoryIdRole, HistoryOutcomeRole (int)
 * and HistoryStartedAtRole give the raw values; the view picks colours from the outcome (no QColor here).
 * Bad input: out-of-range rows give an invalid QVariant / a default entry.
 */
class HistoryListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryListModel)

public:
    enum Column { TimeColumn, OperationColumn, EndpointColumn, StatusColumn, DurationColumn, SizeColumn, ColumnCount };

    explicit HistoryListModel(QObject *parent = nullptr);
    ~HistoryListModel() override;

    void setEntries(QList<Store::HistoryEntry> entries);
    const QList<Store::HistoryEntry> &entries() const { return m_entries; }
    /// The entry in @p row; a default one (id 0) when out of range.
    Store::HistoryEntry entry(int row) const;
    /// The row of the entry with @p id, -1 if absent.
    int rowOf(qint64 id) const;

    /// The reference time for "today" and "Yesterday"; the current time unless set (tests fix it).
    QDateTime now() const;
    void setNow(const QDateTime &now);

    static QString timeText(const QDateTime &startedAt, const QDateTime &now);
    static QString statusText(const Store::HistoryEntry &entry);
    static QString durationText(qint64 ms);
    static QString sizeText(qint64 bytes);
    /// "127.0.0.1:3000" from the entry's URL (the whole URL when it has no host).
    static QString endpointText(const Store::HistoryEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Store::HistoryEntry> m_entries;
    QDateTime m_now;
};

} // namespace Sextant::Models
