// SPDX-License-Identifier: MIT
// Sextant: the schema browser: tree of the introspected schema, details pane, filter, back/forward.
#pragma once

#include <QWidget>

#include <memory>

class QTextBrowser;
class QToolButton;
class QTreeView;

namespace Ui {
class SchemaBrowser;
}

namespace Sextant::Core {
class Schema;
}

namespace Sextant::Models {
class SchemaTreeModel;
}

namespace Sextant::App {

class SchemaProxyModel;

/**
 * Shows a Core::Schema (from introspection or a file) as a tree: root operation types → fields → arguments, then
 * all types and directives (Models::SchemaTreeModel). Selecting a row shows its signature, description and
 * deprecation in the details pane; type names there are links, and following one (or double-clicking a field)
 * navigates to that type, recorded in a back/forward history like a web browser's. The filter box keeps matching
 * rows and their ancestors. Double-clicking a field row, or the "+" (Insert into query) button while one is selected,
 * emits insertFieldRequested() for the editor to add the field to the current operation (graphiql-explorer style);
 * double-clicking a type row still expands it, and other rows (arguments, possible types) still navigate.
 * GUI thread only; setSchema(nullptr) shows the empty state.
 */
class SchemaBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaBrowser)

public:
    explicit SchemaBrowser(QWidget *parent = nullptr);
    ~SchemaBrowser() override;

    void setSchema(std::shared_ptr<const Core::Schema> schema);
    std::shared_ptr<const Core::Schema> schema() const;
    void setStatusText(const QString &text);

    /// Selects, expands and scrolls to the named type; records it in the history. False if the type is unknown.
    bool showType(const QString &typeName);
    /// Like showType(), then selects the field (or input field) row under it when @p fieldName is given.
    bool showElement(const QString &typeName, const QString &fieldName);
    QString currentTypeName() const; ///< the type last navigated to, empty if none
    bool canGoBack() const;
    bool canGoForward() const;
    void goBack();
    void goForward();
    void setFilterText(const QString &text);
    /// Emits insertFieldRequested() for the selected field row; false (and no signal) if no field row is selected.
    bool insertCurrentField();

    QTreeView *treeView() const;
    QTextBrowser *detailsView() const;
    Models::SchemaTreeModel *schemaModel() const;
    QToolButton *insertButton() const;

signals:
    /// The user asked to add the field @p fieldName of the object/interface type @p typeName to the query.
    void insertFieldRequested(const QString &typeName, const QString &fieldName);

private:
    /// The parent type and name of a field row (either column); false for any other row.
    bool fieldOfRow(const QModelIndex &proxyIndex, QString *typeName, QString *fieldName) const;
    void selectType(const QString &typeName);
    void updateDetails(const QModelIndex &proxyIndex);
    void updateNavigationButtons();

    std::unique_ptr<Ui::SchemaBrowser> m_ui;
    Models::SchemaTreeModel *m_model = nullptr;
    SchemaProxyModel *m_proxy = nullptr;
    QStringList m_back;
    QStringList m_forward;
    QString m_current;
};

} // namespace Sextant::App
