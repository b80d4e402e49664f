#include "eventmap/text/tokens.h"

#include "eventmap/core/ascii_masks.h"
#include "eventmap/text/detail/chars.h"
#include "eventmap/text/detail/tokens_bytewise.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace eventmap::text {
namespace {

enum class Cls : std::uint8_t { space, letter, digit, punct, apostrophe, newline };

struct Table {
    Cls cls[128];
    constexpr Table() : cls{} {
        for (int c = 0; c < 128; ++c) {
            Cls k = Cls::punct;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') k = Cls::space;
            else if (c == '\n') k = Cls::newline;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = Cls::letter;
            else if (c >= '0' && c <= '9') k = Cls::digit;
            else if (c == '\'') k = Cls::apostrophe;
            else if (c < 32 || c == 127) k = Cls::space;
            cls[c] = k;
        }
    }
};
constexpr Table table;

struct SpaceBytes {
    bool is[256];
    constexpr SpaceBytes() : is{} {
        for (int c = 0; c < 128; ++c) is[c] = Table().cls[c] == Cls::space || Table().cls[c] == Cls::newline;
    }
};
constexpr SpaceBytes space_byte;

// Class of the code point at text[i]; len = its bytes; upper/lower set for letters.
inline Cls classify(std::string_view text, std::size_t i, std::size_t& len, bool& upper, bool& lower) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        len = 1;
        upper = c >= 'A' && c <= 'Z';
        lower = c >= 'a' && c <= 'z';
        return table.cls[c];
    }
    const std::int32_t cp = detail::decode(text, i, len);
    upper = lower = false;
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return Cls::apostrophe;
    if (detail::is_space_cp(cp)) return Cls::space;
    // General punctuation, Latin-1 symbols, CJK punctuation: quotes, dashes, bullets, ellipses.
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) ||
        (cp >= 0x3000 && cp <= 0x303F) || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
        return Cls::punct;
    if (cp >= 0x2070 && cp <= 0x2BFF) return Cls::punct;  // super/subscripts, currency, arrows, math, boxes
    upper = detail::is_upper_cp(cp);
    lower = !upper && detail::is_lower_cp(cp);
    return Cls::letter;
}

inline bool is_ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<Token> tokenize(std::string_view text, Span range) {
    std::vector<Token> out;
    tokenize(text, range, out);
    return out;
}

namespace {

#if defined(__SSE2__)
// Tokenizes a plain-ASCII stretch of the 64 bytes at p + i in one go, from bit masks: up to and
// including the last white space of the block, so no token is cut. Returns the bytes consumed,
// 0 when the block needs the byte-by-byte path (non-ASCII, apostrophes, "1.5", "U.S.", no space).
std::size_t tokenize_block(const unsigned char* p, std::size_t i, std::size_t hi, std::vector<Token>& out,
                           bool& expect_initial, bool& space_before, std::size_t& bad_at) {
    std::uint64_t upper = 0, lower = 0, digit = 0, space = 0, special = 0, dot = 0;
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 16 * k));
        const AsciiMasks m = ascii_masks16(p + i + 16 * k);
        auto eq = [&](char c) {
            return static_cast<std::uint64_t>(
                static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c)))));
        };
        const auto high = static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(v)));
        const int shift = 16 * k;
        upper |= static_cast<std::uint64_t>(m.letters & ~m.lower) << shift;
        lower |= static_cast<std::uint64_t>(m.lower) << shift;
        digit |= static_cast<std::uint64_t>(m.digits) << shift;
        // Signed: bytes >= 0x80 are negative, so the range test needs the high bit removed.
        space |= ((static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(
                      _mm_cmplt_epi8(v, _mm_set1_epi8(0x21))))) & ~high) | eq(0x7F)) << shift;
        special |= (high | eq('\'')) << shift;
        dot |= (eq('.') | eq(',')) << shift;
    }
    // Only the bytes of the range count (the block may read past its end, never past the text's).
    const std::size_t n = std::min<std::size_t>(64, hi - i);
    const std::uint64_t valid = n == 64 ? ~0ull : (1ull << n) - 1;
    upper &= valid;
    lower &= valid;
    digit &= valid;
    space &= valid;
    const std::uint64_t alnum_all = upper | lower | digit;
    // Non-ASCII, apostrophes, "1.5", "1,000", "U.S." need the byte path: stop before them.
    const std::uint64_t bad = (special | (dot & (alnum_all >> 1))) & valid;
    std::size_t len = n;
    if (bad != 0 || n == 64) {
        const int first_bad = bad ? __builtin_ctzll(bad) : 64;
        bad_at = i + static_cast<std::size_t>(bad ? first_bad : 63);
        const std::uint64_t usable = space & (first_bad == 64 ? ~0ull : (1ull << first_bad) - 1);
        if (usable == 0) return 0;
        len = static_cast<std::size_t>(63 - __builtin_clzll(usable)) + 1;  // up to the last white space
    }
    const std::uint64_t region = len == 64 ? ~0ull : (1ull << len) - 1;
    const std::uint64_t alnum = alnum_all & region;
    const std::uint64_t punct = ~(alnum | space) & region;
    const std::uint64_t letter = upper | lower;
    std::uint64_t starts = (alnum & ~(alnum << 1)) | punct;
    const std::uint64_t ends = alnum & ~(alnum >> 1);
    while (starts) {
        const int pos = __builtin_ctzll(starts);
        starts &= starts - 1;
        Token t;
        t.span.begin = i + static_cast<std::size_t>(pos);
        const bool touching = pos == 0 ? !space_before : ((space >> (pos - 1)) & 1) == 0;
        std::uint8_t flags = touching ? TokenFlag::no_space_before : 0;
        if ((punct >> pos) & 1) {
            t.span.end = t.span.begin + 1;
            t.kind = TokenKind::punct;
            const unsigned char c = p[t.span.begin];
            if (c == '.' || c == '!' || c == '?') expect_initial = true;
        } else {
            const int e = __builtin_ctzll(ends >> pos) + pos + 1;
            const std::uint64_t run = (e == 64 ? ~0ull : (1ull << e) - 1) & ~((1ull << pos) - 1);
            const bool any_letter = (letter & run) != 0;
            t.span.end = i + static_cast<std::size_t>(e);
            t.kind = any_letter ? TokenKind::word : TokenKind::number;
            if (any_letter && ((upper >> pos) & 1)) flags |= capitalised;
            if (any_letter && (upper & run) && !(lower & run) && e - pos >= 2) flags |= all_caps;
            if (expect_initial) flags |= sentence_initial;
            expect_initial = false;
        }
        t.flags = flags;
        out.push_back(t);
    }
    space_before = len < n || ((space >> (len - 1)) & 1) != 0;
    return len;
}
#endif

template <bool Blocks>
void tokenize_impl(std::string_view text, Span range, std::vector<Token>& out) {
    out.clear();
    out.reserve(range.size() / 5 + 4);
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t hi = range.end;
    std::size_t i = range.begin;
    bool expect_initial = true;
    bool space_before = true;
    [[maybe_unused]] std::size_t next_block_try = i;
    while (i < hi) {
#if defined(__SSE2__)
        if constexpr (Blocks) {
            if (i >= next_block_try && i + 64 <= text.size()) {
                std::size_t bad_at = hi;
                if (const std::size_t used = tokenize_block(p, i, hi, out, expect_initial, space_before, bad_at)) {
                    i += used;
                    continue;
                }
                // Byte by byte past the token that needs it, then blocks again.
                next_block_try = bad_at + 1;
            }
        }
#endif
        // ASCII white space: the commonest byte after letters.
        if (space_byte.is[p[i]]) {
            ++i;
            space_before = true;
            continue;
        }
        std::size_t len = 1;
        bool upper = false, lower = false;
        const Cls k = p[i] < 0x80 ? table.cls[p[i]] : classify(text, i, len, upper, lower);
        if (p[i] < 0x80) upper = p[i] >= 'A' && p[i] <= 'Z';
        if (k == Cls::space || k == Cls::newline) {
            i += len;
            space_before = true;
            continue;
        }
        Token t;
        t.span.begin = i;
        if (k == Cls::letter || k == Cls::digit) {
            // Dotted abbreviations "U.S." / "U.N." stay one token, final dot included.
            if (i + 3 < hi && p[i + 1] == '.' && upper && is_ascii_letter(text[i + 2]) && p[i + 3] == '.') {
                std::size_t e = i;
                while (e + 1 < hi && is_ascii_letter(text[e]) && p[e + 1] == '.') e += 2;
                t.span.end = e;
                t.kind = TokenKind::word;
                t.flags = capitalised | all_caps;
                if (expect_initial) t.flags |= sentence_initial;
                if (!space_before) t.flags |= TokenFlag::no_space_before;
                expect_initial = false;
                space_before = false;
                out.push_back(t);
                i = e;
                continue;
            }
            bool any_letter = false, any_lower = false, any_upper = false;
            const bool first_upper = upper;
            std::size_t j = i;
            while (j < hi) {
#if defined(__SSE2__)
                // Runs of ASCII letters and digits, 16 bytes at a time (words end inside one block
                // mostly, so this replaces a branch per byte with one per word).
                if (j + 16 <= text.size()) {
                    const AsciiMasks m = ascii_masks16(p + j);
                    unsigned alnum = m.letters | m.digits;
                    if (j + 16 > hi) alnum &= (1u << (hi - j)) - 1u;
                    const unsigned stop = ~alnum & 0xFFFFu;
                    const unsigned n = stop ? static_cast<unsigned>(__builtin_ctz(stop)) : 16u;
                    const unsigned run = n == 16 ? 0xFFFFu : (1u << n) - 1u;
                    any_letter |= (m.letters & run) != 0;
                    any_lower |= (m.lower & run) != 0;
                    any_upper |= (m.letters & ~m.lower & run) != 0;
                    j += n;
                    if (n == 16) continue;
                    if (j >= hi || p[j] == ' ') break;  // the usual end of a word
                }
#endif
                const unsigned char c = p[j];
                if (c < 0x80) {
                    const Cls kc = table.cls[c];
                    if (kc == Cls::letter) {
                        any_letter = true;
                        any_lower |= c >= 'a';
                        any_upper |= c < 'a';
                        ++j;
                        continue;
                    }
                    if (kc == Cls::digit) { ++j; continue; }
                    // Inside numbers: "1.5", "1,000".
                    if ((c == '.' || c == ',') && !any_letter && j > i && is_ascii_digit(text[j - 1]) && j + 1 < hi &&
                        is_ascii_digit(text[j + 1])) {
                        ++j;
                        continue;
                    }
                    if (kc != Cls::apostrophe) break;
                }
                std::size_t l2 = 1;
                bool u2 = false, lo2 = false;
                const Cls k2 = c < 0x80 ? Cls::apostrophe : classify(text, j, l2, u2, lo2);
                if (k2 == Cls::letter) {
                    any_letter = true;
                    any_lower |= lo2;
                    any_upper |= u2;
                    j += l2;
                    continue;
                }
                // Apostrophes joining letters ("O'Brien"), but the possessive "'s" is its own token.
                if (k2 == Cls::apostrophe && any_letter && j + l2 < hi) {
                    const std::size_t after = j + l2;
                    const char a = text[after];
                    const bool possessive = (a == 's' || a == 'S') &&
                                            (after + 1 >= hi || !is_ascii_letter(text[after + 1]));
                    if (!possessive && is_ascii_letter(a)) { j = after; continue; }
                }
                break;
            }
            t.span.end = j;
            t.kind = any_letter ? TokenKind::word : TokenKind::number;
            std::uint8_t flags = 0;
            if (any_letter && first_upper) flags |= capitalised;
            if (any_letter && any_upper && !any_lower && j - i >= 2) flags |= all_caps;
            if (expect_initial) flags |= sentence_initial;
            t.flags = flags;
            expect_initial = false;
            i = j;
            // Most words are followed by one space: take it here, where that is predictable.
            if (!space_before) t.flags |= TokenFlag::no_space_before;
            out.push_back(t);
            space_before = i < hi && p[i] == ' ';
            i += space_before ? 1 : 0;
            continue;
        } else if (k == Cls::apostrophe && i + len < hi && (text[i + len] == 's' || text[i + len] == 'S') &&
                   !out.empty() && out.back().span.end == i && out.back().kind == TokenKind::word &&
                   (i + len + 1 >= hi || !is_ascii_letter(text[i + len + 1]))) {
            t.span.end = i + len + 1;  // possessive "'s" / "’s"
            t.kind = TokenKind::word;
            i = t.span.end;
        } else {
            t.span.end = i + len;
            t.kind = TokenKind::punct;
            const char c = text[i];
            if (c == '.' || c == '!' || c == '?') expect_initial = true;
            i += len;
        }
        if (!space_before) t.flags |= TokenFlag::no_space_before;
        space_before = false;
        out.push_back(t);
    }
}

}  // namespace

void tokenize(std::string_view text, Span range, std::vector<Token>& out) { tokenize_impl<true>(text, range, out); }

namespace detail {
void tokenize_bytewise(std::string_view text, Span range, std::vector<Token>& out) {
    tokenize_impl<false>(text, range, out);
}
}  // namespace detail

}  // namespace eventmap::text
