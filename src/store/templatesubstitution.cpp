// SPDX-License-Identifier: MIT
// Sextant: {{name}} references of an environment substituted into a URL, header lines or a JSON variables text.
#include "templatesubstitution.h"

namespace Sextant::Store {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// The end (one past "}}") of a well-formed reference starting at text[start] == '{', text[start+1] == '{'; 0 when
// what follows is not a reference. *name receives the name.
qsizetype referenceEnd(const QString &text, qsizetype start, QString *name)
{
    const qsizetype size = text.size();
    qsizetype i = start + 2;
    while (i < size && isBlank(text[i]))
        ++i;
    const qsizetype nameStart = i;
    while (i < size && isNameChar(text[i]))
        ++i;
    if (i == nameStart)
        return 0;
    const qsizetype nameEnd = i;
    while (i < size && isBlank(text[i]))
        ++i;
    if (i + 1 >= size || text[i] != u'}' || text[i + 1] != u'}')
        return 0;
    *name = text.mid(nameStart, nameEnd - nameStart);
    return i + 2;
}

// RFC 8259 §7: the characters that must be escaped inside a string, without the surrounding quotes.
void appendJsonEscaped(QString &out, const QString &value)
{
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\b':
            out += u"\\b";
            break;
        case u'\f':
            out += u"\\f";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
}

// One pass that finds references (and, with values, substitutes them); the two public functions share it.
SubstitutionResult scan(const QString &text, const QHash<QString, QString> *values, TemplateSyntax syntax,
                        QList<TemplateReference> *found)
{
    SubstitutionResult result;
    if (values)
        result.text.reserve(text.size());
    const bool json = syntax == TemplateSyntax::Json;
    const qsizetype size = text.size();
    bool inString = false;
    int line = 1;
    qsizetype lineStart = 0;
    qsizetype copiedUpTo = 0; // text[copiedUpTo, i) still has to be appended to the output verbatim
    const auto flush = [&](qsizetype upTo) {
        if (values && upTo > copiedUpTo)
            result.text += QStringView(text).mid(copiedUpTo, upTo - copiedUpTo);
        copiedUpTo = upTo;
    };

    qsizetype i = 0;
    while (i < size) {
        const QChar c = text[i];
        if (c == u'\n') {
            ++line;
            lineStart = i + 1;
            ++i;
            continue;
        }
        if (c == u'\\') {
            if (i + 2 < size && text[i + 1] == u'{' && text[i + 2] == u'{') {
                // \{{ : literal braces; the backslash is dropped and the braces are not read as a reference.
                flush(i);
                if (values)
                    result.replaced.append({result.text.size(), 0, i, 1});
                copiedUpTo = i + 1;
                i += 3;
                continue;
            }
            i += (json && inString && i + 1 < size && text[i + 1] != u'\n') ? 2 : 1;
            continue;
        }
        if (json && c == u'"') {
            inString = !inString;
            ++i;
            continue;
        }
        if (c == u'{' && i + 1 < size && text[i + 1] == u'{') {
            QString name;
            const qsizetype end = referenceEnd(text, i, &name);
            if (end == 0) {
                ++i; // "{{{x}}}": the first brace is text, the reference may start at the next one
                continue;
            }
            TemplateReference reference{name, i, end - i, line, int(i - lineStart) + 1, json && inString};
            if (found)
                found->append(reference);
            if (values) {
                const auto value = values->constFind(name);
                if (value == values->cend()) {
                    result.unknown.append(reference);
                } else {
                    flush(i);
                    const qsizetype outStart = result.text.size();
                    if (reference.insideJsonString)
                        appendJsonEscaped(result.text, *value);
                    else
                        result.text += *value;
                    result.replaced.append({outStart, result.text.size() - outStart, i, end - i});
                    ++result.substitutions;
                    copiedUpTo = end;
                }
            }
            i = end;
            continue;
        }
        ++i;
    }
    flush(size);
    return result;
}

} // namespace

qsizetype SubstitutionResult::sourceOffset(qsizetype textOffset) const
{
    qsizetype delta = 0; // source minus text, accumulated over the replacements before textOffset
    for (const Segment &segment : replaced) {
        if (textOffset < segment.textOffset)
            break;
        if (textOffset < segment.textOffset + segment.textLength)
            return segment.sourceOffset;
        delta = (segment.sourceOffset + segment.sourceLength) - (segment.textOffset + segment.textLength);
    }
    return textOffset + delta;
}

SubstitutionResult substituteTemplate(const QString &text, const QHash<QString, QString> &values, TemplateSyntax syntax)
{
    return scan(text, &values, syntax, nullptr);
}

QList<TemplateReference> templateReferences(const QString &text, TemplateSyntax syntax)
{
    QList<TemplateReference> found;
    scan(text, nullptr, syntax, &found);
    return found;
}

bool isTemplateVariableName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name)
        if (!isNameChar(c))
            return false;
    return true;
}

} // namespace Sextant::Store
