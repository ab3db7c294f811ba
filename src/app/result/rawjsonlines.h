// SPDX-License-Identifier: MIT
// Sextant: the line index behind the raw JSON view: any line of a huge response as text, on demand.
#pragma once

#include <core/response/responsedocument.h>

#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace Sextant::App {

/**
 * Splits a Core::ResponseDocument into display lines without materializing its text.
 *
 * - AsReceived: the response bytes exactly as received, split at line feeds and wrapped every wrapBytes()
 *   bytes (never inside a UTF-8 sequence). Owns one byte offset (4 bytes) and one "starts inside a string"
 *   bit per line, so lines are coloured correctly after a wrap.
 * - Pretty: one line per value or member plus one per closing bracket, indented by 2 spaces, in the layout of
 *   JSON.stringify(value, null, 2) / ResponseDocument::toJson(root, 2) with escapes and number spellings as
 *   received. Owns one 4-byte entry per line (the node id, top bit = closing line); the text is generated
 *   from the document when asked for.
 *
 * build() runs on any thread (the view runs it with QtConcurrent) and returns nullptr if @p cancel turned
 * true or the document is null or too big to index (over 2^31 nodes or lines). The result is immutable and
 * holds the document alive, so lineText() may be called from any thread.
 */
class RawJsonLines final
{
public:
    enum class Mode { AsReceived, Pretty };
    using NodeId = Core::ResponseDocument::NodeId;
    static constexpr int DefaultWrapBytes = 200;

    static std::shared_ptr<const RawJsonLines> build(std::shared_ptr<const Core::ResponseDocument> document, Mode mode,
                                                     int wrapBytes = DefaultWrapBytes,
                                                     const std::atomic<bool> *cancel = nullptr);

    Mode mode() const { return m_mode; }
    int wrapBytes() const { return m_wrapBytes; }
    int lineCount() const;
    /// The text of line @p line (0-based) without its line break; when @p maxChars >= 0 a longer line is cut
    /// there and *truncated set. Empty for a line out of range.
    QString lineText(int line, qsizetype maxChars = -1, bool *truncated = nullptr) const;
    /// Whether line @p line starts inside a string token (only ever true in AsReceived mode after a wrap).
    bool startsInString(int line) const;
    /// The document node a Pretty line shows (its member or element, or the container it closes); in
    /// AsReceived mode InvalidNode.
    NodeId nodeAt(int line) const;
    const std::shared_ptr<const Core::ResponseDocument> &document() const { return m_document; }

private:
    RawJsonLines() = default;
    bool buildAsReceived(const std::atomic<bool> *cancel);
    bool buildPretty(const std::atomic<bool> *cancel);
    QString prettyLine(int line, qsizetype maxChars, bool *truncated) const;

    static constexpr quint32 CloseBit = 0x80000000u;

    std::shared_ptr<const Core::ResponseDocument> m_document;
    Mode m_mode = Mode::AsReceived;
    int m_wrapBytes = DefaultWrapBytes;
    std::vector<quint32> m_lines; ///< AsReceived: start offsets (+ one end offset); Pretty: node | CloseBit
    std::vector<bool> m_inString; ///< AsReceived only: the line starts inside a string token
};

} // namespace Sextant::App
