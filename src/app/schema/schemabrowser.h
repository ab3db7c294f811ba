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
 * navigates to that type, recorded in a back/forward history like a web browser's; showDirective() does the same for
 * a directive (Ctrl+click on one in the editor). The filter box keeps matching
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
    /// Selects the directive's row in the "Directives" group (name without "@") and shows its details, or the row of
    /// its argument @p argumentName when given and known; records it in the history. False if the directive is unknown.
    bool showDirective(const QString &directiveName, const QString &argumentName = QString());
    QString currentTypeName() const;      ///< the type last navigated to, empty if none or a directive
    QString currentDirectiveName() const; ///< the directive last navigated to (without "@"), empty if none or a type
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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Gives the name column ~60% of the tree's width until the user drags the column border.
    void fitNameColumn();
    /// The parent type and name of a field row (either column); false for any other row.
    bool fieldOfRow(const QModelIndex &proxyIndex, QString *typeName, QString *fieldName) const;
    /// Selects a history entry: a type name, or "@name" for a directive (type names cannot start with "@").
    void selectType(const QString &target);
    /// Records @p target (see selectType) as the current entry; false if it names nothing in the schema.
    bool navigateTo(const QString &target);
    void updateDetails(const QModelIndex &proxyIndex);
    /// The row's signature as HTML with its types as links.
    QString signatureHtml(const QModelIndex &proxyIndex, const QString &signature) const;
    void updateNavigationButtons();

    std::unique_ptr<Ui::SchemaBrowser> m_ui;
    Models::SchemaTreeModel *m_model = nullptr;
    SchemaProxyModel *m_proxy = nullptr;
    QStringList m_back;    // history entries, see selectType()
    QStringList m_forward;
    QString m_current;
    bool m_fittingNameColumn = false;
    bool m_nameColumnSizedByUser = false;
};

} // namespace Sextant::App
