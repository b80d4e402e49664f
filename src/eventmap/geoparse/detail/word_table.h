#pragma once
// A flat hash table from words to a few flag bits: one array of 8-byte slots and one string
// pool, so a lookup costs one hash and about two memory accesses (the word list's 100k words in
// std::unordered_set nodes cost a cache miss a node, and as many allocations to build).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::geoparse::detail {

class WordTable {
public:
    /// Adds `word` (< 64 KiB; may be empty) with `flags` (non-zero), or ORs them into its flags.
    void add(std::string_view word, std::uint8_t flags);
    /// The word's flags; 0 when absent.
    std::uint8_t flags(std::string_view word) const;
    std::size_t size() const { return m_count; }
    /// Room for `words` words without rehashing, and `bytes` of their text.
    void reserve(std::size_t words, std::size_t bytes);

private:
    struct Slot {
        std::uint32_t offset = 0;  // into m_pool
        std::uint16_t length = 0;  // 0 = empty slot
        std::uint8_t flags = 0;
        std::uint8_t tag = 0;      // top byte of the hash: most mismatches end here
    };
    Slot* find_slot(std::string_view word, std::uint64_t hash);
    const Slot* find_slot(std::string_view word, std::uint64_t hash) const;
    void rehash(std::size_t slot_count);  // slot_count: a power of two above 2 * m_count

    // A bit per (length, first byte, last byte) signature of the words present: most absent
    // words are ruled out here, in 8 KB that stay in cache, before any hashing.
    static std::size_t signature(std::string_view word) {
        const auto first = static_cast<unsigned char>(word.front()), last = static_cast<unsigned char>(word.back());
        return ((word.size() * 0x9E37u) ^ (first * 0x1F1Fu) ^ (last * 0x0101u + (last << 9))) & 0xFFFFu;
    }
    std::uint64_t m_signatures[1024] = {};  // 65,536 bits
    std::vector<Slot> m_slots;  // power-of-two size, linear probing
    std::string m_pool;
    std::size_t m_count = 0;
    std::uint8_t m_empty_flags = 0;  // the empty word's flags (it has no slot)
};

}  // namespace eventmap::geoparse::detail
