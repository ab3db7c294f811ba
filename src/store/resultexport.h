// SPDX-License-Identifier: MIT
// Sextant: streamed, atomic export of a response as a JSON file and of a list of objects as CSV.
#pragma once

#include <core/response/responsedocument.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace Sextant::Store {

/**
 * Writes a Core::ResponseDocument to disk without building the whole output in memory: the output is produced
 * in ~1 MiB pieces and written through QSaveFile, so the target appears complete or not at all (a crash, full
 * disk or cancellation leaves any previous file untouched).
 *
 * - JSON "as received" copies the response bytes; "pretty" re-indents them while streaming, with exactly the
 *   layout of JSON.stringify(value, null, 2) and ResponseDocument::toJson(root, 2) (2 spaces, `"key": value`,
 *   `{}`/`[]` for empty containers), keeping every string escape and number spelling as received.
 * - CSV follows RFC 4180: a header row of the column keys, CRLF line ends, fields quoted (with "" doubling)
 *   when they contain a comma, quote, CR or LF; UTF-8 without BOM. A cell is the row object's member named by
 *   the column: strings decoded, numbers as written, true/false, nested objects/lists as compact JSON, and an
 *   empty field for null, a missing member or a row that is not an object.
 *
 * Stateless static functions, meant to run on a worker thread (QtConcurrent); the document is immutable and
 * may be read concurrently. @p cancel (may be null) is polled between pieces: when it turns true the write is
 * abandoned and the function returns false with "Export cancelled". Every failure returns false with a
 * one-line message in *error naming the path.
 */
class ResultExport final
{
public:
    enum class JsonFormat { AsReceived, Pretty };

    /// Writes the document's JSON to @p path (UTF-8, no trailing newline added).
    static bool writeJson(const QString &path, const Core::ResponseDocument &document, JsonFormat format,
                          const std::atomic<bool> *cancel, QString *error);

    /// Writes the elements of the array @p list as CSV with @p columns (object keys) in the element order
    /// @p rows (indices into the array; empty = document order). False if @p list is not an array.
    static bool writeCsv(const QString &path, const Core::ResponseDocument &document,
                         Core::ResponseDocument::NodeId list, const QStringList &columns, const std::vector<int> &rows,
                         const std::atomic<bool> *cancel, QString *error);

    /// Streams @p json (valid JSON) re-indented by @p indent spaces to @p sink in pieces of about
    /// @p pieceSize bytes. Stops and returns false as soon as @p sink returns false.
    static bool prettyPrint(QByteArrayView json, int indent, const std::function<bool(QByteArrayView)> &sink,
                            qsizetype pieceSize = 1 << 20);

    /// Appends one RFC 4180 field (quoted only when needed) to @p out.
    static void appendCsvField(QByteArray &out, QByteArrayView utf8);

    ResultExport() = delete;
};

} // namespace Sextant::Store
