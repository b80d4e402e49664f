#include "eventmap/text/sentences.h"

#include <array>

#include "eventmap/text/detail/chars.h"

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
constexpr std::array never_break{
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "sgt", "capt", "cpl", "pvt", "adm",
    "cmdr", "cmdt", "brig", "rep", "sen", "gov", "rev", "st", "mt", "ft", "messrs", "vs", "e.g", "i.e",
    "cf", "approx", "gov't", "hon", "pres", "supt", "insp", "det", "cdr", "lieut", "sgt.-maj"};
// Abbreviations that do not end a sentence when a number follows ("Feb. 24", "No. 5").
constexpr std::array before_number{
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "art", "vol", "p", "pp", "fig", "para", "ch", "km", "approx"};

template <std::size_t N>
bool in_list(std::string_view w, const std::array<const char*, N>& list) {
    for (const char* a : list)
        if (iequals(w, a)) return true;
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

// Does the full stop at text[dot] end a sentence, given the first character after the white space?
bool stop_ends_sentence(std::string_view text, std::size_t lo, std::size_t dot, std::int32_t next_cp) {
    std::size_t b = dot;
    while (b > lo && (is_ascii_alpha(text[b - 1]) || text[b - 1] == '.' || text[b - 1] == '\'')) --b;
    const std::string_view w = text.substr(b, dot - b);
    if (w.empty()) return true;
    if (in_list(w, never_break) || is_initials(w)) return false;
    if (next_cp >= '0' && next_cp <= '9' && in_list(w, before_number)) return false;
    return true;
}

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
    while (i < hi) {
        const char c = text[i];
        // Plain bytes are by far the most common: skip them fast.
        if (c != '.' && c != '!' && c != '?' && c != '\n' && c != '\xE2') { ++i; continue; }
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
            if (text.compare(j, 3, "\xE2\x80\xA6") == 0) { j += 3; is_terminal = true; continue; }
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
        if (c == '.' && j == i + 1 && next >= 0 && !stop_ends_sentence(text, lo, i, next)) { i = j; continue; }
        emit(j);
        start = at;
        i = at;
    }
    emit(hi);
    return out;
}

}  // namespace eventmap::text
