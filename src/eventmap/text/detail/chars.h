#pragma once
// Small character helpers shared by the text stage (ASCII fast paths, utf8proc for the rest).
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eventmap::text::detail {

/// Decodes the code point at text[i] (valid UTF-8 assumed; invalid bytes decode as themselves); len = bytes.
std::int32_t decode(std::string_view text, std::size_t i, std::size_t& len);
/// Code point ending just before text[i] (i > 0); len = its bytes.
std::int32_t decode_before(std::string_view text, std::size_t i, std::size_t& len);

bool is_upper_cp(std::int32_t cp);
bool is_lower_cp(std::int32_t cp);
bool is_letter_cp(std::int32_t cp);
/// White space including NBSP and the Unicode spaces news pages use.
bool is_space_cp(std::int32_t cp);
/// Quotes and closing brackets that may follow a full stop: " ' ” ’ » ) ]
bool is_closer_cp(std::int32_t cp);
/// Quotes and opening brackets that may start a sentence: " ' “ ‘ « ( [
bool is_opener_cp(std::int32_t cp);
/// Dashes: - – — ‒ ―
bool is_dash_cp(std::int32_t cp);

/// ASCII lower-casing equality: `word` (any case) equals `lower` (lower case ASCII).
inline bool iequals(std::string_view word, std::string_view lower) {
    if (word.size() != lower.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char c = word[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != lower[i]) return false;
    }
    return true;
}

}  // namespace eventmap::text::detail
