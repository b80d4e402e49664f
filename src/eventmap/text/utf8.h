#pragma once
// UTF-8 repair and byte <-> code point offsets (every offset eventmap outputs is in code points).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::text {

/// True when `in` is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view in);

/// Copies `in`, replacing each maximal invalid subsequence by U+FFFD (as the WHATWG decoder does);
/// the byte offsets (in `in`) of the replaced sequences are appended to bad_byte_offsets when given.
std::string sanitize_utf8(std::string_view in, std::vector<std::int64_t>* bad_byte_offsets = nullptr);

/// Maps byte offsets of a valid UTF-8 text to code-point offsets and back: O(1) per lookup
/// (a checkpoint every 64 bytes plus a short scan). The text must outlive the index.
class CodePointIndex {
public:
    explicit CodePointIndex(std::string_view utf8);
    /// Code points before byte_offset (0 <= byte_offset <= size; inside a sequence counts that sequence's start).
    std::int64_t cp(std::size_t byte_offset) const;
    /// Byte offset of code point `cp` (0 <= cp <= size_cp()).
    std::size_t byte(std::int64_t cp) const;
    /// Number of code points in the text.
    std::int64_t size_cp() const { return m_size_cp; }

private:
    std::string_view m_text;
    std::vector<std::int64_t> m_cp_at_block;  // code points before byte 64*i
    std::int64_t m_size_cp = 0;
};

}  // namespace eventmap::text
