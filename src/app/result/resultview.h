// SPDX-License-Identifier: MIT
// Sextant: the result pane: lazy JSON tree, raw JSON, GraphQL errors and a status line.
#pragma once

#include <QWidget>

#include <memory>

class QTreeView;
class QPlainTextEdit;
class QTableView;
class QTabWidget;

namespace Ui {
class ResultView;
}

namespace Sextant::Core {
class ResponseDocument;
struct GraphQLResponse;
}

namespace Sextant::Models {
class ResponseTreeModel;
class ErrorListModel;
}

namespace Sextant::App {

/**
 * Shows one GraphQL response (GraphQL spec §7): a lazy tree over the Core::ResponseDocument (key, value and type
 * columns; big arrays fetched in chunks), the raw JSON, and the `errors` list (message, path, locations) where a
 * click on an error selects its path in the tree (the nearest existing node, since null bubbling may remove the
 * path, PROTOCOLS.md §1.9) and asks the editor to move to its location. Anything that is not a GraphQL response
 * (refused connection, HTML page, 401, invalid JSON) is shown as a message above the tabs; the previous tree is
 * cleared so stale data is never mistaken for the new answer. GUI thread only.
 */
class ResultView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultView)

public:
    explicit ResultView(QWidget *parent = nullptr);
    ~ResultView() override;

    /// Clears the views and shows @p text (e.g. "Running… 1.2 KB") in the status line.
    void showRunning(const QString &text);
    void setStatusText(const QString &text);
    QString statusText() const;

    /// Shows a parsed response; @p statusLine is e.g. "HTTP 200 OK · 42 ms · 1.2 KB".
    void showResponse(std::shared_ptr<const Core::ResponseDocument> document, const Core::GraphQLResponse &response,
                      const QString &statusLine);
    /// Shows a failure that produced no GraphQL response; @p body (may be empty) goes to the raw tab.
    void showMessage(const QString &message, const QString &statusLine, const QByteArray &body = {});
    QString messageText() const; ///< the failure message shown, empty when none

    QTreeView *treeView() const;
    QTableView *errorsView() const;
    QPlainTextEdit *rawView() const;
    QTabWidget *tabs() const;
    Models::ResponseTreeModel *responseModel() const;
    Models::ErrorListModel *errorModel() const;

signals:
    /// The user activated an error location (1-based line and column in the query document).
    void errorLocationActivated(int line, int column);

private:
    void activateError(const QModelIndex &index);
    void setErrorsTabTitle(int count);

    std::unique_ptr<Ui::ResultView> m_ui;
    Models::ResponseTreeModel *m_model = nullptr;
    Models::ErrorListModel *m_errors = nullptr;
};

} // namespace Sextant::App
