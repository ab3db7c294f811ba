// SPDX-License-Identifier: MIT
// Sextant: the grammatical context at a cursor in an incomplete GraphQL document, for completion.
#include <core/completion/completioncontext.h>

#include <core/language/lexer.h>
#include <core/schema/schema.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

namespace {

enum class FrameKind : quint8 { Document, SelectionSet, Arguments, ObjectValue, ListValue, VariableDefinitions };

enum class Step : quint8 {
    // Document
    DocStart,
    DocAfterOperationKeyword,
    DocAfterFragmentKeyword,
    DocAfterFragmentName,
    DocAfterOn,
    DocAfterTypeCondition,
    // SelectionSet
    SelExpect,
    SelAfterName,
    SelAfterAliasColon,
    SelAfterFieldArguments,
    SelAfterSpread,
    SelAfterSpreadOn,
    SelAfterInlineType,
    SelAfterFragmentName,
    // Arguments / ObjectValue
    ArgExpectName,
    ArgAfterName,
    ArgValue,
    // ListValue
    ListValue,
    // VariableDefinitions
    VarExpect,
    VarAfterDollar,
    VarAfterName,
    VarType,
    VarAfterType,
    VarDefault,
};

struct Frame
{
    FrameKind kind = FrameKind::Document;
    Step step = Step::DocStart;
    QString typeName;                          // SelectionSet: parent type; ObjectValue: input object type
    TypeRef valueType;                         // ArgValue / ListValue / VarDefault: expected type
    const QList<InputValue> *inputs = nullptr; // Arguments / ObjectValue candidates
    QStringList given;
    QString location;    // directive location of an `@` here
    QString pendingType; // the type of the next `{`
    bool pendingKnown = false;
    const QList<InputValue> *pendingArguments = nullptr; // the arguments of the next `(`
    bool atPending = false;                              // `@` seen, directive name expected
    bool dollarPending = false;                          // `$` seen in a value, variable name expected
    QString varName;
    QString typeText;
};

const NamedType *inputObject(const Schema &schema, const TypeRef &type)
{
    if (!type.isValid())
        return nullptr;
    const NamedType *named = schema.type(type.namedType());
    return named && named->kind == TypeKind::InputObject ? named : nullptr;
}

// The item type of a list location; a non-list location also accepts a list literal of itself (input coercion).
TypeRef listItemType(const TypeRef &type)
{
    const TypeRef nullable = type.nullable();
    return nullable.isList() ? nullable.ofType() : nullable;
}

QString fieldTypeName(const Schema &schema, const NamedType *parent, QStringView name,
                      const QList<InputValue> **arguments)
{
    *arguments = nullptr;
    if (name == u"__typename")
        return u"String"_s;
    if (parent && parent->name == schema.queryTypeName()) {
        if (name == u"__schema")
            return u"__Schema"_s;
        if (name == u"__type")
            return u"__Type"_s;
    }
    if (!parent)
        return {};
    const Field *field = parent->field(name);
    if (!field)
        return {};
    *arguments = &field->args;
    return field->type.namedType();
}

class ContextBuilder final
{
public:
    explicit ContextBuilder(const Schema &schema) : m_schema(schema) { m_stack.append(Frame{}); }

    void feed(const Token &token);
    CompletionContext result() const;

private:
    Frame &top() { return m_stack.last(); }
    void push(Frame frame) { m_stack.append(std::move(frame)); }
    void valueDone();
    void beginValue(Frame &frame, const TypeRef &type);
    bool feedValue(const Token &token); // true when consumed as part of a value
    void popTo(FrameKind kind);
    void feedDocument(const Token &token);
    void feedSelectionSet(const Token &token);
    void feedArguments(const Token &token);
    void feedVariables(const Token &token);

    const Schema &m_schema;
    QList<Frame> m_stack;
    QList<CompletionVariable> m_variables;
    QString m_currentFragment;
};

void ContextBuilder::beginValue(Frame &frame, const TypeRef &type)
{
    frame.valueType = type;
    frame.dollarPending = false;
}

void ContextBuilder::valueDone()
{
    Frame &frame = top();
    frame.dollarPending = false;
    if (frame.kind == FrameKind::Arguments || frame.kind == FrameKind::ObjectValue)
        frame.step = Step::ArgExpectName;
    else if (frame.kind == FrameKind::VariableDefinitions)
        frame.step = Step::VarAfterType;
}

// Tokens in a value position: `{` and `[` open nested values, `$Name` and literals complete one.
bool ContextBuilder::feedValue(const Token &token)
{
    Frame &frame = top();
    const bool inValue =
        frame.step == Step::ArgValue || frame.step == Step::ListValue || frame.step == Step::VarDefault;
    if (!inValue)
        return false;
    const TypeRef type = frame.valueType;
    switch (token.kind) {
    case TokenKind::Dollar:
        frame.dollarPending = true;
        return true;
    case TokenKind::BraceL: {
        Frame object;
        object.kind = FrameKind::ObjectValue;
        object.step = Step::ArgExpectName;
        if (const NamedType *input = inputObject(m_schema, type)) {
            object.typeName = input->name;
            object.inputs = &input->inputFields;
        }
        push(std::move(object));
        return true;
    }
    case TokenKind::BracketL: {
        Frame list;
        list.kind = FrameKind::ListValue;
        list.step = Step::ListValue;
        list.valueType = listItemType(type);
        push(std::move(list));
        return true;
    }
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::BlockString:
        if (frame.step != Step::ListValue)
            valueDone();
        else
            frame.dollarPending = false;
        return true;
    default:
        return false;
    }
}

// Closes the innermost frame of `kind`; a closer with no such frame open is ignored (tolerance).
void ContextBuilder::popTo(FrameKind kind)
{
    int index = int(m_stack.size()) - 1;
    while (index > 0 && m_stack.at(index).kind != kind)
        --index;
    if (index <= 0)
        return;
    m_stack.resize(index);
    Frame &parent = top();
    parent.atPending = false;
    switch (parent.kind) {
    case FrameKind::Document:
        if (kind == FrameKind::SelectionSet) {
            parent = Frame{};
            m_currentFragment.clear();
        }
        break;
    case FrameKind::SelectionSet:
        if (kind == FrameKind::SelectionSet)
            parent.step = Step::SelExpect;
        break;
    case FrameKind::Arguments:
    case FrameKind::ObjectValue:
    case FrameKind::VariableDefinitions:
        if (kind == FrameKind::ObjectValue || kind == FrameKind::ListValue)
            valueDone();
        break;
    case FrameKind::ListValue:
        parent.dollarPending = false;
        break;
    }
}

void ContextBuilder::feed(const Token &token)
{
    Frame &frame = top();
    // Directives may follow many positions; `@Name(` opens the directive's arguments.
    if (token.kind == TokenKind::At && frame.kind != FrameKind::Arguments && frame.kind != FrameKind::ObjectValue
        && frame.kind != FrameKind::ListValue) {
        frame.atPending = true;
        frame.pendingArguments = nullptr;
        return;
    }
    if (frame.atPending) {
        frame.atPending = false;
        if (token.kind == TokenKind::Name) {
            const Directive *directive = m_schema.directive(token.value);
            frame.pendingArguments = directive ? &directive->args : nullptr;
            // `... @dir` is an inline fragment without a type condition; `@dir` alone is a stray directive.
            if (frame.kind == FrameKind::SelectionSet && frame.step == Step::SelAfterSpread)
                frame.step = Step::SelAfterInlineType;
            else if (frame.kind == FrameKind::SelectionSet && frame.step == Step::SelExpect)
                frame.step = Step::SelAfterFieldArguments;
            return;
        }
    }
    if (token.kind == TokenKind::ParenL && frame.pendingArguments && frame.kind != FrameKind::SelectionSet) {
        Frame arguments;
        arguments.kind = FrameKind::Arguments;
        arguments.step = Step::ArgExpectName;
        arguments.inputs = frame.pendingArguments;
        frame.pendingArguments = nullptr;
        push(std::move(arguments));
        return;
    }
    if (feedValue(token))
        return;
    switch (token.kind) {
    case TokenKind::BraceR:
        if (frame.kind == FrameKind::ObjectValue)
            popTo(FrameKind::ObjectValue);
        else
            popTo(FrameKind::SelectionSet);
        return;
    case TokenKind::ParenR:
        if (frame.kind == FrameKind::VariableDefinitions)
            popTo(FrameKind::VariableDefinitions);
        else
            popTo(FrameKind::Arguments);
        return;
    case TokenKind::BracketR:
        if (frame.kind == FrameKind::ListValue) {
            popTo(FrameKind::ListValue);
            return;
        }
        break;
    default:
        break;
    }
    switch (frame.kind) {
    case FrameKind::Document:
        feedDocument(token);
        break;
    case FrameKind::SelectionSet:
        feedSelectionSet(token);
        break;
    case FrameKind::Arguments:
    case FrameKind::ObjectValue:
        feedArguments(token);
        break;
    case FrameKind::VariableDefinitions:
        feedVariables(token);
        break;
    case FrameKind::ListValue:
        break;
    }
}

void ContextBuilder::feedDocument(const Token &token)
{
    Frame &frame = top();
    if (token.kind == TokenKind::BraceL) {
        Frame selection;
        selection.kind = FrameKind::SelectionSet;
        selection.step = Step::SelExpect;
        selection.typeName = frame.step == Step::DocStart ? m_schema.queryTypeName() : frame.pendingType;
        if (frame.step == Step::DocStart)
            m_variables.clear();
        frame.step = Step::DocAfterTypeCondition;
        frame.pendingArguments = nullptr;
        push(std::move(selection));
        return;
    }
    if (token.kind == TokenKind::ParenL && frame.step == Step::DocAfterOperationKeyword) {
        Frame variables;
        variables.kind = FrameKind::VariableDefinitions;
        variables.step = Step::VarExpect;
        variables.location = u"VARIABLE_DEFINITION"_s;
        push(std::move(variables));
        return;
    }
    if (token.kind != TokenKind::Name)
        return;
    frame.pendingArguments = nullptr;
    switch (frame.step) {
    case Step::DocStart:
        if (token.value == u"query" || token.value == u"mutation" || token.value == u"subscription") {
            frame.step = Step::DocAfterOperationKeyword;
            frame.location = token.value.toUpper();
            frame.pendingType = token.value == u"query"      ? m_schema.queryTypeName()
                                : token.value == u"mutation" ? m_schema.mutationTypeName()
                                                             : m_schema.subscriptionTypeName();
            m_variables.clear();
            m_currentFragment.clear();
        } else if (token.value == u"fragment") {
            frame.step = Step::DocAfterFragmentKeyword;
            m_variables.clear();
        }
        break;
    case Step::DocAfterFragmentKeyword:
        m_currentFragment = token.value;
        frame.step = Step::DocAfterFragmentName;
        break;
    case Step::DocAfterFragmentName:
        frame.step = token.value == u"on" ? Step::DocAfterOn : Step::DocAfterFragmentName;
        break;
    case Step::DocAfterOn:
        frame.pendingType = token.value;
        frame.location = u"FRAGMENT_DEFINITION"_s;
        frame.step = Step::DocAfterTypeCondition;
        break;
    default:
        break;
    }
}

void ContextBuilder::feedSelectionSet(const Token &token)
{
    Frame &frame = top();
    const NamedType *parent = m_schema.type(frame.typeName);
    switch (token.kind) {
    case TokenKind::Spread:
        frame.step = Step::SelAfterSpread;
        frame.location = u"INLINE_FRAGMENT"_s;
        frame.pendingType = frame.typeName;
        frame.pendingKnown = true;
        frame.pendingArguments = nullptr;
        return;
    case TokenKind::Colon:
        if (frame.step == Step::SelAfterName)
            frame.step = Step::SelAfterAliasColon;
        return;
    case TokenKind::ParenL: {
        Frame arguments;
        arguments.kind = FrameKind::Arguments;
        arguments.step = Step::ArgExpectName;
        arguments.inputs = frame.pendingArguments;
        frame.pendingArguments = nullptr;
        if (frame.step == Step::SelAfterName)
            frame.step = Step::SelAfterFieldArguments;
        push(std::move(arguments));
        return;
    }
    case TokenKind::BraceL: {
        Frame selection;
        selection.kind = FrameKind::SelectionSet;
        selection.step = Step::SelExpect;
        if (frame.pendingKnown)
            selection.typeName = frame.pendingType;
        frame.step = Step::SelExpect;
        frame.pendingKnown = false;
        frame.pendingArguments = nullptr;
        push(std::move(selection));
        return;
    }
    case TokenKind::Name:
        break;
    default:
        return;
    }
    switch (frame.step) {
    case Step::SelAfterSpread:
        if (token.value == u"on") {
            frame.step = Step::SelAfterSpreadOn;
        } else {
            frame.step = Step::SelAfterFragmentName;
            frame.location = u"FRAGMENT_SPREAD"_s;
            frame.pendingKnown = false;
        }
        return;
    case Step::SelAfterSpreadOn:
        frame.step = Step::SelAfterInlineType;
        frame.pendingType = token.value;
        frame.pendingKnown = true;
        return;
    default: {
        // A field (or, after `alias:`, the aliased field).
        frame.step = Step::SelAfterName;
        frame.location = u"FIELD"_s;
        frame.pendingType = fieldTypeName(m_schema, parent, token.value, &frame.pendingArguments);
        frame.pendingKnown = true;
        return;
    }
    }
}

void ContextBuilder::feedArguments(const Token &token)
{
    Frame &frame = top();
    if (token.kind == TokenKind::Name && frame.step == Step::ArgExpectName) {
        frame.given.append(token.value);
        frame.step = Step::ArgAfterName;
        frame.valueType = TypeRef();
        if (frame.inputs) {
            for (const InputValue &input : *frame.inputs) {
                if (input.name == token.value) {
                    frame.valueType = input.type;
                    break;
                }
            }
        }
    } else if (token.kind == TokenKind::Colon && frame.step == Step::ArgAfterName) {
        beginValue(frame, frame.valueType);
        frame.step = Step::ArgValue;
    }
}

void ContextBuilder::feedVariables(const Token &token)
{
    Frame &frame = top();
    switch (token.kind) {
    case TokenKind::Dollar:
        frame.step = Step::VarAfterDollar;
        return;
    case TokenKind::Name:
        if (frame.step == Step::VarAfterDollar) {
            frame.varName = token.value;
            frame.step = Step::VarAfterName;
        } else if (frame.step == Step::VarType) {
            frame.typeText += token.value;
            frame.step = Step::VarAfterType;
            m_variables.append({frame.varName, TypeRef::parse(frame.typeText)});
        }
        return;
    case TokenKind::Colon:
        if (frame.step == Step::VarAfterName) {
            frame.step = Step::VarType;
            frame.typeText.clear();
        }
        return;
    case TokenKind::BracketL:
        if (frame.step == Step::VarType)
            frame.typeText += u'[';
        return;
    case TokenKind::BracketR:
    case TokenKind::Bang:
        if (frame.step == Step::VarAfterType && !m_variables.isEmpty()) {
            frame.typeText += token.kind == TokenKind::Bang ? u'!' : u']';
            m_variables.last().type = TypeRef::parse(frame.typeText);
        }
        return;
    case TokenKind::Equals:
        if (frame.step == Step::VarAfterType) {
            beginValue(frame, TypeRef::parse(frame.typeText));
            frame.step = Step::VarDefault;
        }
        return;
    default:
        return;
    }
}

CompletionContext ContextBuilder::result() const
{
    CompletionContext context;
    const Frame &frame = m_stack.last();
    context.currentFragment = m_currentFragment;
    if (frame.atPending) {
        context.kind = CompletionContextKind::Directive;
        context.directiveLocation = frame.location;
        if (frame.kind == FrameKind::SelectionSet && frame.step == Step::SelExpect)
            context.directiveLocation = u"FIELD"_s;
        return context;
    }
    switch (frame.step) {
    case Step::DocStart:
        context.kind = CompletionContextKind::Definition;
        break;
    case Step::DocAfterFragmentName:
        context.kind = CompletionContextKind::OnKeyword;
        break;
    case Step::DocAfterOn:
        context.kind = CompletionContextKind::TypeCondition;
        break;
    case Step::SelExpect:
    case Step::SelAfterName:
    case Step::SelAfterAliasColon:
    case Step::SelAfterFieldArguments:
    case Step::SelAfterFragmentName:
        context.kind = CompletionContextKind::SelectionSet;
        context.typeName = frame.typeName;
        break;
    case Step::SelAfterSpread:
        context.kind = CompletionContextKind::FragmentSpread;
        context.typeName = frame.typeName;
        break;
    case Step::SelAfterSpreadOn:
        context.kind = CompletionContextKind::TypeCondition;
        context.typeName = frame.typeName;
        break;
    case Step::ArgExpectName:
        context.kind = frame.kind == FrameKind::ObjectValue ? CompletionContextKind::ObjectField
                                                            : CompletionContextKind::Arguments;
        context.typeName = frame.typeName;
        context.arguments = frame.inputs;
        context.givenNames = frame.given;
        break;
    case Step::ArgValue:
    case Step::ListValue:
    case Step::VarDefault:
        context.kind = frame.dollarPending ? CompletionContextKind::Variable : CompletionContextKind::Value;
        context.valueType = frame.valueType;
        if (frame.step != Step::VarDefault)
            context.variables = m_variables;
        break;
    case Step::VarType:
        context.kind = CompletionContextKind::VariableType;
        break;
    default:
        break;
    }
    return context;
}

} // namespace

CompletionContext completionContext(const Schema &schema, QStringView text, int cursor)
{
    cursor = qBound(0, cursor, int(text.size()));
    const QStringView before = text.left(cursor);
    Lexer lexer(before);
    ContextBuilder builder(schema);
    Token token = lexer.next();
    while (token.kind != TokenKind::EndOfFile) {
        Token next = lexer.next();
        const bool last = next.kind == TokenKind::EndOfFile;
        if (last && token.end == cursor) {
            // The token the cursor touches is what is being typed: a Name prefix, or a string or comment
            // (no completion inside those).
            if (token.kind == TokenKind::Name) {
                CompletionContext context = builder.result();
                context.prefix = token.value;
                context.prefixStart = token.start;
                return context;
            }
            if (token.kind == TokenKind::Comment || token.kind == TokenKind::String
                || token.kind == TokenKind::BlockString || token.kind == TokenKind::Invalid
                || token.kind == TokenKind::Int || token.kind == TokenKind::Float)
                return {};
        }
        if (token.kind != TokenKind::Comment && token.kind != TokenKind::Invalid)
            builder.feed(token);
        token = std::move(next);
    }
    if (lexer.state() == LexerState::InBlockString)
        return {};
    CompletionContext context = builder.result();
    context.prefixStart = cursor;
    return context;
}

} // namespace Sextant::Core
