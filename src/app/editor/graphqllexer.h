// SPDX-License-Identifier: MIT
// Sextant: QScintilla lexer that highlights GraphQL with the core lexer.
#pragma once

#include <Qsci/qscilexercustom.h>

namespace Sextant::App {

/**
 * Styles a QsciScintilla document with Core::classifySyntax(), i.e. the project's own GraphQL lexer (GraphQL spec
 * §2.1), so highlighting agrees with the parser token for token, including block strings spanning lines. One
 * instance per editor (ARCHITECTURE.md, QScintilla notes). GUI thread only. Style numbers equal
 * Core::SyntaxRole values. Text the lexer rejects is styled Invalid; nothing ever fails. Colours come in a light
 * (GraphiQL-like, the default) and a dark variant: setDarkTheme() switches every style and the editor repaints.
 */
class GraphQLLexer final : public QsciLexerCustom
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQLLexer)

public:
    explicit GraphQLLexer(QObject *parent = nullptr);

    const char *language() const override;
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    QColor defaultPaper(int style) const override;
    void styleText(int start, int end) override;

    /// Switches the colours and the paper of every style to the dark (true) or light (false) variant.
    void setDarkTheme(bool dark);
    bool isDarkTheme() const { return m_dark; }

private:
    bool m_dark = false;
};

} // namespace Sextant::App
