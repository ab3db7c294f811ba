// SPDX-License-Identifier: MIT
// Sextant: prints AST values and types the way graphql-js print()/printForError() does, for error messages.
#include <core/validation/valueprinter.h>

#include <core/validation/typeinfo.h>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

namespace {

bool isWhiteSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

QString printBlockString(const QString &value)
{
    QString escaped = value;
    escaped.replace(u"\"\"\""_s, u"\\\"\"\""_s);
    QStringList lines;
    {
        qsizetype start = 0;
        for (qsizetype i = 0; i < escaped.size(); ++i) {
            if (escaped[i] == u'\n' || escaped[i] == u'\r') {
                lines.append(escaped.mid(start, i - start));
                if (escaped[i] == u'\r' && i + 1 < escaped.size() && escaped[i + 1] == u'\n')
                    ++i;
                start = i + 1;
            }
        }
        lines.append(escaped.mid(start));
    }
    const bool isSingleLine = lines.size() == 1;
    bool forceLeadingNewLine = lines.size() > 1;
    for (qsizetype i = 1; i < lines.size() && forceLeadingNewLine; ++i)
        forceLeadingNewLine = lines[i].isEmpty() || isWhiteSpace(lines[i][0]);
    const bool hasTrailingTripleQuotes = escaped.endsWith(u"\\\"\"\""_s);
    const bool hasTrailingQuote = value.endsWith(u'"') && !hasTrailingTripleQuotes;
    const bool hasTrailingSlash = value.endsWith(u'\\');
    const bool forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
    const bool printAsMultipleLines =
        !isSingleLine || value.size() > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
    QString result;
    const bool skipLeadingNewLine = isSingleLine && !value.isEmpty() && isWhiteSpace(value[0]);
    if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        result += u'\n';
    result += escaped;
    if (printAsMultipleLines || forceTrailingNewline)
        result += u'\n';
    return u"\"\"\""_s + result + u"\"\"\""_s;
}

void appendValue(QString &out, const Ast::Value *value)
{
    using namespace Ast;
    if (!value)
        return;
    switch (value->kind) {
    case NodeKind::Variable:
        out += u'$' + static_cast<const Variable *>(value)->name;
        break;
    case NodeKind::IntValue:
        out += static_cast<const IntValue *>(value)->value;
        break;
    case NodeKind::FloatValue:
        out += static_cast<const FloatValue *>(value)->value;
        break;
    case NodeKind::StringValue: {
        const auto *string = static_cast<const StringValue *>(value);
        out += string->block ? printBlockString(string->value) : printGraphQLString(string->value);
        break;
    }
    case NodeKind::BooleanValue:
        out += static_cast<const BooleanValue *>(value)->value ? u"true"_s : u"false"_s;
        break;
    case NodeKind::NullValue:
        out += u"null"_s;
        break;
    case NodeKind::EnumValue:
        out += static_cast<const Ast::EnumValue *>(value)->value;
        break;
    case NodeKind::ListValue: {
        out += u'[';
        bool first = true;
        for (const Value *item : static_cast<const ListValue *>(value)->values) {
            if (!first)
                out += u", "_s;
            first = false;
            appendValue(out, item);
        }
        out += u']';
        break;
    }
    case NodeKind::ObjectValue: {
        out += u'{';
        bool first = true;
        for (const Ast::ObjectField *field : static_cast<const Ast::ObjectValue *>(value)->fields) {
            if (!first)
                out += u", "_s;
            first = false;
            out += field->name + u": "_s;
            appendValue(out, field->value);
        }
        out += u'}';
        break;
    }
    default:
        break;
    }
}

} // namespace

QString printGraphQLString(QStringView value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (QChar ch : value) {
        const char16_t c = ch.unicode();
        if (c == u'"') {
            out += u"\\\""_s;
        } else if (c == u'\\') {
            out += u"\\\\"_s;
        } else if (c == u'\b') {
            out += u"\\b"_s;
        } else if (c == u'\t') {
            out += u"\\t"_s;
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else if (c == u'\f') {
            out += u"\\f"_s;
        } else if (c == u'\r') {
            out += u"\\r"_s;
        } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            out += u"\\u"_s + QString::number(c, 16).toUpper().rightJustified(4, u'0');
        } else {
            out += ch;
        }
    }
    out += u'"';
    return out;
}

QString printValueForError(const Ast::Value *value)
{
    QString out;
    appendValue(out, value);
    return out;
}

bool isTypeSubTypeOf(const Schema &schema, const TypeRef &maybeSubType, const TypeRef &superType)
{
    if (maybeSubType == superType)
        return true;
    if (superType.isNonNull()) {
        if (maybeSubType.isNonNull())
            return isTypeSubTypeOf(schema, maybeSubType.ofType(), superType.ofType());
        return false;
    }
    if (maybeSubType.isNonNull())
        return isTypeSubTypeOf(schema, maybeSubType.ofType(), superType);
    if (superType.isList()) {
        if (maybeSubType.isList())
            return isTypeSubTypeOf(schema, maybeSubType.ofType(), superType.ofType());
        return false;
    }
    if (maybeSubType.isList())
        return false;
    const NamedType *super = namedTypeOf(schema, superType);
    const NamedType *sub = namedTypeOf(schema, maybeSubType);
    return super && sub && isAbstractKind(super->kind)
           && (sub->kind == TypeKind::Interface || sub->kind == TypeKind::Object)
           && schema.isPossibleType(super->name, sub->name);
}

bool doTypesOverlap(const Schema &schema, const NamedType *typeA, const NamedType *typeB)
{
    if (typeA == typeB)
        return true;
    if (isAbstractKind(typeA->kind)) {
        if (isAbstractKind(typeB->kind)) {
            for (const QString &possible : typeA->possibleTypes) {
                if (schema.isPossibleType(typeB->name, possible))
                    return true;
            }
            return false;
        }
        return schema.isPossibleType(typeA->name, typeB->name);
    }
    if (isAbstractKind(typeB->kind))
        return schema.isPossibleType(typeB->name, typeA->name);
    return false;
}

} // namespace Sextant::Core
