#include "eventmap/text/utf8.h"

#include <algorithm>

#include <simdjson.h>

namespace eventmap::text {
namespace {

constexpr std::size_t block_bytes = 64;

inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid sequence at p (1..4), or 0 with `bad_len` = the maximal invalid subpart
// (Unicode's "best practice" for U+FFFD substitution, which the WHATWG decoder follows).
std::size_t decode_len(const unsigned char* p, std::size_t n, std::size_t& bad_len) {
    const unsigned char c = p[0];
    bad_len = 1;
    if (c < 0x80) return 1;
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) { need = 2; lo = 0xA0; }
    else if (c == 0xED) { need = 2; hi = 0x9F; }
    else if (c >= 0xE1 && c <= 0xEF) need = 2;
    else if (c == 0xF0) { need = 3; lo = 0x90; }
    else if (c == 0xF4) { need = 3; hi = 0x8F; }
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else return 0;
    std::size_t i = 1;
    for (; i <= need; ++i) {
        if (i >= n) { bad_len = i; return 0; }
        const unsigned char b = p[i];
        const bool ok = (i == 1) ? (b >= lo && b <= hi) : is_cont(b);
        if (!ok) { bad_len = i; return 0; }
    }
    return need + 1;
}

}  // namespace

bool is_valid_utf8(std::string_view in) { return simdjson::validate_utf8(in.data(), in.size()); }

std::string sanitize_utf8(std::string_view in, std::vector<std::int64_t>* bad_byte_offsets) {
    if (is_valid_utf8(in)) return std::string(in);
    std::string out;
    out.reserve(in.size() + 16);
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    std::size_t i = 0;
    while (i < n) {
        // Copy ASCII runs quickly; decode only around non-ASCII bytes.
        std::size_t j = i;
        while (j < n && p[j] < 0x80) ++j;
        out.append(in.data() + i, j - i);
        i = j;
        if (i >= n) break;
        std::size_t bad_len = 1;
        const std::size_t len = decode_len(p + i, n - i, bad_len);
        if (len > 0) {
            out.append(in.data() + i, len);
            i += len;
        } else {
            if (bad_byte_offsets) bad_byte_offsets->push_back(static_cast<std::int64_t>(i));
            out.append("\xEF\xBF\xBD");
            i += bad_len;
        }
    }
    return out;
}

CodePointIndex::CodePointIndex(std::string_view utf8) : m_text(utf8) {
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    m_cp_at_block.reserve(n / block_bytes + 2);
    std::int64_t count = 0;
    for (std::size_t b = 0; b < n; b += block_bytes) {
        m_cp_at_block.push_back(count);
        const std::size_t e = std::min(n, b + block_bytes);
        std::int64_t cont = 0;
        for (std::size_t i = b; i < e; ++i) cont += is_cont(p[i]);
        count += static_cast<std::int64_t>(e - b) - cont;
    }
    m_cp_at_block.push_back(count);
    m_size_cp = count;
}

std::int64_t CodePointIndex::cp(std::size_t byte_offset) const {
    const auto* p = reinterpret_cast<const unsigned char*>(m_text.data());
    byte_offset = std::min(byte_offset, m_text.size());
    const std::size_t blk = byte_offset / block_bytes;
    std::int64_t count = m_cp_at_block[blk];
    for (std::size_t i = blk * block_bytes; i < byte_offset; ++i) count += !is_cont(p[i]);
    return count;
}

std::size_t CodePointIndex::byte(std::int64_t cp) const {
    if (cp <= 0) return 0;
    if (cp >= m_size_cp) return m_text.size();
    // Last block starting at or before the code point.
    auto it = std::upper_bound(m_cp_at_block.begin(), m_cp_at_block.end() - 1, cp);
    std::size_t blk = static_cast<std::size_t>(it - m_cp_at_block.begin()) - 1;
    std::int64_t count = m_cp_at_block[blk];
    const auto* p = reinterpret_cast<const unsigned char*>(m_text.data());
    std::size_t i = blk * block_bytes;
    // Walk to the start of code point number `cp` (counting sequence starts).
    while (i < m_text.size()) {
        if (!is_cont(p[i])) {
            if (count == cp) return i;
            ++count;
        }
        ++i;
    }
    return m_text.size();
}

}  // namespace eventmap::text
