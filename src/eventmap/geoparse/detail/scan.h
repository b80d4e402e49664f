#pragma once
// The geoparser's own word scanner: words with the shape flags recognition needs
// (capitalised, all-caps, sentence-initial), punctuation kept as one-byte tokens.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::geoparse::detail {

struct Word {
    std::uint32_t start = 0;  ///< byte offsets in the text
    std::uint32_t end = 0;
    bool is_word = false;     ///< letters/digits; otherwise a punctuation byte or symbol
    bool capitalised = false; ///< first letter upper-case (or a lower-case article prefix like "al-" before one)
    bool all_caps = false;    ///< two or more letters, all upper-case
    bool has_digit = false;
    bool sentence_start = false;  ///< first word of a sentence or paragraph
    bool paragraph_start = false; ///< first token after a blank line / start of text
    char punct = 0;           ///< for punctuation tokens: the ASCII byte ('.', ',', '(' ...), or '~' for non-ASCII symbols
};

/// Splits text into words and punctuation. Offsets fit in 32 bits (texts are < 4 GiB).
std::vector<Word> scan_words(std::string_view text);
/// scan_words() into `out` (cleared first), to reuse its capacity.
void scan_words(std::string_view text, std::vector<Word>& out);

/// scan_words() without its fast path for plain ASCII (every token decoded code point by code
/// point): the same tokens, slower; for tests.
std::vector<Word> scan_words_general(std::string_view text);

/// The text with ASCII A-Z lower-cased and every other byte kept: same length, so a word's
/// lower-case form is the same byte range of it (what std::tolower does in the "C" locale).
std::string ascii_lowered(std::string_view text);
/// ascii_lowered() into `out`, to reuse its capacity.
void ascii_lowered(std::string_view text, std::string& out);

}  // namespace eventmap::geoparse::detail
