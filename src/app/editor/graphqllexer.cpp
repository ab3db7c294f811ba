// SPDX-License-Identifier: MIT
// Sextant: QScintilla lexer that highlights GraphQL with the core lexer.
#include "graphqllexer.h"

#include <core/language/syntaxclassifier.h>

#include <Qsci/qsciscintilla.h>

#include <QColor>
#include <QFont>
#include <QFontDatabase>

namespace Sextant::App {

using Core::SyntaxRole;

namespace {

constexpr int StyleCount = int(SyntaxRole::Invalid) + 1;

// Byte length of a UTF-16 range once encoded as UTF-8 (Scintilla positions are UTF-8 bytes).
int utf8Length(QStringView text)
{
    int bytes = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
            bytes += 4;
            ++i;
        } else
            bytes += 3;
    }
    return bytes;
}

} // namespace

GraphQLLexer::GraphQLLexer(QObject *parent)
    : QsciLexerCustom(parent)
{
}

const char *GraphQLLexer::language() const
{
    return "GraphQL";
}

QString GraphQLLexer::description(int style) const
{
    switch (SyntaxRole(style)) {
    case SyntaxRole::Whitespace: return QStringLiteral("Default");
    case SyntaxRole::Punctuation: return QStringLiteral("Punctuation");
    case SyntaxRole::Keyword: return QStringLiteral("Keyword");
    case SyntaxRole::OperationName: return QStringLiteral("Operation or fragment name");
    case SyntaxRole::FieldName: return QStringLiteral("Field");
    case SyntaxRole::ArgumentName: return QStringLiteral("Argument");
    case SyntaxRole::TypeName: return QStringLiteral("Type");
    case SyntaxRole::Variable: return QStringLiteral("Variable");
    case SyntaxRole::Directive: return QStringLiteral("Directive");
    case SyntaxRole::EnumValue: return QStringLiteral("Enum value");
    case SyntaxRole::String: return QStringLiteral("String");
    case SyntaxRole::BlockString: return QStringLiteral("Block string");
    case SyntaxRole::Number: return QStringLiteral("Number");
    case SyntaxRole::Comment: return QStringLiteral("Comment");
    case SyntaxRole::Description: return QStringLiteral("Description");
    case SyntaxRole::Invalid: return QStringLiteral("Invalid");
    }
    return {};
}

QColor GraphQLLexer::defaultColor(int style) const
{
    if (m_dark) {
        // The same hues, lightened for a dark background (VS Code Dark+-like contrast).
        switch (SyntaxRole(style)) {
        case SyntaxRole::Keyword: return QColor(0xf0, 0x71, 0x78);
        case SyntaxRole::OperationName: return QColor(0xff, 0x7a, 0xa8);
        case SyntaxRole::FieldName: return QColor(0x7c, 0xb7, 0xf0);
        case SyntaxRole::ArgumentName: return QColor(0xc5, 0x92, 0xf0);
        case SyntaxRole::TypeName: return QColor(0xe8, 0xc0, 0x60);
        case SyntaxRole::Variable: return QColor(0x8f, 0xd0, 0x6a);
        case SyntaxRole::Directive: return QColor(0x9a, 0x9a, 0xff);
        case SyntaxRole::EnumValue: return QColor(0x5c, 0xc8, 0xf0);
        case SyntaxRole::String:
        case SyntaxRole::BlockString: return QColor(0xf0, 0x90, 0xc0);
        case SyntaxRole::Number: return QColor(0x6a, 0xd8, 0xc4);
        case SyntaxRole::Comment:
        case SyntaxRole::Description: return QColor(0x90, 0x90, 0x90);
        case SyntaxRole::Invalid: return QColor(0xff, 0xff, 0xff);
        case SyntaxRole::Punctuation: return QColor(0xb0, 0xb0, 0xb0);
        case SyntaxRole::Whitespace: return QColor(0xd8, 0xd8, 0xd8);
        }
        return QColor(0xd8, 0xd8, 0xd8);
    }
    // GraphiQL-like palette on a light background.
    switch (SyntaxRole(style)) {
    case SyntaxRole::Keyword: return QColor(0xb1, 0x1a, 0x04);
    case SyntaxRole::OperationName: return QColor(0xd2, 0x05, 0x4e);
    case SyntaxRole::FieldName: return QColor(0x1f, 0x61, 0xa0);
    case SyntaxRole::ArgumentName: return QColor(0x8b, 0x2b, 0xb9);
    case SyntaxRole::TypeName: return QColor(0xca, 0x90, 0x00);
    case SyntaxRole::Variable: return QColor(0x39, 0x7d, 0x13);
    case SyntaxRole::Directive: return QColor(0x33, 0x33, 0xcc);
    case SyntaxRole::EnumValue: return QColor(0x0b, 0x7f, 0xc7);
    case SyntaxRole::String:
    case SyntaxRole::BlockString: return QColor(0xd6, 0x44, 0x92);
    case SyntaxRole::Number: return QColor(0x2e, 0xa8, 0x96);
    case SyntaxRole::Comment:
    case SyntaxRole::Description: return QColor(0x80, 0x80, 0x80);
    case SyntaxRole::Invalid: return QColor(0xff, 0xff, 0xff);
    case SyntaxRole::Punctuation: return QColor(0x55, 0x55, 0x55);
    case SyntaxRole::Whitespace: return QColor(0x20, 0x20, 0x20);
    }
    return QsciLexerCustom::defaultColor(style);
}

QFont GraphQLLexer::defaultFont(int style) const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (SyntaxRole(style) == SyntaxRole::Keyword)
        font.setBold(true);
    if (SyntaxRole(style) == SyntaxRole::Comment || SyntaxRole(style) == SyntaxRole::Description)
        font.setItalic(true);
    return font;
}

QColor GraphQLLexer::defaultPaper(int style) const
{
    if (SyntaxRole(style) == SyntaxRole::Invalid)
        return QColor(0xd0, 0x30, 0x30);
    return m_dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white);
}

void GraphQLLexer::setDarkTheme(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    // QsciLexer caches each style's colours on first use: push the new defaults so the attached editor repaints.
    setDefaultColor(defaultColor(int(SyntaxRole::Whitespace)));
    setDefaultPaper(defaultPaper(int(SyntaxRole::Whitespace)));
    for (int style = 0; style < StyleCount; ++style) {
        setColor(defaultColor(style), style);
        setPaper(defaultPaper(style), style);
    }
}

void GraphQLLexer::styleText(int start, int end)
{
    QsciScintilla *sci = editor();
    if (!sci || end <= start)
        return;
    // Classify from the start of the document so context (block strings, brackets, definition kind) is exact;
    // the core lexer is fast enough that this costs well under a millisecond for hand-written documents.
    const QByteArray bytes = sci->bytes(0, end);
    const QString text = QString::fromUtf8(bytes.constData(), bytes.size() - (bytes.endsWith('\0') ? 1 : 0));
    const QList<Core::ClassifiedToken> tokens = Core::classifySyntax(text);

    startStyling(start);
    int bytePos = 0;    // UTF-8 position of utf16Pos
    int utf16Pos = 0;
    int styledTo = start;
    auto styleUpTo = [&](int byteEnd, int style) {
        if (byteEnd <= styledTo)
            return;
        setStyling(byteEnd - styledTo, style);
        styledTo = byteEnd;
    };
    for (const Core::ClassifiedToken &token : tokens) {
        if (token.start >= text.size())
            break;
        const int tokenStart = qMax(token.start, utf16Pos);
        bytePos += utf8Length(QStringView(text).mid(utf16Pos, tokenStart - utf16Pos));
        styleUpTo(qMin(bytePos, end), int(SyntaxRole::Whitespace));
        const int tokenEnd = qMin<int>(token.end, text.size());
        const int byteEnd = bytePos + utf8Length(QStringView(text).mid(tokenStart, tokenEnd - tokenStart));
        styleUpTo(qMin(byteEnd, end), int(token.role));
        bytePos = byteEnd;
        utf16Pos = tokenEnd;
        if (bytePos >= end)
            break;
    }
    styleUpTo(end, int(SyntaxRole::Whitespace));
}

} // namespace Sextant::App
