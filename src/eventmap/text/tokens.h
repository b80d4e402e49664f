#pragma once
// A fast tokenizer for the geoparser's hot path: no regex, no allocation beyond the result vector.
#include <cstdint>
#include <string_view>
#include <vector>

#include "eventmap/text/span.h"

namespace eventmap::text {

enum class TokenKind : std::uint8_t { word, number, punct };

/// Token flags (bit set).
enum TokenFlag : std::uint8_t {
    capitalised = 1,        ///< first letter upper case ("Kyiv", "US")
    all_caps = 2,           ///< every letter upper case, at least two letters ("BEIJING", "UN")
    sentence_initial = 4,   ///< first word token of the range (or after . ! ? : or an opening quote at the start)
    no_space_before = 8,    ///< touches the previous token ("Ivano" "-" "Frankivsk", "Xi" "'s")
};

struct Token {
    Span span;                 ///< bytes in the text
    TokenKind kind = TokenKind::word;
    std::uint8_t flags = 0;    ///< TokenFlag bits
    bool is(TokenFlag f) const { return (flags & f) != 0; }
};

/// Tokens of text[range]: words (letters and digits, inner apostrophes "O'Brien", dotted abbreviations
/// "U.S." with the final dot), the possessive "'s" as its own word, numbers ("1.5", "1,000"), and
/// single punctuation marks (hyphens too: "Ivano-Frankivsk" is three tokens, the later two no_space_before).
/// Non-ASCII letters (UTF-8) are word characters; upper case is detected for Latin, Greek, Cyrillic.
std::vector<Token> tokenize(std::string_view text, Span range);

/// As above, appending to `out` (cleared first) so a caller can reuse its buffer.
void tokenize(std::string_view text, Span range, std::vector<Token>& out);

}  // namespace eventmap::text
