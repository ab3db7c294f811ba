// SPDX-License-Identifier: MIT
// Sextant: a read-only list of AST child nodes stored in the Document's arena.
#pragma once

#include <QtCore/QtGlobal>

namespace Sextant::Core::Ast {

/**
 * An immutable, contiguous list of `const T *` owned by a Document's AstArena. Trivially copyable
 * (pointer + size); valid as long as the Document lives. Supports range-for, size(), isEmpty(), at(),
 * operator[], first() and last(). Elements are never null.
 */
template<class T>
class AstList final
{
public:
    using value_type = const T *;
    using const_iterator = const T *const *;
    using iterator = const_iterator;

    AstList() = default;
    AstList(const T *const *data, qsizetype size) : m_data(data), m_size(size) {}

    const_iterator begin() const { return m_data; }
    const_iterator end() const { return m_data + m_size; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    bool empty() const { return m_size == 0; }
    const T *at(qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < m_size);
        return m_data[i];
    }
    const T *operator[](qsizetype i) const { return at(i); }
    const T *first() const { return at(0); }
    const T *last() const { return at(m_size - 1); }

private:
    const T *const *m_data = nullptr;
    qsizetype m_size = 0;
};

} // namespace Sextant::Core::Ast
