// SPDX-License-Identifier: MIT
// Sextant: the environment editor: add, rename, duplicate and delete environments and edit their variables.
#pragma once

#include <store/environmentstore.h>

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QDialogButtonBox;

namespace Sextant::App {

/**
 * Edits a copy of the environments (Store::EnvironmentStore::State): the list on the left (Add, Duplicate, Delete;
 * double-click or Rename edits a name in place), the selected environment's variables on the right as a table of
 * Name, Value and Secret. A secret's value is masked (shown as dots, edited in a password field); the dialog
 * never writes anything: EnvironmentController stores the result (the file, and secrets through SecretStore).
 * OK is disabled while a variable name is not a valid {{name}} or is used twice in one environment, or an
 * environment name is empty or used twice; the reason is shown above the buttons. No modal sub-dialog, so tests
 * drive it with open(). GUI thread only.
 */
class EnvironmentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentDialog)

public:
    explicit EnvironmentDialog(const Store::EnvironmentStore::State &state, QWidget *parent = nullptr);
    ~EnvironmentDialog() override;

    /// The edited environments (active id kept when that environment still exists).
    Store::EnvironmentStore::State state() const;
    /// A line above the buttons, e.g. SecretStore's session-only notice; hidden when empty.
    void setNotice(const QString &notice);
    /// Why OK is disabled, or empty.
    QString validationMessage() const;

    // For the window and tests: the same actions as the buttons.
    void addEnvironment();
    void duplicateEnvironment();
    void deleteEnvironment();
    void renameEnvironment(const QString &name); ///< the selected one
    void selectEnvironment(int index);
    int selectedEnvironment() const;
    /// Appends a variable to the selected environment and returns its row.
    int addVariable(const QString &name = QString(), const QString &value = QString(), bool isSecret = false);
    void removeVariable(int row);

    QListWidget *environmentList() const { return m_list; }
    QTableWidget *variableTable() const { return m_table; }

private:
    void showEnvironment(int index);
    void storeTable(); ///< the table back into m_state (the selected environment)
    void refreshList();
    void validate();
    QString uniqueName(const QString &base) const;

    Store::EnvironmentStore::State m_state;
    int m_current = -1;
    bool m_filling = false;
    QListWidget *m_list = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_renameButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_addVariableButton = nullptr;
    QPushButton *m_removeVariableButton = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Sextant::App
