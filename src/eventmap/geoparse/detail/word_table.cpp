#include "eventmap/geoparse/detail/word_table.h"

#include <xxhash.h>

#include <cstring>
#include <stdexcept>

namespace eventmap::geoparse::detail {

namespace {
std::uint64_t hash_of(std::string_view w) { return XXH3_64bits(w.data(), w.size()); }
}  // namespace

const WordTable::Slot* WordTable::find_slot(std::string_view word, std::uint64_t hash) const {
    if (m_slots.empty()) return nullptr;
    const std::size_t mask = m_slots.size() - 1;
    const auto tag = static_cast<std::uint8_t>(hash >> 56);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& s = m_slots[i];
        if (s.length == 0) return &s;
        if (s.tag == tag && s.length == word.size() && std::memcmp(m_pool.data() + s.offset, word.data(), word.size()) == 0)
            return &s;
    }
}

WordTable::Slot* WordTable::find_slot(std::string_view word, std::uint64_t hash) {
    return const_cast<Slot*>(static_cast<const WordTable*>(this)->find_slot(word, hash));
}

void WordTable::rehash(std::size_t slot_count) {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(slot_count, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& s : old) {
        if (s.length == 0) continue;
        const std::uint64_t h = hash_of(std::string_view(m_pool.data() + s.offset, s.length));
        std::size_t i = h & mask;
        while (m_slots[i].length != 0) i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

void WordTable::reserve(std::size_t words, std::size_t bytes) {
    m_pool.reserve(bytes);
    std::size_t want = 1024;
    while (want < words * 2) want *= 2;
    if (want > m_slots.size()) rehash(want);
}

void WordTable::add(std::string_view word, std::uint8_t flags) {
    if (word.size() > 0xFFFF || flags == 0) throw std::invalid_argument("WordTable::add: word too long or no flags");
    if (word.empty()) {
        m_empty_flags |= flags;
        return;
    }
    if ((m_count + 1) * 2 > m_slots.size()) rehash(m_slots.empty() ? 1024 : m_slots.size() * 2);  // load <= 1/2
    const std::size_t sig = signature(word);
    m_signatures[sig >> 6] |= std::uint64_t{1} << (sig & 63);
    const std::uint64_t h = hash_of(word);
    Slot* s = find_slot(word, h);
    if (s->length != 0) {
        s->flags |= flags;
        return;
    }
    s->offset = static_cast<std::uint32_t>(m_pool.size());
    s->length = static_cast<std::uint16_t>(word.size());
    s->flags = flags;
    s->tag = static_cast<std::uint8_t>(h >> 56);
    m_pool.append(word);
    ++m_count;
}

std::uint8_t WordTable::flags(std::string_view word) const {
    if (word.empty()) return m_empty_flags;
    if (word.size() > 0xFFFF) return 0;
    const std::size_t sig = signature(word);
    if (!((m_signatures[sig >> 6] >> (sig & 63)) & 1)) return 0;
    const Slot* s = find_slot(word, hash_of(word));
    return s ? s->flags : 0;
}

}  // namespace eventmap::geoparse::detail
