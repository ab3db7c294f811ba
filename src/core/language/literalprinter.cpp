// SPDX-License-Identifier: MIT
// Sextant: prints GraphQL literals (strings, block strings, values) exactly like graphql-js print().
#include <core/language/literalprinter.h>

#include <core/language/ast.h>

#include <QtCore/QList>
#include <QtCore/QStringList>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

bool isWhiteSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

} // namespace

QString printStringLiteral(QStringView value)
{
    static const char hex[] = "0123456789ABCDEF";
    QString result;
    result.reserve(value.size() + 2);
    result += u'"';
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'"') {
            result += u"\\\""_s;
        } else if (u == u'\\') {
            result += u"\\\\"_s;
        } else if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) {
            switch (u) {
            case u'\b':
                result += u"\\b"_s;
                break;
            case u'\t':
                result += u"\\t"_s;
                break;
            case u'\n':
                result += u"\\n"_s;
                break;
            case u'\f':
                result += u"\\f"_s;
                break;
            case u'\r':
                result += u"\\r"_s;
                break;
            default:
                result += u"\\u00"_s;
                result += QLatin1Char(hex[(u >> 4) & 0xf]);
                result += QLatin1Char(hex[u & 0xf]);
            }
        } else {
            result += c;
        }
    }
    result += u'"';
    return result;
}

QString printBlockStringLiteral(QStringView value, bool minimize)
{
    QString escaped = value.toString();
    escaped.replace(u"\"\"\""_s, u"\\\"\"\""_s);
    // Split like /\r\n|[\n\r]/.
    QList<QStringView> lines;
    {
        qsizetype start = 0;
        for (qsizetype i = 0; i < escaped.size(); ++i) {
            const QChar c = escaped.at(i);
            if (c == u'\n' || c == u'\r') {
                lines << QStringView(escaped).mid(start, i - start);
                if (c == u'\r' && i + 1 < escaped.size() && escaped.at(i + 1) == u'\n')
                    ++i;
                start = i + 1;
            }
        }
        lines << QStringView(escaped).mid(start);
    }
    const bool isSingleLine = lines.size() == 1;
    bool forceLeadingNewLine = lines.size() > 1;
    for (qsizetype i = 1; i < lines.size() && forceLeadingNewLine; ++i)
        forceLeadingNewLine = lines.at(i).isEmpty() || isWhiteSpace(lines.at(i).front());
    const bool hasTrailingTripleQuotes = escaped.endsWith(u"\\\"\"\""_s);
    const bool hasTrailingQuote = value.endsWith(u'"') && !hasTrailingTripleQuotes;
    const bool hasTrailingSlash = value.endsWith(u'\\');
    const bool forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
    const bool printAsMultipleLines = !minimize
                                      && (!isSingleLine || value.size() > 70 || forceTrailingNewline
                                          || forceLeadingNewLine || hasTrailingTripleQuotes);
    QString result;
    const bool skipLeadingNewLine = isSingleLine && !value.isEmpty() && isWhiteSpace(value.front());
    if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        result += u'\n';
    result += escaped;
    if (printAsMultipleLines || forceTrailingNewline)
        result += u'\n';
    return u"\"\"\""_s + result + u"\"\"\""_s;
}

bool isPrintableAsBlockString(QStringView value)
{
    if (value.isEmpty())
        return true;
    bool isEmptyLine = true;
    bool hasIndent = false;
    bool hasCommonIndent = true;
    bool seenNonEmptyLine = false;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case 0x0:
        case 0x1:
        case 0x2:
        case 0x3:
        case 0x4:
        case 0x5:
        case 0x6:
        case 0x7:
        case 0x8:
        case 0xb:
        case 0xc:
        case 0xe:
        case 0xf:
        case 0xd:
            return false;
        case 0xa:
            if (isEmptyLine && !seenNonEmptyLine)
                return false;
            seenNonEmptyLine = true;
            isEmptyLine = true;
            hasIndent = false;
            break;
        case 0x9:
        case 0x20:
            hasIndent = hasIndent || isEmptyLine;
            break;
        default:
            hasCommonIndent = hasCommonIndent && hasIndent;
            isEmptyLine = false;
        }
    }
    if (isEmptyLine)
        return false;
    if (hasCommonIndent && seenNonEmptyLine)
        return false;
    return true;
}

QString printValue(const Ast::Value *value)
{
    if (!value)
        return {};
    switch (value->kind) {
    case Ast::NodeKind::Variable:
        return u'$' + static_cast<const Ast::Variable *>(value)->name;
    case Ast::NodeKind::IntValue:
        return static_cast<const Ast::IntValue *>(value)->value;
    case Ast::NodeKind::FloatValue:
        return static_cast<const Ast::FloatValue *>(value)->value;
    case Ast::NodeKind::StringValue: {
        const auto *string = static_cast<const Ast::StringValue *>(value);
        return string->block ? printBlockStringLiteral(string->value) : printStringLiteral(string->value);
    }
    case Ast::NodeKind::BooleanValue:
        return static_cast<const Ast::BooleanValue *>(value)->value ? u"true"_s : u"false"_s;
    case Ast::NodeKind::NullValue:
        return u"null"_s;
    case Ast::NodeKind::EnumValue:
        return static_cast<const Ast::EnumValue *>(value)->value;
    case Ast::NodeKind::ListValue: {
        QStringList items;
        for (const Ast::Value *item : static_cast<const Ast::ListValue *>(value)->values)
            items << printValue(item);
        return u'[' + items.join(u", "_s) + u']';
    }
    case Ast::NodeKind::ObjectValue: {
        QStringList items;
        for (const Ast::ObjectField *field : static_cast<const Ast::ObjectValue *>(value)->fields)
            items << field->name + u": "_s + printValue(field->value);
        return u'{' + items.join(u", "_s) + u'}';
    }
    default:
        break;
    }
    return {};
}

} // namespace Sextant::Core
