// SPDX-License-Identifier: MIT
// Sextant: classifies the core lexer's tokens by their grammatical role, for syntax highlighting.
#include "syntaxclassifier.h"

#include "lexer.h"
#include "token.h"

#include <QVarLengthArray>

namespace Sextant::Core {

namespace {

// What an open bracket started (GraphQL spec Appendix B): selection sets, argument lists, values, types, SDL bodies.
enum class Frame : quint8 {
    SelectionSet,   // { … } of an operation, fragment or field
    Arguments,      // ( … ) after a field or directive name: Name ':' Value
    VariableDefs,   // ( … ) after an operation name: $var ':' Type ('=' Value)?
    ArgumentDefs,   // ( … ) in SDL: name ':' Type ('=' Value)?
    ObjectValue,    // { … } in value position
    ListValue,      // [ … ] in value position
    ListType,       // [ … ] in type position
    FieldsBody,     // { … } of type / interface / input: name(args)?: Type
    EnumBody,       // { … } of enum
    SchemaBody,     // { … } of schema: operationType ':' NamedType
};

// Where the next token sits inside the current frame.
enum class Slot : quint8 { Key, Value, Type, AfterType, DefaultValue };

// Top-level (outside any bracket) grammar position.
enum class Top : quint8 {
    Start,            // expecting a definition keyword, a description or '{'
    OperationHeader,  // after query/mutation/subscription: optional name, ( vars ), @dirs, then {
    FragmentName,     // after `fragment`
    FragmentOn,       // after the fragment name: expects `on`
    TypeCondition,    // after `on`: a type name
    SdlName,          // after type/interface/union/enum/input/scalar: the type name
    SdlHeader,        // after the SDL type name: implements, directives, = members, {
    SdlTypeList,      // after `implements` or `=`: type names separated by & or |
    DirectiveName,    // after `directive`: expects @name
    DirectiveHeader,  // after @name of a directive definition: (args), repeatable, on
    DirectiveLocations,
};

bool isExecutableKeyword(QStringView name)
{
    return name == u"query" || name == u"mutation" || name == u"subscription";
}

bool isSdlTypeKeyword(QStringView name)
{
    return name == u"type" || name == u"interface" || name == u"union" || name == u"enum" || name == u"input"
        || name == u"scalar";
}

class Classifier
{
public:
    explicit Classifier(QStringView source)
        : m_source(source)
    {
    }

    QList<ClassifiedToken> run()
    {
        Lexer lexer(m_source);
        for (int guard = 0; guard <= m_source.size() + 1; ++guard) {
            const Token token = lexer.next();
            if (token.kind == TokenKind::EndOfFile)
                break;
            if (token.end <= token.start && token.kind != TokenKind::StartOfFile)
                break; // defensive: a lexer that stops advancing must not hang the highlighter
            if (token.kind == TokenKind::StartOfFile)
                continue;
            classify(token);
        }
        return m_out;
    }

private:
    void add(const Token &token, SyntaxRole role) { m_out.append({token.start, token.end, role}); }

    Frame *top() { return m_frames.isEmpty() ? nullptr : &m_frames.last(); }

    void push(Frame frame, Slot slot)
    {
        if (m_frames.size() < 512) // deeper nesting is highlighted as the innermost tracked frame
            m_frames.append(frame), m_slots.append(slot);
        else
            ++m_overflow;
    }

    void pop()
    {
        if (m_overflow > 0) {
            --m_overflow;
            return;
        }
        if (m_frames.isEmpty())
            return;
        const Frame popped = m_frames.last();
        m_frames.removeLast();
        m_slots.removeLast();
        if (popped == Frame::ListType) {
            if (!m_slots.isEmpty() && m_slots.last() == Slot::Type && m_frames.last() != Frame::ListType)
                m_slots.last() = Slot::AfterType;
            return;
        }
        valueCompleted();
        // Closing a definition's body ends the definition; closing its variable/argument list does not.
        if (m_frames.isEmpty()
            && (popped == Frame::SelectionSet || popped == Frame::FieldsBody || popped == Frame::EnumBody
                || popped == Frame::SchemaBody))
            m_top = Top::Start;
    }

    Slot &slot() { return m_slots.last(); }

    // A value or type in the current frame is complete: the next Name is a key again.
    void valueCompleted()
    {
        if (m_frames.isEmpty())
            return;
        switch (m_frames.last()) {
        case Frame::Arguments:
        case Frame::ObjectValue:
        case Frame::VariableDefs:
        case Frame::ArgumentDefs:
        case Frame::FieldsBody:
        case Frame::SchemaBody:
            if (m_slots.last() == Slot::Value || m_slots.last() == Slot::DefaultValue)
                m_slots.last() = Slot::Key;
            break;
        default:
            break;
        }
    }

    SyntaxRole valueNameRole(QStringView name) const
    {
        return (name == u"true" || name == u"false" || name == u"null") ? SyntaxRole::Keyword : SyntaxRole::EnumValue;
    }

    void classify(const Token &token)
    {
        m_prevWasDirective = m_lastWasDirective;
        m_lastWasDirective = false;
        const QStringView text = m_source.mid(token.start, token.end - token.start);
        switch (token.kind) {
        case TokenKind::Comment:
            add(token, SyntaxRole::Comment);
            return;
        case TokenKind::Invalid:
            add(token, SyntaxRole::Invalid);
            return;
        case TokenKind::Int:
        case TokenKind::Float:
            add(token, SyntaxRole::Number);
            scalarValue();
            return;
        case TokenKind::String:
        case TokenKind::BlockString:
            if (isDescriptionPosition()) {
                add(token, SyntaxRole::Description);
                return;
            }
            add(token, token.kind == TokenKind::String ? SyntaxRole::String : SyntaxRole::BlockString);
            scalarValue();
            return;
        case TokenKind::Dollar:
            add(token, SyntaxRole::Variable);
            m_afterDollar = true;
            return;
        case TokenKind::At:
            add(token, SyntaxRole::Directive);
            m_afterAt = true;
            return;
        case TokenKind::Name:
            classifyName(token, text);
            return;
        default:
            add(token, SyntaxRole::Punctuation);
            punctuation(token.kind);
            return;
        }
    }

    bool isDescriptionPosition() const
    {
        if (m_frames.isEmpty())
            return m_top == Top::Start;
        const Frame frame = m_frames.last();
        const Slot s = m_slots.last();
        return (frame == Frame::FieldsBody || frame == Frame::EnumBody || frame == Frame::ArgumentDefs)
            && (s == Slot::Key || s == Slot::AfterType);
    }

    void scalarValue()
    {
        if (!m_frames.isEmpty())
            valueCompleted();
    }

    void classifyName(const Token &token, QStringView name)
    {
        if (m_afterDollar) {
            m_afterDollar = false;
            add(token, SyntaxRole::Variable);
            if (!m_frames.isEmpty() && m_frames.last() != Frame::VariableDefs)
                valueCompleted();
            return;
        }
        if (m_afterAt) {
            m_afterAt = false;
            add(token, SyntaxRole::Directive);
            m_lastWasDirective = true;
            if (m_frames.isEmpty() && m_top == Top::DirectiveName)
                m_top = Top::DirectiveHeader;
            return;
        }
        if (m_afterSpread) {
            m_afterSpread = false;
            if (name == u"on") {
                add(token, SyntaxRole::Keyword);
                m_expectTypeCondition = true;
            } else {
                add(token, SyntaxRole::OperationName); // a fragment spread names a fragment definition
            }
            return;
        }
        if (m_expectTypeCondition) {
            m_expectTypeCondition = false;
            add(token, SyntaxRole::TypeName);
            return;
        }
        if (m_frames.isEmpty()) {
            classifyTopLevelName(token, name);
            return;
        }

        const Frame frame = m_frames.last();
        Slot &s = slot();
        switch (frame) {
        case Frame::SelectionSet:
            add(token, SyntaxRole::FieldName);
            return;
        case Frame::Arguments:
        case Frame::ObjectValue:
            if (s == Slot::Key) {
                add(token, SyntaxRole::ArgumentName);
            } else {
                add(token, valueNameRole(name));
                valueCompleted();
            }
            return;
        case Frame::ListValue:
            add(token, valueNameRole(name));
            return;
        case Frame::ListType:
            add(token, SyntaxRole::TypeName);
            return;
        case Frame::VariableDefs:
        case Frame::ArgumentDefs:
            if (s == Slot::Type) {
                add(token, SyntaxRole::TypeName);
                s = Slot::AfterType;
            } else if (s == Slot::DefaultValue || s == Slot::Value) {
                add(token, valueNameRole(name));
                valueCompleted();
            } else {
                add(token, SyntaxRole::ArgumentName);
                s = Slot::Key;
            }
            return;
        case Frame::FieldsBody:
            if (s == Slot::Type) {
                add(token, SyntaxRole::TypeName);
                s = Slot::AfterType;
            } else if (s == Slot::DefaultValue) {
                add(token, valueNameRole(name));
                valueCompleted();
            } else {
                add(token, SyntaxRole::FieldName);
                s = Slot::Key;
            }
            return;
        case Frame::EnumBody:
            add(token, SyntaxRole::EnumValue);
            return;
        case Frame::SchemaBody:
            if (s == Slot::Type) {
                add(token, SyntaxRole::TypeName);
                s = Slot::Key;
            } else {
                add(token, SyntaxRole::Keyword);
            }
            return;
        }
    }

    void classifyTopLevelName(const Token &token, QStringView name)
    {
        switch (m_top) {
        case Top::Start:
            if (isExecutableKeyword(name)) {
                add(token, SyntaxRole::Keyword);
                m_top = Top::OperationHeader;
            } else if (name == u"fragment") {
                add(token, SyntaxRole::Keyword);
                m_top = Top::FragmentName;
            } else if (isSdlTypeKeyword(name)) {
                add(token, SyntaxRole::Keyword);
                m_sdlKeyword = name.toString();
                m_top = Top::SdlName;
            } else if (name == u"extend") {
                add(token, SyntaxRole::Keyword);
            } else if (name == u"schema") {
                add(token, SyntaxRole::Keyword);
                m_sdlKeyword = name.toString();
                m_top = Top::SdlHeader;
            } else if (name == u"directive") {
                add(token, SyntaxRole::Keyword);
                m_top = Top::DirectiveName;
            } else {
                add(token, SyntaxRole::Invalid);
            }
            return;
        case Top::OperationHeader:
            add(token, SyntaxRole::OperationName);
            return;
        case Top::FragmentName:
            add(token, SyntaxRole::OperationName);
            m_top = Top::FragmentOn;
            return;
        case Top::FragmentOn:
            add(token, name == u"on" ? SyntaxRole::Keyword : SyntaxRole::Invalid);
            m_top = Top::TypeCondition;
            return;
        case Top::TypeCondition:
            add(token, SyntaxRole::TypeName);
            m_top = Top::OperationHeader;
            return;
        case Top::SdlName:
            add(token, SyntaxRole::TypeName);
            m_top = Top::SdlHeader;
            return;
        case Top::SdlHeader:
            if (name == u"implements") {
                add(token, SyntaxRole::Keyword);
                m_top = Top::SdlTypeList;
            } else if (isExecutableKeyword(name) || name == u"fragment" || isSdlTypeKeyword(name)
                       || name == u"extend" || name == u"directive" || name == u"schema") {
                m_top = Top::Start; // a body-less definition (scalar X, extend type X @d) ended
                classifyTopLevelName(token, name);
            } else {
                add(token, SyntaxRole::Invalid);
            }
            return;
        case Top::SdlTypeList:
            if (isExecutableKeyword(name) || name == u"fragment" || isSdlTypeKeyword(name) || name == u"extend"
                || name == u"directive" || name == u"schema") {
                m_top = Top::Start;
                classifyTopLevelName(token, name);
                return;
            }
            add(token, SyntaxRole::TypeName);
            return;
        case Top::DirectiveName:
            add(token, SyntaxRole::Invalid);
            return;
        case Top::DirectiveHeader:
            if (name == u"repeatable") {
                add(token, SyntaxRole::Keyword);
            } else if (name == u"on") {
                add(token, SyntaxRole::Keyword);
                m_top = Top::DirectiveLocations;
            } else {
                add(token, SyntaxRole::Invalid);
            }
            return;
        case Top::DirectiveLocations:
            if (isExecutableKeyword(name) || name == u"fragment" || isSdlTypeKeyword(name) || name == u"extend"
                || name == u"directive" || name == u"schema") {
                m_top = Top::Start;
                classifyTopLevelName(token, name);
                return;
            }
            add(token, SyntaxRole::EnumValue);
            return;
        }
    }

    void punctuation(TokenKind kind)
    {
        switch (kind) {
        case TokenKind::Spread:
            m_afterSpread = true;
            return;
        case TokenKind::BraceL:
            openBrace();
            return;
        case TokenKind::BraceR:
        case TokenKind::ParenR:
        case TokenKind::BracketR:
            pop(); // after `]` of a list type the slot stays Type, so a trailing `!` and `=` still read right
            return;
        case TokenKind::ParenL:
            openParen();
            return;
        case TokenKind::BracketL:
            if (!m_frames.isEmpty() && slot() == Slot::Type)
                push(Frame::ListType, Slot::Type);
            else
                push(Frame::ListValue, Slot::Value);
            return;
        case TokenKind::Colon:
            if (m_frames.isEmpty())
                return;
            switch (m_frames.last()) {
            case Frame::Arguments:
            case Frame::ObjectValue:
                slot() = Slot::Value;
                break;
            case Frame::VariableDefs:
            case Frame::ArgumentDefs:
            case Frame::FieldsBody:
            case Frame::SchemaBody:
                slot() = Slot::Type;
                break;
            default:
                break; // alias ':' in a selection set
            }
            return;
        case TokenKind::Equals:
            if (m_frames.isEmpty()) {
                if (m_top == Top::SdlHeader)
                    m_top = Top::SdlTypeList; // union U = A | B
                return;
            }
            slot() = Slot::DefaultValue;
            return;
        case TokenKind::Bang:
            return;
        default:
            return;
        }
    }

    void openBrace()
    {
        m_afterSpread = false;
        if (m_frames.isEmpty()) {
            switch (m_top) {
            case Top::SdlHeader:
            case Top::SdlTypeList:
                if (m_sdlKeyword == u"enum")
                    push(Frame::EnumBody, Slot::Key);
                else if (m_sdlKeyword == u"schema")
                    push(Frame::SchemaBody, Slot::Key);
                else
                    push(Frame::FieldsBody, Slot::Key);
                m_top = Top::SdlHeader;
                return;
            default:
                push(Frame::SelectionSet, Slot::Key);
                m_top = Top::OperationHeader;
                return;
            }
        }
        const Slot s = slot();
        if (s == Slot::Value || s == Slot::DefaultValue || m_frames.last() == Frame::ListValue)
            push(Frame::ObjectValue, Slot::Key);
        else
            push(Frame::SelectionSet, Slot::Key);
    }

    void openParen()
    {
        const bool afterDirective = m_prevWasDirective;
        if (m_frames.isEmpty()) {
            if (afterDirective && m_top != Top::DirectiveHeader)
                push(Frame::Arguments, Slot::Key); // arguments of a directive applied to a definition
            else if (m_top == Top::OperationHeader)
                push(Frame::VariableDefs, Slot::Key);
            else
                push(Frame::ArgumentDefs, Slot::Key); // directive definition arguments
            return;
        }
        if (!afterDirective && m_frames.last() == Frame::FieldsBody && (slot() == Slot::Key || slot() == Slot::AfterType))
            push(Frame::ArgumentDefs, Slot::Key);
        else
            push(Frame::Arguments, Slot::Key);
    }

    QStringView m_source;
    QList<ClassifiedToken> m_out;
    QVarLengthArray<Frame, 32> m_frames;
    QVarLengthArray<Slot, 32> m_slots;
    int m_overflow = 0;
    Top m_top = Top::Start;
    QString m_sdlKeyword;
    bool m_afterDollar = false;
    bool m_afterAt = false;
    bool m_afterSpread = false;
    bool m_expectTypeCondition = false;
    bool m_lastWasDirective = false;
    bool m_prevWasDirective = false;
};

} // namespace

QList<ClassifiedToken> classifySyntax(QStringView source)
{
    return Classifier(source).run();
}

} // namespace Sextant::Core
