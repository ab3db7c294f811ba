// SPDX-License-Identifier: MIT
// Sextant: the environment editor: add, rename, duplicate and delete environments and edit their variables.
#include "environmentdialog.h"

#include "secretvaluedelegate.h"

#include <store/templatesubstitution.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

enum Column { NameColumn, ValueColumn, SecretColumn };

} // namespace

EnvironmentDialog::EnvironmentDialog(const Store::EnvironmentStore::State &state, QWidget *parent)
    : QDialog(parent), m_state(state)
{
    setWindowTitle(tr("Environments"));
    setObjectName(u"EnvironmentDialog"_s);
    resize(760, 420);

    m_list = new QListWidget;
    m_list->setObjectName(u"environmentList"_s);
    auto *addButton = new QPushButton(tr("Add"));
    m_renameButton = new QPushButton(tr("Rename"));
    m_duplicateButton = new QPushButton(tr("Duplicate"));
    m_deleteButton = new QPushButton(tr("Delete"));
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *button : {addButton, m_renameButton, m_duplicateButton, m_deleteButton})
        listButtons->addWidget(button);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    leftLayout->addLayout(listButtons);

    m_table = new QTableWidget(0, 3);
    m_table->setObjectName(u"variableTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Variable"), tr("Value"), tr("Secret")});
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(ValueColumn, new SecretValueDelegate(SecretColumn, m_table));
    m_addVariableButton = new QPushButton(tr("Add variable"));
    m_removeVariableButton = new QPushButton(tr("Remove variable"));
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_addVariableButton);
    tableButtons->addWidget(m_removeVariableButton);
    tableButtons->addStretch();
    auto *hint = new QLabel(tr("Use a variable as {{name}} in the URL, headers or variables. Secret values are kept "
                               "in the system keychain, never in files."));
    hint->setWordWrap(true);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_table);
    rightLayout->addLayout(tableButtons);
    rightLayout->addWidget(hint);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);

    m_notice = new QLabel;
    m_notice->setObjectName(u"noticeLabel"_s);
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_problem = new QLabel;
    m_problem->setObjectName(u"problemLabel"_s);
    m_problem->setStyleSheet(u"color: #b00020;"_s);
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_notice);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        storeTable();
        if (validationMessage().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addButton, &QPushButton::clicked, this, &EnvironmentDialog::addEnvironment);
    connect(m_duplicateButton, &QPushButton::clicked, this, &EnvironmentDialog::duplicateEnvironment);
    connect(m_deleteButton, &QPushButton::clicked, this, &EnvironmentDialog::deleteEnvironment);
    connect(m_renameButton, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            m_list->editItem(item);
    });
    connect(m_addVariableButton, &QPushButton::clicked, this, [this] {
        const int row = addVariable();
        m_table->setCurrentCell(row, NameColumn);
        m_table->editItem(m_table->item(row, NameColumn));
    });
    connect(m_removeVariableButton, &QPushButton::clicked, this, [this] { removeVariable(m_table->currentRow()); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_filling)
            showEnvironment(row);
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling)
            return;
        const int row = m_list->row(item);
        if (row >= 0 && row < m_state.environments.size())
            m_state.environments[row].name = item->text().trimmed();
        validate();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling)
            return;
        if (item->column() == SecretColumn)
            m_table->viewport()->update(); // the value's mask follows the checkbox
        storeTable();
        validate();
    });

    refreshList();
    const int active = [this] {
        for (int i = 0; i < m_state.environments.size(); ++i)
            if (m_state.environments[i].id == m_state.activeId)
                return i;
        return m_state.environments.isEmpty() ? -1 : 0;
    }();
    selectEnvironment(active);
}

EnvironmentDialog::~EnvironmentDialog() = default;

Store::EnvironmentStore::State EnvironmentDialog::state() const
{
    Store::EnvironmentStore::State state = m_state;
    if (!state.find(state.activeId))
        state.activeId.clear();
    return state;
}

void EnvironmentDialog::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

QString EnvironmentDialog::validationMessage() const
{
    return m_problem->text();
}

void EnvironmentDialog::refreshList()
{
    m_filling = true;
    m_list->clear();
    for (const Store::Environment &environment : std::as_const(m_state.environments)) {
        auto *item = new QListWidgetItem(environment.name, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_filling = false;
}

void EnvironmentDialog::selectEnvironment(int index)
{
    m_filling = true;
    m_list->setCurrentRow(index);
    m_filling = false;
    showEnvironment(index);
}

int EnvironmentDialog::selectedEnvironment() const
{
    return m_current;
}

void EnvironmentDialog::showEnvironment(int index)
{
    storeTable();
    m_current = (index >= 0 && index < m_state.environments.size()) ? index : -1;
    m_filling = true;
    m_table->setRowCount(0);
    if (m_current >= 0) {
        for (const Store::EnvironmentVariable &variable : std::as_const(m_state.environments[m_current].variables)) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, NameColumn, new QTableWidgetItem(variable.name));
            auto *value = new QTableWidgetItem(variable.value);
            if (variable.isSecret && variable.value.isEmpty())
                value->setToolTip(tr("Not available from the keychain: type the value again"));
            m_table->setItem(row, ValueColumn, value);
            auto *secret = new QTableWidgetItem;
            secret->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            secret->setCheckState(variable.isSecret ? Qt::Checked : Qt::Unchecked);
            m_table->setItem(row, SecretColumn, secret);
        }
    }
    m_filling = false;
    const bool has = m_current >= 0;
    for (QPushButton *button :
         {m_renameButton, m_duplicateButton, m_deleteButton, m_addVariableButton, m_removeVariableButton})
        button->setEnabled(has);
    m_table->setEnabled(has);
    validate();
}

void EnvironmentDialog::storeTable()
{
    if (m_current < 0 || m_current >= m_state.environments.size())
        return;
    QList<Store::EnvironmentVariable> variables;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        Store::EnvironmentVariable variable;
        variable.name = m_table->item(row, NameColumn) ? m_table->item(row, NameColumn)->text().trimmed() : QString();
        variable.value = m_table->item(row, ValueColumn) ? m_table->item(row, ValueColumn)->text() : QString();
        variable.isSecret =
            m_table->item(row, SecretColumn) && m_table->item(row, SecretColumn)->checkState() == Qt::Checked;
        variables.append(variable);
    }
    m_state.environments[m_current].variables = variables;
}

void EnvironmentDialog::validate()
{
    QString problem;
    QSet<QString> names;
    for (const Store::Environment &environment : std::as_const(m_state.environments)) {
        if (environment.name.isEmpty()) {
            problem = tr("Every environment needs a name.");
            break;
        }
        if (names.contains(environment.name)) {
            problem = tr("Two environments are called \u201c%1\u201d.").arg(environment.name);
            break;
        }
        names.insert(environment.name);
        QSet<QString> variables;
        for (const Store::EnvironmentVariable &variable : environment.variables) {
            if (!Store::isTemplateVariableName(variable.name)) {
                problem =
                    variable.name.isEmpty()
                        ? tr("A variable of \u201c%1\u201d has no name.").arg(environment.name)
                        : tr("\u201c%1\u201d in \u201c%2\u201d is not a variable name: use letters, digits, _, - and .")
                              .arg(variable.name, environment.name);
                break;
            }
            if (variables.contains(variable.name)) {
                problem = tr("\u201c%1\u201d has two variables called %2.").arg(environment.name, variable.name);
                break;
            }
            variables.insert(variable.name);
        }
        if (!problem.isEmpty())
            break;
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

QString EnvironmentDialog::uniqueName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        for (const Store::Environment &environment : m_state.environments)
            if (environment.name == name)
                return true;
        return false;
    };
    if (!taken(base))
        return base;
    for (int i = 2;; ++i)
        if (const QString name = base + u' ' + QString::number(i); !taken(name))
            return name;
}

void EnvironmentDialog::addEnvironment()
{
    storeTable();
    m_state.environments.append(Store::Environment::create(uniqueName(tr("New environment"))));
    refreshList();
    m_current = -1;
    selectEnvironment(int(m_state.environments.size()) - 1);
}

void EnvironmentDialog::duplicateEnvironment()
{
    if (m_current < 0)
        return;
    storeTable();
    const Store::Environment &source = m_state.environments[m_current];
    Store::Environment copy = Store::Environment::create(uniqueName(tr("%1 copy").arg(source.name)));
    copy.variables = source.variables; // secrets too: stored under the copy's own keys on OK
    m_state.environments.insert(m_current + 1, copy);
    const int index = m_current + 1;
    refreshList();
    m_current = -1;
    selectEnvironment(index);
}

void EnvironmentDialog::deleteEnvironment()
{
    if (m_current < 0)
        return;
    const int index = m_current;
    m_state.environments.removeAt(index);
    refreshList();
    m_current = -1; // the table belonged to the deleted one
    selectEnvironment(qMin(index, int(m_state.environments.size()) - 1));
}

void EnvironmentDialog::renameEnvironment(const QString &name)
{
    if (m_current < 0)
        return;
    m_state.environments[m_current].name = name.trimmed();
    m_filling = true;
    m_list->item(m_current)->setText(name.trimmed());
    m_filling = false;
    validate();
}

int EnvironmentDialog::addVariable(const QString &name, const QString &value, bool isSecret)
{
    if (m_current < 0)
        return -1;
    storeTable();
    m_state.environments[m_current].variables.append({name, value, isSecret});
    const int current = m_current;
    m_current = -1; // refill without storing the table again
    showEnvironment(current);
    return m_table->rowCount() - 1;
}

void EnvironmentDialog::removeVariable(int row)
{
    if (m_current < 0 || row < 0 || row >= m_table->rowCount())
        return;
    m_table->removeRow(row);
    storeTable();
    validate();
}

} // namespace Sextant::App
