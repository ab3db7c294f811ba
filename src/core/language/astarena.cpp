// SPDX-License-Identifier: MIT
// Sextant: AstArena block management.
#include "astarena.h"

#include <algorithm>
#include <cstdint>

namespace Sextant::Core::Ast {

namespace {
constexpr size_t FirstBlockSize = 16 * 1024;
constexpr size_t MaxBlockSize = 1024 * 1024;
} // namespace

AstArena::~AstArena()
{
    for (auto it = m_destructors.rbegin(); it != m_destructors.rend(); ++it)
        it->destroy(it->object);
}

void *AstArena::allocate(size_t size, size_t alignment)
{
    auto aligned = [alignment](std::byte *p) {
        const auto address = reinterpret_cast<std::uintptr_t>(p);
        return reinterpret_cast<std::byte *>((address + alignment - 1) & ~(std::uintptr_t(alignment) - 1));
    };
    std::byte *result = m_cursor ? aligned(m_cursor) : nullptr;
    if (!result || result + size > m_end) {
        // Blocks grow with the document so that large schemas need few of them.
        const size_t grown = std::min(MaxBlockSize, FirstBlockSize << std::min<size_t>(m_blocks.size(), 6));
        const size_t blockSize = std::max(grown, size + alignment);
        m_blocks.push_back(std::unique_ptr<std::byte[]>(new std::byte[blockSize])); // uninitialised on purpose
        m_cursor = m_blocks.back().get();
        m_end = m_cursor + blockSize;
        result = aligned(m_cursor);
    }
    m_cursor = result + size;
    m_used += size;
    return result;
}

} // namespace Sextant::Core::Ast
