// SPDX-License-Identifier: MIT
// Sextant: paints the history's Status column in the colour of the run's outcome.
#pragma once

#include <store/historyentry.h>

#include <QColor>
#include <QStyledItemDelegate>

namespace Sextant::App {

/**
 * A QStyledItemDelegate that colours the text of rows by Models::HistoryOutcomeRole: green for Ok, orange for
 * GraphQL errors, red for HTTP, network and timeout failures, the disabled text colour for Cancelled. Rows without
 * the role paint as usual. GUI thread only.
 */
class HistoryStatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStatusDelegate)

public:
    explicit HistoryStatusDelegate(QObject *parent = nullptr);
    ~HistoryStatusDelegate() override;

    /// The text colour for @p outcome against @p palette.
    static QColor outcomeColor(Store::HistoryOutcome outcome, const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Sextant::App
