// SPDX-License-Identifier: MIT
// Sextant: the line index behind the raw JSON view: any line of a huge response as text, on demand.
#include "rawjsonlines.h"

#include <algorithm>
#include <limits>

namespace Sextant::App {

namespace {

using Core::JsonKind;
using Core::ResponseDocument;

constexpr qsizetype CancelCheckInterval = 1 << 20;

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

bool isContainer(JsonKind kind)
{
    return kind == JsonKind::Array || kind == JsonKind::Object;
}

/// @p bytes cut to at most @p maxBytes without splitting a UTF-8 sequence.
QByteArrayView utf8Prefix(QByteArrayView bytes, qsizetype maxBytes)
{
    if (bytes.size() <= maxBytes)
        return bytes;
    qsizetype end = std::max<qsizetype>(maxBytes, 0);
    while (end > 0 && (quint8(bytes.at(end)) & 0xC0) == 0x80)
        --end;
    return bytes.first(end);
}

} // namespace

std::shared_ptr<const RawJsonLines> RawJsonLines::build(std::shared_ptr<const Core::ResponseDocument> document,
                                                        Mode mode, int wrapBytes, const std::atomic<bool> *cancel)
{
    if (!document || isCancelled(cancel))
        return nullptr;
    std::shared_ptr<RawJsonLines> lines(new RawJsonLines);
    lines->m_document = std::move(document);
    lines->m_mode = mode;
    lines->m_wrapBytes = std::clamp(wrapBytes, 16, 1 << 20);
    const bool ok = mode == Mode::Pretty ? lines->buildPretty(cancel) : lines->buildAsReceived(cancel);
    if (!ok || isCancelled(cancel))
        return nullptr;
    return lines;
}

bool RawJsonLines::buildAsReceived(const std::atomic<bool> *cancel)
{
    const QByteArray &bytes = m_document->bytes();
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    m_lines.reserve(size_t(size / m_wrapBytes + 16));
    m_lines.push_back(0);
    m_inString.push_back(false);

    bool inString = false;
    bool escaped = false;
    qsizetype nextWrap = m_wrapBytes;
    qsizetype nextCancelCheck = CancelCheckInterval;
    const auto startLine = [&](qsizetype at, bool startsInString) {
        m_lines.push_back(quint32(at));
        m_inString.push_back(startsInString);
        nextWrap = at + m_wrapBytes;
    };
    // Runs between the bytes that change the state ('"', '\\' in strings, '\n' outside) are skipped in
    // tight loops; the state is only needed at line starts.
    qsizetype i = 0;
    while (i < size) {
        if (i >= nextCancelCheck) {
            if (isCancelled(cancel))
                return false;
            nextCancelCheck = i + CancelCheckInterval;
        }
        if (i >= nextWrap) {
            // Wrap at the first position past the width that splits neither a UTF-8 sequence nor an escape.
            const char c = data[i];
            if ((quint8(c) & 0xC0) != 0x80 && !escaped && c != '\n' && c != '\r')
                startLine(i, inString);
        }
        if (escaped) {
            escaped = false;
            ++i;
            continue;
        }
        const qsizetype limit = std::min(size, std::max(nextWrap, i + 1));
        qsizetype j = i;
        if (inString) {
            while (j < limit && data[j] != '"' && data[j] != '\\')
                ++j;
            if (j < limit) {
                if (data[j] == '"')
                    inString = false;
                else
                    escaped = true;
                ++j;
            }
        } else {
            while (j < limit && data[j] != '"' && data[j] != '\n')
                ++j;
            if (j < limit) {
                if (data[j] == '"')
                    inString = true;
                else if (j + 1 < size)
                    startLine(j + 1, false);
                ++j;
            }
        }
        i = j;
    }
    if (m_lines.size() > size_t(std::numeric_limits<int>::max()))
        return false;
    m_lines.push_back(quint32(size)); // end of the last line
    return true;
}

bool RawJsonLines::buildPretty(const std::atomic<bool> *cancel)
{
    const ResponseDocument &doc = *m_document;
    const qint64 nodes = doc.nodeCount();
    if (nodes <= 0 || nodes >= qint64(CloseBit))
        return false;
    m_lines.reserve(size_t(nodes + nodes / 4));

    // Ids are assigned in document (pre)order, so node i + 1 is the next child of the innermost open
    // container; closing lines go in when a container's last child is done.
    struct Open
    {
        NodeId node;
        int remaining;
    };
    std::vector<Open> stack;
    const auto open = [&](NodeId id) {
        m_lines.push_back(id);
        const int count = doc.childCount(id);
        if (count > 0 && isContainer(doc.kind(id))) {
            stack.push_back(Open{id, count});
            return;
        }
        while (!stack.empty() && stack.back().remaining == 0) {
            m_lines.push_back(stack.back().node | CloseBit);
            stack.pop_back();
        }
    };
    open(doc.root());
    for (qint64 id = 1; id < nodes; ++id) {
        if ((id & 0xfffff) == 0 && isCancelled(cancel))
            return false;
        if (stack.empty())
            return false; // cannot happen for a well-formed index
        --stack.back().remaining;
        open(NodeId(id));
    }
    return stack.empty() && m_lines.size() <= size_t(std::numeric_limits<int>::max());
}

int RawJsonLines::lineCount() const
{
    if (m_mode == Mode::AsReceived)
        return m_lines.empty() ? 0 : int(m_lines.size() - 1);
    return int(m_lines.size());
}

bool RawJsonLines::startsInString(int line) const
{
    return m_mode == Mode::AsReceived && line >= 0 && size_t(line) < m_inString.size() && m_inString[size_t(line)];
}

RawJsonLines::NodeId RawJsonLines::nodeAt(int line) const
{
    if (m_mode != Mode::Pretty || line < 0 || line >= lineCount())
        return ResponseDocument::InvalidNode;
    return m_lines[size_t(line)] & ~CloseBit;
}

QString RawJsonLines::lineText(int line, qsizetype maxChars, bool *truncated) const
{
    if (truncated)
        *truncated = false;
    if (line < 0 || line >= lineCount())
        return {};
    if (m_mode == Mode::Pretty)
        return prettyLine(line, maxChars, truncated);
    const QByteArray &bytes = m_document->bytes();
    qsizetype start = m_lines[size_t(line)];
    qsizetype end = m_lines[size_t(line) + 1];
    while (end > start && (bytes.at(end - 1) == '\n' || bytes.at(end - 1) == '\r'))
        --end;
    QByteArrayView text = QByteArrayView(bytes).sliced(start, end - start);
    if (maxChars >= 0 && text.size() > maxChars) {
        text = utf8Prefix(text, maxChars);
        if (truncated)
            *truncated = true;
    }
    return QString::fromUtf8(text);
}

QString RawJsonLines::prettyLine(int line, qsizetype maxChars, bool *truncated) const
{
    const ResponseDocument &doc = *m_document;
    const quint32 entry = m_lines[size_t(line)];
    const NodeId node = entry & ~CloseBit;
    const bool closing = entry & CloseBit;
    int depth = 0;
    for (NodeId p = doc.parent(node); p != ResponseDocument::InvalidNode; p = doc.parent(p))
        ++depth;
    const NodeId parent = doc.parent(node);
    const bool last = parent == ResponseDocument::InvalidNode || doc.indexInParent(node) == doc.childCount(parent) - 1;
    const JsonKind kind = doc.kind(node);

    QByteArray out(qsizetype(depth) * 2, ' ');
    bool cut = false;
    if (closing) {
        out.append(kind == JsonKind::Object ? '}' : ']');
    } else {
        if (parent != ResponseDocument::InvalidNode && doc.kind(parent) == JsonKind::Object) {
            out.append('"');
            out.append(doc.rawKey(node));
            out.append("\": ");
        }
        switch (kind) {
        case JsonKind::Null:
            out.append("null");
            break;
        case JsonKind::Bool:
            out.append(doc.boolValue(node) ? "true" : "false");
            break;
        case JsonKind::Number:
            out.append(doc.numberText(node).toLatin1());
            break;
        case JsonKind::String: {
            const QByteArrayView raw = doc.rawString(node);
            out.append('"');
            if (maxChars >= 0 && raw.size() > maxChars) {
                out.append(utf8Prefix(raw, maxChars));
                cut = true;
            } else {
                out.append(raw);
                out.append('"');
            }
            break;
        }
        case JsonKind::Array:
        case JsonKind::Object: {
            const bool object = kind == JsonKind::Object;
            if (doc.childCount(node) > 0)
                return QString::fromUtf8(out) + QLatin1Char(object ? '{' : '[');
            out.append(object ? "{}" : "[]");
            break;
        }
        }
    }
    if (!last && !cut)
        out.append(',');
    if (maxChars >= 0 && out.size() > maxChars) {
        out = utf8Prefix(out, maxChars).toByteArray();
        cut = true;
    }
    if (truncated)
        *truncated = cut;
    return QString::fromUtf8(out);
}

} // namespace Sextant::App
