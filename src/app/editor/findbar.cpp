// SPDX-License-Identifier: MIT
// Sextant: the find / replace bar for any QsciScintilla (query, variables, headers).
#include "findbar.h"

#include "ui_findbar.h"

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QColor>
#include <QIcon>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPalette>
#include <QShowEvent>
#include <QTimer>

#include <algorithm>

namespace Sextant::App {

namespace {

// UTF-8 length of text[from, to): Scintilla positions are bytes of the UTF-8 document that text() decoded.
int utf8Length(const QString &text, qsizetype from, qsizetype to)
{
    int bytes = 0;
    const QChar *data = text.constData();
    for (qsizetype i = from; i < to; ++i) {
        const char16_t c = data[i].unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isSurrogate(c))
            bytes += 2; // a surrogate pair is one 4-byte sequence
        else
            bytes += 3;
    }
    return bytes;
}

// \0–\9 insert captured groups, \n \t \\ the usual characters; any other backslash stays as typed.
QString expandReplacement(const QString &replacement, const QRegularExpressionMatch &match)
{
    QString result;
    result.reserve(replacement.size());
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement.at(i);
        if (c != u'\\' || i + 1 == replacement.size()) {
            result += c;
            continue;
        }
        const QChar next = replacement.at(i + 1);
        if (next.isDigit() && next.unicode() < 0x80) {
            result += match.captured(next.digitValue());
            ++i;
        } else if (next == u'n') {
            result += u'\n';
            ++i;
        } else if (next == u't') {
            result += u'\t';
            ++i;
        } else if (next == u'\\') {
            result += u'\\';
            ++i;
        } else {
            result += c;
        }
    }
    return result;
}

QAction *makeAction(QObject *parent, const QString &id, const QString &text, const QKeySequence &shortcut,
                    const QString &iconName)
{
    auto *action = new QAction(QIcon::fromTheme(iconName), text, parent);
    action->setObjectName(id);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

} // namespace

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FindBar>())
    , m_documentTimer(new QTimer(this))
    , m_findAction(makeAction(this, QStringLiteral("Edit.Find"), tr("&Find…"), QKeySequence(Qt::CTRL | Qt::Key_F),
                              QStringLiteral("edit-find")))
    , m_replaceAction(makeAction(this, QStringLiteral("Edit.Replace"), tr("&Replace…"),
                                 QKeySequence(Qt::CTRL | Qt::Key_H), QStringLiteral("edit-find-replace")))
    , m_findNextAction(makeAction(this, QStringLiteral("Edit.FindNext"), tr("Find &Next"), QKeySequence(Qt::Key_F3),
                                  QStringLiteral("go-down")))
    , m_findPreviousAction(makeAction(this, QStringLiteral("Edit.FindPrevious"), tr("Find Pre&vious"),
                                      QKeySequence(Qt::SHIFT | Qt::Key_F3), QStringLiteral("go-up")))
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->findEdit);
    m_ui->replaceEdit->hide();
    m_ui->replaceButtons->hide();
    m_ui->findEdit->installEventFilter(this);
    m_ui->replaceEdit->installEventFilter(this);

    // Edits of a long document come in bursts: search again once typing in the editor pauses.
    m_documentTimer->setSingleShot(true);
    m_documentTimer->setInterval(150);
    connect(m_documentTimer, &QTimer::timeout, this, [this] {
        search();
        updateCurrent();
        highlight();
    });

    connect(m_ui->findEdit, &QLineEdit::textChanged, this, &FindBar::searchAndSelectFromSelection);
    for (QToolButton *toggle : {m_ui->matchCaseButton, m_ui->wholeWordButton, m_ui->regexButton})
        connect(toggle, &QToolButton::toggled, this, &FindBar::searchAndSelectFromSelection);
    connect(m_ui->nextButton, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_ui->previousButton, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_ui->closeButton, &QToolButton::clicked, this, &FindBar::closeBar);
    connect(m_ui->replaceButton, &QPushButton::clicked, this, &FindBar::replace);
    connect(m_ui->replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);

    connect(m_findAction, &QAction::triggered, this, &FindBar::openFind);
    connect(m_replaceAction, &QAction::triggered, this, &FindBar::openReplace);
    connect(m_findNextAction, &QAction::triggered, this, &FindBar::findNext);
    connect(m_findPreviousAction, &QAction::triggered, this, &FindBar::findPrevious);
    updateStatus();
}

FindBar::~FindBar()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_editorConnections))
        disconnect(connection);
}

void FindBar::setEditor(QsciScintilla *editor)
{
    if (editor == m_editor)
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_editorConnections))
        disconnect(connection);
    m_editorConnections.clear();
    if (m_editor)
        clearHighlights(m_editor);
    m_editor = editor;
    m_matches.clear();
    m_text.clear();
    m_current = -1;
    m_stale = true;
    if (m_editor) {
        m_editor->indicatorDefine(QsciScintilla::StraightBoxIndicator, FindIndicator);
        m_editor->setIndicatorForegroundColor(QColor(0xff, 0xb0, 0x20, 0x70), FindIndicator);
        m_editor->setIndicatorOutlineColor(QColor(0xe0, 0x90, 0x00, 0xc0), FindIndicator);
        m_editor->setIndicatorDrawUnder(true, FindIndicator);
        m_editorConnections << connect(m_editor, &QsciScintilla::textChanged, this, [this] {
            m_stale = true;
            if (isVisible())
                m_documentTimer->start();
        });
        m_editorConnections << connect(m_editor, &QsciScintilla::selectionChanged, this, &FindBar::updateCurrent);
        m_editorConnections << connect(m_editor, &QsciScintilla::cursorPositionChanged, this, &FindBar::updateCurrent);
    }
    if (isVisible()) {
        search();
        updateCurrent();
        highlight();
    } else {
        updateStatus();
    }
}

QsciScintilla *FindBar::editor() const
{
    return m_editor;
}

void FindBar::openFind()
{
    open(false, true);
}

void FindBar::openReplace()
{
    open(true, true);
}

void FindBar::open(bool withReplace, bool takeFocus)
{
    m_ui->replaceEdit->setVisible(withReplace);
    m_ui->replaceButtons->setVisible(withReplace);
    if (m_editor && (takeFocus || m_ui->findEdit->text().isEmpty())) {
        const int start = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
        const int end = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONEND));
        const QString selected = m_editor->selectedText();
        if (start != end && !selected.contains(u'\n') && !selected.contains(u'\r')) {
            const QSignalBlocker blocker(m_ui->findEdit); // one search below, not one per setText
            m_ui->findEdit->setText(selected);
        }
    }
    show();
    search();
    updateCurrent();
    highlight();
    if (takeFocus) {
        QLineEdit *field = withReplace && !m_ui->findEdit->text().isEmpty() ? m_ui->replaceEdit : m_ui->findEdit;
        field->setFocus(Qt::ShortcutFocusReason);
        field->selectAll();
    }
}

void FindBar::closeBar()
{
    hide();
    if (m_editor)
        m_editor->setFocus(Qt::OtherFocusReason);
}

void FindBar::findNext()
{
    if (!m_editor)
        return;
    if (!isVisible())
        open(isReplaceVisible(), false);
    refreshIfStale();
    if (m_matches.isEmpty())
        return;
    int index = matchAtSelection();
    if (index >= 0) {
        index = (index + 1) % int(m_matches.size());
    } else {
        const int caret = int(m_editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
        const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), caret,
                                         [](const Match &match, int position) { return match.start < position; });
        index = it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()); // wrap to the top
    }
    selectMatch(index);
}

void FindBar::findPrevious()
{
    if (!m_editor)
        return;
    if (!isVisible())
        open(isReplaceVisible(), false);
    refreshIfStale();
    if (m_matches.isEmpty())
        return;
    int index = matchAtSelection();
    const int count = int(m_matches.size());
    if (index >= 0) {
        index = (index - 1 + count) % count;
    } else {
        const int from = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
        const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                         [](const Match &match, int position) { return match.start < position; });
        index = it == m_matches.cbegin() ? count - 1 : int(it - m_matches.cbegin()) - 1; // wrap to the bottom
    }
    selectMatch(index);
}

void FindBar::replace()
{
    if (!m_editor || m_editor->isReadOnly())
        return;
    refreshIfStale();
    const int index = matchAtSelection();
    if (index < 0) {
        findNext(); // the first press shows which match a second press replaces
        return;
    }
    const Match match = m_matches.at(index);
    const QByteArray bytes = replacementFor(match).toUtf8();
    m_editor->SendScintilla(QsciScintilla::SCI_SETTARGETRANGE, match.start, match.end);
    m_editor->SendScintilla(QsciScintilla::SCI_REPLACETARGET, static_cast<unsigned long>(bytes.size()),
                            bytes.constData());
    const int after = match.start + int(bytes.size());
    search();
    if (!m_matches.isEmpty()) {
        const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), after,
                                         [](const Match &m, int position) { return m.start < position; });
        selectMatch(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
    } else {
        m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, after);
        updateCurrent();
    }
    highlight();
}

void FindBar::replaceAll()
{
    if (!m_editor || m_editor->isReadOnly())
        return;
    refreshIfStale();
    if (m_matches.isEmpty())
        return;
    QList<QByteArray> replacements;
    replacements.reserve(m_matches.size());
    for (const Match &match : std::as_const(m_matches))
        replacements.append(replacementFor(match).toUtf8());
    // Back to front, so the byte positions of the matches not yet replaced stay valid.
    m_editor->beginUndoAction();
    for (qsizetype i = m_matches.size() - 1; i >= 0; --i) {
        const Match &match = m_matches.at(i);
        m_editor->SendScintilla(QsciScintilla::SCI_SETTARGETRANGE, match.start, match.end);
        m_editor->SendScintilla(QsciScintilla::SCI_REPLACETARGET, static_cast<unsigned long>(replacements.at(i).size()),
                                replacements.at(i).constData());
    }
    m_editor->endUndoAction();
    search();
    updateCurrent();
    highlight();
}

QString FindBar::statusText() const
{
    return m_ui->statusLabel->text();
}

bool FindBar::isReplaceVisible() const
{
    return !m_ui->replaceEdit->isHidden();
}

QList<QAction *> FindBar::editActions() const
{
    return {m_findAction, m_replaceAction, m_findNextAction, m_findPreviousAction};
}

QLineEdit *FindBar::findEdit() const
{
    return m_ui->findEdit;
}

QLineEdit *FindBar::replaceEdit() const
{
    return m_ui->replaceEdit;
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_ui->findEdit && watched != m_ui->replaceEdit)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            key->accept(); // ours, even when the window has an Escape shortcut
            return true;
        }
        // The line edit would take Ctrl+H (backspace) and friends; our own actions win inside the bar.
        const QKeySequence sequence(key->keyCombination());
        for (const QAction *action : editActions()) {
            if (action->shortcut() == sequence) {
                key->ignore();
                return true;
            }
        }
        return false;
    }
    if (event->type() != QEvent::KeyPress)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape) {
        closeBar();
        return true;
    }
    if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        return false;
    if (watched == m_ui->replaceEdit)
        replace();
    else if (key->modifiers() & Qt::ShiftModifier)
        findPrevious();
    else
        findNext();
    return true;
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        closeBar();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous()) { // shown again with its parent (e.g. a tab): the highlights come back
        refreshIfStale();
        highlight();
    }
}

void FindBar::hideEvent(QHideEvent *event)
{
    if (event->spontaneous()) { // a minimised window keeps its highlights
        QWidget::hideEvent(event);
        return;
    }
    m_documentTimer->stop();
    if (m_editor)
        clearHighlights(m_editor);
    QWidget::hideEvent(event);
}

QRegularExpression FindBar::pattern(QString *error) const
{
    const QString text = m_ui->findEdit->text();
    // Unicode properties: \w (Whole Word, user patterns) must know that "é" is a word character.
    QRegularExpression::PatternOptions options =
        QRegularExpression::MultilineOption | QRegularExpression::UseUnicodePropertiesOption;
    if (!m_ui->matchCaseButton->isChecked())
        options |= QRegularExpression::CaseInsensitiveOption;
    QString source = text;
    if (m_ui->regexButton->isChecked()) {
        // Checked alone first: wrapped for Whole Word, "a)(b" would otherwise become a valid expression.
        const QRegularExpression raw(text, options);
        if (!raw.isValid()) {
            *error = tr("Invalid regular expression: %1").arg(raw.errorString());
            return {};
        }
    } else {
        source = QRegularExpression::escape(text);
    }
    if (m_ui->wholeWordButton->isChecked())
        source = QStringLiteral("(?<!\\w)(?:") + source + QStringLiteral(")(?!\\w)");
    QRegularExpression regex(source, options);
    if (!regex.isValid())
        *error = tr("Invalid regular expression: %1").arg(regex.errorString());
    return regex;
}

void FindBar::search()
{
    m_documentTimer->stop();
    m_stale = false;
    m_matches.clear();
    m_error.clear();
    m_text.clear();
    m_regex = QRegularExpression();
    if (!m_editor || m_ui->findEdit->text().isEmpty())
        return;
    QString error;
    const QRegularExpression regex = pattern(&error);
    if (!error.isEmpty()) {
        m_error = error;
        return;
    }
    m_regex = regex;
    m_text = m_editor->text();
    const bool utf8 = m_editor->isUtf8();
    qsizetype offset = 0; // UTF-16 offset that bytePosition corresponds to
    int bytePosition = 0;
    QRegularExpressionMatchIterator it = m_regex.globalMatch(m_text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() == 0)
            continue;
        const qsizetype start = match.capturedStart();
        const qsizetype end = match.capturedEnd();
        bytePosition += utf8 ? utf8Length(m_text, offset, start) : int(start - offset);
        const int startByte = bytePosition;
        bytePosition += utf8 ? utf8Length(m_text, start, end) : int(end - start);
        offset = end;
        m_matches.append({startByte, bytePosition, int(start)});
    }
}

void FindBar::refreshIfStale()
{
    if (m_stale || m_documentTimer->isActive()) {
        search();
        updateCurrent();
        highlight();
    }
}

void FindBar::searchAndSelectFromSelection()
{
    search();
    if (m_editor && !m_matches.isEmpty()) {
        const int from = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
        const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                         [](const Match &match, int position) { return match.start < position; });
        selectMatch(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
    } else {
        updateCurrent();
    }
    highlight();
}

void FindBar::highlight()
{
    if (!m_editor)
        return;
    clearHighlights(m_editor);
    if (!isVisible())
        return;
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, FindIndicator);
    for (const Match &match : std::as_const(m_matches))
        m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, match.start, match.end - match.start);
}

void FindBar::clearHighlights(QsciScintilla *editor)
{
    editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, FindIndicator);
    editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, 0,
                          editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
}

void FindBar::selectMatch(int index)
{
    const Match &match = m_matches.at(index);
    const int line = int(m_editor->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, match.start));
    m_editor->SendScintilla(QsciScintilla::SCI_ENSUREVISIBLEENFORCEPOLICY, line); // unfold it
    m_editor->SendScintilla(QsciScintilla::SCI_SETSEL, match.start, match.end);
    m_editor->SendScintilla(QsciScintilla::SCI_SCROLLRANGE, match.end, match.start);
    m_current = index;
    updateStatus();
}

void FindBar::updateCurrent()
{
    m_current = matchAtSelection();
    updateStatus();
}

int FindBar::matchAtSelection() const
{
    if (!m_editor || m_matches.isEmpty())
        return -1;
    const int start = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
    const int end = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONEND));
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), start,
                                     [](const Match &match, int position) { return match.start < position; });
    if (it == m_matches.cend() || it->start != start || it->end != end)
        return -1;
    return int(it - m_matches.cbegin());
}

QString FindBar::replacementFor(const Match &match) const
{
    const QString replacement = m_ui->replaceEdit->text();
    if (!m_ui->regexButton->isChecked())
        return replacement;
    const QRegularExpressionMatch found = m_regex.match(m_text, match.textStart, QRegularExpression::NormalMatch,
                                                        QRegularExpression::AnchorAtOffsetMatchOption);
    return found.hasMatch() ? expandReplacement(replacement, found) : replacement;
}

void FindBar::updateStatus()
{
    QLabel *label = m_ui->statusLabel;
    QPalette palette = label->palette();
    const int count = int(m_matches.size());
    if (!m_error.isEmpty()) {
        label->setText(m_error);
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x1c));
    } else if (m_ui->findEdit->text().isEmpty()) {
        label->clear();
    } else if (count == 0) {
        label->setText(tr("No results"));
    } else if (m_current >= 0) {
        label->setText(tr("%1 of %2").arg(m_current + 1).arg(count));
    } else {
        label->setText(count == 1 ? tr("1 result") : tr("%1 results").arg(count));
    }
    label->setPalette(m_error.isEmpty() ? QPalette() : palette); // QPalette(): inherit the bar's colours again
    label->setToolTip(m_error);
    const bool enabled = count > 0;
    m_ui->nextButton->setEnabled(enabled);
    m_ui->previousButton->setEnabled(enabled);
    const bool writable = enabled && m_editor && !m_editor->isReadOnly();
    m_ui->replaceButton->setEnabled(writable);
    m_ui->replaceAllButton->setEnabled(writable);
}

} // namespace Sextant::App
