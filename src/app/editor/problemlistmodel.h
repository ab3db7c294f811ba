// SPDX-License-Identifier: MIT
// Sextant: the problems of every editor (query, variables, headers) as one flat, sorted table.
#pragma once

#include "editordiagnostics.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace Sextant::App {

/**
 * One row per Diagnostic, grouped by source ("Query", "Variables", …): setProblems() replaces the rows of one
 * source and keeps the others. Rows are sorted by source name, then line, then column; a problem without a location
 * (line 0) sorts after the located ones of its source and shows an empty position cell. A Diagnostic with several
 * locations (GraphQL spec §5, e.g. two operations with the same name) is one row at its first location; the tooltip
 * lists all of them. The columns are Severity (icon and "Error"; every Diagnostic is an error), Message, Position
 * ("Ln 3, Col 5") and Source. SourceRole, LineRole and ColumnRole give the raw values of a row on any column.
 * GUI thread only (it hands out QIcons).
 */
class ProblemListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemListModel)

public:
    enum Column { SeverityColumn, MessageColumn, PositionColumn, SourceColumn, ColumnCount };
    enum Role { SourceRole = Qt::UserRole + 1, LineRole, ColumnRole };

    explicit ProblemListModel(QObject *parent = nullptr);
    ~ProblemListModel() override;

    /// Replaces the problems of @p source (an empty list removes that source's rows).
    void setProblems(const QString &source, const QList<Diagnostic> &diagnostics);
    void clear();

    /// "Ln 3, Col 5"; empty for line 0 (no location).
    static QString positionText(int line, int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Problem
    {
        QString source;
        QString message;
        QList<Core::SourceLocation> locations;
        int line = 0;   ///< first location's line, 0 when there is none
        int column = 0; ///< first location's column, 0 when there is none
    };

    QList<Problem> m_problems;
};

} // namespace Sextant::App
