// SPDX-License-Identifier: MIT
// Sextant: the recursive-descent GraphQL parser behind Parser::parse() (internal header).
#pragma once

#include <core/language/ast.h>
#include <core/language/lexer.h>
#include <core/language/parser.h>

#include <array>
#include <memory>
#include <vector>

namespace Sextant::Core::Ast {

/**
 * One parse of one source text; used once by Parser::parse() on the calling thread.
 *
 * A port of graphql-js 16 parser.ts (one function per grammar production, same lookahead, same
 * messages) without exceptions: the first error sets m_failed and every production returns early, handing
 * back what it has built so far. Strict mode stops there. Tolerant mode clears the failure at recovery
 * points: list loops (parseList, see recoverInList) and the document loop (recoverDefinition).
 *
 * Split over documentparser.cpp (token stream, errors, recovery, Document), documentparser_executable.cpp
 * (§2 executable definitions, values, types) and documentparser_typesystem.cpp (§3 SDL).
 */
class DocumentParser final
{
public:
    DocumentParser(const QString &source, ParseMode mode);
    Q_DISABLE_COPY_MOVE(DocumentParser)

    ParseResult run();

private:
    enum class ListShape { Many, OptionalMany, Any };
    enum class ItemStart { Selection, Name, VariableDefinition, Value, Member };
    enum class Recovery { Resume, Close, Leave };

    // ---- Token stream and errors (documentparser.cpp)
    void advance();
    const Token &lookahead();
    bool peek(TokenKind kind) const { return m_token.kind == kind; }
    static bool isKeyword(const Token &token, QStringView keyword);
    bool expectToken(TokenKind kind);
    bool expectOptionalToken(TokenKind kind);
    bool expectKeyword(QStringView keyword);
    bool expectOptionalKeyword(QStringView keyword);
    void unexpected(const Token &token);
    void unexpected() { unexpected(m_token); }
    void syntaxError(const SourceLocation &tokenStart, int offset, const QString &description);
    void syntaxErrorAt(const Token &token, const QString &description);
    SourceLocation tokenLocation() const { return {m_token.line, m_token.column, m_token.start}; }
    bool parseName(QString &name, int &offset);

    template<class T>
    T *startNode(const SourceLocation &loc)
    {
        T *node = m_document->arena().create<T>();
        node->loc = loc;
        return node;
    }
    template<class T>
    T *startNode()
    {
        return startNode<T>(tokenLocation());
    }
    template<class T>
    T *finish(T *node)
    {
        node->endOffset = m_lastEnd;
        return node;
    }

    // ---- Lists and recovery (documentparser.cpp)
    template<class T, class ParseItem>
    AstList<T> parseList(ListShape shape, TokenKind open, TokenKind close, ItemStart itemStart, ParseItem &&parseItem);
    template<class T, class ParseItem>
    AstList<T> parseDelimited(TokenKind delimiter, ParseItem &&parseItem);
    template<class T>
    AstList<T> takeScratch(size_t mark);
    bool canRecover() const { return m_mode == ParseMode::Tolerant && !m_abort; }
    void clearFailure() { m_failed = false; }
    Recovery recoverInList(TokenKind close, ItemStart itemStart, int itemStartOffset);
    void recoverDefinition(int definitionStart);
    bool resumeAtBrace();
    static bool isItemStart(ItemStart itemStart, const Token &token);
    static bool startsDefinition(const Token &token);
    bool looksLikeDefinitionAtLineStart();
    bool enterNesting();
    void leaveNesting() { --m_depth; }

    // ---- Document (§2.2)
    const Definition *parseDefinition();

    // ---- Executable definitions, values, types (documentparser_executable.cpp)
    const OperationDefinition *parseOperationDefinition();
    bool parseOperationType(OperationType &operation);
    AstList<VariableDefinition> parseVariableDefinitions();
    const VariableDefinition *parseVariableDefinition();
    const Variable *parseVariable();
    const SelectionSet *parseSelectionSet();
    const Selection *parseSelection();
    const Field *parseField();
    AstList<Argument> parseArguments(bool isConst);
    const Argument *parseArgument(bool isConst);
    const Selection *parseFragment();
    const FragmentDefinition *parseFragmentDefinition();
    bool parseFragmentName(QString &name, int &offset);
    const Value *parseValueLiteral(bool isConst);
    const StringValue *parseStringLiteral();
    const ListValue *parseListValue(bool isConst);
    const ObjectValue *parseObjectValue(bool isConst);
    const ObjectField *parseObjectField(bool isConst);
    AstList<Directive> parseDirectives(bool isConst);
    const Directive *parseDirective(bool isConst);
    const Type *parseTypeReference();
    const NamedType *parseNamedType();

    // ---- Type system (documentparser_typesystem.cpp)
    bool peekDescription() const { return peek(TokenKind::String) || peek(TokenKind::BlockString); }
    const StringValue *parseDescription();
    const Definition *parseSchemaDefinition();
    const OperationTypeDefinition *parseOperationTypeDefinition();
    const Definition *parseScalarTypeDefinition();
    const Definition *parseObjectTypeDefinition();
    AstList<NamedType> parseImplementsInterfaces();
    AstList<FieldDefinition> parseFieldsDefinition();
    const FieldDefinition *parseFieldDefinition();
    AstList<InputValueDefinition> parseArgumentDefs();
    const InputValueDefinition *parseInputValueDef();
    const Definition *parseInterfaceTypeDefinition();
    const Definition *parseUnionTypeDefinition();
    AstList<NamedType> parseUnionMemberTypes();
    const Definition *parseEnumTypeDefinition();
    AstList<EnumValueDefinition> parseEnumValuesDefinition();
    const EnumValueDefinition *parseEnumValueDefinition();
    const Definition *parseInputObjectTypeDefinition();
    AstList<InputValueDefinition> parseInputFieldsDefinition();
    const Definition *parseTypeSystemExtension();
    const Definition *parseSchemaExtension();
    const Definition *parseScalarTypeExtension();
    const Definition *parseObjectTypeExtension();
    const Definition *parseInterfaceTypeExtension();
    const Definition *parseUnionTypeExtension();
    const Definition *parseEnumTypeExtension();
    const Definition *parseInputObjectTypeExtension();
    const Definition *parseDirectiveDefinition();
    const Name *parseDirectiveLocation();

    const ParseMode m_mode;
    std::shared_ptr<Document> m_document;
    Lexer m_lexer;
    Token m_token; // the current token (graphql-js lexer.token)
    Token m_ahead; // one token of lookahead, valid when m_hasAhead
    bool m_hasAhead = false;
    int m_lastEnd = 0; // end of the last consumed token (graphql-js lexer.lastToken.end)
    int m_depth = 0;
    bool m_failed = false;               // an error is unwinding the productions
    bool m_abort = false;                // stop for good (strict mode error, too many errors)
    bool m_unwinding = false;            // tolerant: leave every list up to the document loop
    std::array<int, 3> m_openLists{};    // lists being parsed, by closing kind: ) ] }
    std::vector<const Node *> m_scratch; // items of the lists being parsed (a stack)
    QList<SyntaxError> m_errors;
};

// ---- Template members (used by all three .cpp files)

template<class T>
AstList<T> DocumentParser::takeScratch(size_t mark)
{
    AstList<T> list =
        m_document->arena().template makeList<T>(m_scratch.data() + mark, qsizetype(m_scratch.size() - mark));
    m_scratch.resize(mark);
    return list;
}

// graphql-js many() / optionalMany() / any(): `open` Item+ `close` (Item* for Any). In tolerant mode a failed
// item is followed by recoverInList(), which resumes at the next item, closes the list or leaves it.
template<class T, class ParseItem>
AstList<T> DocumentParser::parseList(ListShape shape, TokenKind open, TokenKind close, ItemStart itemStart,
                                     ParseItem &&parseItem)
{
    if (shape == ListShape::OptionalMany && !peek(open))
        return {};
    if (!expectToken(open) || m_failed)
        return {};
    const int openIndex = close == TokenKind::ParenR ? 0 : close == TokenKind::BracketR ? 1 : 2;
    ++m_openLists[openIndex];
    const size_t mark = m_scratch.size();
    bool done = shape == ListShape::Any && expectOptionalToken(close);
    while (!done && !m_failed) {
        const int itemStartOffset = m_token.start;
        if (const Node *item = parseItem())
            m_scratch.push_back(item);
        if (m_failed) {
            if (!canRecover())
                break;
            const Recovery recovery = recoverInList(close, itemStart, itemStartOffset);
            if (recovery == Recovery::Resume) {
                clearFailure();
                continue;
            }
            if (!m_unwinding && !m_abort)
                clearFailure();
            if (recovery == Recovery::Close)
                advance();
            break;
        }
        done = expectOptionalToken(close);
    }
    --m_openLists[openIndex];
    return takeScratch<T>(mark);
}

// graphql-js delimitedMany(): `delimiter`? Item (`delimiter` Item)*
template<class T, class ParseItem>
AstList<T> DocumentParser::parseDelimited(TokenKind delimiter, ParseItem &&parseItem)
{
    const size_t mark = m_scratch.size();
    expectOptionalToken(delimiter);
    while (!m_failed) {
        if (const Node *item = parseItem())
            m_scratch.push_back(item);
        if (m_failed || !expectOptionalToken(delimiter))
            break;
    }
    return takeScratch<T>(mark);
}

} // namespace Sextant::Core::Ast
