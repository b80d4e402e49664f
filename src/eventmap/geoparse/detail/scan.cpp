#include "eventmap/geoparse/detail/scan.h"

#include <utf8proc.h>

#include <array>

namespace eventmap::geoparse::detail {

namespace {

// Decodes one code point at i (advancing i); invalid bytes come back as U+FFFD, one byte long.
inline std::int32_t decode(std::string_view s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; return c; }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) { ++i; return 0xFFFD; }
    i += static_cast<std::size_t>(n);
    return cp;
}

inline bool is_letter(std::int32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    auto cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;  // letters and marks
}
inline bool is_digit(std::int32_t cp) { return cp >= '0' && cp <= '9'; }
inline bool is_upper(std::int32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    auto cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}
inline bool is_lower(std::int32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}
inline bool is_apostrophe(std::int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018; }
inline bool is_hyphen(std::int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// ASCII byte classes, so the common case needs no decoding and no utf8proc call.
enum : std::uint8_t { kLetter = 1, kDigit = 2, kUpper = 4, kLower = 8 };
constexpr auto kAscii = [] {
    std::array<std::uint8_t, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter | kLower;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter | kUpper;
    for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
    return t;
}();

// "al-Shadadi", "el-Fasher", "ad-Dawr": an Arabic article before a capital counts as capitalised.
bool arabic_article_prefix(std::string_view w) {
    if (w.size() < 4 || (w[0] != 'a' && w[0] != 'e')) return false;  // every prefix starts so
    static constexpr std::string_view prefixes[] = {"al-", "el-", "ad-", "ash-", "as-", "ar-", "an-", "az-", "at-", "ath-", "adh-"};
    for (auto p : prefixes)
        if (w.size() > p.size() && w.substr(0, p.size()) == p) {
            unsigned char c = static_cast<unsigned char>(w[p.size()]);
            return c >= 'A' && c <= 'Z';
        }
    return false;
}

}  // namespace

std::vector<Word> scan_words(std::string_view text) {
    std::vector<Word> out;
    out.reserve(text.size() / 5);
    std::size_t i = 0;
    bool next_sentence_start = true, next_paragraph_start = true;
    int newlines = 0;
    while (i < text.size()) {
        std::size_t start = i;
        std::int32_t cp = decode(text, i);
        if (cp == '\n') { if (++newlines >= 2) { next_sentence_start = next_paragraph_start = true; } continue; }
        if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0) continue;
        if (is_letter(cp) || is_digit(cp)) {
            Word w;
            w.start = static_cast<std::uint32_t>(start);
            w.is_word = true;
            bool first_upper = is_upper(cp), any_lower = is_lower(cp), any_upper = first_upper;
            int letters = is_letter(cp) ? 1 : 0;
            w.has_digit = is_digit(cp);
            std::size_t end = i;
            bool initialism = first_upper;  // still of the shape "X" / "X.Y" / "X.Y.Z"
            int since_dot = 1;
            while (i < text.size()) {
                // Fast path: a run of ASCII letters and digits continues the word with the same
                // effect as the general case below, one character at a time: any such character
                // ends an initialism (since_dot > 1) and the flags accumulate.
                {
                    std::size_t k = i;
                    unsigned acc = 0;
                    int run_letters = 0;
                    for (; k < text.size(); ++k) {
                        const auto b = static_cast<unsigned char>(text[k]);
                        if (b >= 0x80) break;
                        const std::uint8_t f = kAscii[b];
                        if (!(f & (kLetter | kDigit))) break;
                        acc |= f;
                        run_letters += f & kLetter;
                    }
                    if (k > i) {
                        initialism = false;
                        since_dot += static_cast<int>(k - i);
                        any_upper |= (acc & kUpper) != 0;
                        any_lower |= (acc & kLower) != 0;
                        letters += run_letters;
                        if (acc & kDigit) w.has_digit = true;
                        i = end = k;
                        if (i >= text.size()) break;
                    }
                }
                std::size_t j = i;
                std::int32_t c = decode(text, j);
                if (is_letter(c) || is_digit(c)) {
                    if (++since_dot > 1 || !is_upper(c)) initialism = false;
                    if (is_upper(c)) any_upper = true;
                    if (is_lower(c)) any_lower = true;
                    if (is_letter(c)) ++letters;
                    if (is_digit(c)) w.has_digit = true;
                    i = end = j;
                    continue;
                }
                // Apostrophes and hyphens inside a word ("Khar'kiv", "Chasiv-Yar"), but not a possessive 's.
                if ((is_apostrophe(c) || is_hyphen(c)) && j < text.size()) {
                    std::size_t k = j;
                    std::int32_t d = decode(text, k);
                    if (is_letter(d)) {
                        if (is_apostrophe(c) && (d == 's' || d == 'S')) {
                            std::size_t m = k;
                            bool word_ends = m >= text.size() || !is_letter(decode(text, m));
                            if (word_ends) break;
                        }
                        initialism = false;
                        i = end = j;
                        continue;
                    }
                }
                // Initialisms: "U.S.", "U.N.", "D.C." — single capitals joined by dots, final dot kept.
                if (c == '.' && initialism && since_dot == 1) {
                    std::size_t k = j;
                    std::int32_t d = k < text.size() ? decode(text, k) : 0;
                    if (is_upper(d)) {
                        std::size_t m = k;
                        std::int32_t e = m < text.size() ? decode(text, m) : 0;
                        if (e == '.' || m >= text.size() || !is_letter(e)) { i = end = k; since_dot = 1; continue; }
                    }
                    if (end - w.start >= 3) i = end = j;  // "U.S" + "." -> "U.S."
                }
                break;
            }
            w.end = static_cast<std::uint32_t>(end);
            std::string_view word = text.substr(w.start, w.end - w.start);
            w.capitalised = first_upper || arabic_article_prefix(word);
            w.all_caps = any_upper && !any_lower && letters >= 2;
            w.sentence_start = next_sentence_start;
            w.paragraph_start = next_paragraph_start;
            next_sentence_start = next_paragraph_start = false;
            newlines = 0;
            out.push_back(w);
            continue;
        }
        Word p;
        p.start = static_cast<std::uint32_t>(start);
        p.end = static_cast<std::uint32_t>(i);
        p.punct = cp < 0x80 ? static_cast<char>(cp) : '~';
        p.paragraph_start = next_paragraph_start;
        newlines = 0;
        // Quotes, brackets and dashes keep the state: a quote opening a sentence still opens it.
        if (cp == '.' || cp == '!' || cp == '?' || cp == ':') next_sentence_start = true;
        out.push_back(p);
    }
    return out;
}

std::string ascii_lowered(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return out;
}

}  // namespace eventmap::geoparse::detail
