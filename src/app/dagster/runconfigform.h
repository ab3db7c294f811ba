// SPDX-License-Identifier: MIT
// Sextant: a form generated from a Dagster job's run config schema; produces the runConfigData object.
#pragma once

#include <net/dagsterrunconfigschema.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QWidget>

#include <memory>
#include <vector>

class QGroupBox;
class QLabel;
class QFormLayout;

namespace Sextant::App {

/**
 * Builds editors from a Net::DagsterRunConfigSchema, starting at its root config type:
 * Composite → group box (optional ones checkable, unchecked = left out), String/Int/Float → line edit with a type
 * check, Bool → check box (optional: "(default)/true/false" combo), Enum → combo, ScalarUnion (e.g.
 * StringSourceType) → the scalar's editor (text starting with '{' is read as JSON, for { env: … }), Nullable →
 * its inner editor where empty means null, Array of scalars → JSON array on one line, Selector, Map, Any, Array of
 * non-scalars and unknown kinds → a JSON text editor for that subtree. Required fields are marked "*"; defaults
 * (defaultValueAsJson) are shown as placeholder text/tooltip and apply when a field is left empty (Dagster fills
 * them in). Empty editors are left out of value(). GUI thread only.
 */
class RunConfigForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunConfigForm)

public:
    explicit RunConfigForm(QWidget *parent = nullptr);
    ~RunConfigForm() override;

    /// Rebuilds the form (an invalid schema gives an empty form).
    void setSchema(const Net::DagsterRunConfigSchema &schema);
    /// The runConfigData object the editors describe.
    QJsonObject value() const;
    /// Fills the editors from @p value (best effort: keys without a field are ignored); emits nothing.
    void setValue(const QJsonObject &value);
    /// Local type-check problems, "ops.greet.config.repeat: not an integer", one per bad editor; empty when fine.
    QStringList problems() const;

    /// Shows each error next to the editor of its path (or the nearest enclosing one); clearErrors() hides them.
    void showErrors(const QList<Net::DagsterConfigError> &errors);
    void clearErrors();

    /// Dotted paths of every editor ("ops", "ops.greet.config.greeting", …), in form order.
    QStringList fieldPaths() const;
    /// The editor widget of @p path (a QLineEdit, QCheckBox, QComboBox, QPlainTextEdit or QGroupBox); nullptr if none.
    QWidget *editorAt(const QString &path) const;
    /// The schema type key of the field at @p path (e.g. "StringSourceType"); empty if none.
    QString typeKeyAt(const QString &path) const;
    /// The error text shown for @p path; empty if none.
    QString errorAt(const QString &path) const;

signals:
    void changed();

private:
    struct Node;
    Node *build(const QString &name, const QStringList &path, const QString &typeKey, bool required,
                const QString &defaultJson, const QString &description, QFormLayout *into, int depth);
    QJsonValue nodeValue(const Node &node, bool *present) const;
    void setNodeValue(Node &node, const QJsonValue &value, bool present);
    void collectProblems(const Node &node, QStringList *out) const;
    Node *find(const QString &path) const;

    Net::DagsterRunConfigSchema m_schema;
    std::vector<std::unique_ptr<Node>> m_nodes; ///< owns every node; m_nodes.front() is the root
    QWidget *m_content = nullptr;
    QFormLayout *m_layout = nullptr;
};

} // namespace Sextant::App
