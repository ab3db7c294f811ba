// SPDX-License-Identifier: MIT
// Sextant: prints GraphQL documents like graphql-js print(), keeping comments, or minified.
#include <core/language/printer.h>

#include <core/language/ast.h>
#include <core/language/lexer.h>
#include <core/language/parser.h>

#include <QtCore/QList>
#include <QtCore/QStringList>

#include <vector>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

constexpr int MaxLineLength = 80; // graphql-js MAX_LINE_LENGTH

QString operationKeyword(OperationType operation)
{
    switch (operation) {
    case OperationType::Mutation:
        return u"mutation"_s;
    case OperationType::Subscription:
        return u"subscription"_s;
    case OperationType::Query:
        break;
    }
    return u"query"_s;
}

// graphql-js wrap(): start + text + end, or nothing for empty text.
QString wrap(const QString &start, const QString &text, const QString &end = {})
{
    return text.isEmpty() ? QString() : start + text + end;
}

// graphql-js join(): skips empty items.
QString join(const QStringList &items, const QString &separator = {})
{
    QString result;
    for (const QString &item : items) {
        if (item.isEmpty())
            continue;
        if (!result.isEmpty())
            result += separator;
        result += item;
    }
    return result;
}

struct Comment
{
    int offset;
    int end;
    QString text; // including '#'
    bool used = false;
};

/**
 * The pretty printer. Mirrors printDocASTReducer of graphql-js 16.15 on strings; comment handling is
 * ours: see printer.h.
 */
class DocumentPrinter final
{
public:
    DocumentPrinter(const QString &source, int indentWidth) : m_source(source), m_unit(indentWidth, u' ')
    {
        collectComments();
        m_out.reserve(source.size() + source.size() / 2);
    }

    QString document(const Ast::Document &document)
    {
        for (const Ast::Definition *definition : document.definitions) {
            // graphql-js join(definitions, "\n\n"): the separator only between non-empty parts.
            const qsizetype before = m_out.size();
            if (!m_out.isEmpty())
                m_out += u"\n\n";
            const qsizetype start = m_out.size();
            line(definition, [&] { writeDefinition(definition); });
            if (m_out.size() == start)
                m_out.truncate(before);
        }
        const QString rest = commentsBefore(int(m_source.size()) + 1);
        if (!rest.isEmpty()) {
            m_out += u'\n';
            m_out += QStringView(rest).chopped(1);
        }
        return std::move(m_out);
    }

private:
    // Comments not yet printed that start before `offset`, one per line, each followed by "\n".
    QString commentsBefore(int offset)
    {
        QString result;
        for (Comment &comment : m_comments) {
            if (comment.offset >= offset)
                break;
            if (comment.used)
                continue;
            comment.used = true;
            result += comment.text + u'\n';
        }
        return result;
    }

    // A comment on the same line right after `node` (only ignored characters in between).
    QString trailingComment(const Ast::Node *node)
    {
        const int end = node->endOffset;
        for (Comment &comment : m_comments) {
            if (comment.offset < end || comment.used)
                continue;
            for (int i = end; i < comment.offset; ++i) {
                const QChar c = m_source.at(i);
                if (c != u' ' && c != u'\t' && c != u',' && c != QChar(0xFEFF))
                    return {};
            }
            comment.used = true;
            return u' ' + comment.text;
        }
        return {};
    }

    // The comments of a valid document: every '#' outside a string or block string starts one that runs
    // to the end of the line (the lexer's Comment token; the document parsed, so nothing else can occur).
    void collectComments()
    {
        const QChar *data = m_source.constData();
        const int length = int(m_source.size());
        const auto at = [&](int i) -> char16_t { return i < length ? data[i].unicode() : u'\0'; };
        int i = 0;
        while (i < length) {
            const char16_t c = data[i].unicode();
            if (c == u'#') {
                const int start = i;
                while (i < length && data[i] != u'\n' && data[i] != u'\r')
                    ++i;
                m_comments.push_back({start, i, m_source.mid(start, i - start)});
            } else if (c == u'"') {
                if (at(i + 1) == u'"' && at(i + 2) == u'"') { // block string; \""" is an escaped quote triple
                    i += 3;
                    while (i < length) {
                        if (data[i] == u'\\' && at(i + 1) == u'"' && at(i + 2) == u'"' && at(i + 3) == u'"') {
                            i += 4;
                        } else if (data[i] == u'"' && at(i + 1) == u'"' && at(i + 2) == u'"') {
                            i += 3;
                            break;
                        } else {
                            ++i;
                        }
                    }
                } else {
                    ++i;
                    while (i < length) {
                        if (data[i] == u'\\') {
                            i += 2;
                        } else if (data[i] == u'"') {
                            ++i;
                            break;
                        } else {
                            ++i;
                        }
                    }
                }
            } else {
                ++i;
            }
        }
    }

    // Appends `text`; every line break in it is followed by the current indentation. This is graphql-js
    // indent() applied once per enclosing block, done while writing instead of by copying each block.
    void put(QStringView text)
    {
        if (m_level == 0) {
            m_out += text;
            return;
        }
        qsizetype from = 0;
        for (;;) {
            const qsizetype newline = text.indexOf(u'\n', from);
            if (newline < 0) {
                m_out += text.mid(from);
                return;
            }
            m_out += text.mid(from, newline + 1 - from);
            m_out += m_indentation;
            from = newline + 1;
        }
    }
    void newline()
    {
        m_out += u'\n';
        m_out += m_indentation;
    }
    void enter()
    {
        ++m_level;
        m_indentation += m_unit;
    }
    void leave()
    {
        --m_level;
        m_indentation.chop(m_unit.size());
    }

    // A node that starts its own line: leading comments, the text, a trailing comment. Leading comments
    // are taken before the text is written, so the comments inside the node go to its children.
    template<class Write>
    void line(const Ast::Node *node, Write write)
    {
        put(commentsBefore(node->loc.offset));
        write();
        put(trailingComment(node));
    }

    // graphql-js block() streamed: `{`, the items indented one per line, `}`. Comments left before
    // `closeOffset` (the closing brace) go after the last item.
    template<class List, class WriteItem>
    void writeBlock(const List &items, int closeOffset, WriteItem writeItem)
    {
        if (items.isEmpty())
            return;
        m_out += u'{';
        enter();
        for (const auto *item : items) {
            newline();
            line(item, [&] { writeItem(item); });
        }
        const QString rest = commentsBefore(closeOffset);
        if (!rest.isEmpty()) {
            newline();
            put(QStringView(rest).chopped(1));
        }
        leave();
        newline();
        m_out += u'}';
    }

    // line() for the type system definitions, which are still built as QStrings: leading comments, the
    // text, a trailing comment.
    template<class Build>
    QString lineText(const Ast::Node *node, Build build)
    {
        const QString leading = commentsBefore(node->loc.offset);
        const QString text = build();
        return leading + text + trailingComment(node);
    }

    QString indent(const QString &text) const
    {
        if (text.isEmpty())
            return text;
        QString result = m_unit;
        result.reserve(text.size() + text.size() / 8);
        for (const QChar c : text) {
            result += c;
            if (c == u'\n')
                result += m_unit;
        }
        return result;
    }

    // graphql-js block(): `{`, the items indented one per line, `}`. Comments left before `closeOffset`
    // (the closing brace) go after the last item.
    QString block(QStringList items, int closeOffset)
    {
        if (items.isEmpty())
            return {};
        const QString rest = commentsBefore(closeOffset);
        if (!rest.isEmpty())
            items << rest.chopped(1);
        return u"{\n"_s + indent(join(items, u"\n"_s)) + u"\n}"_s;
    }

    QString description(const Ast::StringValue *value)
    {
        return value ? wrap({}, printValue(value), u"\n"_s) : QString();
    }

    QString directives(const Ast::AstList<Ast::Directive> &list)
    {
        QStringList parts;
        for (const Ast::Directive *directive : list) {
            QStringList args;
            for (const Ast::Argument *argument : directive->arguments)
                args << argument->name + u": "_s + printValue(argument->value);
            parts << u'@' + directive->name + wrap(u"("_s, join(args, u", "_s), u")"_s);
        }
        return join(parts, u" "_s);
    }

    QString type(const Ast::Type *node) { return Ast::typeReferenceString(node); }

    QString variableDefinition(const Ast::VariableDefinition *node)
    {
        return join({description(node->description), u'$' + node->variable->name, u": "_s, type(node->type),
                     wrap(u" = "_s, printValue(node->defaultValue)), wrap(u" "_s, directives(node->directives))});
    }

    QString inputValueDefinition(const Ast::InputValueDefinition *node)
    {
        return join({description(node->description), node->name, u": "_s, type(node->type),
                     wrap(u" = "_s, printValue(node->defaultValue)), wrap(u" "_s, directives(node->directives))});
    }

    QString argumentsDefinition(const Ast::AstList<Ast::InputValueDefinition> &list)
    {
        QStringList args;
        bool multiline = false;
        for (const Ast::InputValueDefinition *argument : list) {
            args << inputValueDefinition(argument);
            multiline = multiline || args.last().contains(u'\n');
        }
        return multiline ? wrap(u"(\n"_s, indent(join(args, u"\n"_s)), u"\n)"_s)
                         : wrap(u"("_s, join(args, u", "_s), u")"_s);
    }

    void writeSelectionSet(const Ast::SelectionSet *node)
    {
        if (node)
            writeBlock(node->selections, node->endOffset - 1,
                       [&](const Ast::Selection *selection) { writeSelection(selection); });
    }
    // " {…}" after a selection's head, nothing for an absent or empty selection set.
    void writeSpaceAndSelectionSet(const Ast::SelectionSet *node)
    {
        if (node && !node->selections.isEmpty()) {
            m_out += u' ';
            writeSelectionSet(node);
        }
    }

    void writeSelection(const Ast::Selection *node)
    {
        if (const auto *field = Ast::astCast<Ast::Field>(node)) {
            const qsizetype headStart = m_out.size();
            if (!field->alias.isEmpty()) {
                m_out += field->alias;
                m_out += u": ";
            }
            m_out += field->name;
            if (!field->arguments.isEmpty()) {
                const qsizetype prefixLength = m_out.size() - headStart;
                QStringList args;
                args.reserve(field->arguments.size());
                int length = 0;
                for (const Ast::Argument *argument : field->arguments) {
                    args << argument->name + u": "_s + printValue(argument->value);
                    length += (length == 0 ? 0 : 2) + int(args.last().size());
                }
                if (prefixLength + length + 2 > MaxLineLength) {
                    m_out += u'(';
                    enter();
                    for (const QString &arg : std::as_const(args)) {
                        newline();
                        put(arg);
                    }
                    leave();
                    newline();
                    m_out += u')';
                } else {
                    m_out += u'(';
                    for (qsizetype i = 0; i < args.size(); ++i) {
                        if (i > 0)
                            m_out += u", ";
                        put(args.at(i));
                    }
                    m_out += u')';
                }
            }
            writeDirectives(field->directives);
            writeSpaceAndSelectionSet(field->selectionSet);
            return;
        }
        if (const auto *spread = Ast::astCast<Ast::FragmentSpread>(node)) {
            m_out += u"...";
            m_out += spread->name;
            writeDirectives(spread->directives);
            return;
        }
        const auto *inlineFragment = Ast::astCast<Ast::InlineFragment>(node);
        m_out += u"...";
        if (inlineFragment->typeCondition && !inlineFragment->typeCondition->name.isEmpty()) {
            m_out += u" on ";
            m_out += inlineFragment->typeCondition->name;
        }
        writeDirectives(inlineFragment->directives);
        writeSpaceAndSelectionSet(inlineFragment->selectionSet);
    }

    // " @a @b(x: 1)", nothing without directives.
    void writeDirectives(const Ast::AstList<Ast::Directive> &list)
    {
        if (list.isEmpty())
            return;
        const QString text = directives(list);
        if (!text.isEmpty()) {
            m_out += u' ';
            put(text);
        }
    }

    void writeDefinition(const Ast::Definition *node);

    QString operationTypes(const Ast::SchemaDefinition *node)
    {
        QStringList items;
        for (const Ast::OperationTypeDefinition *operationType : node->operationTypes)
            items << lineText(operationType, [&]() -> QString {
                return operationKeyword(operationType->operation) + u": "_s + operationType->type->name;
            });
        return block(items, node->endOffset - 1);
    }

    QString fieldDefinitions(const Ast::AstList<Ast::FieldDefinition> &list, int closeOffset)
    {
        QStringList items;
        for (const Ast::FieldDefinition *field : list) {
            items << lineText(field, [&]() -> QString {
                return join({description(field->description), field->name, argumentsDefinition(field->arguments),
                             u": "_s, type(field->type), wrap(u" "_s, directives(field->directives))});
            });
        }
        return block(items, closeOffset);
    }

    QString inputFieldDefinitions(const Ast::AstList<Ast::InputValueDefinition> &list, int closeOffset)
    {
        QStringList items;
        for (const Ast::InputValueDefinition *field : list)
            items << lineText(field, [&]() -> QString { return inputValueDefinition(field); });
        return block(items, closeOffset);
    }

    QString interfaces(const Ast::AstList<Ast::NamedType> &list, const QString &separator)
    {
        QStringList names;
        for (const Ast::NamedType *named : list)
            names << named->name;
        return join(names, separator);
    }

    QString definitionText(const Ast::Definition *node);

    const QString &m_source;
    QString m_unit;
    std::vector<Comment> m_comments;
    QString m_out;         // the document printed so far
    QString m_indentation; // m_unit repeated m_level times
    int m_level = 0;
};

void DocumentPrinter::writeDefinition(const Ast::Definition *node)
{
    if (const auto *operation = Ast::astCast<Ast::OperationDefinition>(node)) {
        QStringList variables;
        bool multiline = false;
        for (const Ast::VariableDefinition *variable : operation->variableDefinitions) {
            variables << variableDefinition(variable);
            multiline = multiline || variables.last().contains(u'\n');
        }
        const QString varDefs = multiline ? wrap(u"(\n"_s, join(variables, u"\n"_s), u"\n)"_s)
                                          : wrap(u"("_s, join(variables, u", "_s), u")"_s);
        const QString keyword = operationKeyword(operation->operation);
        const QString prefix =
            join({description(operation->description),
                  join({keyword, join({operation->name, varDefs}), directives(operation->directives)}, u" "_s)});
        const bool shorthand = operation->operation == OperationType::Query && prefix.size() == keyword.size();
        if (!shorthand) {
            put(prefix);
            m_out += u' ';
        }
        writeSelectionSet(operation->selectionSet);
        return;
    }
    if (const auto *fragment = Ast::astCast<Ast::FragmentDefinition>(node)) {
        put(description(fragment->description));
        m_out += u"fragment ";
        m_out += fragment->name;
        m_out += u" on ";
        m_out += fragment->typeCondition->name;
        m_out += u' ';
        const QString dirs = directives(fragment->directives);
        if (!dirs.isEmpty()) {
            put(dirs);
            m_out += u' ';
        }
        writeSelectionSet(fragment->selectionSet);
        return;
    }
    put(definitionText(node));
}

QString DocumentPrinter::definitionText(const Ast::Definition *node)
{
    const int close = node->endOffset - 1;
    const auto typeHead = [&](const Ast::TypeDefinition *type, const QString &keyword) -> QString {
        return type->isExtension() ? u"extend "_s + keyword : keyword;
    };
    if (const auto *schema = Ast::astCast<Ast::SchemaDefinition>(node))
        return join({description(schema->description),
                     join({u"schema"_s, directives(schema->directives), operationTypes(schema)}, u" "_s)});
    if (const auto *schema = Ast::astCast<Ast::SchemaExtension>(node))
        return join({u"extend schema"_s, directives(schema->directives), operationTypes(schema)}, u" "_s);
    if (const auto *directive = Ast::astCast<Ast::DirectiveDefinition>(node)) {
        QStringList locations;
        for (const Ast::Name *location : directive->locations)
            locations << location->value;
        return join({description(directive->description), u"directive @"_s, directive->name,
                     argumentsDefinition(directive->arguments), directive->repeatable ? u" repeatable"_s : QString(),
                     u" on "_s, join(locations, u" | "_s)});
    }
    const auto *type = static_cast<const Ast::TypeDefinition *>(node);
    const QString desc = description(type->description);
    const QString dirs = directives(type->directives);
    switch (node->kind) {
    case Ast::NodeKind::ScalarTypeDefinition:
    case Ast::NodeKind::ScalarTypeExtension:
        return join({desc, join({typeHead(type, u"scalar"_s), type->name, dirs}, u" "_s)});
    case Ast::NodeKind::ObjectTypeDefinition:
    case Ast::NodeKind::ObjectTypeExtension: {
        const auto *object = static_cast<const Ast::ObjectTypeDefinition *>(node);
        return join({desc, join({typeHead(type, u"type"_s), type->name,
                                 wrap(u"implements "_s, interfaces(object->interfaces, u" & "_s)), dirs,
                                 fieldDefinitions(object->fields, close)},
                                u" "_s)});
    }
    case Ast::NodeKind::InterfaceTypeDefinition:
    case Ast::NodeKind::InterfaceTypeExtension: {
        const auto *object = static_cast<const Ast::InterfaceTypeDefinition *>(node);
        return join({desc, join({typeHead(type, u"interface"_s), type->name,
                                 wrap(u"implements "_s, interfaces(object->interfaces, u" & "_s)), dirs,
                                 fieldDefinitions(object->fields, close)},
                                u" "_s)});
    }
    case Ast::NodeKind::UnionTypeDefinition:
    case Ast::NodeKind::UnionTypeExtension: {
        const auto *u = static_cast<const Ast::UnionTypeDefinition *>(node);
        return join(
            {desc, join({typeHead(type, u"union"_s), type->name, dirs, wrap(u"= "_s, interfaces(u->types, u" | "_s))},
                        u" "_s)});
    }
    case Ast::NodeKind::EnumTypeDefinition:
    case Ast::NodeKind::EnumTypeExtension: {
        const auto *e = static_cast<const Ast::EnumTypeDefinition *>(node);
        QStringList items;
        for (const Ast::EnumValueDefinition *value : e->values)
            items << lineText(value, [&]() -> QString {
                return join(
                    {description(value->description), join({value->name, directives(value->directives)}, u" "_s)});
            });
        return join({desc, join({typeHead(type, u"enum"_s), type->name, dirs, block(items, close)}, u" "_s)});
    }
    case Ast::NodeKind::InputObjectTypeDefinition:
    case Ast::NodeKind::InputObjectTypeExtension: {
        const auto *input = static_cast<const Ast::InputObjectTypeDefinition *>(node);
        return join(
            {desc, join({typeHead(type, u"input"_s), type->name, dirs, inputFieldDefinitions(input->fields, close)},
                        u" "_s)});
    }
    default:
        break;
    }
    return {};
}

// Tokens that would merge with a following token of the same group without a space.
bool isWordToken(TokenKind kind)
{
    return kind == TokenKind::Name || kind == TokenKind::Int || kind == TokenKind::Float;
}

bool isStringToken(TokenKind kind)
{
    return kind == TokenKind::String || kind == TokenKind::BlockString;
}

QString minify(const QString &source)
{
    Lexer lexer(source);
    lexer.setSkipComments(true);
    QString result;
    result.reserve(source.size() / 2);
    TokenKind previous = TokenKind::StartOfFile;
    for (;;) {
        const Token token = lexer.next();
        if (token.kind == TokenKind::EndOfFile)
            break;
        const bool needsSpace =
            ((isWordToken(previous) || isStringToken(previous))
             && (isWordToken(token.kind) || isStringToken(token.kind) || token.kind == TokenKind::Spread));
        if (needsSpace)
            result += u' ';
        if (token.kind == TokenKind::BlockString)
            result += printBlockStringLiteral(token.value, true);
        else
            result += QStringView(source).mid(token.start, token.end - token.start);
        previous = token.kind;
    }
    return result;
}

} // namespace

QString printDocument(const QString &source, const PrintOptions &options, QString *error)
{
    const ParseResult parsed = Parser::parse(source, ParseMode::Strict);
    if (!parsed.isValid()) {
        if (error) {
            const SyntaxError &first = parsed.errors.first();
            *error =
                QStringLiteral("%1 (%2:%3)").arg(first.message).arg(first.location.line).arg(first.location.column);
        }
        return {};
    }
    if (error)
        error->clear();
    if (options.minify)
        return minify(source);
    DocumentPrinter printer(source, qBound(0, options.indent, 16));
    return printer.document(*parsed.document);
}

} // namespace Sextant::Core
