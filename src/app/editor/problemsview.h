// SPDX-License-Identifier: MIT
// Sextant: the Problems list: every editor's syntax and validation problems, click to jump.
#pragma once

#include "editordiagnostics.h"

#include <QWidget>

class QLabel;
class QModelIndex;
class QStackedWidget;
class QTreeView;

namespace Sextant::App {

class ProblemListModel;

/**
 * A compact list (severity, message, "Ln 3, Col 5", source) of the Diagnostics of several editors, fed per source by
 * setProblems() (e.g. EditorDiagnostics::diagnosticsChanged → setProblems("Query", diagnostics())); see
 * ProblemListModel for the order. A click, Enter or a double-click on a row with a location emits problemActivated()
 * with the 1-based line and column (UTF-16 code units, as GraphQL locations count); a row without a location emits
 * nothing. An empty list shows "No problems". Never touches an editor. GUI thread only.
 */
class ProblemsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsView)

public:
    explicit ProblemsView(QWidget *parent = nullptr);
    ~ProblemsView() override;

    /// Replaces the problems of @p source ("Query", "Variables", …); emits countChanged() when the total changes.
    void setProblems(const QString &source, const QList<Diagnostic> &diagnostics);
    int problemCount() const;

    QTreeView *treeView() const;
    ProblemListModel *model() const;
    QLabel *emptyStateLabel() const; ///< "No problems", shown instead of the list when it is empty

signals:
    void countChanged(int count);
    void problemActivated(const QString &source, int line, int column);

private:
    void activate(const QModelIndex &index);
    void updateEmptyState();

    ProblemListModel *m_model;
    QStackedWidget *m_stack;
    QTreeView *m_tree;
    QLabel *m_emptyLabel;
    int m_count = 0;
};

} // namespace Sextant::App
