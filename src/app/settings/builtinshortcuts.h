// SPDX-License-Identifier: MIT
// Sextant: the keys the shortcuts dialog lists that are not (or not only) QActions of the window.
#pragma once

#include <QList>
#include <QString>

namespace Sextant::App {

/// One row of the built-in key table (see builtInShortcuts()).
struct BuiltInShortcut
{
    QString group;    ///< the dialog group it is listed under ("Editor", "Result", "Schema browser")
    QString name;     ///< what it does
    QString keys;     ///< QKeySequence PortableText ("Ctrl+Space"), or a gesture when gesture is true
    bool gesture;     ///< keys is a description ("Ctrl+Click", "Enter / Shift+Enter"), not one key sequence
    QString actionId; ///< objectName of the QAction that provides it, when there is one (names it in the dialog)
    bool scintilla;   ///< a key of QScintilla's standard command set (tests check it is still bound)
};

/**
 * The table next to ShortcutsDialog: keys handled by QScintilla, event filters and QShortcuts, which no QAction
 * describes, plus names for actions the window creates without text (completion, schema browser history). Rows
 * with an actionId are listed only once: under the action's own menu when the window has that action, from this
 * table otherwise. Pure data; any thread.
 */
QList<BuiltInShortcut> builtInShortcuts();

} // namespace Sextant::App
