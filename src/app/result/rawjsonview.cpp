// SPDX-License-Identifier: MIT
// Sextant: a virtualized raw JSON viewer that opens 100 MB responses without stalling the window.
#include "rawjsonview.h"

#include "rawjsonlines.h"

#include <app/run/backgroundpool.h>

#include <core/response/responsedocument.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

constexpr int TextMargin = 6;

enum class Token { Punctuation, Key, String, Number, Literal };

struct Run
{
    qsizetype start;
    qsizetype length;
    Token token;
};

/// Splits one line into coloured runs; @p inString: the line starts inside a string token.
std::vector<Run> tokenize(const QString &line, bool inString)
{
    std::vector<Run> runs;
    const qsizetype n = line.size();
    qsizetype i = 0;
    const auto stringEnd = [&](qsizetype from) {
        qsizetype j = from;
        while (j < n) {
            if (line.at(j) == QLatin1Char('\\'))
                j += 2;
            else if (line.at(j) == QLatin1Char('"'))
                return j + 1;
            else
                ++j;
        }
        return n;
    };
    const auto push = [&runs](qsizetype start, qsizetype length, Token token) {
        if (!runs.empty() && runs.back().token == token && runs.back().start + runs.back().length == start)
            runs.back().length += length;
        else
            runs.push_back(Run{start, length, token});
    };
    if (inString) {
        i = stringEnd(0);
        push(0, i, Token::String);
    }
    while (i < n) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            const qsizetype end = std::min(stringEnd(i + 1), n);
            qsizetype k = end;
            while (k < n && line.at(k) == QLatin1Char(' '))
                ++k;
            push(i, end - i, k < n && line.at(k) == QLatin1Char(':') ? Token::Key : Token::String);
            i = end;
        } else if (c == QLatin1Char('-') || c.isDigit()) {
            qsizetype j = i + 1;
            while (j < n && (line.at(j).isDigit() || QStringView(u".eE+-").contains(line.at(j))))
                ++j;
            push(i, j - i, Token::Number);
            i = j;
        } else if (c >= QLatin1Char('a') && c <= QLatin1Char('z')) {
            qsizetype j = i + 1;
            while (j < n && line.at(j) >= QLatin1Char('a') && line.at(j) <= QLatin1Char('z'))
                ++j;
            push(i, j - i, Token::Literal);
            i = j;
        } else {
            push(i, 1, Token::Punctuation);
            ++i;
        }
    }
    return runs;
}

QColor tokenColor(Token token, bool dark, const QColor &text)
{
    switch (token) {
    case Token::Key:
        return dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x80, 0x1f, 0x7a);
    case Token::String:
        return dark ? QColor(0xce, 0x91, 0x78) : QColor(0x0b, 0x6e, 0x2e);
    case Token::Number:
        return dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x1a, 0x4f, 0xc0);
    case Token::Literal:
        return dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0xa6, 0x4b, 0x00);
    case Token::Punctuation:
        break;
    }
    return text;
}

} // namespace

RawJsonView::RawJsonView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    verticalScrollBar()->setSingleStep(1);

    // The actions serve the context menu; the keys are handled in keyPressEvent() so that they do not
    // compete with window-wide shortcuts for the same sequences.
    m_prettyAction = new QAction(tr("&Pretty"), this);
    m_prettyAction->setCheckable(true);
    m_prettyAction->setChecked(m_pretty);
    connect(m_prettyAction, &QAction::toggled, this, &RawJsonView::setPretty);
    m_copyAction = new QAction(tr("&Copy Lines"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    connect(m_copyAction, &QAction::triggered, this, &RawJsonView::copy);
    m_selectAllAction = new QAction(tr("Select &All"), this);
    m_selectAllAction->setShortcut(QKeySequence::SelectAll);
    connect(m_selectAllAction, &QAction::triggered, this, &RawJsonView::selectAll);
    m_goToLineAction = new QAction(tr("&Go to Line…"), this);
    m_goToLineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_goToLineAction, &QAction::triggered, this, &RawJsonView::askGoToLine);
    updateMetrics();
}

RawJsonView::~RawJsonView()
{
    if (m_cancel)
        m_cancel->store(true);
}

void RawJsonView::setDocument(std::shared_ptr<const Core::ResponseDocument> document)
{
    m_document = std::move(document);
    rebuild();
}

void RawJsonView::clear()
{
    setDocument(nullptr);
}

void RawJsonView::setPretty(bool pretty)
{
    if (pretty == m_pretty)
        return;
    m_pretty = pretty;
    m_prettyAction->setChecked(pretty);
    rebuild();
    emit prettyChanged(pretty);
}

void RawJsonView::setWrapBytes(int bytes)
{
    bytes = std::clamp(bytes, 16, 1 << 20);
    if (bytes == m_wrapBytes)
        return;
    m_wrapBytes = bytes;
    if (!m_pretty)
        rebuild();
}

void RawJsonView::rebuild()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    m_lines.reset();
    m_anchor = m_cursor = -1;
    m_textWidth = 0;
    const quint64 generation = ++m_generation;
    m_indexing = m_document != nullptr;
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
    if (!m_document)
        return;

    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    const RawJsonLines::Mode mode = m_pretty ? RawJsonLines::Mode::Pretty : RawJsonLines::Mode::AsReceived;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const RawJsonLines>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer document or mode replaced this request
        m_lines = watcher->result();
        m_indexing = false;
        m_cancel.reset();
        updateScrollBars();
        viewport()->update();
        emit linesIndexed(lineCount());
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [document = m_document, mode, wrap = m_wrapBytes, cancel] {
        return RawJsonLines::build(document, mode, wrap, cancel.get());
    }));
}

int RawJsonView::lineCount() const
{
    return m_lines ? m_lines->lineCount() : 0;
}

QString RawJsonView::lineText(int line) const
{
    return m_lines ? m_lines->lineText(line) : QString();
}

void RawJsonView::updateMetrics()
{
    const QFontMetrics metrics(font());
    m_lineHeight = std::max(1, metrics.height());
    m_ascent = metrics.ascent();
    m_charWidth = std::max(1, metrics.horizontalAdvance(QLatin1Char('0')));
    m_asciiFixedPitch = metrics.horizontalAdvance(QLatin1Char('i')) == m_charWidth
                        && metrics.horizontalAdvance(QLatin1Char('M')) == m_charWidth
                        && metrics.horizontalAdvance(QLatin1Char(' ')) == m_charWidth
                        && metrics.horizontalAdvance(QStringLiteral("{\"a\":1}")) == 7 * m_charWidth;
    updateScrollBars();
}

int RawJsonView::gutterWidth() const
{
    const int digits = int(QString::number(std::max(lineCount(), 1)).size());
    return digits * m_charWidth + 2 * TextMargin;
}

void RawJsonView::updateScrollBars()
{
    const int visible = std::max(1, viewport()->height() / m_lineHeight);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, lineCount() - visible));
    // As-received lines are at most wrapBytes() wide; pretty lines widen the range as they are painted.
    int width = m_textWidth;
    if (m_lines && !m_pretty)
        width = std::max(width, (m_wrapBytes + 4) * m_charWidth);
    const int available = viewport()->width() - gutterWidth() - 2 * TextMargin;
    horizontalScrollBar()->setPageStep(std::max(1, available));
    horizontalScrollBar()->setSingleStep(m_charWidth * 2);
    horizontalScrollBar()->setRange(0, std::max(0, width - available));
}

int RawJsonView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

int RawJsonView::lineAt(int y) const
{
    const int line = firstVisibleLine() + (y >= 0 ? y / m_lineHeight : -1 - (-y) / m_lineHeight);
    return std::clamp(line, 0, std::max(0, lineCount() - 1));
}

void RawJsonView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    const QRect area = viewport()->rect();
    painter.fillRect(area, pal.base());
    const QColor text = pal.color(QPalette::Text);
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    if (!m_lines) {
        if (m_indexing) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(area.adjusted(TextMargin, TextMargin, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                             tr("Indexing %1 lines…").arg(m_pretty ? tr("pretty") : tr("raw")));
        }
        return;
    }
    const int gutter = gutterWidth();
    const int first = firstVisibleLine();
    const int last = std::min(lineCount() - 1, first + area.height() / m_lineHeight + 1);
    const int selFirst = selectionStart();
    const int selLast = selectionEnd();
    const int x0 = gutter + TextMargin - horizontalScrollBar()->value();
    int widest = m_textWidth;

    painter.fillRect(QRect(0, 0, gutter, area.height()), pal.alternateBase());
    for (int line = first; line <= last; ++line) {
        const int y = (line - first) * m_lineHeight;
        const bool selected = selFirst >= 0 && line >= selFirst && line <= selLast;
        painter.setClipping(false);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(0, y, gutter - TextMargin, m_lineHeight), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(line + 1));
        painter.setClipRect(QRect(gutter, 0, area.width() - gutter, area.height()));
        if (selected)
            painter.fillRect(QRect(gutter, y, area.width() - gutter, m_lineHeight), pal.highlight());

        bool truncated = false;
        QString content = m_lines->lineText(line, DisplayLimit, &truncated);
        content.replace(QLatin1Char('\t'), QLatin1Char(' '));
        if (truncated)
            content += u" \u2026"_s;
        const std::vector<Run> runs = tokenize(content, m_lines->startsInString(line));
        const bool ascii = std::all_of(content.cbegin(), content.cend(),
                                       [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
        int x = x0;
        if (ascii && m_asciiFixedPitch) {
            // Fast path for the common case: in a fixed-pitch font every printable ASCII character has the same
            // advance, so each colour is one drawText() of the line with the other tokens blanked out.
            if (selected) {
                painter.setPen(pal.color(QPalette::HighlightedText));
                painter.drawText(x0, y + m_ascent, content);
            } else {
                for (const Token token :
                     {Token::Punctuation, Token::Key, Token::String, Token::Number, Token::Literal}) {
                    QString masked(content.size(), QLatin1Char(' '));
                    bool any = false;
                    for (const Run &run : runs) {
                        if (run.token != token)
                            continue;
                        any = true;
                        std::copy_n(content.cbegin() + run.start, run.length, masked.begin() + run.start);
                    }
                    if (!any)
                        continue;
                    painter.setPen(tokenColor(token, dark, text));
                    painter.drawText(x0, y + m_ascent, masked);
                }
            }
            x = x0 + int(content.size()) * m_charWidth;
        } else {
            // One QTextLayout per line shapes the text once; per-run drawText() calls would shape every token.
            QList<QTextLayout::FormatRange> formats;
            for (const Run &run : runs) {
                QTextLayout::FormatRange range;
                range.start = int(run.start);
                range.length = int(run.length);
                range.format.setForeground(selected ? pal.color(QPalette::HighlightedText)
                                                    : tokenColor(run.token, dark, text));
                formats.append(range);
            }
            QTextLayout layout(content, font());
            layout.setCacheEnabled(false);
            layout.setFormats(formats);
            layout.beginLayout();
            QTextLine textLine = layout.createLine();
            if (textLine.isValid())
                textLine.setLineWidth(1e9);
            layout.endLayout();
            layout.draw(&painter, QPointF(x0, y));
            x = x0 + (textLine.isValid() ? int(std::ceil(textLine.naturalTextWidth())) : 0);
        }
        widest = std::max(widest, x - x0);
    }
    if (widest > m_textWidth) {
        m_textWidth = widest;
        updateScrollBars();
    }
}

void RawJsonView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void RawJsonView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMetrics();
}

void RawJsonView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void RawJsonView::ensureLineVisible(int line)
{
    const int first = firstVisibleLine();
    const int visible = std::max(1, viewport()->height() / m_lineHeight);
    if (line < first)
        verticalScrollBar()->setValue(line);
    else if (line >= first + visible)
        verticalScrollBar()->setValue(line - visible + 1);
}

void RawJsonView::moveCursorTo(int line, bool extend)
{
    if (lineCount() == 0)
        return;
    line = std::clamp(line, 0, lineCount() - 1);
    if (!extend || m_anchor < 0)
        m_anchor = line;
    m_cursor = line;
    ensureLineVisible(line);
    viewport()->update();
}

void RawJsonView::goToLine(int line)
{
    if (lineCount() == 0)
        return;
    const int target = std::clamp(line - 1, 0, lineCount() - 1);
    const int visible = std::max(1, viewport()->height() / m_lineHeight);
    verticalScrollBar()->setValue(target - visible / 3);
    m_anchor = m_cursor = target;
    viewport()->update();
}

void RawJsonView::selectLines(int first, int last)
{
    if (lineCount() == 0)
        return;
    m_anchor = std::clamp(first, 0, lineCount() - 1);
    m_cursor = std::clamp(last, 0, lineCount() - 1);
    viewport()->update();
}

void RawJsonView::selectAll()
{
    selectLines(0, lineCount() - 1);
}

int RawJsonView::selectionStart() const
{
    return m_anchor < 0 ? -1 : std::min(m_anchor, m_cursor);
}

int RawJsonView::selectionEnd() const
{
    return m_anchor < 0 ? -1 : std::max(m_anchor, m_cursor);
}

QString RawJsonView::selectedText(bool *truncated) const
{
    if (truncated)
        *truncated = false;
    if (!m_lines || m_anchor < 0)
        return {};
    QString out;
    for (int line = selectionStart(); line <= selectionEnd(); ++line) {
        if (line > selectionStart())
            out += QLatin1Char('\n');
        const qsizetype room = CopyLimit - out.size();
        bool cut = false;
        out += m_lines->lineText(line, room, &cut);
        if (cut || (out.size() >= CopyLimit && line < selectionEnd())) {
            if (truncated)
                *truncated = true;
            break;
        }
    }
    return out;
}

void RawJsonView::copy() const
{
    if (m_anchor >= 0)
        QApplication::clipboard()->setText(selectedText());
}

void RawJsonView::askGoToLine()
{
    if (lineCount() == 0)
        return;
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line (1–%1):").arg(lineCount()),
                                          std::max(1, m_cursor + 1), 1, lineCount(), 1, &ok);
    if (ok)
        goToLine(line);
}

bool RawJsonView::event(QEvent *event)
{
    // Copy, Select All and Go to Line act on this view while it has focus, even when the window has
    // shortcuts for the same keys.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key == QKeySequence::Copy || key == QKeySequence::SelectAll
            || (key->key() == Qt::Key_L && key->modifiers() == Qt::ControlModifier)) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void RawJsonView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    if (event->key() == Qt::Key_L && event->modifiers() == Qt::ControlModifier) {
        askGoToLine();
        return;
    }
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const int page = std::max(1, viewport()->height() / m_lineHeight - 1);
    const int current = m_cursor < 0 ? firstVisibleLine() : m_cursor;
    switch (event->key()) {
    case Qt::Key_Up:
        moveCursorTo(current - 1, extend);
        return;
    case Qt::Key_Down:
        moveCursorTo(m_cursor < 0 ? current : current + 1, extend);
        return;
    case Qt::Key_PageUp:
        moveCursorTo(current - page, extend);
        return;
    case Qt::Key_PageDown:
        moveCursorTo(current + page, extend);
        return;
    case Qt::Key_Home:
        moveCursorTo(0, extend);
        return;
    case Qt::Key_End:
        moveCursorTo(lineCount() - 1, extend);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void RawJsonView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || lineCount() == 0) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    moveCursorTo(lineAt(int(event->position().y())), event->modifiers() & Qt::ShiftModifier);
}

void RawJsonView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || lineCount() == 0)
        return;
    moveCursorTo(lineAt(int(event->position().y())), true);
}

void RawJsonView::contextMenuEvent(QContextMenuEvent *event)
{
    m_copyAction->setEnabled(m_anchor >= 0);
    m_selectAllAction->setEnabled(lineCount() > 0);
    m_goToLineAction->setEnabled(lineCount() > 0);
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.addAction(m_selectAllAction);
    menu.addSeparator();
    menu.addAction(m_goToLineAction);
    menu.addAction(m_prettyAction);
    menu.exec(event->globalPos());
}

} // namespace Sextant::App
