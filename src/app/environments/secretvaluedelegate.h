// SPDX-License-Identifier: MIT
// Sextant: the Value column of the environment editor: secret values masked when shown and when typed.
#pragma once

#include <QStyledItemDelegate>

namespace Sextant::App {

/**
 * Paints the value of a row whose @p secretColumn is checked as dots and edits it in a password field; other rows
 * as usual. The value itself stays in the model (memory only). GUI thread only.
 */
class SecretValueDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretValueDelegate)

public:
    SecretValueDelegate(int secretColumn, QObject *parent = nullptr);

    /// The text painted for @p index: dots for a non-empty secret, the value otherwise.
    QString shownText(const QModelIndex &index) const;
    bool isSecret(const QModelIndex &index) const;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_secretColumn;
};

} // namespace Sextant::App
