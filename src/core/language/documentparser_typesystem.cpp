// SPDX-License-Identifier: MIT
// Sextant: DocumentParser productions for the type system definition language (spec §3).
#include "documentparser.h"

using namespace Qt::StringLiterals;

namespace Sextant::Core::Ast {

// Description : StringValue (§3.2)
const StringValue *DocumentParser::parseDescription()
{
    return peekDescription() ? parseStringLiteral() : nullptr;
}

// SchemaDefinition : Description? schema Directives[Const]? { OperationTypeDefinition+ } (§3.3)
const Definition *DocumentParser::parseSchemaDefinition()
{
    auto *node = startNode<SchemaDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"schema");
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed)
        node->operationTypes =
            parseList<OperationTypeDefinition>(ListShape::Many, TokenKind::BraceL, TokenKind::BraceR, ItemStart::Name,
                                               [this] { return parseOperationTypeDefinition(); });
    return finish(node);
}

// OperationTypeDefinition : OperationType : NamedType (§3.3.1)
const OperationTypeDefinition *DocumentParser::parseOperationTypeDefinition()
{
    const SourceLocation start = tokenLocation();
    OperationType operation = OperationType::Query;
    if (!parseOperationType(operation))
        return nullptr;
    auto *node = startNode<OperationTypeDefinition>(start);
    node->operation = operation;
    if (!m_failed)
        expectToken(TokenKind::Colon);
    if (!m_failed)
        node->type = parseNamedType();
    return finish(node);
}

// ScalarTypeDefinition : Description? scalar Name Directives[Const]? (§3.5)
const Definition *DocumentParser::parseScalarTypeDefinition()
{
    auto *node = startNode<ScalarTypeDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"scalar");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    return finish(node);
}

// ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition? (§3.6)
const Definition *DocumentParser::parseObjectTypeDefinition()
{
    auto *node = startNode<ObjectTypeDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"type");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->interfaces = parseImplementsInterfaces();
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed || resumeAtBrace())
        node->fields = parseFieldsDefinition();
    return finish(node);
}

// ImplementsInterfaces : implements `&`? NamedType | ImplementsInterfaces & NamedType (§3.6)
AstList<NamedType> DocumentParser::parseImplementsInterfaces()
{
    if (!expectOptionalKeyword(u"implements") || m_failed)
        return {};
    return parseDelimited<NamedType>(TokenKind::Amp, [this] { return parseNamedType(); });
}

// FieldsDefinition : { FieldDefinition+ } (§3.6)
AstList<FieldDefinition> DocumentParser::parseFieldsDefinition()
{
    return parseList<FieldDefinition>(ListShape::OptionalMany, TokenKind::BraceL, TokenKind::BraceR, ItemStart::Member,
                                      [this] { return parseFieldDefinition(); });
}

// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]? (§3.6)
const FieldDefinition *DocumentParser::parseFieldDefinition()
{
    const SourceLocation start = tokenLocation();
    const StringValue *description = parseDescription();
    if (!description && !peek(TokenKind::Name)) {
        expectToken(TokenKind::Name);
        return nullptr;
    }
    auto *node = startNode<FieldDefinition>(start);
    node->description = description;
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->arguments = parseArgumentDefs();
    if (!m_failed)
        expectToken(TokenKind::Colon);
    if (!m_failed)
        node->type = parseTypeReference();
    if (!m_failed)
        node->directives = parseDirectives(true);
    return finish(node);
}

// ArgumentsDefinition : ( InputValueDefinition+ ) (§3.6.1)
AstList<InputValueDefinition> DocumentParser::parseArgumentDefs()
{
    return parseList<InputValueDefinition>(ListShape::OptionalMany, TokenKind::ParenL, TokenKind::ParenR,
                                           ItemStart::Member, [this] { return parseInputValueDef(); });
}

// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]? (§3.6.1)
const InputValueDefinition *DocumentParser::parseInputValueDef()
{
    const SourceLocation start = tokenLocation();
    const StringValue *description = parseDescription();
    if (!description && !peek(TokenKind::Name)) {
        expectToken(TokenKind::Name);
        return nullptr;
    }
    auto *node = startNode<InputValueDefinition>(start);
    node->description = description;
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        expectToken(TokenKind::Colon);
    if (!m_failed)
        node->type = parseTypeReference();
    if (!m_failed && expectOptionalToken(TokenKind::Equals) && !m_failed)
        node->defaultValue = parseValueLiteral(true);
    if (!m_failed)
        node->directives = parseDirectives(true);
    return finish(node);
}

// InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
// (§3.7)
const Definition *DocumentParser::parseInterfaceTypeDefinition()
{
    auto *node = startNode<InterfaceTypeDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"interface");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->interfaces = parseImplementsInterfaces();
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed || resumeAtBrace())
        node->fields = parseFieldsDefinition();
    return finish(node);
}

// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes? (§3.8)
const Definition *DocumentParser::parseUnionTypeDefinition()
{
    auto *node = startNode<UnionTypeDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"union");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed)
        node->types = parseUnionMemberTypes();
    return finish(node);
}

// UnionMemberTypes : = `|`? NamedType | UnionMemberTypes | NamedType (§3.8)
AstList<NamedType> DocumentParser::parseUnionMemberTypes()
{
    if (!expectOptionalToken(TokenKind::Equals) || m_failed)
        return {};
    return parseDelimited<NamedType>(TokenKind::Pipe, [this] { return parseNamedType(); });
}

// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition? (§3.9)
const Definition *DocumentParser::parseEnumTypeDefinition()
{
    auto *node = startNode<EnumTypeDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"enum");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed || resumeAtBrace())
        node->values = parseEnumValuesDefinition();
    return finish(node);
}

// EnumValuesDefinition : { EnumValueDefinition+ } (§3.9)
AstList<EnumValueDefinition> DocumentParser::parseEnumValuesDefinition()
{
    return parseList<EnumValueDefinition>(ListShape::OptionalMany, TokenKind::BraceL, TokenKind::BraceR,
                                          ItemStart::Member, [this] { return parseEnumValueDefinition(); });
}

// EnumValueDefinition : Description? EnumValue Directives[Const]? — EnumValue : Name but not true, false or null (§3.9)
const EnumValueDefinition *DocumentParser::parseEnumValueDefinition()
{
    const SourceLocation start = tokenLocation();
    const StringValue *description = parseDescription();
    if (m_failed)
        return nullptr;
    const QStringView value = m_token.value;
    if (value == u"true" || value == u"false" || value == u"null") {
        syntaxErrorAt(m_token, tokenDescription(m_token) + u" is reserved and cannot be used for an enum value."_s);
        return nullptr;
    }
    if (!description && !peek(TokenKind::Name)) {
        expectToken(TokenKind::Name);
        return nullptr;
    }
    auto *node = startNode<EnumValueDefinition>(start);
    node->description = description;
    parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    return finish(node);
}

// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition? (§3.10)
const Definition *DocumentParser::parseInputObjectTypeDefinition()
{
    auto *node = startNode<InputObjectTypeDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"input");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed || resumeAtBrace())
        node->fields = parseInputFieldsDefinition();
    return finish(node);
}

// InputFieldsDefinition : { InputValueDefinition+ } (§3.10)
AstList<InputValueDefinition> DocumentParser::parseInputFieldsDefinition()
{
    return parseList<InputValueDefinition>(ListShape::OptionalMany, TokenKind::BraceL, TokenKind::BraceR,
                                           ItemStart::Member, [this] { return parseInputValueDef(); });
}

// TypeSystemExtension : SchemaExtension | TypeExtension (§3.1); the keyword after `extend` picks the production.
const Definition *DocumentParser::parseTypeSystemExtension()
{
    const Token &keyword = lookahead();
    if (m_failed)
        return nullptr;
    if (keyword.kind == TokenKind::Name) {
        const QStringView value = keyword.value;
        if (value == u"schema")
            return parseSchemaExtension();
        if (value == u"scalar")
            return parseScalarTypeExtension();
        if (value == u"type")
            return parseObjectTypeExtension();
        if (value == u"interface")
            return parseInterfaceTypeExtension();
        if (value == u"union")
            return parseUnionTypeExtension();
        if (value == u"enum")
            return parseEnumTypeExtension();
        if (value == u"input")
            return parseInputObjectTypeExtension();
    }
    unexpected(keyword);
    return nullptr;
}

// SchemaExtension : extend schema Directives[Const]? { OperationTypeDefinition+ } | extend schema Directives[Const]
// (§3.3.2)
const Definition *DocumentParser::parseSchemaExtension()
{
    auto *node = startNode<SchemaExtension>();
    expectKeyword(u"extend");
    if (!m_failed)
        expectKeyword(u"schema");
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed)
        node->operationTypes =
            parseList<OperationTypeDefinition>(ListShape::OptionalMany, TokenKind::BraceL, TokenKind::BraceR,
                                               ItemStart::Name, [this] { return parseOperationTypeDefinition(); });
    if (!m_failed && node->directives.isEmpty() && node->operationTypes.isEmpty())
        unexpected();
    return finish(node);
}

// ScalarTypeExtension : extend scalar Name Directives[Const] (§3.5.1)
const Definition *DocumentParser::parseScalarTypeExtension()
{
    auto *node = startNode<ScalarTypeExtension>();
    expectKeyword(u"extend");
    if (!m_failed)
        expectKeyword(u"scalar");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed && node->directives.isEmpty())
        unexpected();
    return finish(node);
}

// ObjectTypeExtension : extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
//                     | extend type Name ImplementsInterfaces? Directives[Const] | extend type Name
//                     ImplementsInterfaces (§3.6.3)
const Definition *DocumentParser::parseObjectTypeExtension()
{
    auto *node = startNode<ObjectTypeExtension>();
    expectKeyword(u"extend");
    if (!m_failed)
        expectKeyword(u"type");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->interfaces = parseImplementsInterfaces();
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed)
        node->fields = parseFieldsDefinition();
    if (!m_failed && node->interfaces.isEmpty() && node->directives.isEmpty() && node->fields.isEmpty())
        unexpected();
    return finish(node);
}

// InterfaceTypeExtension : extend interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition (and shorter
// forms) (§3.7.1)
const Definition *DocumentParser::parseInterfaceTypeExtension()
{
    auto *node = startNode<InterfaceTypeExtension>();
    expectKeyword(u"extend");
    if (!m_failed)
        expectKeyword(u"interface");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->interfaces = parseImplementsInterfaces();
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed)
        node->fields = parseFieldsDefinition();
    if (!m_failed && node->interfaces.isEmpty() && node->directives.isEmpty() && node->fields.isEmpty())
        unexpected();
    return finish(node);
}

// UnionTypeExtension : extend union Name Directives[Const]? UnionMemberTypes | extend union Name Directives[Const]
// (§3.8.1)
const Definition *DocumentParser::parseUnionTypeExtension()
{
    auto *node = startNode<UnionTypeExtension>();
    expectKeyword(u"extend");
    if (!m_failed)
        expectKeyword(u"union");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed)
        node->types = parseUnionMemberTypes();
    if (!m_failed && node->directives.isEmpty() && node->types.isEmpty())
        unexpected();
    return finish(node);
}

// EnumTypeExtension : extend enum Name Directives[Const]? EnumValuesDefinition | extend enum Name Directives[Const]
// (§3.9.1)
const Definition *DocumentParser::parseEnumTypeExtension()
{
    auto *node = startNode<EnumTypeExtension>();
    expectKeyword(u"extend");
    if (!m_failed)
        expectKeyword(u"enum");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed)
        node->values = parseEnumValuesDefinition();
    if (!m_failed && node->directives.isEmpty() && node->values.isEmpty())
        unexpected();
    return finish(node);
}

// InputObjectTypeExtension : extend input Name Directives[Const]? InputFieldsDefinition | extend input Name
// Directives[Const] (§3.10.1)
const Definition *DocumentParser::parseInputObjectTypeExtension()
{
    auto *node = startNode<InputObjectTypeExtension>();
    expectKeyword(u"extend");
    if (!m_failed)
        expectKeyword(u"input");
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->directives = parseDirectives(true);
    if (!m_failed)
        node->fields = parseInputFieldsDefinition();
    if (!m_failed && node->directives.isEmpty() && node->fields.isEmpty())
        unexpected();
    return finish(node);
}

// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations (§3.13)
// DirectiveLocations : `|`? DirectiveLocation | DirectiveLocations | DirectiveLocation
const Definition *DocumentParser::parseDirectiveDefinition()
{
    auto *node = startNode<DirectiveDefinition>();
    node->description = parseDescription();
    if (!m_failed)
        expectKeyword(u"directive");
    if (!m_failed)
        expectToken(TokenKind::At);
    if (!m_failed)
        parseName(node->name, node->nameOffset);
    if (!m_failed)
        node->arguments = parseArgumentDefs();
    if (!m_failed)
        node->repeatable = expectOptionalKeyword(u"repeatable");
    if (!m_failed)
        expectKeyword(u"on");
    if (!m_failed)
        node->locations = parseDelimited<Name>(TokenKind::Pipe, [this] { return parseDirectiveLocation(); });
    return finish(node);
}

// DirectiveLocation : ExecutableDirectiveLocation | TypeSystemDirectiveLocation (§3.13), as graphql-js 16.15
// lists them (DIRECTIVE_DEFINITION included).
const Name *DocumentParser::parseDirectiveLocation()
{
    static constexpr QStringView locations[] = {u"QUERY",
                                                u"MUTATION",
                                                u"SUBSCRIPTION",
                                                u"FIELD",
                                                u"FRAGMENT_DEFINITION",
                                                u"FRAGMENT_SPREAD",
                                                u"INLINE_FRAGMENT",
                                                u"VARIABLE_DEFINITION",
                                                u"SCHEMA",
                                                u"SCALAR",
                                                u"OBJECT",
                                                u"FIELD_DEFINITION",
                                                u"ARGUMENT_DEFINITION",
                                                u"INTERFACE",
                                                u"UNION",
                                                u"ENUM",
                                                u"ENUM_VALUE",
                                                u"INPUT_OBJECT",
                                                u"INPUT_FIELD_DEFINITION",
                                                u"DIRECTIVE_DEFINITION"};
    const Token start = m_token;
    if (!peek(TokenKind::Name)) {
        expectToken(TokenKind::Name);
        return nullptr;
    }
    auto *node = startNode<Name>();
    int offset = -1;
    parseName(node->value, offset);
    finish(node);
    for (QStringView location : locations) {
        if (QStringView(node->value) == location)
            return node;
    }
    if (!m_failed)
        unexpected(start);
    return node;
}

} // namespace Sextant::Core::Ast
