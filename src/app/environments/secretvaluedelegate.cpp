// SPDX-License-Identifier: MIT
// Sextant: the Value column of the environment editor: secret values masked when shown and when typed.
#include "secretvaluedelegate.h"

#include <QLineEdit>

namespace Sextant::App {

SecretValueDelegate::SecretValueDelegate(int secretColumn, QObject *parent)
    : QStyledItemDelegate(parent), m_secretColumn(secretColumn)
{}

bool SecretValueDelegate::isSecret(const QModelIndex &index) const
{
    return index.sibling(index.row(), m_secretColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked;
}

QString SecretValueDelegate::shownText(const QModelIndex &index) const
{
    const QString value = index.data(Qt::DisplayRole).toString();
    if (!isSecret(index))
        return value;
    return value.isEmpty() ? QString() : QString(8, QChar(0x2022)); // a fixed length: not even the size shows
}

void SecretValueDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = shownText(index);
}

QWidget *SecretValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                           const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor); line && isSecret(index))
        line->setEchoMode(QLineEdit::Password);
    return editor;
}

} // namespace Sextant::App
