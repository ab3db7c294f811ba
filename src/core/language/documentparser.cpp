// SPDX-License-Identifier: MIT
// Sextant: DocumentParser token stream, error reporting, error recovery and the Document production.
#include "documentparser.h"

using namespace Qt::StringLiterals;

namespace Sextant::Core::Ast {

namespace {

bool isOpener(TokenKind kind)
{
    return kind == TokenKind::ParenL || kind == TokenKind::BracketL || kind == TokenKind::BraceL;
}

bool isCloser(TokenKind kind)
{
    return kind == TokenKind::ParenR || kind == TokenKind::BracketR || kind == TokenKind::BraceR;
}

int closerIndex(TokenKind kind)
{
    return kind == TokenKind::ParenR ? 0 : kind == TokenKind::BracketR ? 1 : 2;
}

// The Document keeps (a shared copy of) the source text; the lexer views that copy, so the view outlives it.
QStringView adoptSource(Document &document, const QString &source)
{
    document.source = source;
    return document.source;
}

} // namespace

DocumentParser::DocumentParser(const QString &source, ParseMode mode)
    : m_mode(mode)
    , m_document(std::make_shared<Document>())
    , m_lexer(adoptSource(*m_document, source))
{
    m_lexer.setSkipComments(true);
    m_token.kind = TokenKind::StartOfFile;
    m_scratch.reserve(256);
}

// Document : Definition+ (§2.2). graphql-js: many(SOF, parseDefinition, EOF).
ParseResult DocumentParser::run()
{
    Document *document = m_document.get();
    document->loc = SourceLocation{1, 1, 0};
    advance();                    // expectToken(SOF)
    if (m_failed && canRecover()) // a lexer error on the very first token
        recoverDefinition(-1);
    // An empty document is an error ("Unexpected <EOF>."), unless an error was already reported for it.
    while (!m_failed && !(peek(TokenKind::EndOfFile) && (!m_scratch.empty() || !m_errors.isEmpty()))) {
        const int definitionStart = m_token.start;
        if (const Definition *definition = parseDefinition())
            m_scratch.push_back(definition);
        if (m_failed) {
            if (!canRecover())
                break;
            recoverDefinition(definitionStart);
            continue;
        }
        if (expectOptionalToken(TokenKind::EndOfFile))
            break;
    }
    document->definitions = takeScratch<Definition>(0);
    document->endOffset = int(document->source.size());
    return ParseResult{std::move(m_document), std::move(m_errors)};
}

// Definition : ExecutableDefinition | TypeSystemDefinition | TypeSystemExtension (§2.2, §3.1)
const Definition *DocumentParser::parseDefinition()
{
    if (peek(TokenKind::BraceL))
        return parseOperationDefinition();

    // Many definitions begin with a description and need one token of lookahead.
    const bool hasDescription = peekDescription();
    const Token &keyword = hasDescription ? lookahead() : m_token;
    if (m_failed)
        return nullptr;
    if (hasDescription && keyword.kind == TokenKind::BraceL) {
        syntaxErrorAt(m_token, u"Unexpected description, descriptions are not supported on shorthand queries."_s);
        return nullptr;
    }
    if (keyword.kind == TokenKind::Name) {
        const QStringView value = keyword.value;
        if (value == u"schema")
            return parseSchemaDefinition();
        if (value == u"scalar")
            return parseScalarTypeDefinition();
        if (value == u"type")
            return parseObjectTypeDefinition();
        if (value == u"interface")
            return parseInterfaceTypeDefinition();
        if (value == u"union")
            return parseUnionTypeDefinition();
        if (value == u"enum")
            return parseEnumTypeDefinition();
        if (value == u"input")
            return parseInputObjectTypeDefinition();
        if (value == u"directive")
            return parseDirectiveDefinition();
        if (value == u"query" || value == u"mutation" || value == u"subscription")
            return parseOperationDefinition();
        if (value == u"fragment")
            return parseFragmentDefinition();
        if (hasDescription) {
            syntaxErrorAt(m_token, u"Unexpected description, only GraphQL definitions support descriptions."_s);
            return nullptr;
        }
        if (value == u"extend")
            return parseTypeSystemExtension();
    }
    unexpected(keyword);
    return nullptr;
}

// ---- Token stream -------------------------------------------------------------------------------------

void DocumentParser::advance()
{
    m_lastEnd = m_token.end;
    if (m_token.kind == TokenKind::EndOfFile)
        return;
    if (m_hasAhead) {
        m_token = std::move(m_ahead);
        m_hasAhead = false;
    } else {
        m_token = m_lexer.next();
    }
    if (m_token.hasError())
        syntaxError({m_token.line, m_token.column, m_token.start}, m_token.errorOffset, m_token.error);
}

const Token &DocumentParser::lookahead()
{
    if (!m_hasAhead) {
        m_ahead = m_token.kind == TokenKind::EndOfFile ? m_token : m_lexer.next();
        m_hasAhead = true;
        if (m_ahead.hasError())
            syntaxError({m_ahead.line, m_ahead.column, m_ahead.start}, m_ahead.errorOffset, m_ahead.error);
    }
    return m_ahead;
}

bool DocumentParser::isKeyword(const Token &token, QStringView keyword)
{
    return token.kind == TokenKind::Name && QStringView(token.value) == keyword;
}

bool DocumentParser::expectToken(TokenKind kind)
{
    if (m_token.kind == kind) {
        advance();
        return true;
    }
    syntaxErrorAt(m_token,
                  u"Expected "_s + tokenKindDescription(kind) + u", found "_s + tokenDescription(m_token) + u'.');
    return false;
}

bool DocumentParser::expectOptionalToken(TokenKind kind)
{
    if (m_token.kind != kind)
        return false;
    advance();
    return true;
}

bool DocumentParser::expectKeyword(QStringView keyword)
{
    if (isKeyword(m_token, keyword)) {
        advance();
        return true;
    }
    syntaxErrorAt(m_token, u"Expected \""_s + keyword.toString() + u"\", found "_s + tokenDescription(m_token) + u'.');
    return false;
}

bool DocumentParser::expectOptionalKeyword(QStringView keyword)
{
    if (!isKeyword(m_token, keyword))
        return false;
    advance();
    return true;
}

void DocumentParser::unexpected(const Token &token)
{
    syntaxErrorAt(token, u"Unexpected "_s + tokenDescription(token) + u'.');
}

// Name: takes the cooked value of the current Name token. False (with an error) if it is not a Name.
bool DocumentParser::parseName(QString &name, int &offset)
{
    if (m_token.kind != TokenKind::Name) {
        expectToken(TokenKind::Name);
        return false;
    }
    name = std::move(m_token.value);
    offset = m_token.start;
    advance();
    return true;
}

void DocumentParser::syntaxErrorAt(const Token &token, const QString &description)
{
    syntaxError({token.line, token.column, token.start}, token.start, description);
}

// Records the first error of a failure; later errors of the same cascade (m_failed still set) and errors
// at or before the last recorded offset are dropped, so recovery never reports one mistake twice.
void DocumentParser::syntaxError(const SourceLocation &tokenStart, int offset, const QString &description)
{
    if (m_failed)
        return;
    m_failed = true;
    if (m_mode == ParseMode::Strict)
        m_abort = true;
    if (!m_errors.isEmpty() && offset <= m_errors.constLast().location.offset)
        return;
    SourceLocation location = tokenStart;
    if (offset != tokenStart.offset) {
        // Errors inside a token (bad escape, unterminated block string): count lines from the token start.
        const QStringView source = m_document->source;
        int lineStart = tokenStart.offset - (tokenStart.column - 1);
        for (int i = tokenStart.offset; i < offset;) {
            const QChar c = source[i++];
            if (c == u'\n' || c == u'\r') {
                if (c == u'\r' && i < source.size() && source[i] == u'\n')
                    ++i;
                ++location.line;
                lineStart = i;
            }
        }
        location.column = offset + 1 - lineStart;
        location.offset = offset;
    }
    m_errors.append(SyntaxError{u"Syntax Error: "_s + description, location});
    if (m_errors.size() >= Parser::MaxErrors)
        m_abort = true;
}

bool DocumentParser::enterNesting()
{
    if (++m_depth <= Parser::MaxNestingDepth)
        return true;
    --m_depth;
    syntaxErrorAt(m_token,
                  u"Exceeded the maximum nesting depth of "_s + QString::number(Parser::MaxNestingDepth) + u'.');
    return false;
}

// ---- Recovery (tolerant mode only) ----------------------------------------------------------------------

bool DocumentParser::isItemStart(ItemStart itemStart, const Token &token)
{
    switch (itemStart) {
    case ItemStart::Selection:
        return token.kind == TokenKind::Name || token.kind == TokenKind::Spread;
    case ItemStart::Name:
        return token.kind == TokenKind::Name;
    case ItemStart::VariableDefinition:
        return token.kind == TokenKind::Dollar || token.kind == TokenKind::String
               || token.kind == TokenKind::BlockString;
    case ItemStart::Member:
        return token.kind == TokenKind::Name || token.kind == TokenKind::String || token.kind == TokenKind::BlockString;
    case ItemStart::Value:
        switch (token.kind) {
        case TokenKind::Name:
        case TokenKind::Int:
        case TokenKind::Float:
        case TokenKind::String:
        case TokenKind::BlockString:
        case TokenKind::Dollar:
        case TokenKind::BracketL:
        case TokenKind::BraceL:
            return true;
        default:
            return false;
        }
    }
    return false;
}

// A token that can begin a Definition: `{` or a definition keyword (a description only at column 1).
bool DocumentParser::startsDefinition(const Token &token)
{
    switch (token.kind) {
    case TokenKind::BraceL:
        return true;
    case TokenKind::String:
    case TokenKind::BlockString:
        return token.column == 1;
    case TokenKind::Name: {
        static constexpr QStringView keywords[] = {u"query",  u"mutation",  u"subscription", u"fragment", u"schema",
                                                   u"scalar", u"type",      u"interface",    u"union",    u"enum",
                                                   u"input",  u"directive", u"extend"};
        const QStringView value = token.value;
        for (QStringView keyword : keywords) {
            if (value == keyword)
                return true;
        }
        return false;
    }
    default:
        return false;
    }
}

// After a failed list item: skip (balancing brackets) to the next item start, this list's closing token, a
// closing token of an enclosing list, or a definition start at column 1 (then unwind to the document).
DocumentParser::Recovery DocumentParser::recoverInList(TokenKind close, ItemStart itemStart, int itemStartOffset)
{
    int depth = 0;
    for (;;) {
        if (m_unwinding || m_abort || peek(TokenKind::EndOfFile))
            return Recovery::Leave;
        if (depth == 0) {
            if (m_token.kind == close)
                return Recovery::Close;
            if (isCloser(m_token.kind) && m_openLists[closerIndex(m_token.kind)] > 0)
                return Recovery::Leave;
            if (m_token.column == 1 && startsDefinition(m_token)) {
                m_unwinding = true;
                return Recovery::Leave;
            }
            if (m_token.start > itemStartOffset && isItemStart(itemStart, m_token))
                return Recovery::Resume;
        }
        if (isOpener(m_token.kind))
            ++depth;
        else if (isCloser(m_token.kind) && depth > 0)
            --depth;
        advance();
    }
}

// After a failed definition: skip to the next token that can start one (past definitionStart).
void DocumentParser::recoverDefinition(int definitionStart)
{
    m_unwinding = false;
    int depth = 0;
    while (!m_abort && !peek(TokenKind::EndOfFile)) {
        if (depth == 0 && m_token.start > definitionStart && startsDefinition(m_token))
            break;
        if (m_token.kind == TokenKind::ParenL || m_token.kind == TokenKind::BracketL)
            ++depth;
        else if ((m_token.kind == TokenKind::ParenR || m_token.kind == TokenKind::BracketR) && depth > 0)
            --depth;
        advance();
    }
    clearFailure();
}

// After an error in a definition's header (name, variables, directives, type condition, implements): if a
// `{` follows before anything that looks like another definition, clear the failure and parse the body.
bool DocumentParser::resumeAtBrace()
{
    if (!m_failed || !canRecover() || m_unwinding)
        return false;
    int depth = 0;
    while (!m_abort && !peek(TokenKind::EndOfFile)) {
        if (depth == 0) {
            if (peek(TokenKind::BraceL)) {
                clearFailure();
                return true;
            }
            if (peek(TokenKind::BraceR) || (m_token.column == 1 && startsDefinition(m_token)))
                return false;
        }
        if (m_token.kind == TokenKind::ParenL || m_token.kind == TokenKind::BracketL)
            ++depth;
        else if ((m_token.kind == TokenKind::ParenR || m_token.kind == TokenKind::BracketR) && depth > 0)
            --depth;
        advance();
    }
    return false;
}

// Tolerant mode, at a selection: `query Name (`/`{`/`@` or `fragment Name on` at column 1 is almost
// certainly the next definition after an unclosed selection set, not two fields.
bool DocumentParser::looksLikeDefinitionAtLineStart()
{
    if (m_token.kind != TokenKind::Name || m_token.column != 1 || m_hasAhead)
        return false;
    const QStringView value = m_token.value;
    const bool operation = value == u"query" || value == u"mutation" || value == u"subscription";
    if (!operation && value != u"fragment")
        return false;
    Lexer probe = m_lexer; // a copy: lexing ahead here does not disturb the parser
    const Token name = probe.next();
    if (name.kind != TokenKind::Name)
        return false;
    const Token after = probe.next();
    if (!operation)
        return isKeyword(after, u"on");
    return after.kind == TokenKind::ParenL || after.kind == TokenKind::BraceL || after.kind == TokenKind::At;
}

} // namespace Sextant::Core::Ast
