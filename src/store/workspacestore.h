// SPDX-License-Identifier: MIT
// Sextant: the workspace on disk: one small JSON file per tab plus an index of their order, each written atomically.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Sextant::Store {

/// Everything one tab holds (issue 7): where it sends, what the user typed, and how its last run went.
struct TabState
{
    QString id;              ///< stable, file-name safe ([a-z0-9-]); newTabId() makes one
    QString title;           ///< shown on the tab; empty = derived from the document
    bool customTitle = false; ///< the user renamed the tab: keep the title when the document changes
    int endpointKind = 0;    ///< Sextant::Net::EndpointKind as int (store does not depend on net)
    QString url;             ///< never with a password (stripped on save)
    QString query;           ///< the document exactly as typed
    QString variables;       ///< JSON text as typed
    QString headers;         ///< "Key: Value" lines; credential lines are never written (see WorkspaceStore)
    QString collectionPath;  ///< the collection file this tab was opened from or saved to; empty = none
    QString resultSummary;   ///< one line about the last run ("200 · 0.12 s · 3.1 KB"), empty before any

    bool operator==(const TabState &) const = default;
};

/// The tabs in their order and the one in front.
struct WorkspaceState
{
    QList<TabState> tabs;
    QString currentId;

    bool operator==(const WorkspaceState &) const = default;
};

/**
 * Reads and writes the workspace directory (default QStandardPaths::AppDataLocation + "/workspace"):
 * - `tab-<id>.json` per tab: {"version":1,"id","title","customTitle","endpointKind","url","query","variables",
 *   "headers","collectionPath","resultSummary"};
 * - `workspace.json`: {"version":1,"tabs":[ids in order],"current":id}.
 *
 * Every write goes through QSaveFile (a temporary file renamed over the target), so a kill -9 at any moment
 * leaves each file either as it was or as it is now — never partial. A tab is written on its own, so typing in one
 * tab rewrites a few KB, not the workspace. Secrets are never written: header lines whose name carries credentials
 * (SessionStore::isCredentialHeader) are dropped and URL passwords removed; the window keeps those in the keychain.
 *
 * Loading never loses a tab: tab files the index does not list (a crash between writing a new tab and the index)
 * are appended after the listed ones, in file-name order; an index naming a missing file skips it. A tab file that
 * does not parse is moved aside to `<name>.corrupt` (it cannot be produced by our writes, but a disk can) and
 * named in the error. Temporary files a killed writer left behind are deleted. Stateless static functions, any
 * thread; one writer (one Sextant) per directory at a time.
 */
class WorkspaceStore final
{
public:
    static constexpr int formatVersion = 1;

    /// The tabs of @p directory. A missing or empty directory loads as no tabs and no error. *error lists every
    /// file that could not be read, one per line.
    static WorkspaceState load(const QString &directory, QString *error);
    /// Writes one tab file atomically (creating the directory). False with a one-line message on failure.
    static bool saveTab(const QString &directory, const TabState &tab, QString *error);
    /// Writes the index (tab order and current tab) atomically.
    static bool saveIndex(const QString &directory, const QStringList &tabIds, const QString &currentId,
                          QString *error);
    /// Deletes a closed tab's file; true when it is gone (also when it never existed).
    static bool removeTab(const QString &directory, const QString &id, QString *error);

    /// The serialized bytes of a tab file (what saveTab writes), secrets already stripped.
    static QByteArray tabFileBytes(const TabState &tab);
    /// A new random tab id, e.g. "t-5f0c2a9e1b7d".
    static QString newTabId();
    /// QStandardPaths::AppDataLocation + "/workspace".
    static QString defaultDirectory();

    WorkspaceStore() = delete;
};

} // namespace Sextant::Store
