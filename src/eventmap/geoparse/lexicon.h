#pragma once
// The word lists recognition consults: our own data/geoparse_lexicon.tsv, plus an English
// word list (Debian's wamerican) to tell common words from names.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eventmap/geoparse/detail/word_table.h"

namespace eventmap::geoparse {

namespace detail {
// Heterogeneous lookup: find a string_view without building a std::string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
}  // namespace detail

struct MetonymTarget {
    std::string name;            ///< the place's name to look up ("Moscow")
    std::int64_t geonameid = 0;  ///< which candidate of that name
};

class Lexicon {
public:
    /// Loads the lexicon TSV (throws FormatError naming file:line on a bad row) and, when it
    /// exists, the word list (one word a line; lower-case entries are common words).
    static Lexicon load(const std::filesystem::path& lexicon_tsv, const std::filesystem::path& word_list,
                        const std::filesystem::path& given_names = {});

    /// All lookups take the phrase as written in the text, compared case-insensitively where it says so.
    bool is_title(std::string_view phrase) const { return m_classes.flags(phrase) & k_title; }
    bool is_org_follower(std::string_view lower_word) const { return m_classes.flags(lower_word) & k_org_follower; }
    bool is_org_word(std::string_view word) const { return m_classes.flags(word) & k_org_word; }
    bool is_speech_verb(std::string_view lower_word) const { return m_classes.flags(lower_word) & k_speech_verb; }
    bool is_cue(std::string_view lower_word) const { return m_classes.flags(lower_word) & k_cue; }
    bool is_not_place(std::string_view phrase) const { return m_classes.flags(phrase) & k_not_place; }
    const MetonymTarget* metonym(std::string_view phrase) const;
    /// "La." -> "US.LA": a US state abbreviation in AP style, with its admin1 code; "" when none.
    std::string_view state_abbreviation(std::string_view phrase) const;
    /// A common given name ("David", "Paris" is not one): a place name right after it is a surname.
    bool is_given_name(std::string_view word) const { return m_classes.flags(word) & k_given_name; }
    /// Longest metonym phrase, in words, so the scanner knows how far to look.
    std::size_t metonym_max_words() const { return m_metonym_max_words; }
    /// A common English word: the word list has it in lower case only (not as a proper name).
    bool is_common_word(std::string_view lower_word) const { return m_words.flags(lower_word) == k_common; }
    /// The word list has this lower-case word at all (common word, even if also a name).
    bool is_dictionary_word(std::string_view lower_word) const { return m_words.flags(lower_word) != 0; }

private:
    // The phrase classes, one bit each, in one table (a phrase may be in several classes).
    static constexpr std::uint8_t k_title = 1, k_org_follower = 2, k_org_word = 4, k_speech_verb = 8, k_cue = 16,
                                  k_not_place = 32, k_given_name = 64;
    detail::WordTable m_classes;
    std::unordered_map<std::string, MetonymTarget, detail::StringHash, std::equal_to<>> m_metonyms;
    std::size_t m_metonym_max_words = 1;
    std::uint64_t m_metonym_lengths = 0;  // bit k: some metonym phrase has k bytes (k < 63); bit 63: longer ones
    std::uint64_t m_metonym_first[4] = {};  // bit b: some metonym phrase starts with byte b
    std::unordered_map<std::string, std::string, detail::StringHash, std::equal_to<>> m_state_abbr;
    // The word list's lower-case words, each with one flag: k_common (lower-case only in the
    // list) or k_common_and_proper (both "reading" and "Reading").
    static constexpr std::uint8_t k_common = 1, k_common_and_proper = 2;
    detail::WordTable m_words;
};

}  // namespace eventmap::geoparse
