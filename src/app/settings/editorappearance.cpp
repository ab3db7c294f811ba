// SPDX-License-Identifier: MIT
// Sextant: gives a QScintilla editor the preferred font and the light or dark colours of the theme.
#include "editorappearance.h"

#include "appsettings.h"
#include "theme.h"

#include <app/editor/graphqllexer.h>

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QColor>
#include <QFont>

namespace Sextant::App {

namespace {

constexpr int MaxLexerStyles = 128; // QsciLexer styles are 0..127

// Dark variants of QsciLexerJSON's colours (the light ones are the lexer's own defaults).
QColor darkJsonColor(int style)
{
    switch (style) {
    case QsciLexerJSON::Number:
        return QColor(0xb5, 0xce, 0xa8);
    case QsciLexerJSON::String:
    case QsciLexerJSON::UnclosedString:
        return QColor(0xce, 0x91, 0x78);
    case QsciLexerJSON::Property:
        return QColor(0x9c, 0xdc, 0xfe);
    case QsciLexerJSON::EscapeSequence:
        return QColor(0xd7, 0xba, 0x7d);
    case QsciLexerJSON::CommentLine:
    case QsciLexerJSON::CommentBlock:
        return QColor(0x6a, 0x99, 0x55);
    case QsciLexerJSON::IRI:
    case QsciLexerJSON::IRICompact:
        return QColor(0x6c, 0xb4, 0xff);
    case QsciLexerJSON::Keyword:
    case QsciLexerJSON::KeywordLD:
        return QColor(0x56, 0x9c, 0xd6);
    case QsciLexerJSON::Error:
        return QColor(0xff, 0x6b, 0x6b);
    default:
        break;
    }
    return QColor(0xd8, 0xd8, 0xd8);
}

void applyJsonColors(QsciLexerJSON *lexer, bool dark)
{
    const QColor paper = dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white);
    lexer->setDefaultColor(dark ? QColor(0xd8, 0xd8, 0xd8) : QColor(Qt::black));
    lexer->setDefaultPaper(paper);
    for (int style = 0; style < MaxLexerStyles; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        lexer->setColor(dark ? darkJsonColor(style) : lexer->defaultColor(style), style);
        lexer->setPaper(dark ? paper : lexer->defaultPaper(style), style);
    }
}

} // namespace

void applyEditorAppearance(QsciScintilla *editor, const QFont &font, bool dark)
{
    if (!editor)
        return;
    const QColor paper = dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white);
    const QColor text = dark ? QColor(0xd8, 0xd8, 0xd8) : QColor(0x20, 0x20, 0x20);
    if (QsciLexer *lexer = editor->lexer()) {
        if (auto *graphql = qobject_cast<GraphQLLexer *>(lexer))
            graphql->setDarkTheme(dark);
        else if (auto *json = qobject_cast<QsciLexerJSON *>(lexer))
            applyJsonColors(json, dark);
        lexer->setDefaultFont(font);
        for (int style = 0; style < MaxLexerStyles; ++style) {
            if (lexer->description(style).isEmpty())
                continue;
            const QFont styleDefault = lexer->defaultFont(style);
            QFont styled = font;
            styled.setBold(styleDefault.bold());
            styled.setItalic(styleDefault.italic());
            lexer->setFont(styled, style);
        }
    } else {
        editor->setFont(font);
        editor->setColor(text);
        editor->setPaper(paper);
    }
    editor->setMarginsFont(font);
    editor->setMarginsBackgroundColor(dark ? QColor(0x25, 0x25, 0x26) : QColor(0xf0, 0xf0, 0xf0));
    editor->setMarginsForegroundColor(dark ? QColor(0x85, 0x85, 0x85) : QColor(0x6e, 0x6e, 0x6e));
    editor->setMarginWidth(0, QStringLiteral("0000")); // the digits' width depends on the font
    editor->setCaretForegroundColor(dark ? QColor(0xe6, 0xe6, 0xe6) : QColor(Qt::black));
    editor->setCaretLineBackgroundColor(dark ? QColor(0x2a, 0x2d, 0x2e) : QColor(0xf5, 0xf7, 0xfa));
    editor->setSelectionBackgroundColor(dark ? QColor(0x26, 0x4f, 0x78) : QColor(0xad, 0xd6, 0xff));
    editor->resetSelectionForegroundColor(); // keep the syntax colours inside the selection
    editor->setMatchedBraceBackgroundColor(dark ? QColor(0x3a, 0x5a, 0x3a) : QColor(0xc8, 0xf0, 0xc8));
    editor->setMatchedBraceForegroundColor(text);
}

void applyEditorAppearance(QsciScintilla *editor, const AppSettings &settings)
{
    applyEditorAppearance(editor, settings.editorFont(), isDarkPalette(QApplication::palette()));
}

} // namespace Sextant::App
