// SPDX-License-Identifier: MIT
// Sextant: the find / replace bar for any QsciScintilla (query, variables, headers).
#pragma once

#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QWidget>

#include <memory>

class QAction;
class QLineEdit;
class QsciScintilla;
class QTimer;

namespace Ui {
class FindBar;
}

namespace Sextant::App {

/// QScintilla indicator that highlights every match while the bar is open (ErrorIndicator, 8, is the squiggle).
inline constexpr int FindIndicator = 11;

/**
 * A VS Code-style find / replace bar working on one editor at a time (setEditor()): a find field, a replace row
 * (shown by openReplace() only), toggles Match Case, Whole Word and Regular Expression (PCRE2 syntax of
 * QRegularExpression; ^ and $ match at line ends), Previous / Next with wrap-around, Replace and Replace All, a status
 * ("3 of 12", "No results", or the regular expression's error in red) and every match highlighted with FindIndicator.
 *
 * The editor's text is searched once per change of the pattern, the options or the text (edits of the document are
 * coalesced for 150 ms); the match list is kept in Scintilla byte positions, so Next / Previous / the counter never
 * search again. Typing selects the first match at or after the selection start (incremental search). Empty matches
 * (e.g. "x*") are skipped. In regular-expression mode the replacement understands \0–\9 (captured groups), \n, \t
 * and \\; otherwise it is literal. Replace All is a single undo step. Enter = next, Shift+Enter = previous (in the
 * replace field Enter replaces), Escape hides the bar and gives the focus back to the editor. An invalid pattern, a
 * missing editor or an empty find field give 0 matches and change nothing. GUI thread only.
 *
 * editActions() are Edit.Find (Ctrl+F), Edit.Replace (Ctrl+H), Edit.FindNext (F3), Edit.FindPrevious (Shift+F3), with
 * Qt::WindowShortcut: add them to the window (QWidget::addActions) or a menu so their shortcuts work.
 */
class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(QWidget *parent = nullptr);
    ~FindBar() override;

    /// The editor to search (nullptr: none); its highlights move with it. The bar does not own it.
    void setEditor(QsciScintilla *editor);
    QsciScintilla *editor() const;

    void openFind();     ///< shows the bar without the replace row, pre-filled with a one-line selection; focuses it
    void openReplace();  ///< the same with the replace row
    void findNext();     ///< selects the next match (wraps); opens the bar if it is hidden
    void findPrevious(); ///< selects the previous match (wraps); opens the bar if it is hidden
    void replace();      ///< replaces the selected match and selects the next one, or just selects the next match
    void replaceAll();   ///< replaces every match in one undo step; returns nothing, see matchCount() afterwards

    int matchCount() const { return int(m_matches.size()); } ///< matches of the pattern in the editor's text
    int currentMatch() const { return m_current + 1; }       ///< 1-based index of the selected match, 0 when none
    QString statusText() const;
    bool isReplaceVisible() const;

    QList<QAction *> editActions() const; ///< find, replace, find next, find previous (for the Edit menu)
    QAction *findAction() const { return m_findAction; }
    QAction *replaceAction() const { return m_replaceAction; }
    QAction *findNextAction() const { return m_findNextAction; }
    QAction *findPreviousAction() const { return m_findPreviousAction; }

    QLineEdit *findEdit() const;
    QLineEdit *replaceEdit() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Match
    {
        int start = 0;     ///< Scintilla (UTF-8 byte) position
        int end = 0;       ///< Scintilla (UTF-8 byte) position, after the match
        int textStart = 0; ///< UTF-16 offset into the searched text
    };

    void open(bool withReplace, bool takeFocus);
    void closeBar();
    void search();                       ///< recomputes m_matches from the editor's current text
    void refreshIfStale();               ///< search() now if the document changed since the last search
    void searchAndSelectFromSelection(); ///< incremental search: select the first match at/after the selection start
    void highlight();
    void clearHighlights(QsciScintilla *editor);
    void selectMatch(int index);
    void updateCurrent();
    void updateStatus();
    int matchAtSelection() const; ///< index into m_matches of the selected match, -1 when none
    QString replacementFor(const Match &match) const;
    QRegularExpression pattern(QString *error) const;

    std::unique_ptr<Ui::FindBar> m_ui;
    QPointer<QsciScintilla> m_editor;
    QTimer *m_documentTimer;
    QAction *m_findAction;
    QAction *m_replaceAction;
    QAction *m_findNextAction;
    QAction *m_findPreviousAction;
    QList<QMetaObject::Connection> m_editorConnections;
    QList<Match> m_matches;
    QString m_text; ///< the editor text m_matches were computed from
    QRegularExpression m_regex;
    QString m_error;     ///< the pattern's error, empty when valid
    int m_current = -1;  ///< index into m_matches, -1 when the selection is not a match
    bool m_stale = true; ///< the editor's text changed since m_matches were computed
};

} // namespace Sextant::App
