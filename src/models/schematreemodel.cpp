// SPDX-License-Identifier: MIT
// Sextant: the schema as a lazily built tree (root operations, all types, directives), like a doc explorer.
#include "schematreemodel.h"

#include "roles.h"

#include <core/schema/schema.h>

#include <algorithm>
#include <array>

namespace Sextant::Models {

using namespace Qt::StringLiterals;
using Core::NamedType;

struct SchemaTreeModel::Node
{
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    int row = 0;
    int typeIndex = -1;      // the type shown (RootOperation, Type) or owning the member (all others)
    int memberIndex = -1;    // field / input field / enum value / interface / possible type; root operation 0..2
    int argIndex = -1;       // Argument rows
    int directiveIndex = -1; // Directive rows and their arguments
    NodeKind kind = NodeKind::TypesGroup;
    bool childrenBuilt = false;

    // Resolution against the schema; each returns nullptr when the row is not of that sort.
    const NamedType *type(const Core::Schema &schema) const
    {
        return typeIndex >= 0 ? &schema.types().at(typeIndex) : nullptr;
    }
    const Core::Field *field(const Core::Schema &schema) const
    {
        const bool isField = kind == NodeKind::Field || (kind == NodeKind::Argument && directiveIndex < 0);
        return isField ? &schema.types().at(typeIndex).fields.at(memberIndex) : nullptr;
    }
    const Core::Directive *directive(const Core::Schema &schema) const
    {
        return kind == NodeKind::Directive ? &schema.directives().at(directiveIndex) : nullptr;
    }
    const Core::InputValue *inputValue(const Core::Schema &schema) const
    {
        if (kind == NodeKind::InputField)
            return &schema.types().at(typeIndex).inputFields.at(memberIndex);
        if (kind != NodeKind::Argument)
            return nullptr;
        if (directiveIndex >= 0)
            return &schema.directives().at(directiveIndex).args.at(argIndex);
        return &field(schema)->args.at(argIndex);
    }
    const Core::EnumValue *enumValue(const Core::Schema &schema) const
    {
        return kind == NodeKind::EnumValue ? &schema.types().at(typeIndex).enumValues.at(memberIndex) : nullptr;
    }
    /// Interface and PossibleType rows: the name of the type they point at.
    QString listedTypeName(const Core::Schema &schema) const
    {
        if (kind == NodeKind::Interface)
            return schema.types().at(typeIndex).interfaces.at(memberIndex);
        if (kind == NodeKind::PossibleType)
            return schema.types().at(typeIndex).possibleTypes.at(memberIndex);
        return {};
    }

    Node *addChild(NodeKind childKind)
    {
        auto child = std::make_unique<Node>();
        child->parent = this;
        child->row = int(children.size());
        child->kind = childKind;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

constexpr std::array<QLatin1StringView, 3> kOperationNames{"query"_L1, "mutation"_L1, "subscription"_L1};

} // namespace

SchemaTreeModel::SchemaTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->childrenBuilt = true;
}

SchemaTreeModel::~SchemaTreeModel() = default;

void SchemaTreeModel::setSchema(std::shared_ptr<const Core::Schema> schema)
{
    beginResetModel();
    m_schema = std::move(schema);
    m_root = std::make_unique<Node>();
    m_root->childrenBuilt = true;
    m_sortedTypes.clear();
    m_typeRow.clear();
    m_typesGroupRow = -1;
    m_directivesGroupRow = -1;

    if (m_schema) {
        const QList<NamedType> &types = m_schema->types();
        const std::array<QString, 3> roots{m_schema->queryTypeName(), m_schema->mutationTypeName(),
                                           m_schema->subscriptionTypeName()};
        for (int op = 0; op < int(roots.size()); ++op) {
            const qsizetype typeIndex = roots[op].isEmpty() ? -1 : m_schema->typeIndex(roots[op]);
            if (typeIndex < 0)
                continue;
            Node *node = m_root->addChild(NodeKind::RootOperation);
            node->typeIndex = int(typeIndex);
            node->memberIndex = op;
        }
        m_typesGroupRow = m_root->addChild(NodeKind::TypesGroup)->row;
        m_directivesGroupRow = m_root->addChild(NodeKind::DirectivesGroup)->row;

        // Case-insensitive order reads naturally ("applyPatch" near "ApplyPatchInput"); ties by code point.
        m_sortedTypes.resize(types.size());
        for (int i = 0; i < int(types.size()); ++i)
            m_sortedTypes[i] = i;
        std::stable_sort(m_sortedTypes.begin(), m_sortedTypes.end(), [&types](int a, int b) {
            const NamedType &ta = types.at(a);
            const NamedType &tb = types.at(b);
            if (ta.isIntrospectionType() != tb.isIntrospectionType())
                return tb.isIntrospectionType();
            const int c = ta.name.compare(tb.name, Qt::CaseInsensitive);
            return c != 0 ? c < 0 : ta.name < tb.name;
        });
        m_typeRow.resize(types.size());
        for (int row = 0; row < int(m_sortedTypes.size()); ++row)
            m_typeRow[m_sortedTypes[row]] = row;
    }
    endResetModel();
    emit schemaChanged();
}

QModelIndex SchemaTreeModel::indexForType(const QString &typeName) const
{
    if (!m_schema || m_typesGroupRow < 0)
        return {};
    const qsizetype typeIndex = m_schema->typeIndex(typeName);
    if (typeIndex < 0)
        return {};
    return indexOfChild(m_root->children[m_typesGroupRow].get(), m_typeRow[typeIndex]);
}

QModelIndex SchemaTreeModel::indexForField(const QString &typeName, const QString &fieldName) const
{
    const QModelIndex typeIndex = indexForType(typeName);
    if (!typeIndex.isValid())
        return {};
    const QList<Core::Field> &fields = m_schema->types().at(nodeFor(typeIndex)->typeIndex).fields;
    for (int i = 0; i < int(fields.size()); ++i) {
        if (fields[i].name == fieldName)
            return indexOfChild(nodeFor(typeIndex), i); // fields are the first children of a type
    }
    return {};
}

QModelIndex SchemaTreeModel::indexForDirective(const QString &directiveName) const
{
    if (!m_schema || m_directivesGroupRow < 0)
        return {};
    const QList<Core::Directive> &directives = m_schema->directives();
    for (int i = 0; i < int(directives.size()); ++i) {
        if (directives[i].name == directiveName)
            return indexOfChild(m_root->children[m_directivesGroupRow].get(), i);
    }
    return {};
}

SchemaTreeModel::Node *SchemaTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex SchemaTreeModel::indexOfChild(Node *parent, int row) const
{
    ensureChildren(*parent);
    if (row < 0 || row >= int(parent->children.size()))
        return {};
    return createIndex(row, NameColumn, parent->children[row].get());
}

int SchemaTreeModel::typeChildCount(const NamedType &type) const
{
    return int(type.fields.size() + type.inputFields.size() + type.enumValues.size() + type.interfaces.size()
               + type.possibleTypes.size());
}

int SchemaTreeModel::childCount(const Node &node) const
{
    if (node.childrenBuilt)
        return int(node.children.size());
    if (!m_schema)
        return 0;
    switch (node.kind) {
    case NodeKind::RootOperation:
    case NodeKind::Type:
        return typeChildCount(m_schema->types().at(node.typeIndex));
    case NodeKind::Field:
        return int(m_schema->types().at(node.typeIndex).fields.at(node.memberIndex).args.size());
    case NodeKind::TypesGroup:
        return int(m_sortedTypes.size());
    case NodeKind::DirectivesGroup:
        return int(m_schema->directives().size());
    case NodeKind::Directive:
        return int(m_schema->directives().at(node.directiveIndex).args.size());
    case NodeKind::Argument:
    case NodeKind::InputField:
    case NodeKind::EnumValue:
    case NodeKind::PossibleType:
    case NodeKind::Interface:
        break;
    }
    return 0;
}

void SchemaTreeModel::appendTypeChildren(Node &node, int typeIndex) const
{
    // The same order as typeChildCount(); only the lists that fit the type's kind are non-empty.
    const NamedType &type = m_schema->types().at(typeIndex);
    const auto add = [&](NodeKind kind, qsizetype count) {
        for (int i = 0; i < int(count); ++i) {
            Node *child = node.addChild(kind);
            child->typeIndex = typeIndex;
            child->memberIndex = i;
        }
    };
    add(NodeKind::Field, type.fields.size());
    add(NodeKind::InputField, type.inputFields.size());
    add(NodeKind::EnumValue, type.enumValues.size());
    add(NodeKind::Interface, type.interfaces.size());
    add(NodeKind::PossibleType, type.possibleTypes.size());
}

void SchemaTreeModel::ensureChildren(Node &node) const
{
    if (node.childrenBuilt)
        return;
    node.childrenBuilt = true;
    if (!m_schema)
        return;
    node.children.reserve(std::size_t(childCount(node)));
    switch (node.kind) {
    case NodeKind::RootOperation:
    case NodeKind::Type:
        appendTypeChildren(node, node.typeIndex);
        break;
    case NodeKind::Field: {
        const qsizetype args = m_schema->types().at(node.typeIndex).fields.at(node.memberIndex).args.size();
        for (int i = 0; i < int(args); ++i) {
            Node *child = node.addChild(NodeKind::Argument);
            child->typeIndex = node.typeIndex;
            child->memberIndex = node.memberIndex;
            child->argIndex = i;
        }
        break;
    }
    case NodeKind::TypesGroup:
        for (int typeIndex : m_sortedTypes)
            node.addChild(NodeKind::Type)->typeIndex = typeIndex;
        break;
    case NodeKind::DirectivesGroup:
        for (int i = 0; i < int(m_schema->directives().size()); ++i)
            node.addChild(NodeKind::Directive)->directiveIndex = i;
        break;
    case NodeKind::Directive:
        for (int i = 0; i < int(m_schema->directives().at(node.directiveIndex).args.size()); ++i) {
            Node *child = node.addChild(NodeKind::Argument);
            child->directiveIndex = node.directiveIndex;
            child->argIndex = i;
        }
        break;
    case NodeKind::Argument:
    case NodeKind::InputField:
    case NodeKind::EnumValue:
    case NodeKind::PossibleType:
    case NodeKind::Interface:
        break;
    }
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *parentNode = nodeFor(parent);
    ensureChildren(*parentNode);
    return createIndex(row, column, parentNode->children[row].get());
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *parentNode = nodeFor(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, NameColumn, parentNode);
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return childCount(*nodeFor(parent));
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool SchemaTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags SchemaTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    default: return {};
    }
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_schema)
        return {};
    const Node &node = *nodeFor(index);
    const auto nonEmpty = [](const QString &text) { return text.isEmpty() ? QVariant() : QVariant(text); };
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? name(node) : typeColumnText(node);
    case Qt::ToolTipRole:
    case SignatureRole:
        return signature(node);
    case NodeKindRole:
        return int(node.kind);
    case TypeKindRole:
        return typeKind(node);
    case TypeNameRole:
        return nonEmpty(typeName(node));
    case TypeRefRole:
        return nonEmpty(typeRef(node));
    case DescriptionRole:
        return description(node);
    case IsDeprecatedRole:
        return isDeprecated(node);
    case DeprecationReasonRole:
        return deprecationReason(node);
    case DefaultValueRole:
        return defaultValue(node);
    default:
        return {};
    }
}

QString SchemaTreeModel::name(const Node &node) const
{
    const Core::Schema &schema = *m_schema;
    switch (node.kind) {
    case NodeKind::RootOperation:
        return kOperationNames[node.memberIndex] + u": "_s + node.type(schema)->name;
    case NodeKind::Type:
        return node.type(schema)->name;
    case NodeKind::Field:
        return node.field(schema)->name;
    case NodeKind::Argument:
    case NodeKind::InputField:
        return node.inputValue(schema)->name;
    case NodeKind::EnumValue:
        return node.enumValue(schema)->name;
    case NodeKind::PossibleType:
    case NodeKind::Interface:
        return node.listedTypeName(schema);
    case NodeKind::TypesGroup:
        return tr("All types (%1)").arg(schema.types().size());
    case NodeKind::DirectivesGroup:
        return tr("Directives");
    case NodeKind::Directive:
        return u'@' + node.directive(schema)->name;
    }
    return {};
}

QString SchemaTreeModel::typeName(const Node &node) const
{
    const Core::Schema &schema = *m_schema;
    switch (node.kind) {
    case NodeKind::RootOperation:
    case NodeKind::Type:
    case NodeKind::EnumValue: // the enum it belongs to
        return node.type(schema)->name;
    case NodeKind::Field:
        return node.field(schema)->type.namedType();
    case NodeKind::Argument:
    case NodeKind::InputField:
        return node.inputValue(schema)->type.namedType();
    case NodeKind::PossibleType:
    case NodeKind::Interface:
        return node.listedTypeName(schema);
    case NodeKind::TypesGroup:
    case NodeKind::DirectivesGroup:
    case NodeKind::Directive:
        break;
    }
    return {};
}

QString SchemaTreeModel::typeRef(const Node &node) const
{
    const Core::Schema &schema = *m_schema;
    switch (node.kind) {
    case NodeKind::Field:
        return node.field(schema)->type.toString();
    case NodeKind::Argument:
    case NodeKind::InputField:
        return node.inputValue(schema)->type.toString();
    default:
        return typeName(node);
    }
}

QVariant SchemaTreeModel::typeKind(const Node &node) const
{
    if (node.kind == NodeKind::RootOperation || node.kind == NodeKind::Type || node.kind == NodeKind::EnumValue)
        return int(node.type(*m_schema)->kind);
    const QString name = typeName(node);
    const NamedType *type = name.isEmpty() ? nullptr : m_schema->type(name);
    return type ? QVariant(int(type->kind)) : QVariant();
}

QString SchemaTreeModel::typeColumnText(const Node &node) const
{
    switch (node.kind) {
    case NodeKind::Field:
    case NodeKind::Argument:
    case NodeKind::InputField:
        return typeRef(node);
    case NodeKind::EnumValue:
        return node.type(*m_schema)->name;
    case NodeKind::Directive:
        return node.directive(*m_schema)->locations.join(" | "_L1);
    case NodeKind::TypesGroup:
    case NodeKind::DirectivesGroup:
        return {};
    case NodeKind::RootOperation:
    case NodeKind::Type:
    case NodeKind::PossibleType:
    case NodeKind::Interface:
        break;
    }
    const QVariant kind = typeKind(node);
    return kind.isValid() ? Core::typeKindName(Core::TypeKind(kind.toInt())) : QString();
}

QString SchemaTreeModel::description(const Node &node) const
{
    const Core::Schema &schema = *m_schema;
    switch (node.kind) {
    case NodeKind::RootOperation:
    case NodeKind::Type:
        return node.type(schema)->description;
    case NodeKind::Field:
        return node.field(schema)->description;
    case NodeKind::Argument:
    case NodeKind::InputField:
        return node.inputValue(schema)->description;
    case NodeKind::EnumValue:
        return node.enumValue(schema)->description;
    case NodeKind::PossibleType:
    case NodeKind::Interface:
        if (const NamedType *listed = schema.type(node.listedTypeName(schema)))
            return listed->description;
        break;
    case NodeKind::Directive:
        return node.directive(schema)->description;
    case NodeKind::TypesGroup:
    case NodeKind::DirectivesGroup:
        break;
    }
    return {};
}

bool SchemaTreeModel::isDeprecated(const Node &node) const
{
    const Core::Schema &schema = *m_schema;
    switch (node.kind) {
    case NodeKind::Field: return node.field(schema)->isDeprecated;
    case NodeKind::Argument:
    case NodeKind::InputField: return node.inputValue(schema)->isDeprecated;
    case NodeKind::EnumValue: return node.enumValue(schema)->isDeprecated;
    case NodeKind::Directive: return node.directive(schema)->isDeprecated;
    default: return false;
    }
}

QString SchemaTreeModel::deprecationReason(const Node &node) const
{
    const Core::Schema &schema = *m_schema;
    switch (node.kind) {
    case NodeKind::Field: return node.field(schema)->deprecationReason;
    case NodeKind::Argument:
    case NodeKind::InputField: return node.inputValue(schema)->deprecationReason;
    case NodeKind::EnumValue: return node.enumValue(schema)->deprecationReason;
    case NodeKind::Directive: return node.directive(schema)->deprecationReason;
    default: return {};
    }
}

QString SchemaTreeModel::signature(const Node &node) const
{
    const Core::Schema &schema = *m_schema;
    switch (node.kind) {
    case NodeKind::RootOperation:
    case NodeKind::Type:
        return node.type(schema)->signature();
    case NodeKind::Field:
        return node.field(schema)->signature();
    case NodeKind::Argument:
    case NodeKind::InputField:
        return node.inputValue(schema)->signature();
    case NodeKind::EnumValue:
        return node.type(schema)->name + u'.' + node.enumValue(schema)->name;
    case NodeKind::PossibleType:
    case NodeKind::Interface:
        if (const NamedType *listed = schema.type(node.listedTypeName(schema)))
            return listed->signature();
        return node.listedTypeName(schema);
    case NodeKind::Directive:
        return node.directive(schema)->signature();
    case NodeKind::TypesGroup:
    case NodeKind::DirectivesGroup:
        break;
    }
    return name(node);
}

QString SchemaTreeModel::defaultValue(const Node &node) const
{
    const Core::InputValue *input = node.inputValue(*m_schema);
    return input && input->hasDefaultValue ? input->defaultValue : QString();
}

} // namespace Sextant::Models
