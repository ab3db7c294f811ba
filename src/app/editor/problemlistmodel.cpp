// SPDX-License-Identifier: MIT
// Sextant: the problems of every editor (query, variables, headers) as one flat, sorted table.
#include "problemlistmodel.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

#include <algorithm>
#include <climits>

namespace Sextant::App {

namespace {

// A problem without a location goes after the located problems of its source.
int sortLine(int line)
{
    return line > 0 ? line : INT_MAX;
}

} // namespace

ProblemListModel::ProblemListModel(QObject *parent) : QAbstractTableModel(parent) {}

ProblemListModel::~ProblemListModel() = default;

void ProblemListModel::setProblems(const QString &source, const QList<Diagnostic> &diagnostics)
{
    QList<Problem> problems;
    problems.reserve(m_problems.size() + diagnostics.size());
    for (const Problem &problem : std::as_const(m_problems)) {
        if (problem.source != source)
            problems.append(problem);
    }
    for (const Diagnostic &diagnostic : diagnostics) {
        Problem problem{source, diagnostic.message, diagnostic.locations, 0, 0};
        if (!diagnostic.locations.isEmpty() && diagnostic.locations.first().line > 0) {
            problem.line = diagnostic.locations.first().line;
            problem.column = qMax(1, diagnostic.locations.first().column);
        }
        problems.append(problem);
    }
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        if (const int bySource = a.source.compare(b.source, Qt::CaseInsensitive); bySource != 0)
            return bySource < 0;
        if (sortLine(a.line) != sortLine(b.line))
            return sortLine(a.line) < sortLine(b.line);
        return a.column < b.column;
    });
    beginResetModel();
    m_problems = std::move(problems);
    endResetModel();
}

void ProblemListModel::clear()
{
    beginResetModel();
    m_problems.clear();
    endResetModel();
}

QString ProblemListModel::positionText(int line, int column)
{
    if (line <= 0)
        return {};
    return QStringLiteral("Ln %1, Col %2").arg(line).arg(qMax(1, column));
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &problem = m_problems.at(index.row());
    switch (role) {
    case SourceRole:
        return problem.source;
    case LineRole:
        return problem.line;
    case ColumnRole:
        return problem.column;
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return tr("Error");
        case MessageColumn:
            // One line per row: a multi-line message shows its first line, the tooltip the rest.
            return problem.message.section(u'\n', 0, 0);
        case PositionColumn:
            return positionText(problem.line, problem.column);
        case SourceColumn:
            return problem.source;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        return {};
    case Qt::ToolTipRole: {
        QString tip = problem.message;
        QStringList positions;
        for (const Core::SourceLocation &location : problem.locations) {
            if (location.line > 0)
                positions << positionText(location.line, location.column);
        }
        if (!positions.isEmpty())
            tip +=
                QStringLiteral("\n\n") + problem.source + QStringLiteral(": ") + positions.join(QStringLiteral("; "));
        return tip;
    }
    default:
        return {};
    }
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case PositionColumn:
        return tr("Position");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

} // namespace Sextant::App
