#include "eventmap/text/sentences.h"

#include <array>

#include "eventmap/text/detail/chars.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace eventmap::text {
namespace {

using detail::decode;
using detail::iequals;

// Trims white space (ASCII and Unicode spaces) off both ends of [b, e).
Span trim(std::string_view text, std::size_t b, std::size_t e) {
    while (b < e) {
        std::size_t len = 0;
        if (!detail::is_space_cp(decode(text, b, len))) break;
        b += len;
    }
    while (e > b) {
        std::size_t len = 0;
        if (!detail::is_space_cp(detail::decode_before(text, e, len))) break;
        e -= len;
    }
    return Span{b, e};
}

// Abbreviations after which a full stop never ends a sentence (titles, "vs.", "e.g.").
using namespace std::string_view_literals;

constexpr std::array never_break{
    "mr"sv, "mrs"sv, "ms"sv, "dr"sv, "prof"sv, "gen"sv, "lt"sv, "col"sv, "maj"sv, "sgt"sv, "capt"sv, "cpl"sv, "pvt"sv, "adm"sv,
    "cmdr"sv, "cmdt"sv, "brig"sv, "rep"sv, "sen"sv, "gov"sv, "rev"sv, "st"sv, "mt"sv, "ft"sv, "messrs"sv, "vs"sv, "e.g"sv, "i.e"sv,
    "cf"sv, "approx"sv, "gov't"sv, "hon"sv, "pres"sv, "supt"sv, "insp"sv, "det"sv, "cdr"sv, "lieut"sv};
// Abbreviations that do not end a sentence when a number follows ("Feb. 24", "No. 5").
constexpr std::array before_number{
    "no"sv, "nos"sv, "jan"sv, "feb"sv, "mar"sv, "apr"sv, "jun"sv, "jul"sv, "aug"sv, "sep"sv, "sept"sv, "oct"sv, "nov"sv, "dec"sv,
    "art"sv, "vol"sv, "p"sv, "pp"sv, "fig"sv, "para"sv, "ch"sv, "km"sv, "approx"sv};

// `lower` is the word lower-cased (ASCII), at most 8 bytes.
template <std::size_t N>
bool in_list(std::string_view lower, const std::array<std::string_view, N>& list) {
    for (std::string_view a : list) {
        if (a.size() != lower.size() || a[0] != lower[0]) continue;
        std::size_t k = 1;
        while (k < a.size() && a[k] == lower[k]) ++k;
        if (k == a.size()) return true;
    }
    return false;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// "U.S", "U.N", "E.U" (upper-case letters joined by dots) or a single initial "J".
bool is_initials(std::string_view w) {
    if (w.empty()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (i % 2 == 0 && !is_ascii_upper(w[i])) return false;
        if (i % 2 == 1 && w[i] != '.') return false;
    }
    return w.size() % 2 == 1;
}

// Words after "a.m." / "p.m." that continue the sentence ("at 7 p.m. Sunday", "10 a.m. GMT").
bool continues_time(std::string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 16> words{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "gmt", "utc", "est",
        "edt", "cst", "pst", "et", "pt", "local"};
    std::size_t e = at;
    while (e < text.size() && e - at < 10 && is_ascii_alpha(text[e])) ++e;
    char buf[10];
    const std::size_t n = e - at;
    if (n == 0 || n > sizeof buf) return false;
    for (std::size_t k = 0; k < n; ++k) buf[k] = static_cast<char>(text[at + k] | 0x20);
    return in_list(std::string_view(buf, n), words);
}

// Does the full stop at text[dot] end a sentence, given the first character after the white space?
bool stop_ends_sentence(std::string_view text, std::size_t lo, std::size_t dot, std::int32_t next_cp,
                        std::size_t next_at) {
    std::size_t b = dot;
    while (b > lo && (is_ascii_alpha(text[b - 1]) || text[b - 1] == '.' || text[b - 1] == '\'')) --b;
    const std::string_view w = text.substr(b, dot - b);
    if (w.empty()) return true;
    if (is_initials(w)) return false;
    if (w.size() > 8) return true;  // longer than every abbreviation we know
    char buf[8];
    for (std::size_t k = 0; k < w.size(); ++k) buf[k] = static_cast<char>(w[k] | (is_ascii_upper(w[k]) ? 0x20 : 0));
    const std::string_view lower(buf, w.size());
    if (in_list(lower, never_break)) return false;
    if (next_cp >= '0' && next_cp <= '9' && in_list(lower, before_number)) return false;
    if ((lower == "a.m" || lower == "p.m") && continues_time(text, next_at)) return false;
    return true;
}

// Bytes that may end a sentence: . ! ? newline, and the lead byte of "…".
struct SpecialBytes {
    bool is[256];
    constexpr SpecialBytes() : is{} {
        is[static_cast<unsigned char>('.')] = is[static_cast<unsigned char>('!')] = true;
        is[static_cast<unsigned char>('?')] = is[static_cast<unsigned char>('\n')] = true;
        is[0xE2] = true;
    }
};
constexpr SpecialBytes special_byte;

}  // namespace

std::vector<Span> split_paragraphs(std::string_view text) {
    std::vector<Span> out;
    std::size_t para_begin = std::string_view::npos;
    std::size_t last_end = 0;
    std::size_t i = 0;
    while (i <= text.size()) {
        std::size_t nl = text.find('\n', i);
        if (nl == std::string_view::npos) nl = text.size();
        const Span line = trim(text, i, nl);
        if (line.empty()) {
            if (para_begin != std::string_view::npos) out.push_back(Span{para_begin, last_end});
            para_begin = std::string_view::npos;
        } else {
            if (para_begin == std::string_view::npos) para_begin = line.begin;
            last_end = line.end;
        }
        i = nl + 1;
    }
    if (para_begin != std::string_view::npos) out.push_back(Span{para_begin, last_end});
    return out;
}

std::vector<Span> split_sentences(std::string_view text) { return split_sentences(text, Span{0, text.size()}); }

std::vector<Span> split_sentences(std::string_view text, Span range) {
    std::vector<Span> out;
    const std::size_t lo = range.begin;
    const std::size_t hi = range.end;
    std::size_t start = lo;
    auto emit = [&](std::size_t end) {
        const Span s = trim(text, start, end);
        if (!s.empty()) out.push_back(s);
    };
    // First non-space code point at or after i (within the range), and where it is.
    auto next_visible = [&](std::size_t i, std::size_t& at, bool& blank_line) -> std::int32_t {
        int newlines = 0;
        while (i < hi) {
            if (text[i] == '\n') ++newlines;
            std::size_t len = 0;
            const std::int32_t cp = decode(text, i, len);
            if (!detail::is_space_cp(cp)) {
                at = i;
                blank_line = newlines >= 2;
                return cp;
            }
            i += len;
        }
        at = hi;
        blank_line = true;
        return -1;
    };

    std::size_t i = lo;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    while (i < hi) {
        // Plain bytes are by far the most common: skip them with a table lookup each.
#if defined(__SSE2__)
        // 16 bytes at a time while none of them can end a sentence.
        while (i + 16 <= hi) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
            const __m128i hit = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')), _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))),
                             _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2)))));
            const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
            if (mask) {
                i += static_cast<std::size_t>(__builtin_ctz(mask));
                break;
            }
            i += 16;
        }
#endif
        while (i < hi && !special_byte.is[bytes[i]]) ++i;
        if (i >= hi) break;
        const char c = text[i];
        if (c == '\n') {
            std::size_t at = 0;
            bool blank = false;
            const std::int32_t next = next_visible(i, at, blank);
            // A line break is soft only when the text runs on into a lower-case word (hard-wrapped prose).
            std::size_t prev_len = 0;
            const Span before = trim(text, start, i);
            const std::int32_t prev = before.empty() ? -1 : detail::decode_before(text, before.end, prev_len);
            const bool prev_terminal = prev == '.' || prev == '!' || prev == '?' || prev == ':';
            if (!blank && next >= 0 && detail::is_lower_cp(next) && !prev_terminal) { ++i; continue; }
            emit(i);
            start = at;
            i = at;
            continue;
        }
        std::size_t j = i;
        bool is_terminal = false;
        // Runs of terminators: "?!", "...", "…".
        while (j < hi) {
            if (text[j] == '.' || text[j] == '!' || text[j] == '?') { ++j; is_terminal = true; continue; }
            if (text[j] == '\xE2' && j + 2 < hi && text[j + 1] == '\x80' && text[j + 2] == '\xA6') {
                j += 3;
                is_terminal = true;
                continue;
            }
            break;
        }
        if (!is_terminal) { ++i; continue; }
        // Closing quotes and brackets belong to the sentence they close.
        while (j < hi) {
            std::size_t len = 0;
            if (!detail::is_closer_cp(decode(text, j, len))) break;
            j += len;
        }
        if (j < hi) {
            std::size_t len = 0;
            if (!detail::is_space_cp(decode(text, j, len))) { i = j; continue; }
        }
        std::size_t at = 0;
        bool blank = false;
        const std::int32_t next = next_visible(j, at, blank);
        if (next >= 0 && detail::is_lower_cp(next)) { i = j; continue; }
        if (c == '.' && j == i + 1 && next >= 0 && !stop_ends_sentence(text, lo, i, next, at)) { i = j; continue; }
        emit(j);
        start = at;
        i = at;
    }
    emit(hi);
    return out;
}

}  // namespace eventmap::text
