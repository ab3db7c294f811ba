// SPDX-License-Identifier: MIT
// Sextant: streamed, atomic export of a response as a JSON file and of a list of objects as CSV.
#include "resultexport.h"

#include <QSaveFile>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

constexpr qsizetype PieceSize = 1 << 20;

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// A QSaveFile with one error path: every failure cancels the write and words the message once.
class StreamedFile final
{
public:
    StreamedFile(const QString &path, const std::atomic<bool> *cancel, QString *error)
        : m_file(path), m_path(path), m_cancel(cancel), m_error(error)
    {}

    bool open()
    {
        if (!m_file.open(QIODevice::WriteOnly))
            return fail(u"Cannot write %1: %2"_s.arg(m_path, m_file.errorString()));
        return true;
    }

    bool write(QByteArrayView bytes)
    {
        if (isCancelled(m_cancel))
            return fail(u"Export cancelled"_s);
        if (m_file.write(bytes.data(), bytes.size()) != bytes.size())
            return fail(u"Cannot write %1: %2"_s.arg(m_path, m_file.errorString()));
        return true;
    }

    bool commit()
    {
        if (m_failed)
            return false;
        if (isCancelled(m_cancel))
            return fail(u"Export cancelled"_s);
        if (!m_file.commit())
            return fail(u"Cannot save %1: %2"_s.arg(m_path, m_file.errorString()));
        return true;
    }

    bool fail(const QString &message)
    {
        if (!m_failed) {
            m_failed = true;
            if (m_file.isOpen())
                m_file.cancelWriting();
            if (m_error)
                *m_error = message;
        }
        return false;
    }

private:
    QSaveFile m_file;
    QString m_path;
    const std::atomic<bool> *m_cancel;
    QString *m_error;
    bool m_failed = false;
};

void appendCell(QByteArray &field, const Core::ResponseDocument &document, Core::ResponseDocument::NodeId node)
{
    using Core::JsonKind;
    switch (document.kind(node)) {
    case JsonKind::Null:
        break;
    case JsonKind::Bool:
        field.append(document.boolValue(node) ? "true" : "false");
        break;
    case JsonKind::Number:
        field.append(document.numberText(node).toLatin1());
        break;
    case JsonKind::String:
        if (document.stringHasEscapes(node))
            field.append(document.stringValue(node).toUtf8());
        else
            field.append(document.rawString(node));
        break;
    case JsonKind::Array:
    case JsonKind::Object:
        field.append(document.toJson(node, 0));
        break;
    }
}

} // namespace

void ResultExport::appendCsvField(QByteArray &out, QByteArrayView utf8)
{
    const bool quote =
        std::any_of(utf8.begin(), utf8.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
    if (!quote) {
        out.append(utf8.data(), utf8.size());
        return;
    }
    out.append('"');
    qsizetype from = 0;
    for (qsizetype quoteAt = utf8.indexOf('"'); quoteAt >= 0; quoteAt = utf8.indexOf('"', from)) {
        out.append(utf8.data() + from, quoteAt + 1 - from);
        out.append('"');
        from = quoteAt + 1;
    }
    out.append(utf8.data() + from, utf8.size() - from);
    out.append('"');
}

bool ResultExport::prettyPrint(QByteArrayView json, int indent, const std::function<bool(QByteArrayView)> &sink,
                               qsizetype pieceSize)
{
    indent = std::clamp(indent, 0, 16);
    pieceSize = std::max<qsizetype>(pieceSize, 64);
    QByteArray out;
    out.reserve(pieceSize + 1024);
    qsizetype depth = 0;
    const char *p = json.data();
    const char *const end = p + json.size();

    const auto newline = [&] {
        if (indent > 0) {
            out.append('\n');
            out.append(depth * indent, ' ');
        }
    };
    const auto flush = [&](bool force) {
        if (out.size() < pieceSize && !force)
            return true;
        const bool ok = out.isEmpty() || sink(out);
        out.resize(0);
        return ok;
    };

    while (p < end) {
        const char c = *p;
        if (c == '"') {
            // Copy the whole string token: up to the closing quote that no backslash escapes.
            const char *q = p + 1;
            while (q < end) {
                if (*q == '\\')
                    q += 2;
                else if (*q == '"')
                    break;
                else
                    ++q;
            }
            q = std::min(q + 1, end);
            while (p < q) {
                const qsizetype n = std::min<qsizetype>(q - p, pieceSize);
                out.append(p, n);
                p += n;
                if (!flush(false))
                    return false;
            }
            continue;
        }
        ++p;
        switch (c) {
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            continue;
        case '{':
        case '[': {
            const char *q = p;
            while (q < end && isJsonWhitespace(*q))
                ++q;
            if (q < end && *q == (c == '{' ? '}' : ']')) {
                out.append(c);
                out.append(*q);
                p = q + 1;
            } else {
                out.append(c);
                ++depth;
                newline();
            }
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(',');
            newline();
            break;
        case ':':
            out.append(indent > 0 ? ": " : ":");
            break;
        default:
            out.append(c);
            break;
        }
        if (!flush(false))
            return false;
    }
    return flush(true);
}

bool ResultExport::writeJson(const QString &path, const Core::ResponseDocument &document, JsonFormat format,
                             const std::atomic<bool> *cancel, QString *error)
{
    StreamedFile file(path, cancel, error);
    if (!file.open())
        return false;
    const QByteArray &bytes = document.bytes();
    if (format == JsonFormat::Pretty) {
        if (!prettyPrint(bytes, 2, [&file](QByteArrayView piece) { return file.write(piece); }))
            return false;
    } else {
        for (qsizetype at = 0; at < bytes.size(); at += PieceSize) {
            if (!file.write(QByteArrayView(bytes).sliced(at, std::min(PieceSize, bytes.size() - at))))
                return false;
        }
    }
    return file.commit();
}

bool ResultExport::writeCsv(const QString &path, const Core::ResponseDocument &document,
                            Core::ResponseDocument::NodeId list, const QStringList &columns,
                            const std::vector<int> &rows, const std::atomic<bool> *cancel, QString *error)
{
    using NodeId = Core::ResponseDocument::NodeId;
    if (document.kind(list) != Core::JsonKind::Array || !document.isValidNode(list)) {
        if (error)
            *error = u"Cannot export %1: the selected value is not a list"_s.arg(path);
        return false;
    }
    StreamedFile file(path, cancel, error);
    if (!file.open())
        return false;

    QByteArray out;
    out.reserve(PieceSize + 4096);
    for (int c = 0; c < columns.size(); ++c) {
        if (c > 0)
            out.append(',');
        appendCsvField(out, columns.at(c).toUtf8());
    }
    out.append("\r\n");

    // Member lookup by raw UTF-8 name; the first object's member order is a cheap first guess per column.
    std::vector<QByteArray> keys;
    keys.reserve(size_t(columns.size()));
    for (const QString &column : columns)
        keys.push_back(column.toUtf8());
    std::vector<int> hint(keys.size(), 0);
    const auto cell = [&](NodeId object, size_t column) -> NodeId {
        const QUtf8StringView key(keys[column].constData(), keys[column].size());
        const int count = document.childCount(object);
        if (hint[column] < count) {
            const NodeId guess = document.child(object, hint[column]);
            if (document.keyEquals(guess, key))
                return guess;
        }
        for (int i = 0; i < count; ++i) {
            const NodeId child = document.child(object, i);
            if (document.keyEquals(child, key)) {
                hint[column] = i;
                return child;
            }
        }
        return Core::ResponseDocument::InvalidNode;
    };

    const qsizetype rowCount = rows.empty() ? document.childCount(list) : qsizetype(rows.size());
    QByteArray field;
    for (qsizetype r = 0; r < rowCount; ++r) {
        const int index = rows.empty() ? int(r) : rows[size_t(r)];
        const NodeId row = document.child(list, index);
        const bool object = document.kind(row) == Core::JsonKind::Object;
        for (size_t c = 0; c < keys.size(); ++c) {
            if (c > 0)
                out.append(',');
            const NodeId node = object ? cell(row, c) : Core::ResponseDocument::InvalidNode;
            if (node == Core::ResponseDocument::InvalidNode)
                continue;
            field.resize(0);
            appendCell(field, document, node);
            appendCsvField(out, field);
        }
        out.append("\r\n");
        if (out.size() >= PieceSize) {
            if (!file.write(out))
                return false;
            out.resize(0);
        }
    }
    if (!out.isEmpty() && !file.write(out))
        return false;
    return file.commit();
}

} // namespace Sextant::Store
