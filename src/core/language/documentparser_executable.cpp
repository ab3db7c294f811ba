// SPDX-License-Identifier: MIT
// Sextant: DocumentParser productions for executable definitions, values and types (spec §2.3-§2.12).
#include "documentparser.h"

using namespace Qt::StringLiterals;

namespace Sextant::Core::Ast {

// OperationDefinition :
//   - SelectionSet
//   - Description? OperationType Name? VariableDefinitions? Directives? SelectionSet   (§2.3, draft descriptions)
const OperationDefinition *DocumentParser::parseOperationDefinition()
{
    auto *node = startNode<OperationDefinition>();
    if (peek(TokenKind::BraceL)) {
        node->shorthand = true;
        node->selectionSet = parseSelectionSet();
        return finish(node);
    }
    node->description = parseDescription();
    if (!m_failed)
        parseOperationType(node->operation);
    if (!m_failed && peek(TokenKind::Name))
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->variableDefinitions = parseVariableDefinitions();
    if (!m_failed)
        node->directives = parseDirectives(false);
    if (!m_failed)
        node->selectionSet = parseSelectionSet();
    if (!node->selectionSet && resumeAtBrace())
        node->selectionSet = parseSelectionSet();
    return finish(node);
}

// OperationType : one of query mutation subscription (§2.3)
bool DocumentParser::parseOperationType(OperationType &operation)
{
    if (!peek(TokenKind::Name)) {
        expectToken(TokenKind::Name);
        return false;
    }
    const Token token = m_token;
    advance();
    const QStringView value = token.value;
    if (value == u"query")
        operation = OperationType::Query;
    else if (value == u"mutation")
        operation = OperationType::Mutation;
    else if (value == u"subscription")
        operation = OperationType::Subscription;
    else {
        unexpected(token);
        return false;
    }
    return true;
}

// VariableDefinitions : ( VariableDefinition+ ) (§2.10)
AstList<VariableDefinition> DocumentParser::parseVariableDefinitions()
{
    return parseList<VariableDefinition>(ListShape::OptionalMany, TokenKind::ParenL, TokenKind::ParenR,
                                         ItemStart::VariableDefinition, [this] { return parseVariableDefinition(); });
}

// VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]? (§2.10)
const VariableDefinition *DocumentParser::parseVariableDefinition()
{
    auto *node = startNode<VariableDefinition>();
    node->description = parseDescription();
    if (m_failed)
        return finish(node);
    node->variable = parseVariable();
    if (!node->variable && !node->description)
        return nullptr; // nothing consumed
    if (!m_failed)
        expectToken(TokenKind::Colon);
    if (!m_failed)
        node->type = parseTypeReference();
    if (!m_failed && expectOptionalToken(TokenKind::Equals) && !m_failed)
        node->defaultValue = parseValueLiteral(true); // DefaultValue : = Value[Const]
    if (!m_failed)
        node->directives = parseDirectives(true);
    return finish(node);
}

// Variable : $ Name (§2.10)
const Variable *DocumentParser::parseVariable()
{
    auto *node = startNode<Variable>();
    if (!expectToken(TokenKind::Dollar))
        return nullptr;
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    return finish(node);
}

// SelectionSet : { Selection+ } (§2.4)
const SelectionSet *DocumentParser::parseSelectionSet()
{
    if (!peek(TokenKind::BraceL)) {
        expectToken(TokenKind::BraceL);
        return nullptr;
    }
    if (!enterNesting())
        return nullptr;
    auto *node = startNode<SelectionSet>();
    node->selections = parseList<Selection>(ListShape::Many, TokenKind::BraceL, TokenKind::BraceR, ItemStart::Selection,
                                            [this] { return parseSelection(); });
    leaveNesting();
    return finish(node);
}

// Selection : Field | FragmentSpread | InlineFragment (§2.4)
const Selection *DocumentParser::parseSelection()
{
    if (m_mode == ParseMode::Tolerant && m_token.column == 1) {
        // Inside a selection set, `{`, a description or `query Name {` at column 1 starts the next
        // definition: the selection set above was never closed.
        const bool stray = peek(TokenKind::BraceL) || peekDescription();
        if (stray || looksLikeDefinitionAtLineStart()) {
            syntaxErrorAt(m_token, (stray ? u"Expected Name, found "_s : u"Expected \"}\", found "_s)
                                       + tokenDescription(m_token) + u'.');
            m_unwinding = true;
            return nullptr;
        }
    }
    return peek(TokenKind::Spread) ? parseFragment() : parseField();
}

// Field : Alias? Name Arguments? Directives? SelectionSet? — Alias : Name : (§2.5, §2.7)
const Field *DocumentParser::parseField()
{
    const SourceLocation start = tokenLocation();
    QString nameOrAlias;
    int nameOrAliasOffset = -1;
    if (!parseName(nameOrAlias, nameOrAliasOffset))
        return nullptr;
    auto *node = startNode<Field>(start);
    if (!m_failed && expectOptionalToken(TokenKind::Colon)) {
        node->alias = std::move(nameOrAlias);
        node->aliasOffset = nameOrAliasOffset;
        if (!m_failed)
            parseName(node->name, node->nameOffset);
    } else {
        node->name = std::move(nameOrAlias);
        node->nameOffset = nameOrAliasOffset;
    }
    if (!m_failed)
        node->arguments = parseArguments(false);
    if (!m_failed)
        node->directives = parseDirectives(false);
    if (!m_failed && peek(TokenKind::BraceL))
        node->selectionSet = parseSelectionSet();
    return finish(node);
}

// Arguments[Const] : ( Argument[?Const]+ ) (§2.6)
AstList<Argument> DocumentParser::parseArguments(bool isConst)
{
    return parseList<Argument>(ListShape::OptionalMany, TokenKind::ParenL, TokenKind::ParenR, ItemStart::Name,
                               [this, isConst] { return parseArgument(isConst); });
}

// Argument[Const] : Name : Value[?Const] (§2.6)
const Argument *DocumentParser::parseArgument(bool isConst)
{
    const SourceLocation start = tokenLocation();
    QString name;
    int nameOffset = -1;
    if (!parseName(name, nameOffset))
        return nullptr;
    auto *node = startNode<Argument>(start);
    node->name = std::move(name);
    node->nameOffset = nameOffset;
    if (!m_failed)
        expectToken(TokenKind::Colon);
    if (!m_failed)
        node->value = parseValueLiteral(isConst);
    return finish(node);
}

// FragmentSpread : ... FragmentName Directives?
// InlineFragment : ... TypeCondition? Directives? SelectionSet (§2.8, §2.8.2)
const Selection *DocumentParser::parseFragment()
{
    const SourceLocation start = tokenLocation();
    expectToken(TokenKind::Spread);
    const bool hasTypeCondition = !m_failed && expectOptionalKeyword(u"on");
    if (!hasTypeCondition && !m_failed && peek(TokenKind::Name)) {
        auto *spread = startNode<FragmentSpread>(start);
        parseFragmentName(spread->name, spread->nameOffset);
        if (!m_failed)
            spread->directives = parseDirectives(false);
        return finish(spread);
    }
    auto *inlineFragment = startNode<InlineFragment>(start);
    if (hasTypeCondition && !m_failed)
        inlineFragment->typeCondition = parseNamedType();
    if (!m_failed)
        inlineFragment->directives = parseDirectives(false);
    if (!m_failed)
        inlineFragment->selectionSet = parseSelectionSet();
    return finish(inlineFragment);
}

// FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
// TypeCondition : on NamedType (§2.8)
const FragmentDefinition *DocumentParser::parseFragmentDefinition()
{
    auto *node = startNode<FragmentDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"fragment");
    if (!m_failed)
        parseFragmentName(node->name, node->nameOffset);
    if (!m_failed)
        expectKeyword(u"on");
    if (!m_failed)
        node->typeCondition = parseNamedType();
    if (!m_failed)
        node->directives = parseDirectives(false);
    if (!m_failed)
        node->selectionSet = parseSelectionSet();
    if (!node->selectionSet && resumeAtBrace())
        node->selectionSet = parseSelectionSet();
    return finish(node);
}

// FragmentName : Name but not `on` (§2.8). Like graphql-js, any token whose value is "on" is rejected.
bool DocumentParser::parseFragmentName(QString &name, int &offset)
{
    if (QStringView(m_token.value) == u"on") {
        unexpected();
        return false;
    }
    return parseName(name, offset);
}

// Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue
//              | EnumValue | ListValue[?Const] | ObjectValue[?Const]   (§2.9)
const Value *DocumentParser::parseValueLiteral(bool isConst)
{
    switch (m_token.kind) {
    case TokenKind::BracketL:
        return parseListValue(isConst);
    case TokenKind::BraceL:
        return parseObjectValue(isConst);
    case TokenKind::Int: {
        auto *node = startNode<IntValue>();
        node->value = std::move(m_token.value);
        advance();
        return finish(node);
    }
    case TokenKind::Float: {
        auto *node = startNode<FloatValue>();
        node->value = std::move(m_token.value);
        advance();
        return finish(node);
    }
    case TokenKind::String:
    case TokenKind::BlockString:
        return parseStringLiteral();
    case TokenKind::Name: {
        // BooleanValue : one of true false — NullValue : null — EnumValue : Name but not true, false or null
        const SourceLocation start = tokenLocation();
        QString name = std::move(m_token.value);
        advance();
        Value *value = nullptr;
        if (QStringView(name) == u"true" || QStringView(name) == u"false") {
            auto *node = startNode<BooleanValue>(start);
            node->value = QStringView(name) == u"true";
            value = node;
        } else if (QStringView(name) == u"null") {
            value = startNode<NullValue>(start);
        } else {
            auto *node = startNode<EnumValue>(start);
            node->value = std::move(name);
            value = node;
        }
        return finish(value);
    }
    case TokenKind::Dollar:
        if (isConst) {
            const Token dollar = m_token;
            advance();
            if (m_failed)
                return nullptr;
            if (peek(TokenKind::Name))
                syntaxErrorAt(dollar, u"Unexpected variable \"$"_s + m_token.value + u"\" in constant value."_s);
            else
                unexpected(dollar);
            return nullptr;
        }
        return parseVariable();
    default:
        unexpected();
        return nullptr;
    }
}

// StringValue (§2.9.4), also used for Description (§3.2)
const StringValue *DocumentParser::parseStringLiteral()
{
    auto *node = startNode<StringValue>();
    node->block = peek(TokenKind::BlockString);
    node->value = std::move(m_token.value);
    advance();
    return finish(node);
}

// ListValue[Const] : [ ] | [ Value[?Const]+ ] (§2.9.7)
const ListValue *DocumentParser::parseListValue(bool isConst)
{
    if (!enterNesting())
        return nullptr;
    auto *node = startNode<ListValue>();
    node->values = parseList<Value>(ListShape::Any, TokenKind::BracketL, TokenKind::BracketR, ItemStart::Value,
                                    [this, isConst] { return parseValueLiteral(isConst); });
    leaveNesting();
    return finish(node);
}

// ObjectValue[Const] : { } | { ObjectField[?Const]+ } (§2.9.8)
const ObjectValue *DocumentParser::parseObjectValue(bool isConst)
{
    if (!enterNesting())
        return nullptr;
    auto *node = startNode<ObjectValue>();
    node->fields = parseList<ObjectField>(ListShape::Any, TokenKind::BraceL, TokenKind::BraceR, ItemStart::Name,
                                          [this, isConst] { return parseObjectField(isConst); });
    leaveNesting();
    return finish(node);
}

// ObjectField[Const] : Name : Value[?Const] (§2.9.8)
const ObjectField *DocumentParser::parseObjectField(bool isConst)
{
    const SourceLocation start = tokenLocation();
    QString name;
    int nameOffset = -1;
    if (!parseName(name, nameOffset))
        return nullptr;
    auto *node = startNode<ObjectField>(start);
    node->name = std::move(name);
    node->nameOffset = nameOffset;
    if (!m_failed)
        expectToken(TokenKind::Colon);
    if (!m_failed)
        node->value = parseValueLiteral(isConst);
    return finish(node);
}

// Directives[Const] : Directive[?Const]+ (§2.12)
AstList<Directive> DocumentParser::parseDirectives(bool isConst)
{
    const size_t mark = m_scratch.size();
    while (!m_failed && peek(TokenKind::At)) {
        if (const Directive *directive = parseDirective(isConst))
            m_scratch.push_back(directive);
    }
    return takeScratch<Directive>(mark);
}

// Directive[Const] : @ Name Arguments[?Const]? (§2.12)
const Directive *DocumentParser::parseDirective(bool isConst)
{
    auto *node = startNode<Directive>();
    expectToken(TokenKind::At);
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->arguments = parseArguments(isConst);
    return finish(node);
}

// Type : NamedType | ListType | NonNullType — ListType : [ Type ] — NonNullType : NamedType ! | ListType ! (§2.11)
const Type *DocumentParser::parseTypeReference()
{
    const SourceLocation start = tokenLocation();
    const Type *type = nullptr;
    if (peek(TokenKind::BracketL)) {
        if (!enterNesting())
            return nullptr;
        auto *list = startNode<ListType>(start);
        advance();
        if (!m_failed)
            list->type = parseTypeReference();
        if (!m_failed)
            expectToken(TokenKind::BracketR);
        leaveNesting();
        type = finish(list);
    } else {
        type = parseNamedType();
    }
    if (!m_failed && type && expectOptionalToken(TokenKind::Bang)) {
        auto *nonNull = startNode<NonNullType>(start);
        nonNull->type = type;
        return finish(nonNull);
    }
    return type;
}

// NamedType : Name (§2.11)
const NamedType *DocumentParser::parseNamedType()
{
    auto *node = startNode<NamedType>();
    int offset = -1;
    if (!parseName(node->name, offset))
        return nullptr;
    return finish(node);
}

} // namespace Sextant::Core::Ast
