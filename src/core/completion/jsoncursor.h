// SPDX-License-Identifier: MIT
// Sextant: where a cursor is in (possibly incomplete) JSON text, and where a value path is in valid JSON.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace Sextant::Core {

/** What may be typed at the cursor. */
enum class JsonCursorPosition : quint8 {
    None,       ///< after a complete key or value, in a number's middle of nowhere, or past the root value
    MemberName, ///< after `{` or `,` in an object (possibly inside an unfinished "quoted prefix)
    Value,      ///< after `:` in an object, after `[` or `,` in an array, or the root value
};

/** The JSON context at a cursor (UTF-16 offsets into the scanned text). */
struct JsonCursorContext
{
    JsonCursorPosition position = JsonCursorPosition::None;
    /// Keys (QString) and indices (int) from the root: for MemberName the enclosing object's path, for Value the
    /// path of the value being typed (e.g. {"input", "tags", 2}); empty for the root.
    QVariantList path;
    QString prefix;            ///< the name or word typed before the cursor, without its opening quote
    bool isQuoted = false;     ///< the token at the cursor starts with `"`
    int replaceStart = 0;      ///< the token at the cursor (quotes included) that a completion replaces
    int replaceLength = 0;     ///< 0 when the cursor is between tokens
    bool colonFollows = false; ///< MemberName: the token is already followed by `:`
    /// Keys of the enclosing object, before and after the cursor, without the one being typed.
    QStringList existingKeys;
};

/**
 * Scans @p json (any text: complete, unfinished or broken JSON while the user types) up to and past @p cursorOffset
 * (UTF-16, clamped) with an error-tolerant tokenizer (RFC 8259 tokens; a string ends at its closing quote or at the
 * line end; a missing comma or colon is assumed, a stray closing bracket closes the nearest matching container) and
 * returns the context there. Pure; any thread; linear in the text. Text with no JSON gives a root Value position.
 */
JsonCursorContext jsonCursorContext(const QString &json, int cursorOffset);

/** Which part of a member to locate. */
enum class JsonRangePart : quint8 {
    Value,      ///< the value, from its first to its last character (a whole object or array)
    MemberName, ///< the member name with its quotes
};

/** A text range: 1-based line and column (UTF-16 code units, lines end at \n, \r\n or \r) and a UTF-16 length. */
struct JsonTextRange
{
    int offset = -1;
    int line = 0;
    int column = 0;
    int length = 0;

    bool isValid() const { return offset >= 0; }
    friend bool operator==(const JsonTextRange &, const JsonTextRange &) = default;
};

/**
 * The range of the value at @p path (QString keys, int indices; empty = the root value) in @p json, or of its
 * member name. The first member of a name wins, as in ResponseDocument::member() (which coerceVariableValues uses).
 * Meant for valid JSON; on broken JSON the tolerant scan still answers where it can. Invalid when the path is not
 * there, or when a member name is asked for an array element or the root. Pure; any thread.
 */
JsonTextRange jsonValueRange(const QString &json, const QVariantList &path, JsonRangePart part = JsonRangePart::Value);

/** The 1-based line/column range for a UTF-16 @p offset and @p length in @p text (offset clamped). */
JsonTextRange jsonTextRange(const QString &text, int offset, int length);

} // namespace Sextant::Core
