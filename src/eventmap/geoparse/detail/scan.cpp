#include "eventmap/geoparse/detail/scan.h"

#include <utf8proc.h>

#include <array>
#include <cstddef>
#include <cstring>

#include "eventmap/core/ascii_masks.h"

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
// kSpace: skipped between tokens; kExtends: may continue a word (letters, digits, ' and -).
enum : std::uint8_t { kLetter = 1, kDigit = 2, kUpper = 4, kLower = 8, kSpace = 16, kExtends = 32 };
constexpr auto kAscii = [] {
    std::array<std::uint8_t, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter | kLower | kExtends;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter | kUpper | kExtends;
    for (int c = '0'; c <= '9'; ++c) t[c] = kDigit | kExtends;
    t[' '] = t['\t'] = t['\r'] = kSpace;
    t['\''] = t['-'] = kExtends;
    return t;
}();

// Every byte's class for the fast path: bytes >= 0x80 have none (they take the general path).
constexpr auto kByte = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 128; ++c) t[c] = kAscii[c];
    return t;
}();

// The run of ASCII letters and digits from i (text[i] is one): where it ends, and whether it
// has a digit and is all capitals (two or more letters, none lower-case).
struct AsciiRun {
    std::size_t end;
    bool digit, all_caps;
};

inline AsciiRun ascii_run(const unsigned char* p, std::size_t i, std::size_t size) {
    std::size_t end = i;
    bool digit = false, lower = false;
    unsigned letters = 0;  // counted up to 2
#if defined(__SSE2__)
    while (end + 16 <= size) {
        const AsciiMasks m = ascii_masks16(p + end);
        const unsigned other = ~(m.letters | m.digits) & 0xFFFFu;
        const unsigned n = other ? static_cast<unsigned>(__builtin_ctz(other)) : 16u;
        const unsigned in = (1u << n) - 1;  // n <= 16
        const unsigned x = m.letters & in;
        if (n < 16 && end == i)  // the whole word in one chunk: most words
            return {i + n, (m.digits & in) != 0, (x & m.lower) == 0 && (x & (x - 1)) != 0};
        lower |= (x & m.lower) != 0;
        digit |= (m.digits & in) != 0;
        letters += (x != 0) + ((x & (x - 1)) != 0);
        end += n;
        if (n < 16) return {end, digit, !lower && letters >= 2};
    }
#endif
    for (; end < size; ++end) {
        const std::uint8_t f = kByte[p[end]];
        if (!(f & (kLetter | kDigit))) break;
        lower |= (f & kLower) != 0;
        digit |= (f & kDigit) != 0;
        letters += f & kLetter;
    }
    return {end, digit, !lower && letters >= 2};
}

// A Word from its offsets and its eight bytes of flags as one integer (is_word the lowest
// byte, punct the seventh), with two stores instead of one per field.
constexpr int kFlagIsWord = 0, kFlagCapitalised = 8, kFlagAllCaps = 16, kFlagDigit = 24, kFlagSentence = 32,
              kFlagParagraph = 40, kFlagPunct = 48;
static_assert(sizeof(Word) == 16 && offsetof(Word, is_word) == 8 && offsetof(Word, capitalised) == 9 &&
              offsetof(Word, all_caps) == 10 && offsetof(Word, has_digit) == 11 && offsetof(Word, sentence_start) == 12 &&
              offsetof(Word, paragraph_start) == 13 && offsetof(Word, punct) == 14);
inline Word make_word(std::size_t start, std::size_t end, std::uint64_t flags) {
    Word w;
    const std::uint64_t offsets = static_cast<std::uint32_t>(start) | std::uint64_t{static_cast<std::uint32_t>(end)} << 32;
    std::memcpy(reinterpret_cast<char*>(&w), &offsets, 8);
    std::memcpy(reinterpret_cast<char*>(&w) + 8, &flags, 8);
    return w;
}

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

namespace {

// Where the scanner is and what it carries from token to token.
struct ScanState {
    std::size_t i = 0;
    bool next_sentence_start = true, next_paragraph_start = true;
    int newlines = 0;
};

// One step of the general path at st.i: a token decoded code point by code point, or a line
// break or a space skipped. Out of line, so the fast path's loop keeps its state in registers.
[[gnu::noinline]] ScanState general_step(std::string_view text, ScanState st, std::vector<Word>& out) {
    std::size_t& i = st.i;
    bool& next_sentence_start = st.next_sentence_start;
    bool& next_paragraph_start = st.next_paragraph_start;
    int& newlines = st.newlines;
    const std::size_t start = i;
    const std::int32_t cp = decode(text, i);
    if (cp == '\n') {
        if (++newlines >= 2) next_sentence_start = next_paragraph_start = true;
        return st;
    }
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0) return st;
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
        return st;
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
    return st;
}

template <bool kFast>
void scan(std::string_view text, std::vector<Word>& out) {
    out.clear();
    out.reserve(text.size() / 4 + 16);  // news text has about one token in four bytes
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    // The sentence and paragraph state, as the flag bits the next word takes (the next
    // punctuation token takes the paragraph bit).
    std::uint64_t pending = std::uint64_t{1} << kFlagSentence | std::uint64_t{1} << kFlagParagraph;
    int newlines = 0;
    while (i < size) {
        // Fast path for plain ASCII: white space, punctuation bytes, and words made of ASCII
        // letters and digits only that end where the general path would end them without
        // looking further (at white space or punctuation other than ' - . , or the text's end).
        // Everything else (non-ASCII, "Khar'kiv", "Chasiv-Yar", "U.S.", line breaks) takes the
        // general path, from the same state, so both give the same tokens.
        if constexpr (kFast) {
            const unsigned char b = bytes[i];
            const std::uint8_t f = kByte[b];
            if (f & kSpace) {
                do ++i; while (i < size && (kByte[bytes[i]] & kSpace));
                continue;
            }
            if (f & (kLetter | kDigit)) {
                const AsciiRun run = ascii_run(bytes, i, size);
                const std::size_t k = run.end;
                // The general path goes on past ' and - before a letter, past a non-ASCII letter,
                // and past "." after a single capital (initialisms); anything else ends the word.
                const bool ends_here = k == size || (bytes[k] < 0x80 && !(kByte[bytes[k]] & kExtends) &&
                                                     !(bytes[k] == '.' && k - i == 1 && (f & kUpper)));
                if (ends_here) {
                    // No Arabic article prefix without a hyphen: capitalised is the first letter's case.
                    out.push_back(make_word(i, k, std::uint64_t{1} << kFlagIsWord |
                                                      std::uint64_t{(f & kUpper) != 0} << kFlagCapitalised |
                                                      std::uint64_t{run.all_caps} << kFlagAllCaps |
                                                      std::uint64_t{run.digit} << kFlagDigit | pending));
                    pending = 0;
                    newlines = 0;
                    i = k;
                    continue;
                }
            } else if (b < 0x80 && b != '\n') {
                out.push_back(make_word(i, i + 1, (pending & std::uint64_t{1} << kFlagParagraph) |
                                                      std::uint64_t{b} << kFlagPunct));
                newlines = 0;
                if (b == '.' || b == '!' || b == '?' || b == ':') pending |= std::uint64_t{1} << kFlagSentence;
                ++i;
                continue;
            }
        }
        const ScanState st = general_step(text,
                                          {i, (pending >> kFlagSentence & 1) != 0, (pending >> kFlagParagraph & 1) != 0, newlines},
                                          out);
        i = st.i;
        pending = std::uint64_t{st.next_sentence_start} << kFlagSentence | std::uint64_t{st.next_paragraph_start} << kFlagParagraph;
        newlines = st.newlines;
    }
}

}  // namespace

void scan_words(std::string_view text, std::vector<Word>& out) { scan<true>(text, out); }

std::vector<Word> scan_words(std::string_view text) {
    std::vector<Word> out;
    scan<true>(text, out);
    return out;
}

std::vector<Word> scan_words_general(std::string_view text) {
    std::vector<Word> out;
    scan<false>(text, out);
    return out;
}

void ascii_lowered(std::string_view text, std::string& out) {
    out.assign(text);
    for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

std::string ascii_lowered(std::string_view text) {
    std::string out;
    ascii_lowered(text, out);
    return out;
}

}  // namespace eventmap::geoparse::detail
