// SPDX-License-Identifier: MIT
// Sextant: Help ▸ Keyboard Shortcuts: every shortcut of a window, grouped by menu, with a filter.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

#include <memory>

class QAbstractItemModel;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace Ui {
class ShortcutsDialog;
}

namespace Sextant::App {

/// One listed shortcut.
struct ShortcutEntry
{
    QString group; ///< the menu path ("Edit", "Edit ▸ Find"), or the pane for actions outside menus
    QString name;  ///< the action's text without mnemonics
    QString keys;  ///< every key sequence of it, in the platform's notation, ", "-separated
    bool operator==(const ShortcutEntry &) const = default;
};

/**
 * A read-only list of the keyboard shortcuts of @p window, read when the dialog is created: every QAction with a
 * shortcut in the window's menu bar (grouped by menu path, in menu order), then every other QAction with a
 * shortcut among the window's children (grouped by the pane that owns it: Editor, Result, Schema browser, else
 * Window), then the keys of builtInShortcuts() that no QAction of the window provides (QScintilla's commands,
 * Ctrl+Click, the result search). A filter field keeps the rows whose group, name or keys contain its text (case
 * insensitive). An action without text gets its name from the built-in table (same objectName, or same pane and
 * key), else from its tool tip or object name. A null window lists the built-in keys only. GUI thread only.
 */
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const QWidget *window, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    /// What the dialog lists for @p window, in display order (see the class comment).
    static QList<ShortcutEntry> collectShortcuts(const QWidget *window);

    void setFilterText(const QString &text);
    QString filterText() const;
    /// The entries the filter currently shows, in display order.
    QList<ShortcutEntry> visibleEntries() const;
    /// The model the view shows: groups at the top level, their entries below with two columns (name, keys).
    const QAbstractItemModel *model() const;

private:
    std::unique_ptr<Ui::ShortcutsDialog> m_ui;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
};

} // namespace Sextant::App
