// SPDX-License-Identifier: MIT
// Sextant: the schema as a lazily built tree (root operations, all types, directives), like a doc explorer.
#pragma once

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace Sextant::Core {
class Schema;
struct NamedType;
} // namespace Sextant::Core

namespace Sextant::Models {

/**
 * Presents a Core::Schema as a tree in the shape of GraphiQL's documentation explorer:
 *
 *   query: Query / mutation: Mutation / subscription: Subscription   (root operation types present)
 *     └ fields → arguments
 *   All types (N)        every named type, sorted by name, "__" introspection types last
 *     ├ object / interface → fields (→ arguments), implemented interfaces, (interface) implementations
 *     ├ union → possible types;  enum → values;  input object → input fields
 *   Directives           → arguments
 *
 * A field's children are its arguments only: schemas are recursive, so the return type is reached
 * through TypeNameRole (indexForType), never by nesting. Internal nodes are created the first time a
 * parent's children are indexed, so setSchema() on the GitHub schema (1,606 types) is cheap; row
 * counts come straight from the schema. Column 0 is the name, column 1 the type ("[Run!]!") or kind
 * ("OBJECT"). data() answers every role of roles.h that applies and never returns icons or colours.
 * Filtering works through QSortFilterProxyModel with recursiveFilteringEnabled.
 *
 * Lives on the GUI thread; the Schema it holds is immutable and may be shared with other threads.
 * Unknown names in indexForType()/indexForField() and a null schema give invalid indexes / no rows.
 */
class SchemaTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaTreeModel)

public:
    enum class NodeKind {
        RootOperation,
        Type,
        Field,
        Argument,
        InputField,
        EnumValue,
        PossibleType,
        Interface,
        TypesGroup,
        DirectivesGroup,
        Directive,
    };
    Q_ENUM(NodeKind)

    enum Column { NameColumn = 0, TypeColumn = 1, ColumnCount = 2 };

    explicit SchemaTreeModel(QObject *parent = nullptr);
    ~SchemaTreeModel() override;

    /// Resets the model; nullptr empties it.
    void setSchema(std::shared_ptr<const Core::Schema> schema);
    std::shared_ptr<const Core::Schema> schema() const { return m_schema; }

    /// The type's row in the "All types" group (column 0); invalid if the schema has no such type.
    QModelIndex indexForType(const QString &typeName) const;
    /// The field's row under the type in the "All types" group; invalid if either is unknown.
    QModelIndex indexForField(const QString &typeName, const QString &fieldName) const;
    /// The directive's row in the "Directives" group (name without "@").
    QModelIndex indexForDirective(const QString &directiveName) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    /// Emitted after setSchema() has reset the model.
    void schemaChanged();

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexOfChild(Node *parent, int row) const;
    int childCount(const Node &node) const;
    int typeChildCount(const Core::NamedType &type) const;
    void ensureChildren(Node &node) const;
    void appendTypeChildren(Node &node, int typeIndex) const;

    QString name(const Node &node) const;
    QString typeColumnText(const Node &node) const;
    QString typeName(const Node &node) const;
    QString typeRef(const Node &node) const;
    QVariant typeKind(const Node &node) const;
    QString description(const Node &node) const;
    bool isDeprecated(const Node &node) const;
    QString deprecationReason(const Node &node) const;
    QString signature(const Node &node) const;
    QString defaultValue(const Node &node) const;

    std::shared_ptr<const Core::Schema> m_schema;
    std::unique_ptr<Node> m_root;
    std::vector<int> m_sortedTypes; // "All types" row -> index in Schema::types()
    std::vector<int> m_typeRow;     // index in Schema::types() -> "All types" row
    int m_typesGroupRow = -1;
    int m_directivesGroupRow = -1;
};

} // namespace Sextant::Models
