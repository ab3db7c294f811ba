// SPDX-License-Identifier: MIT
// Sextant: a reference to a named type wrapped in List and NonNull ("[Run!]!").
#include "typeref.h"

namespace Sextant::Core {

namespace {

bool isNameStart(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'_' || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
}

bool isNameContinue(QChar c)
{
    return isNameStart(c) || (c.unicode() >= u'0' && c.unicode() <= u'9');
}

// Ignored tokens of the GraphQL lexer that can appear inside a type (spec §2.1.7): white space,
// line terminators, commas. A BOM or comment has no business inside a type reference.
void skipIgnored(QStringView text, qsizetype &pos)
{
    while (pos < text.size()) {
        const char16_t u = text[pos].unicode();
        if (u != u' ' && u != u'\t' && u != u'\n' && u != u'\r' && u != u',')
            return;
        ++pos;
    }
}

// Type : NamedType | ListType | NonNullType (spec §2.11), recursive descent bounded by MaxWrappers.
TypeRef parseType(QStringView text, qsizetype &pos, int depth)
{
    if (depth > TypeRef::MaxWrappers)
        return {};
    skipIgnored(text, pos);
    if (pos >= text.size())
        return {};
    TypeRef inner;
    if (text[pos] == u'[') {
        ++pos;
        const TypeRef element = parseType(text, pos, depth + 1);
        skipIgnored(text, pos);
        if (!element.isValid() || pos >= text.size() || text[pos] != u']')
            return {};
        ++pos;
        inner = TypeRef::list(element);
    } else if (isNameStart(text[pos])) {
        const qsizetype start = pos;
        while (pos < text.size() && isNameContinue(text[pos]))
            ++pos;
        inner = TypeRef::named(text.mid(start, pos - start).toString());
    } else {
        return {};
    }
    skipIgnored(text, pos);
    if (pos < text.size() && text[pos] == u'!') {
        ++pos;
        return TypeRef::nonNull(inner);
    }
    return inner;
}

} // namespace

QString TypeRef::toString() const
{
    if (!isValid())
        return {};
    QString prefix;
    QString suffix;
    for (int level = 0; level < m_depth; ++level) {
        if (m_nonNullBits & (1u << level)) {
            suffix.prepend(u'!');
        } else {
            prefix.append(u'[');
            suffix.prepend(u']');
        }
    }
    return prefix + m_name + suffix;
}

TypeKind TypeRef::wrapperKind(bool *ok) const
{
    if (ok)
        *ok = m_depth > 0 && isValid();
    return isNonNull() ? TypeKind::NonNull : TypeKind::List;
}

TypeRef TypeRef::ofType() const
{
    if (m_depth == 0)
        return {};
    TypeRef inner;
    inner.m_name = m_name;
    inner.m_depth = m_depth - 1;
    inner.m_nonNullBits = m_nonNullBits >> 1;
    return inner;
}

TypeRef TypeRef::named(const QString &name)
{
    TypeRef ref;
    ref.m_name = name;
    return ref;
}

TypeRef TypeRef::list(const TypeRef &ofType)
{
    if (!ofType.isValid() || ofType.m_depth >= MaxWrappers)
        return {};
    TypeRef ref;
    ref.m_name = ofType.m_name;
    ref.m_depth = ofType.m_depth + 1;
    ref.m_nonNullBits = ofType.m_nonNullBits << 1;
    return ref;
}

TypeRef TypeRef::nonNull(const TypeRef &ofType)
{
    if (!ofType.isValid() || ofType.isNonNull() || ofType.m_depth >= MaxWrappers)
        return {};
    TypeRef ref;
    ref.m_name = ofType.m_name;
    ref.m_depth = ofType.m_depth + 1;
    ref.m_nonNullBits = (ofType.m_nonNullBits << 1) | 1u;
    return ref;
}

TypeRef TypeRef::parse(QStringView text)
{
    qsizetype pos = 0;
    TypeRef ref = parseType(text, pos, 0);
    skipIgnored(text, pos);
    return pos == text.size() ? ref : TypeRef();
}

} // namespace Sextant::Core
