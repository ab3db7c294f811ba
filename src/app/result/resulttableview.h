// SPDX-License-Identifier: MIT
// Sextant: the result as a table: pick a list of objects in the response, see one row per element.
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QTableView;

namespace Sextant::Core {
class ResponseDocument;
}

namespace Sextant::Models {
class ResponseTableModel;
}

namespace Sextant::App {

/**
 * Shows a list of objects of a Core::ResponseDocument (e.g. Dagster's data.runsOrError.results) in a
 * Models::ResponseTableModel: a "List" picker offers the arrays of objects found by a bounded scan
 * (ResponseTableModel::candidateLists(), paths as ResponseDocument::pathString() writes them), a header click
 * sorts (again toggles the order), and activating a row reports the element's path so the tree can follow.
 * By default it shows the biggest list outside any other list (so `data.runs` beats a short `errors`).
 * A document of more than synchronousScanLimit() nodes is scanned (candidate lists, their paths, the default
 * list's columns) on a Qt Concurrent worker so a 100 MB answer never stalls the window: until listsFound() the
 * table is empty and says "Looking for lists…"; a newer setDocument()/clear() drops a scan still running
 * (generation token), and a showList() meanwhile wins over the default list.
 * GUI thread only; a null document or one without lists shows an empty table and "No list of objects".
 */
class ResultTableView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTableView)

public:
    explicit ResultTableView(QWidget *parent = nullptr);
    ~ResultTableView() override;

    /// Documents up to this many nodes are scanned at once; bigger ones on a worker thread.
    static constexpr qint64 DefaultSynchronousScanLimit = 100000;

    void setDocument(std::shared_ptr<const Core::ResponseDocument> document);
    void clear();
    /// A scan of the current document is still running (see listsFound()).
    bool isScanning() const { return m_scanning; }
    void setSynchronousScanLimit(qint64 nodes) { m_synchronousScanLimit = nodes; }
    qint64 synchronousScanLimit() const { return m_synchronousScanLimit; }
    /// Shows the array at @p path ("data.runsOrError.results", "" = the root); false if there is none.
    bool showList(const QString &path);
    /// The path of the list shown, "" when none (or the root).
    QString currentPath() const;
    /// The candidate list paths offered by the picker.
    QStringList listPaths() const;

    QTableView *tableView() const { return m_table; }
    Models::ResponseTableModel *model() const { return m_model; }

signals:
    /// A row was activated (double-click, Enter): the element's path, e.g. "data.runsOrError.results[3]".
    void rowActivated(const QString &path);
    /// The picker lists the current document's lists (and the default one is shown, unless showList() chose one);
    /// emitted once per setDocument() with a document, at once or when the worker is done.
    void listsFound(int count);

private:
    struct Scan;
    static Scan scan(std::shared_ptr<const Core::ResponseDocument> document);
    void applyScan(Scan scan);
    void pickerActivated(int index);
    void updateSummary();

    std::shared_ptr<const Core::ResponseDocument> m_document;
    Models::ResponseTableModel *m_model = nullptr;
    QComboBox *m_picker = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    quint64 m_generation = 0; ///< bumped by setDocument(): a scan for an older document is dropped
    bool m_scanning = false;
    qint64 m_synchronousScanLimit = DefaultSynchronousScanLimit;
};

} // namespace Sextant::App
