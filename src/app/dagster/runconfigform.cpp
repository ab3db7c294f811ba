// SPDX-License-Identifier: MIT
// Sextant: a form generated from a Dagster job's run config schema; produces the runConfigData object.
#include "app/dagster/runconfigform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Sextant::App {

using Kind = Net::DagsterConfigType::Kind;

struct RunConfigForm::Node
{
    enum class Editor { Group, Text, Bool, OptionalBool, Enum, Json };
    Editor editor = Editor::Json;
    QString name;
    QString path; ///< dotted
    QString typeKey;
    QString scalarKey; ///< String, Int, Float, Bool for Text/Bool editors
    bool required = false;
    bool nullable = false;
    bool unionJson = false; ///< ScalarUnion: '{' text is JSON
    bool root = false;
    QWidget *widget = nullptr;
    QGroupBox *group = nullptr;
    QLabel *errorLabel = nullptr;
    QList<Node *> children;
};

namespace {

constexpr int maxDepth = 12;

QString compactJson(const QJsonValue &value)
{
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

std::optional<QJsonValue> parseJsonValue(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + text.toUtf8() + "]", &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

bool isScalarKey(const QString &key)
{
    return key == QLatin1String("String") || key == QLatin1String("Int") || key == QLatin1String("Float")
        || key == QLatin1String("Bool");
}

} // namespace

RunConfigForm::RunConfigForm(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_content = new QWidget(this);
    outer->addWidget(m_content);
    outer->addStretch(1);
    m_layout = new QFormLayout(m_content);
}

RunConfigForm::~RunConfigForm() = default;

void RunConfigForm::setSchema(const Net::DagsterRunConfigSchema &schema)
{
    m_schema = schema;
    m_nodes.clear();
    delete m_content;
    m_content = new QWidget(this);
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_content);
    m_layout = new QFormLayout(m_content);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    if (!schema.ok())
        return;
    Node *root = build(QString(), {}, schema.rootKey(), true, QString(), QString(), m_layout, 0);
    if (root)
        root->root = true;
}

RunConfigForm::Node *RunConfigForm::build(const QString &name, const QStringList &path, const QString &typeKey,
                                          bool required, const QString &defaultJson, const QString &description,
                                          QFormLayout *into, int depth)
{
    auto owned = std::make_unique<Node>();
    Node *node = owned.get();
    m_nodes.push_back(std::move(owned));
    node->name = name;
    node->path = path.join(QLatin1Char('.'));
    node->typeKey = typeKey;
    node->required = required;

    const Net::DagsterConfigType *type = m_schema.type(typeKey);
    if (type && type->kind == Kind::Nullable) {
        node->nullable = true;
        type = m_schema.type(type->ofTypeKey);
    }
    if (type && type->kind == Kind::ScalarUnion && isScalarKey(type->scalarTypeKey)) {
        node->unionJson = true;
        type = m_schema.type(type->scalarTypeKey);
    }
    const bool optional = !required || node->nullable;
    const bool isRoot = path.isEmpty();
    QString tip = description;
    if (type && !type->description.isEmpty() && tip.isEmpty())
        tip = type->description;
    tip = QStringLiteral("%1%2type: %3%4")
              .arg(tip, tip.isEmpty() ? QString() : QStringLiteral("\n"), typeKey,
                   defaultJson.isEmpty() ? QString() : QStringLiteral("\ndefault: ") + defaultJson);
    const QString label = name + (required ? QStringLiteral(" *") : QString());
    const QString placeholder = defaultJson.isEmpty() ? (node->nullable ? tr("null") : QString())
                                                      : tr("default: %1").arg(defaultJson);

    node->errorLabel = new QLabel;
    node->errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    node->errorLabel->setWordWrap(true);
    node->errorLabel->hide();

    if (type && type->kind == Kind::Composite && depth < maxDepth) {
        node->editor = Node::Editor::Group;
        QFormLayout *form = into;
        if (!isRoot) {
            node->group = new QGroupBox(label);
            node->group->setToolTip(tip);
            node->group->setObjectName(QStringLiteral("field:") + node->path);
            if (optional) {
                node->group->setCheckable(true);
                node->group->setChecked(false);
                connect(node->group, &QGroupBox::toggled, this, &RunConfigForm::changed);
            }
            form = new QFormLayout(node->group);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            form->addRow(node->errorLabel);
            into->addRow(node->group);
            node->widget = node->group;
        } else {
            into->addRow(node->errorLabel);
            node->widget = m_content;
        }
        for (const Net::DagsterConfigField &field : type->fields) {
            if (Node *child = build(field.name, path + QStringList{field.name}, field.typeKey, field.required,
                                    field.defaultValueJson, field.description, form, depth + 1))
                node->children.append(child);
        }
        if (type->fields.isEmpty() && !isRoot)
            form->addRow(new QLabel(tr("(no fields)")));
        return node;
    }

    QWidget *editor = nullptr;
    if (type && type->kind == Kind::Scalar && type->key == QLatin1String("Bool")) {
        node->scalarKey = type->key;
        if (optional) {
            node->editor = Node::Editor::OptionalBool;
            auto *combo = new QComboBox;
            combo->addItems({defaultJson.isEmpty() ? (node->nullable ? tr("(null)") : tr("(not set)"))
                                                   : tr("(default: %1)").arg(defaultJson),
                             QStringLiteral("true"), QStringLiteral("false")});
            connect(combo, &QComboBox::currentIndexChanged, this, &RunConfigForm::changed);
            editor = combo;
        } else {
            node->editor = Node::Editor::Bool;
            auto *check = new QCheckBox;
            connect(check, &QCheckBox::toggled, this, &RunConfigForm::changed);
            editor = check;
        }
    } else if (type && type->kind == Kind::Scalar) {
        node->editor = Node::Editor::Text;
        node->scalarKey = type->key;
        auto *line = new QLineEdit;
        line->setPlaceholderText(placeholder.isEmpty() ? type->key : placeholder);
        connect(line, &QLineEdit::textChanged, this, &RunConfigForm::changed);
        editor = line;
    } else if (type && type->kind == Kind::Enum) {
        node->editor = Node::Editor::Enum;
        auto *combo = new QComboBox;
        if (optional)
            combo->addItem(defaultJson.isEmpty() ? tr("(not set)") : tr("(default: %1)").arg(defaultJson), QString());
        for (const QString &value : type->enumValues)
            combo->addItem(value, value);
        connect(combo, &QComboBox::currentIndexChanged, this, &RunConfigForm::changed);
        editor = combo;
    } else if (type && type->kind == Kind::Array && m_schema.type(type->ofTypeKey)
               && m_schema.type(type->ofTypeKey)->kind == Kind::Scalar) {
        node->editor = Node::Editor::Json;
        auto *line = new QLineEdit;
        line->setPlaceholderText(placeholder.isEmpty() ? tr("JSON list, e.g. [\"a\", \"b\"]") : placeholder);
        connect(line, &QLineEdit::textChanged, this, &RunConfigForm::changed);
        editor = line;
    } else {
        node->editor = Node::Editor::Json;
        auto *text = new QPlainTextEdit;
        text->setPlaceholderText(placeholder.isEmpty() ? tr("JSON for %1").arg(typeKey) : placeholder);
        text->setFixedHeight(text->fontMetrics().lineSpacing() * 4 + 12);
        text->setTabChangesFocus(true);
        connect(text, &QPlainTextEdit::textChanged, this, &RunConfigForm::changed);
        editor = text;
    }
    editor->setToolTip(tip);
    editor->setObjectName(QStringLiteral("field:") + node->path);
    node->widget = editor;
    auto *cell = new QWidget;
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(editor);
    cellLayout->addWidget(node->errorLabel);
    auto *labelWidget = new QLabel(label);
    labelWidget->setToolTip(tip);
    into->addRow(labelWidget, cell);
    return node;
}

QJsonValue RunConfigForm::nodeValue(const Node &node, bool *present) const
{
    *present = false;
    const bool nullWhenEmpty = node.nullable && node.required;
    switch (node.editor) {
    case Node::Editor::Group: {
        if (node.group && node.group->isCheckable() && !node.group->isChecked())
            return {};
        QJsonObject object;
        for (const Node *child : node.children) {
            bool childPresent = false;
            const QJsonValue value = nodeValue(*child, &childPresent);
            if (childPresent)
                object.insert(child->name, value);
        }
        *present = true;
        return object;
    }
    case Node::Editor::Text: {
        const QString text = static_cast<QLineEdit *>(node.widget)->text();
        if (text.trimmed().isEmpty()) {
            *present = nullWhenEmpty;
            return QJsonValue::Null;
        }
        *present = true;
        if (node.unionJson && text.trimmed().startsWith(QLatin1Char('{'))) {
            if (const auto value = parseJsonValue(text))
                return *value;
        }
        if (node.scalarKey == QLatin1String("Int")) {
            bool ok = false;
            const qlonglong number = text.trimmed().toLongLong(&ok);
            return ok ? QJsonValue(number) : QJsonValue(text);
        }
        if (node.scalarKey == QLatin1String("Float")) {
            bool ok = false;
            const double number = text.trimmed().toDouble(&ok);
            return ok ? QJsonValue(number) : QJsonValue(text);
        }
        return text;
    }
    case Node::Editor::Bool:
        *present = true;
        return static_cast<QCheckBox *>(node.widget)->isChecked();
    case Node::Editor::OptionalBool: {
        const int index = static_cast<QComboBox *>(node.widget)->currentIndex();
        if (index <= 0) {
            *present = nullWhenEmpty;
            return QJsonValue::Null;
        }
        *present = true;
        return index == 1;
    }
    case Node::Editor::Enum: {
        const QString value = static_cast<QComboBox *>(node.widget)->currentData().toString();
        if (value.isEmpty()) {
            *present = nullWhenEmpty;
            return QJsonValue::Null;
        }
        *present = true;
        return value;
    }
    case Node::Editor::Json: {
        const QString text = qobject_cast<QLineEdit *>(node.widget)
                                 ? static_cast<QLineEdit *>(node.widget)->text()
                                 : static_cast<QPlainTextEdit *>(node.widget)->toPlainText();
        if (text.trimmed().isEmpty()) {
            *present = nullWhenEmpty;
            return QJsonValue::Null;
        }
        const auto value = parseJsonValue(text);
        *present = value.has_value();
        return value.value_or(QJsonValue());
    }
    }
    return {};
}

QJsonObject RunConfigForm::value() const
{
    if (m_nodes.empty())
        return {};
    bool present = false;
    return nodeValue(*m_nodes.front(), &present).toObject();
}

void RunConfigForm::setNodeValue(Node &node, const QJsonValue &value, bool present)
{
    switch (node.editor) {
    case Node::Editor::Group: {
        if (node.group && node.group->isCheckable())
            node.group->setChecked(present);
        const QJsonObject object = value.toObject();
        for (Node *child : std::as_const(node.children))
            setNodeValue(*child, object.value(child->name), object.contains(child->name));
        break;
    }
    case Node::Editor::Text: {
        QString text;
        if (present && value.isString())
            text = value.toString();
        else if (present && value.isDouble())
            text = node.scalarKey == QLatin1String("Int") ? QString::number(value.toInteger())
                                                          : QString::number(value.toDouble(), 'g', 17);
        else if (present && !value.isNull())
            text = compactJson(value);
        static_cast<QLineEdit *>(node.widget)->setText(text);
        break;
    }
    case Node::Editor::Bool:
        static_cast<QCheckBox *>(node.widget)->setChecked(present && value.toBool());
        break;
    case Node::Editor::OptionalBool:
        static_cast<QComboBox *>(node.widget)->setCurrentIndex(present && value.isBool() ? (value.toBool() ? 1 : 2) : 0);
        break;
    case Node::Editor::Enum: {
        auto *combo = static_cast<QComboBox *>(node.widget);
        const int index = present ? combo->findData(value.toString()) : -1;
        combo->setCurrentIndex(index >= 0 ? index : 0);
        break;
    }
    case Node::Editor::Json: {
        const QString text = present && !(value.isNull() && !node.nullable) ? compactJson(value) : QString();
        if (auto *line = qobject_cast<QLineEdit *>(node.widget))
            line->setText(text);
        else
            static_cast<QPlainTextEdit *>(node.widget)->setPlainText(text);
        break;
    }
    }
}

void RunConfigForm::setValue(const QJsonObject &value)
{
    if (m_nodes.empty())
        return;
    const QSignalBlocker blocker(this);
    setNodeValue(*m_nodes.front(), value, true);
}

void RunConfigForm::collectProblems(const Node &node, QStringList *out) const
{
    if (node.editor == Node::Editor::Group) {
        if (node.group && node.group->isCheckable() && !node.group->isChecked())
            return;
        for (const Node *child : node.children)
            collectProblems(*child, out);
        return;
    }
    if (node.editor == Node::Editor::Text) {
        const QString text = static_cast<QLineEdit *>(node.widget)->text().trimmed();
        if (text.isEmpty() || (node.unionJson && text.startsWith(QLatin1Char('{')) && parseJsonValue(text)))
            return;
        bool ok = true;
        if (node.scalarKey == QLatin1String("Int"))
            text.toLongLong(&ok);
        else if (node.scalarKey == QLatin1String("Float"))
            text.toDouble(&ok);
        if (!ok)
            *out << QStringLiteral("%1: not %2").arg(node.path, node.scalarKey == QLatin1String("Int")
                                                                  ? tr("an integer") : tr("a number"));
        return;
    }
    if (node.editor == Node::Editor::Json) {
        const QString text = qobject_cast<QLineEdit *>(node.widget)
                                 ? static_cast<QLineEdit *>(node.widget)->text()
                                 : static_cast<QPlainTextEdit *>(node.widget)->toPlainText();
        if (!text.trimmed().isEmpty() && !parseJsonValue(text))
            *out << QStringLiteral("%1: not valid JSON").arg(node.path);
    }
}

QStringList RunConfigForm::problems() const
{
    QStringList out;
    if (!m_nodes.empty())
        collectProblems(*m_nodes.front(), &out);
    return out;
}

RunConfigForm::Node *RunConfigForm::find(const QString &path) const
{
    for (const auto &node : m_nodes) {
        if (node->path == path)
            return node.get();
    }
    return nullptr;
}

void RunConfigForm::clearErrors()
{
    for (const auto &node : m_nodes) {
        node->errorLabel->clear();
        node->errorLabel->hide();
    }
}

void RunConfigForm::showErrors(const QList<Net::DagsterConfigError> &errors)
{
    clearErrors();
    for (const Net::DagsterConfigError &error : errors) {
        Node *target = nullptr;
        for (qsizetype length = error.path.size(); length >= 0 && !target; --length)
            target = find(error.path.mid(0, length).join(QLatin1Char('.')));
        if (!target)
            continue;
        const QString text = target->errorLabel->text();
        target->errorLabel->setText(text.isEmpty() ? error.message : text + QLatin1Char('\n') + error.message);
        target->errorLabel->show();
    }
}

QStringList RunConfigForm::fieldPaths() const
{
    QStringList out;
    for (const auto &node : m_nodes) {
        if (!node->root)
            out << node->path;
    }
    return out;
}

QWidget *RunConfigForm::editorAt(const QString &path) const
{
    const Node *node = find(path);
    return node ? node->widget : nullptr;
}

QString RunConfigForm::typeKeyAt(const QString &path) const
{
    const Node *node = find(path);
    return node ? node->typeKey : QString();
}

QString RunConfigForm::errorAt(const QString &path) const
{
    const Node *node = find(path);
    return node ? node->errorLabel->text() : QString();
}

} // namespace Sextant::App
