// SPDX-License-Identifier: MIT
// Sextant: the Problems list: every editor's syntax and validation problems, click to jump.
#include "problemsview.h"

#include "problemlistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace Sextant::App {

ProblemsView::ProblemsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemListModel(this))
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeView(m_stack))
    , m_emptyLabel(new QLabel(tr("No problems"), m_stack))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_tree->setObjectName(QStringLiteral("problemsTree"));
    m_tree->setModel(m_model);
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ProblemListModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ProblemListModel::MessageColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ProblemListModel::PositionColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ProblemListModel::SourceColumn, QHeaderView::ResizeToContents);

    m_emptyLabel->setObjectName(QStringLiteral("problemsEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setEnabled(false); // drawn in the disabled (grey) text colour

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_emptyLabel);
    updateEmptyState();

    // A click follows the problem; Enter and double-click (activated) too, unless the style already activates on a
    // single click, where clicked and activated would both fire.
    connect(m_tree, &QTreeView::clicked, this, &ProblemsView::activate);
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_tree))
        connect(m_tree, &QTreeView::activated, this, &ProblemsView::activate);
}

ProblemsView::~ProblemsView() = default;

void ProblemsView::setProblems(const QString &source, const QList<Diagnostic> &diagnostics)
{
    m_model->setProblems(source, diagnostics);
    updateEmptyState();
    const int count = m_model->rowCount();
    if (count != m_count) {
        m_count = count;
        emit countChanged(count);
    }
}

int ProblemsView::problemCount() const
{
    return m_count;
}

QTreeView *ProblemsView::treeView() const
{
    return m_tree;
}

ProblemListModel *ProblemsView::model() const
{
    return m_model;
}

QLabel *ProblemsView::emptyStateLabel() const
{
    return m_emptyLabel;
}

void ProblemsView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const int line = index.data(ProblemListModel::LineRole).toInt();
    if (line <= 0)
        return;
    emit problemActivated(index.data(ProblemListModel::SourceRole).toString(), line,
                          index.data(ProblemListModel::ColumnRole).toInt());
}

void ProblemsView::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_emptyLabel) : m_tree);
}

} // namespace Sextant::App
