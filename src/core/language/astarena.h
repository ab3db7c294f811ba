// SPDX-License-Identifier: MIT
// Sextant: bump allocator that owns every node of one parsed Document.
#pragma once

#include <core/language/astlist.h>

#include <QtCore/QtGlobal>

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace Sextant::Core::Ast {

/**
 * Owns the nodes of one Document: objects are bump-allocated in 16 KiB+ blocks and destroyed (in reverse
 * order) with the arena. Not thread-safe while being filled (only the parser fills it); read-only
 * afterwards. Allocation failure throws std::bad_alloc like operator new.
 */
class AstArena final
{
public:
    AstArena() = default;
    ~AstArena();
    Q_DISABLE_COPY_MOVE(AstArena)

    /** Default-constructs a T in the arena. */
    template<class T>
    T *create()
    {
        T *object = new (allocate(sizeof(T), alignof(T))) T();
        if constexpr (!std::is_trivially_destructible_v<T>)
            m_destructors.push_back({object, [](void *p) { static_cast<T *>(p)->~T(); }});
        return object;
    }

    /** Copies `count` node pointers (each really a `const T *`) into the arena as an AstList<T>. */
    template<class T, class Base>
    AstList<T> makeList(const Base *const *items, qsizetype count)
    {
        if (count == 0)
            return {};
        auto **data = static_cast<const T **>(allocate(sizeof(const T *) * size_t(count), alignof(const T *)));
        for (qsizetype i = 0; i < count; ++i)
            data[i] = static_cast<const T *>(items[i]);
        return AstList<T>(data, count);
    }

    /** Bytes handed out so far (for tests and benchmarks). */
    size_t bytesUsed() const { return m_used; }

private:
    void *allocate(size_t size, size_t alignment);

    struct Destructor
    {
        void *object;
        void (*destroy)(void *);
    };
    std::vector<std::unique_ptr<std::byte[]>> m_blocks;
    std::vector<Destructor> m_destructors;
    std::byte *m_cursor = nullptr;
    std::byte *m_end = nullptr;
    size_t m_used = 0;
};

} // namespace Sextant::Core::Ast
