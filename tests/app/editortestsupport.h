// SPDX-License-Identifier: MIT
// Sextant: helpers shared by the query editor widget tests (fixture schemas, `|` caret markers).
#pragma once

#include <app/editor/editorsetup.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>

#include <Qsci/qsciscintilla.h>

#include <QFile>
#include <QProcess>
#include <QString>

#include <memory>
#include <utility>

/**
 * Header-only helpers for tests/app suites (GUI thread). loadSchema() returns nullptr for a fixture it cannot read;
 * splitCaret() expects exactly one `|` in its argument.
 */
namespace EditorTestSupport {

// tests/fixtures/schemas/<name>/introspection.json, or its .gz (the GitHub schema) through gzip.
inline std::shared_ptr<const Sextant::Core::Schema> loadSchema(const QString &name)
{
    const QString base = QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + QStringLiteral("/introspection.json");
    QByteArray bytes;
    QFile plain(base);
    if (plain.open(QIODevice::ReadOnly)) {
        bytes = plain.readAll();
    } else {
        QProcess gunzip;
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), base + QStringLiteral(".gz")});
        if (!gunzip.waitForFinished(60000) || gunzip.exitCode() != 0)
            return nullptr;
        bytes = gunzip.readAllStandardOutput();
    }
    return Sextant::Core::IntrospectionReader::read(bytes).schema;
}

// "a|b": the text without the marker and the marker's UTF-16 offset.
inline std::pair<QString, int> splitCaret(const QString &marked)
{
    const qsizetype at = marked.indexOf(u'|');
    return {QString(marked).remove(at, 1), int(at)};
}

inline int bytePosition(const QString &text, int utf16)
{
    return int(QStringView(text).left(utf16).toUtf8().size());
}

// The editor's text with `|` at the caret.
inline QString textWithCaret(QsciScintilla *editor)
{
    const int caret = Sextant::App::utf16OffsetOfPosition(
        editor, int(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS)));
    QString text = editor->text();
    text.insert(caret, u'|');
    return text;
}

inline void placeCaret(QsciScintilla *editor, const QString &text, int utf16)
{
    editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, bytePosition(text, utf16));
}

} // namespace EditorTestSupport
