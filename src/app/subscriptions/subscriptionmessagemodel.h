// SPDX-License-Identifier: MIT
// Sextant: the list of payloads a running subscription received, newest last, capped in memory.
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <deque>

namespace Sextant::App {

/**
 * One row per subscription payload (an ExecutionResult, compact JSON): received time (UTC, shown as local
 * hh:mm:ss.zzz), the 1-based message number, a summary ("countdown", "pipelineRunLogs", "errors: 2 · data",
 * "1.2 KB") and the size. At most maxMessages rows are kept (default MaxMessagesDefault = 10,000): when a new one
 * arrives the oldest is dropped, so memory stays bounded for subscriptions that run for hours; numbers keep counting.
 * The summary is computed when the payload arrives from a bounded prefix (payloads above SummaryParseLimit bytes are
 * summarized by size only), so adding rows never parses big documents on the UI thread. GUI thread only.
 */
class SubscriptionMessageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionMessageModel)

public:
    enum Column { TimeColumn, NumberColumn, SummaryColumn, SizeColumn, ColumnCount };
    static constexpr int MaxMessagesDefault = 10000;
    static constexpr qsizetype SummaryParseLimit = 256 * 1024;

    explicit SubscriptionMessageModel(QObject *parent = nullptr);
    ~SubscriptionMessageModel() override;

    void setMaxMessages(int maxMessages); ///< at least 1; drops the oldest rows beyond it at once
    int maxMessages() const;
    /// Appends one payload; returns its message number (1-based, counting dropped ones too).
    int append(const QDateTime &receivedAt, const QByteArray &payloadJson);
    void clear();
    int totalReceived() const; ///< every payload since clear(), dropped ones included
    int droppedCount() const;  ///< payloads dropped because of the cap

    QByteArray payload(int row) const;
    int number(int row) const;
    QDateTime receivedAt(int row) const;
    QString summary(int row) const;
    /// "errors: 2 · data.pipelineRunLogs" — top-level keys of an ExecutionResult, parse-free for big payloads.
    static QString summarize(const QByteArray &payloadJson);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QDateTime receivedAt;
        int number = 0;
        QByteArray json;
        QString summary;
    };
    void trimTo(int count);

    std::deque<Row> m_rows;
    int m_maxMessages = MaxMessagesDefault;
    int m_total = 0;
    int m_dropped = 0;
};

} // namespace Sextant::App
