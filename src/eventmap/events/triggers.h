#pragma once
// Trigger patterns: the words and phrases that signal each event type, and the cue words that
// change what a trigger means (negation, denial, possibility, plans, protest intervention, ...).
// Loaded from data/event_triggers.tsv so analysts can read and extend them without a rebuild.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eventmap/core/word_table.h"

namespace eventmap::events {

/// One word of a sentence, lower-cased, with its byte span in the sentence.
struct Word {
    std::string_view lower;     ///< points into WordList's buffer
    std::uint32_t begin = 0;    ///< bytes in the sentence
    std::uint32_t end = 0;
    bool boundary_before = false;  ///< a clause boundary (, ; : ( - ") lies between this word and the previous
    char boundary = 0;             ///< the strongest boundary character before this word (';' over ','), 0 when none
    bool capitalised = false;      ///< first letter upper case in the text
    bool number = false;           ///< digits ("12", "1,000") or a number word ("four")
};

/// The words of a sentence. Letters, digits and inner apostrophes/hyphens join a word;
/// everything else separates words. ASCII is lower-cased; other bytes are kept as they are.
class WordList {
public:
    WordList() = default;
    /// Splits `sentence` (UTF-8) into words; replaces previous content.
    void assign(std::string_view sentence);
    const std::vector<Word>& words() const { return m_words; }
    std::size_t size() const { return m_words.size(); }
    const Word& operator[](std::size_t i) const { return m_words[i]; }

private:
    std::string m_lower;
    std::vector<Word> m_words;
};

/// The value of a number word or digits ("four" -> 4, "12" -> 12, "1,000" -> 1000); -1 when none.
long long number_value(std::string_view lower_word);

/// One step of a pattern.
struct PatternStep {
    enum class Kind : std::uint8_t { words, number, gap };
    Kind kind = Kind::words;
    std::vector<std::string> alternatives;  ///< for words: exact lower-case words; "abc*" = prefix "abc"
    int max_gap = 0;                        ///< for gap: skip 0..max_gap words
};

/// A trigger or cue pattern as read from the data file.
struct TriggerPattern {
    std::string type;            ///< event type slug, or "cue:<name>"
    int weight = 0;              ///< priority; higher wins within a clause
    std::vector<PatternStep> steps;
    std::string text;            ///< the pattern as written (for explanations)
    std::uint32_t line = 0;      ///< line in the data file
};

/// A pattern found in a word list.
struct TriggerMatch {
    const TriggerPattern* pattern = nullptr;
    std::uint32_t first_word = 0;  ///< index of the first matched word
    std::uint32_t last_word = 0;   ///< index of the last matched word (inclusive)
};

class TriggerSet {
public:
    /// Reads a TSV of `type<TAB>weight<TAB>pattern` (comments with #); throws IoError / FormatError.
    static TriggerSet load(const std::filesystem::path& path);
    /// The same from text; `name` is used in error messages.
    static TriggerSet parse(std::string_view tsv, const std::string& name);
    /// data/event_triggers.tsv in the data directory.
    static TriggerSet load_default();

    /// Every match of every pattern, ordered by first word (longest first at the same word).
    void match(const WordList& words, std::vector<TriggerMatch>& out) const;
    const std::vector<TriggerPattern>& patterns() const { return m_patterns; }

    /// The patterns as match() reads them: each alternative split into its words once, at load.
    struct CompiledPart {
        std::string text;        ///< lower-case word, or the prefix of a "abc*" word
        bool prefix = false;
        std::uint32_t word = 0;  ///< an exact word's number in the patterns' vocabulary
    };
    struct CompiledStep {
        PatternStep::Kind kind = PatternStep::Kind::words;
        int max_gap = 0;
        std::vector<std::vector<CompiledPart>> alternatives;  ///< the words of each alternative, in order
    };

private:
    std::vector<TriggerPattern> m_patterns;
    std::vector<std::vector<CompiledStep>> m_compiled;  // [pattern][step]
    // Every exact word of the patterns, numbered: a sentence's words are looked up once, and the
    // patterns compare numbers. The table holds each word's number plus one (0 = not a pattern word).
    BasicWordTable<std::uint32_t> m_vocabulary;
    std::uint32_t m_vocabulary_size = 0;
    // Patterns indexed by the exact word (number) their first step accepts, in pattern order;
    // those with a prefix- or number-initial alternative apart.
    struct FirstWord {
        std::uint32_t pattern = 0;
        std::vector<std::uint32_t> alternatives;  ///< those of the first step that start with the word, in order
    };
    std::vector<std::vector<FirstWord>> m_by_first;
    std::vector<std::uint32_t> m_other_first;  ///< patterns (indices) whose first step is not one exact word
    // By word number: (index in m_other_first, alternative) of their exact-initial alternatives, in order.
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> m_other_by_word;
    // By the first byte of their prefix: (index in m_other_first, alternative) of "abc*"-initial alternatives.
    std::array<std::vector<std::pair<std::uint32_t, std::uint32_t>>, 256> m_other_prefixed_by_byte;
    std::vector<std::uint32_t> m_other_any_word;  ///< m_other_first entries whose first step is a number
    void build_index();
};

}  // namespace eventmap::events
