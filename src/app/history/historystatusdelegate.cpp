// SPDX-License-Identifier: MIT
// Sextant: paints the history's Status column in the colour of the run's outcome.
#include "historystatusdelegate.h"

#include <models/roles.h>

namespace Sextant::App {

HistoryStatusDelegate::HistoryStatusDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

HistoryStatusDelegate::~HistoryStatusDelegate() = default;

QColor HistoryStatusDelegate::outcomeColor(Store::HistoryOutcome outcome, const QPalette &palette)
{
    // Mid-dark tones that stay readable on light and dark bases.
    switch (outcome) {
    case Store::HistoryOutcome::Ok:
        return QColor(0x2e, 0x9d, 0x4f);
    case Store::HistoryOutcome::GraphQLErrors:
        return QColor(0xd9, 0x7a, 0x00);
    case Store::HistoryOutcome::HttpError:
    case Store::HistoryOutcome::NetworkError:
    case Store::HistoryOutcome::TimedOut:
        return QColor(0xd3, 0x2f, 0x2f);
    case Store::HistoryOutcome::Cancelled:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

void HistoryStatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant outcome = index.data(Models::HistoryOutcomeRole);
    if (!outcome.isValid())
        return;
    const QColor color = outcomeColor(Store::HistoryOutcome(outcome.toInt()), option->palette);
    option->palette.setColor(QPalette::Text, color);
}

} // namespace Sextant::App
