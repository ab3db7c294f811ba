// SPDX-License-Identifier: MIT
// Sextant: rows of subscription payloads with a bounded history and cheap summaries.
#include "app/subscriptions/subscriptionmessagemodel.h"

#include <core/response/responsedocument.h>
#include <net/httpresult.h>

#include <QLocale>

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;

namespace Sextant::App {

SubscriptionMessageModel::SubscriptionMessageModel(QObject *parent) : QAbstractTableModel(parent) {}

SubscriptionMessageModel::~SubscriptionMessageModel() = default;

void SubscriptionMessageModel::setMaxMessages(int maxMessages)
{
    m_maxMessages = qMax(1, maxMessages);
    trimTo(m_maxMessages);
}

int SubscriptionMessageModel::maxMessages() const
{
    return m_maxMessages;
}

void SubscriptionMessageModel::trimTo(int count)
{
    const int excess = int(m_rows.size()) - count;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    m_dropped += excess;
    endRemoveRows();
}

int SubscriptionMessageModel::append(const QDateTime &receivedAt, const QByteArray &payloadJson)
{
    trimTo(m_maxMessages - 1);
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(Row{receivedAt, ++m_total, payloadJson, summarize(payloadJson)});
    endInsertRows();
    return m_total;
}

void SubscriptionMessageModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_dropped = 0;
    endResetModel();
}

int SubscriptionMessageModel::totalReceived() const
{
    return m_total;
}

int SubscriptionMessageModel::droppedCount() const
{
    return m_dropped;
}

QByteArray SubscriptionMessageModel::payload(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].json : QByteArray();
}

int SubscriptionMessageModel::number(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].number : 0;
}

QDateTime SubscriptionMessageModel::receivedAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].receivedAt : QDateTime();
}

QString SubscriptionMessageModel::summary(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].summary : QString();
}

QString SubscriptionMessageModel::summarize(const QByteArray &payloadJson)
{
    if (payloadJson.size() > SummaryParseLimit)
        return Net::HttpResult::formatSize(payloadJson.size());
    const auto document = ResponseDocument::parse(payloadJson);
    if (!document || document->kind(document->root()) != JsonKind::Object)
        return u"(not a JSON object)"_s;
    QStringList parts;
    const auto root = document->root();
    const auto errors = document->member(root, u"errors");
    if (errors != ResponseDocument::InvalidNode && document->kind(errors) == JsonKind::Array)
        parts << u"errors: %1"_s.arg(document->childCount(errors));
    const auto data = document->member(root, u"data");
    if (data != ResponseDocument::InvalidNode) {
        if (document->kind(data) == JsonKind::Object) {
            QStringList keys;
            const int count = document->childCount(data);
            for (int i = 0; i < count && i < 3; ++i) {
                const auto member = document->child(data, i);
                QString key = document->key(member);
                const auto kind = document->kind(member);
                if (kind == JsonKind::Object || kind == JsonKind::Array)
                    keys << key;
                else
                    keys << key + u": "_s + document->displayValue(member, 60);
            }
            if (count > 3)
                keys << u"…"_s;
            parts << keys.join(u", "_s);
        } else {
            parts << u"data: null"_s;
        }
    }
    if (parts.isEmpty())
        parts << u"(no data)"_s;
    return parts.join(u" · "_s);
}

int SubscriptionMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SubscriptionMessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubscriptionMessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn: return row.receivedAt.toLocalTime().toString(u"hh:mm:ss.zzz"_s);
        case NumberColumn: return row.number;
        case SummaryColumn: return row.summary;
        case SizeColumn: return Net::HttpResult::formatSize(row.json.size());
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return row.receivedAt.toString(Qt::ISODateWithMs);
    if (role == Qt::TextAlignmentRole && (index.column() == NumberColumn || index.column() == SizeColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SubscriptionMessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Received");
    case NumberColumn: return tr("#");
    case SummaryColumn: return tr("Summary");
    case SizeColumn: return tr("Size");
    default: return {};
    }
}

} // namespace Sextant::App
