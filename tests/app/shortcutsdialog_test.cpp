// SPDX-License-Identifier: MIT
// Sextant: Help ▸ Keyboard Shortcuts lists every shortcut of a window, grouped by menu, and filters them.
#include <app/mainwindow.h>
#include <app/settings/builtinshortcuts.h>
#include <app/settings/shortcutsdialog.h>

#include <Qsci/qscicommandset.h>
#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace Sextant;
using App::ShortcutEntry;

QT_BEGIN_NAMESPACE
namespace QTest {
template<>
char *toString(const ShortcutEntry &entry)
{
    return qstrdup(QStringLiteral("{%1 | %2 | %3}").arg(entry.group, entry.name, entry.keys).toUtf8().constData());
}
} // namespace QTest
QT_END_NAMESPACE

namespace {

QString native(const QString &portable)
{
    return QKeySequence(portable, QKeySequence::PortableText).toString(QKeySequence::NativeText);
}

// A window with menus, a submenu, separators, an action without a shortcut, an action outside the menus and a
// text-less editor action that the built-in table names.
class TestWindow final : public QMainWindow
{
public:
    TestWindow()
    {
        QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
        file->addAction(QStringLiteral("&Open…"))->setShortcut(QKeySequence(QStringLiteral("Ctrl+O")));
        file->addSeparator();
        file->addAction(QStringLiteral("&About")); // no shortcut: not listed
        file->addAction(QStringLiteral("Save && &Quit"))->setShortcut(QKeySequence(QStringLiteral("Ctrl+Q")));
        QMenu *edit = menuBar()->addMenu(QStringLiteral("&Edit"));
        QMenu *advanced = edit->addMenu(QStringLiteral("&Advanced"));
        QAction *thing = advanced->addAction(QStringLiteral("Do &Thing"));
        thing->setShortcuts({QKeySequence(QStringLiteral("Ctrl+Shift+T")), QKeySequence(QStringLiteral("F9"))});
        QAction *find = edit->addAction(QStringLiteral("&Find…"));
        find->setObjectName(QStringLiteral("Edit.Find")); // the built-in table's Find row is this action
        find->setShortcut(QKeySequence(QStringLiteral("Ctrl+F")));

        auto *central = new QWidget(this);
        auto *layout = new QVBoxLayout(central);
        editor = new QsciScintilla(central);
        layout->addWidget(editor);
        setCentralWidget(central);
        auto *complete = new QAction(editor);
        complete->setObjectName(QStringLiteral("Editor.Complete"));
        complete->setShortcut(QKeySequence(QStringLiteral("Ctrl+Space")));
        editor->addAction(complete);
        auto *zoom = new QAction(QStringLiteral("&Zoom In"), this);
        zoom->setShortcut(QKeySequence(QStringLiteral("Ctrl+=")));
        addAction(zoom);
    }

    QsciScintilla *editor = nullptr;
};

qsizetype countNamed(const QList<ShortcutEntry> &entries, const QString &name)
{
    return std::count_if(entries.begin(), entries.end(), [&](const ShortcutEntry &e) { return e.name == name; });
}

} // namespace

class ShortcutsDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsMenuActionsByMenuInOrder();
    void listsActionsOutsideMenusByPane();
    void addsTheEditorKeysThatAreNotActions();
    void filterKeepsMatchingRows_data();
    void filterKeepsMatchingRows();
    void isReadOnly();
    void builtInScintillaKeysAreBound();
    void mainWindowListsEveryActionWithAShortcut();
};

void ShortcutsDialogTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void ShortcutsDialogTest::listsMenuActionsByMenuInOrder()
{
    TestWindow window;
    const QList<ShortcutEntry> entries = App::ShortcutsDialog::collectShortcuts(&window);
    QVERIFY(entries.size() >= 5);
    QCOMPARE(entries[0], (ShortcutEntry{QStringLiteral("File"), QStringLiteral("Open…"), native(u"Ctrl+O"_qs)}));
    QCOMPARE(entries[1], (ShortcutEntry{QStringLiteral("File"), QStringLiteral("Save & Quit"), native(u"Ctrl+Q"_qs)}));
    QCOMPARE(entries[2], (ShortcutEntry{QStringLiteral("Edit ▸ Advanced"), QStringLiteral("Do Thing"),
                                        native(u"Ctrl+Shift+T"_qs) + QStringLiteral(", ") + native(u"F9"_qs)}));
    QCOMPARE(entries[3], (ShortcutEntry{QStringLiteral("Edit"), QStringLiteral("Find…"), native(u"Ctrl+F"_qs)}));
    QCOMPARE(countNamed(entries, QStringLiteral("About")), 0);
    // The table's Find row is the Edit menu's action: listed once.
    QCOMPARE(countNamed(entries, QStringLiteral("Find")), 0);
}

void ShortcutsDialogTest::listsActionsOutsideMenusByPane()
{
    TestWindow window;
    const QList<ShortcutEntry> entries = App::ShortcutsDialog::collectShortcuts(&window);
    QVERIFY(entries.contains(ShortcutEntry{QStringLiteral("Window"), QStringLiteral("Zoom In"), native(u"Ctrl+="_qs)}));
    // The editor's text-less completion action takes its name from the built-in table, and is listed once.
    const auto complete = std::find_if(entries.begin(), entries.end(), [](const ShortcutEntry &e) {
        return e.keys == native(u"Ctrl+Space"_qs) && e.group == QStringLiteral("Editor");
    });
    QVERIFY(complete != entries.end());
    QVERIFY2(complete->name.startsWith(QStringLiteral("Complete")), qPrintable(complete->name));
    QCOMPARE(countNamed(entries, complete->name), 1);
}

void ShortcutsDialogTest::addsTheEditorKeysThatAreNotActions()
{
    TestWindow window;
    const QList<ShortcutEntry> entries = App::ShortcutsDialog::collectShortcuts(&window);
    const auto has = [&](const QString &keys) {
        return std::any_of(entries.begin(), entries.end(), [&](const ShortcutEntry &e) { return e.keys == keys; });
    };
    QVERIFY(has(QStringLiteral("Ctrl+Click"))); // go to definition: a gesture, not a QAction
    QVERIFY(has(native(u"Ctrl+/"_qs)));         // toggle comment (not an action of this window)
    QVERIFY(has(native(u"Ctrl+Return"_qs)));    // run
    QVERIFY(has(native(u"Ctrl+H"_qs)));         // replace
    QVERIFY(has(native(u"Ctrl+Z"_qs)));         // QScintilla's undo
    // Groups stay together: every group's rows are contiguous.
    QStringList finishedGroups;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i > 0 && entries[i].group != entries[i - 1].group) {
            QVERIFY2(!finishedGroups.contains(entries[i].group), qPrintable(entries[i].group));
            finishedGroups << entries[i - 1].group;
        }
    }
    // With no window, the built-in keys alone.
    QCOMPARE(App::ShortcutsDialog::collectShortcuts(nullptr).size(), App::builtInShortcuts().size());
}

void ShortcutsDialogTest::filterKeepsMatchingRows_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expectedNames"); // exactly these rows are visible
    QTest::newRow("by name, any case") << QStringLiteral("oPEN") << QStringList{QStringLiteral("Open…")};
    QTest::newRow("by key") << native(u"Ctrl+Shift+T"_qs) << QStringList{QStringLiteral("Do Thing")};
    QTest::newRow("by menu: all of its rows") << QStringLiteral("advanced") << QStringList{QStringLiteral("Do Thing")};
    QTest::newRow("by menu with several rows")
        << QStringLiteral("file") << QStringList{QStringLiteral("Open…"), QStringLiteral("Save & Quit")};
    QTest::newRow("nothing") << QStringLiteral("no such shortcut zzz") << QStringList{};
}

void ShortcutsDialogTest::filterKeepsMatchingRows()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expectedNames);
    TestWindow window;
    App::ShortcutsDialog dialog(&window);
    const qsizetype all = dialog.visibleEntries().size();
    QCOMPARE(all, App::ShortcutsDialog::collectShortcuts(&window).size());

    dialog.setFilterText(filter);
    QStringList names;
    for (const ShortcutEntry &entry : dialog.visibleEntries())
        names << entry.name;
    QCOMPARE(names, expectedNames);

    dialog.setFilterText(QString());
    QCOMPARE(dialog.visibleEntries().size(), all);
}

void ShortcutsDialogTest::isReadOnly()
{
    TestWindow window;
    App::ShortcutsDialog dialog(&window);
    const QAbstractItemModel *model = dialog.model();
    QVERIFY(model->rowCount() > 0);
    for (int group = 0; group < model->rowCount(); ++group) {
        const QModelIndex groupIndex = model->index(group, 0);
        QVERIFY(!(model->flags(groupIndex) & Qt::ItemIsEditable));
        for (int row = 0; row < model->rowCount(groupIndex); ++row) {
            for (int column = 0; column < 2; ++column)
                QVERIFY(!(model->flags(model->index(row, column, groupIndex)) & Qt::ItemIsEditable));
        }
    }
}

void ShortcutsDialogTest::builtInScintillaKeysAreBound()
{
    // The table must not promise an editor key QScintilla does not have.
    QsciScintilla editor;
    int checked = 0;
    for (const App::BuiltInShortcut &row : App::builtInShortcuts()) {
        if (!row.gesture)
            QVERIFY2(!QKeySequence(row.keys, QKeySequence::PortableText).isEmpty(), qPrintable(row.keys));
        if (!row.scintilla)
            continue;
        const QKeySequence keys(row.keys, QKeySequence::PortableText);
        QVERIFY2(editor.standardCommands()->boundTo(keys[0].toCombined()), qPrintable(row.keys));
        ++checked;
    }
    QVERIFY(checked >= 5);
}

void ShortcutsDialogTest::mainWindowListsEveryActionWithAShortcut()
{
    QTemporaryDir dir;
    App::StartOptions options;
    options.restoreSession = false;
    options.sessionPath = dir.filePath(QStringLiteral("session.json"));
    App::MainWindow window(options);
    const QList<ShortcutEntry> entries = App::ShortcutsDialog::collectShortcuts(&window);
    int actions = 0;
    for (const QAction *action : window.findChildren<QAction *>()) {
        for (const QKeySequence &keys : action->shortcuts()) {
            if (keys.isEmpty())
                continue;
            const QString text = keys.toString(QKeySequence::NativeText);
            const bool listed = std::any_of(entries.begin(), entries.end(), [&](const ShortcutEntry &entry) {
                return entry.keys.split(QStringLiteral(", ")).contains(text);
            });
            QVERIFY2(listed, qPrintable(action->objectName() + QStringLiteral(" ") + text));
            ++actions;
        }
    }
    QVERIFY(actions >= 10);
    // No action of the window stays nameless.
    QCOMPARE(countNamed(entries, QStringLiteral("Unnamed action")), 0);
}

QTEST_MAIN(ShortcutsDialogTest)
#include "shortcutsdialog_test.moc"
