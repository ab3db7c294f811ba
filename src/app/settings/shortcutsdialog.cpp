// SPDX-License-Identifier: MIT
// Sextant: Help ▸ Keyboard Shortcuts: every shortcut of a window, grouped by menu, with a filter.
#include "shortcutsdialog.h"

#include "builtinshortcuts.h"
#include "ui_shortcutsdialog.h"

#include <QAction>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>

#include <functional>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

// Panes that own actions outside the menus, by class name (QObject::inherits), innermost first.
struct PaneName
{
    const char *className;
    const char *name;
};
constexpr PaneName Panes[] = {
    {"Sextant::App::SchemaBrowser", QT_TRANSLATE_NOOP("Sextant::App::ShortcutsDialog", "Schema browser")},
    {"Sextant::App::ResultView", QT_TRANSLATE_NOOP("Sextant::App::ShortcutsDialog", "Result")},
    {"Sextant::App::RawJsonView", QT_TRANSLATE_NOOP("Sextant::App::ShortcutsDialog", "Result")},
    {"Sextant::App::FindBar", QT_TRANSLATE_NOOP("Sextant::App::ShortcutsDialog", "Editor")},
    {"QsciScintilla", QT_TRANSLATE_NOOP("Sextant::App::ShortcutsDialog", "Editor")},
};

QString trDialog(const char *text)
{
    return QCoreApplication::translate("Sextant::App::ShortcutsDialog", text);
}

// "&Find…" -> "Find…", "Save && Quit" -> "Save & Quit".
QString withoutMnemonic(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'&') {
            if (i + 1 < text.size() && text[i + 1] == u'&') {
                plain += u'&';
                ++i;
            }
            continue;
        }
        plain += text[i];
    }
    return plain;
}

bool hasShortcut(const QAction *action)
{
    for (const QKeySequence &keys : action->shortcuts()) {
        if (!keys.isEmpty())
            return true;
    }
    return false;
}

QString keysText(const QAction *action)
{
    QStringList parts;
    for (const QKeySequence &keys : action->shortcuts()) {
        if (!keys.isEmpty())
            parts << keys.toString(QKeySequence::NativeText);
    }
    return parts.join(u", "_s);
}

QString paneOf(const QAction *action, const QWidget *window)
{
    const QObject *start = action->parent();
    for (QObject *object : action->associatedObjects()) {
        if (object->isWidgetType() && !qobject_cast<QMenu *>(object)) {
            start = object;
            break;
        }
    }
    for (const QObject *object = start; object && object != window; object = object->parent()) {
        for (const PaneName &pane : Panes) {
            if (object->inherits(pane.className))
                return trDialog(pane.name);
        }
    }
    return trDialog("Window");
}

class Collector
{
public:
    explicit Collector(const QWidget *window)
        : m_window(window), m_table(builtInShortcuts()), m_used(m_table.size(), false)
    {}

    QList<ShortcutEntry> collect()
    {
        if (m_window) {
            if (const auto *bar = m_window->findChild<QMenuBar *>()) {
                for (QAction *action : bar->actions()) {
                    if (const QMenu *menu = QMenu::menuInAction(action))
                        walkMenu(menu, withoutMnemonic(menu->title()));
                }
            }
            QList<QAction *> others = m_window->actions();
            others += m_window->findChildren<QAction *>();
            for (const QAction *action : std::as_const(others)) {
                if (!m_seen.contains(action) && hasShortcut(action) && !action->isSeparator())
                    add(action, paneOf(action, m_window));
            }
        }
        for (qsizetype i = 0; i < m_table.size(); ++i) {
            if (m_used[i])
                continue;
            const BuiltInShortcut &row = m_table[i];
            const QString keys =
                row.gesture ? row.keys
                            : QKeySequence(row.keys, QKeySequence::PortableText).toString(QKeySequence::NativeText);
            append({row.group, row.name, keys});
        }
        // Display order: the menus as in the menu bar, then the panes (editor first), then anything else; entries
        // keep their order within a group.
        QStringList groups = m_menuGroups;
        for (const char *pane : {"Editor", "Schema browser", "Result", "Window"}) {
            const QString name = trDialog(pane);
            if (!groups.contains(name))
                groups << name;
        }
        for (const ShortcutEntry &entry : std::as_const(m_entries)) {
            if (!groups.contains(entry.group))
                groups << entry.group;
        }
        QList<ShortcutEntry> ordered;
        ordered.reserve(m_entries.size());
        for (const QString &group : std::as_const(groups)) {
            for (const ShortcutEntry &entry : std::as_const(m_entries)) {
                if (entry.group == group)
                    ordered << entry;
            }
        }
        return ordered;
    }

private:
    void walkMenu(const QMenu *menu, const QString &path)
    {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            if (const QMenu *submenu = QMenu::menuInAction(action)) {
                walkMenu(submenu, path + u" ▸ "_s + withoutMnemonic(submenu->title()));
                continue;
            }
            if (hasShortcut(action)) {
                if (!m_menuGroups.contains(path))
                    m_menuGroups << path;
                add(action, path);
            }
        }
    }

    // The built-in row that describes @p action: same objectName, or (for an action without text) same pane and key.
    qsizetype tableRowFor(const QAction *action, const QString &group, bool hasText) const
    {
        if (!action->objectName().isEmpty()) {
            for (qsizetype i = 0; i < m_table.size(); ++i) {
                if (m_table[i].actionId == action->objectName())
                    return i;
            }
        }
        if (hasText)
            return -1;
        const QList<QKeySequence> shortcuts = action->shortcuts();
        for (qsizetype i = 0; i < m_table.size(); ++i) {
            const BuiltInShortcut &row = m_table[i];
            if (!row.gesture && row.actionId.isEmpty() && row.group == group
                && shortcuts.contains(QKeySequence(row.keys, QKeySequence::PortableText)))
                return i;
        }
        return -1;
    }

    void add(const QAction *action, const QString &group)
    {
        m_seen.insert(action);
        QString name = withoutMnemonic(action->text()).trimmed();
        const qsizetype row = tableRowFor(action, group, !name.isEmpty());
        if (row >= 0) {
            m_used[row] = true;
            if (name.isEmpty())
                name = m_table[row].name;
        }
        if (name.isEmpty())
            name = withoutMnemonic(action->toolTip()).trimmed();
        if (name.isEmpty())
            name = action->objectName();
        if (name.isEmpty())
            name = trDialog("Unnamed action");
        append({group, name, keysText(action)});
    }

    void append(const ShortcutEntry &entry)
    {
        if (!m_entries.contains(entry))
            m_entries << entry;
    }

    const QWidget *m_window;
    const QList<BuiltInShortcut> m_table;
    QList<bool> m_used;
    QSet<const QAction *> m_seen;
    QStringList m_menuGroups; // menu paths with at least one shortcut, in menu-bar order
    QList<ShortcutEntry> m_entries;
};

} // namespace

ShortcutsDialog::ShortcutsDialog(const QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShortcutsDialog>())
    , m_model(new QStandardItemModel(this))
    , m_filter(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_model->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    QStandardItem *groupItem = nullptr;
    for (const ShortcutEntry &entry : collectShortcuts(window)) {
        if (!groupItem || groupItem->text() != entry.group) {
            groupItem = new QStandardItem(entry.group);
            QFont bold = groupItem->font();
            bold.setBold(true);
            groupItem->setFont(bold);
            groupItem->setEditable(false);
            auto *spacer = new QStandardItem();
            spacer->setEditable(false);
            m_model->appendRow({groupItem, spacer});
        }
        auto *name = new QStandardItem(entry.name);
        auto *keys = new QStandardItem(entry.keys);
        name->setEditable(false);
        keys->setEditable(false);
        groupItem->appendRow({name, keys});
    }

    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setAutoAcceptChildRows(true); // typing a menu's name shows all of its entries
    m_ui->treeView->setModel(m_filter);
    m_ui->treeView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->treeView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_ui->treeView->header()->setStretchLastSection(false);
    m_ui->treeView->expandAll();

    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        m_ui->treeView->expandAll();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->filterEdit->setFocus();
}

ShortcutsDialog::~ShortcutsDialog() = default;

QList<ShortcutEntry> ShortcutsDialog::collectShortcuts(const QWidget *window)
{
    return Collector(window).collect();
}

void ShortcutsDialog::setFilterText(const QString &text)
{
    m_ui->filterEdit->setText(text);
}

QString ShortcutsDialog::filterText() const
{
    return m_ui->filterEdit->text();
}

QList<ShortcutEntry> ShortcutsDialog::visibleEntries() const
{
    QList<ShortcutEntry> entries;
    for (int groupRow = 0; groupRow < m_filter->rowCount(); ++groupRow) {
        const QModelIndex group = m_filter->index(groupRow, 0);
        for (int row = 0; row < m_filter->rowCount(group); ++row) {
            entries << ShortcutEntry{group.data().toString(), m_filter->index(row, 0, group).data().toString(),
                                     m_filter->index(row, 1, group).data().toString()};
        }
    }
    return entries;
}

const QAbstractItemModel *ShortcutsDialog::model() const
{
    return m_filter;
}

} // namespace Sextant::App
