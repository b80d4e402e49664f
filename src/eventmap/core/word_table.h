#pragma once
// A flat hash table from words to a few flag bits: one array of small slots and one string pool,
// so a lookup costs one hash and about two memory accesses (100k words in std::unordered_set nodes
// cost a cache miss a node, and as many allocations to build). A 65,536-bit signature filter rules
// out most absent words before any hashing. The geoparser's word lists use 8-bit flags; the events
// stage's word classes and trigger vocabulary wider ones.
#include <xxhash.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap {

template <class Flags>
class BasicWordTable {
public:
    /// Adds `word` (< 64 KiB; may be empty) with `flags` (non-zero), or ORs them into its flags.
    void add(std::string_view word, Flags flags) {
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

    /// The word's flags; 0 when absent.
    Flags flags(std::string_view word) const {
        if (word.empty()) return m_empty_flags;
        if (word.size() > 0xFFFF) return 0;
        const std::size_t sig = signature(word);
        if (!((m_signatures[sig >> 6] >> (sig & 63)) & 1)) return 0;
        const Slot* s = find_slot(word, hash_of(word));
        return s ? s->flags : 0;
    }

    std::size_t size() const { return m_count; }

    /// Room for `words` words without rehashing, and `bytes` of their text.
    void reserve(std::size_t words, std::size_t bytes) {
        m_pool.reserve(bytes);
        std::size_t want = 1024;
        while (want < words * 2) want *= 2;
        if (want > m_slots.size()) rehash(want);
    }

private:
    struct Slot {
        std::uint32_t offset = 0;  // into m_pool
        std::uint16_t length = 0;  // 0 = empty slot
        std::uint8_t tag = 0;      // top byte of the hash: most mismatches end here
        Flags flags = 0;
    };

    static std::uint64_t hash_of(std::string_view w) { return XXH3_64bits(w.data(), w.size()); }

    // A bit per (length, first byte, last byte) signature of the words present.
    static std::size_t signature(std::string_view word) {
        const auto first = static_cast<unsigned char>(word.front()), last = static_cast<unsigned char>(word.back());
        return ((word.size() * 0x9E37u) ^ (first * 0x1F1Fu) ^ (last * 0x0101u + (last << 9))) & 0xFFFFu;
    }

    const Slot* find_slot(std::string_view word, std::uint64_t hash) const {
        if (m_slots.empty()) return nullptr;
        const std::size_t mask = m_slots.size() - 1;
        const auto tag = static_cast<std::uint8_t>(hash >> 56);
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (s.length == 0) return &s;
            if (s.tag == tag && s.length == word.size() &&
                std::memcmp(m_pool.data() + s.offset, word.data(), word.size()) == 0)
                return &s;
        }
    }
    Slot* find_slot(std::string_view word, std::uint64_t hash) {
        return const_cast<Slot*>(static_cast<const BasicWordTable*>(this)->find_slot(word, hash));
    }

    void rehash(std::size_t slot_count) {  // slot_count: a power of two above 2 * m_count
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

    std::uint64_t m_signatures[1024] = {};  // 65,536 bits
    std::vector<Slot> m_slots;              // power-of-two size, linear probing
    std::string m_pool;
    std::size_t m_count = 0;
    Flags m_empty_flags = 0;  // the empty word's flags (it has no slot)
};

}  // namespace eventmap
