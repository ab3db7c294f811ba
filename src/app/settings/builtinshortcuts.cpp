// SPDX-License-Identifier: MIT
// Sextant: the keys the shortcuts dialog lists that are not (or not only) QActions of the window.
#include "builtinshortcuts.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sextant::App {

QList<BuiltInShortcut> builtInShortcuts()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Sextant::App::ShortcutsDialog", text); };
    const QString editor = tr("Editor");
    const QString result = tr("Result");
    const QString schema = tr("Schema browser");
    // clang-format off
    return {
        {editor, tr("Run the operation under the cursor"), u"Ctrl+Return"_s, false, u"Editor.Run"_s, false},
        {editor, tr("Complete (fields, arguments, values, variables, directives, fragments, types)"),
         u"Ctrl+Space"_s, false, u"Editor.Complete"_s, false},
        {editor, tr("Complete in the Variables tab"), u"Ctrl+Space"_s, false, u"Variables.Complete"_s, false},
        {editor, tr("Show the element under the mouse in the schema browser (go to definition)"), tr("Ctrl+Click"),
         true, QString(), false},
        {editor, tr("Toggle # comments"), u"Ctrl+/"_s, false, u"Editor.ToggleComment"_s, false},
        {editor, tr("Find"), u"Ctrl+F"_s, false, u"Edit.Find"_s, false},
        {editor, tr("Replace"), u"Ctrl+H"_s, false, u"Edit.Replace"_s, false},
        {editor, tr("Close the find bar or the completion list"), u"Esc"_s, false, QString(), false},
        {editor, tr("Undo"), u"Ctrl+Z"_s, false, QString(), true},
        {editor, tr("Redo"), u"Ctrl+Y"_s, false, QString(), true},
        {editor, tr("Cut"), u"Ctrl+X"_s, false, QString(), true},
        {editor, tr("Copy"), u"Ctrl+C"_s, false, QString(), true},
        {editor, tr("Paste"), u"Ctrl+V"_s, false, QString(), true},
        {editor, tr("Select all"), u"Ctrl+A"_s, false, QString(), true},
        {editor, tr("Indent the selected lines"), u"Tab"_s, false, QString(), true},
        {editor, tr("Unindent the selected lines"), u"Shift+Tab"_s, false, QString(), true},
        {editor, tr("Delete the line"), u"Ctrl+Shift+L"_s, false, QString(), true},
        {result, tr("Search keys and values (focus in the result)"), u"Ctrl+F"_s, false, QString(), false},
        {result, tr("Next / previous match"), tr("Enter / Shift+Enter"), true, QString(), false},
        {result, tr("Copy the selected value (tree)"), u"Ctrl+C"_s, false, QString(), false},
        {schema, tr("Back"), u"Alt+Left"_s, false, QString(), false},
        {schema, tr("Forward"), u"Alt+Right"_s, false, QString(), false},
    };
    // clang-format on
}

} // namespace Sextant::App
