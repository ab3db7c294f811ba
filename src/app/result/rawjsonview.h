// SPDX-License-Identifier: MIT
// Sextant: a virtualized raw JSON viewer that opens 100 MB responses without stalling the window.
#pragma once

#include <QAbstractScrollArea>

#include <atomic>
#include <memory>

class QAction;

namespace Sextant::Core {
class ResponseDocument;
}

namespace Sextant::App {

class RawJsonLines;

/**
 * Shows a Core::ResponseDocument as text, pretty (2-space indentation, JSON.stringify layout) or as received
 * (the bytes wrapped at wrapBytes()), painting only the visible lines: a line's text is generated from the
 * document when it scrolls into view, so no QString of the whole response ever exists.
 *
 * Owns the RawJsonLines index of the current document and mode; setDocument()/setPretty() build it on a
 * QtConcurrent worker (a newer request cancels an older one through an atomic flag and a generation number,
 * so a stale index never shows) and linesIndexed() fires when it is ready. Monospace text with simple JSON
 * colouring, a line-number gutter, whole-line selection (click, shift+click, drag, keyboard) copied with
 * Ctrl+C (at most CopyLimit characters), Ctrl+A, go-to-line (Ctrl+L) and a context menu with these actions
 * plus the Pretty toggle. GUI thread only. A null document shows an empty view.
 */
class RawJsonView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawJsonView)

public:
    /// Lines longer than this many characters are painted cut with an ellipsis (copy gives them whole).
    static constexpr qsizetype DisplayLimit = 4000;
    /// At most this many characters are put on the clipboard (export the response for more).
    static constexpr qsizetype CopyLimit = 16 * 1024 * 1024;

    explicit RawJsonView(QWidget *parent = nullptr);
    ~RawJsonView() override;

    void setDocument(std::shared_ptr<const Core::ResponseDocument> document);
    std::shared_ptr<const Core::ResponseDocument> document() const { return m_document; }
    void clear();

    /// Pretty (default) or as received; rebuilds the line index when it changes.
    void setPretty(bool pretty);
    bool isPretty() const { return m_pretty; }
    /// Wrap width of the as-received mode in bytes (default 200).
    void setWrapBytes(int bytes);
    int wrapBytes() const { return m_wrapBytes; }

    /// True while a line index is being built (lineCount() is then 0).
    bool isIndexing() const { return m_indexing; }
    int lineCount() const;
    /// The full text of 0-based line @p line, or "".
    QString lineText(int line) const;

    /// Scrolls to the 1-based line @p line (clamped) and selects it.
    void goToLine(int line);
    int firstVisibleLine() const;
    /// Selects the 0-based lines @p first..@p last (either order, clamped).
    void selectLines(int first, int last);
    void selectAll();
    int selectionStart() const;
    int selectionEnd() const;
    /// The selected lines joined by '\n', cut at CopyLimit characters (*truncated set then).
    QString selectedText(bool *truncated = nullptr) const;
    void copy() const;

    QAction *prettyAction() const { return m_prettyAction; }

signals:
    /// A line index for the current document and mode is ready.
    void linesIndexed(int lineCount);
    void prettyChanged(bool pretty);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void rebuild();
    void updateScrollBars();
    void updateMetrics();
    int gutterWidth() const;
    int lineAt(int y) const;
    void moveCursorTo(int line, bool extend);
    void ensureLineVisible(int line);
    void askGoToLine();

    std::shared_ptr<const Core::ResponseDocument> m_document;
    std::shared_ptr<const RawJsonLines> m_lines;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    bool m_indexing = false;
    bool m_pretty = true;
    int m_wrapBytes = 200;
    int m_anchor = -1;
    int m_cursor = -1;
    int m_lineHeight = 16;
    int m_charWidth = 8;
    int m_ascent = 12;
    bool m_asciiFixedPitch = false; ///< every printable ASCII character advances by m_charWidth
    int m_textWidth = 0;            ///< widest painted line so far, in pixels
    QAction *m_prettyAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_selectAllAction = nullptr;
    QAction *m_goToLineAction = nullptr;
};

} // namespace Sextant::App
