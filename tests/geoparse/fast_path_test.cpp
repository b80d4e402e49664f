// The geoparser's own data structures behind its fast paths: the word table, the word list's
// classes, metonym lookups, the scanner's word flags, and repeatable results.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "eventmap/geoparse/detail/scan.h"
#include "eventmap/geoparse/detail/word_table.h"
#include "eventmap/geoparse/lexicon.h"
#include "support/support.h"

using eventmap::geoparse::Lexicon;
using eventmap::geoparse::detail::WordTable;
using eventmap::geoparse::detail::scan_words;
using eventmap::geoparse::detail::Word;

TEST_CASE("word table: words keep their flags, absent words have none, growth keeps them", "[geoparse][lexicon]") {
    WordTable t;
    CHECK(t.flags("anything") == 0);
    t.add("reading", 1);
    t.add("reading", 2);  // flags accumulate
    t.add("table", 1);
    CHECK(t.flags("reading") == 3);
    CHECK(t.flags("table") == 1);
    CHECK(t.flags("tables") == 0);
    CHECK(t.flags("Table") == 0);  // exact bytes
    CHECK(t.flags("") == 0);
    std::vector<std::string> many;
    for (int i = 0; i < 5000; ++i) many.push_back(std::to_string(i * 7919).insert(0, 1, 'w'));
    for (const auto& w : many) t.add(w, 4);
    CHECK(t.size() == 5002);
    for (const auto& w : many) REQUIRE(t.flags(w) == 4);
    CHECK(t.flags("reading") == 3);
    CHECK(t.flags("w1") == 0);
    CHECK(t.flags("") == 0);
    t.add("", 8);  // the empty word is a word too
    CHECK(t.flags("") == 8);
    CHECK_THROWS(t.add("x", 0));
}

TEST_CASE("word list: common words, words that are also names, and names only", "[geoparse][lexicon]") {
    const auto dir = eventmap::test::temp_dir("geoparse_word_list");
    std::ofstream(dir / "lexicon.tsv") << "# test\nmetonym\tthe Kremlin\tMoscow|524901\nmetonym\tKremlin\tMoscow|524901\n"
                                          "title\tGeneral\norg_word\tPost\ncue\tNear\nspeech_verb\tSaid\n";
    // No final newline: the last word still counts.
    std::ofstream(dir / "words") << "reading\nReading\ntable\nParis\ndon't\nAlbany\nalbany's\nzebra";
    const Lexicon lex = Lexicon::load(dir / "lexicon.tsv", dir / "words");
    CHECK(lex.is_common_word("table"));
    CHECK(lex.is_dictionary_word("table"));
    CHECK_FALSE(lex.is_common_word("reading"));  // also "Reading", a town
    CHECK(lex.is_dictionary_word("reading"));
    CHECK_FALSE(lex.is_dictionary_word("paris"));  // only capitalised in the list
    CHECK_FALSE(lex.is_dictionary_word("don't"));  // entries with apostrophes are skipped
    CHECK_FALSE(lex.is_dictionary_word("albany"));
    CHECK(lex.is_common_word("zebra"));
    REQUIRE(lex.metonym("the Kremlin") != nullptr);
    CHECK(lex.metonym("the Kremlin")->geonameid == 524901);
    CHECK(lex.metonym("Kremlin") != nullptr);
    CHECK(lex.metonym("the Kremlim") == nullptr);  // same length, different phrase
    CHECK(lex.metonym("Kremlins") == nullptr);
    CHECK(lex.metonym("") == nullptr);
    // Classes share one table but not their members; cues and speech verbs are lower-cased.
    CHECK(lex.is_title("General"));
    CHECK_FALSE(lex.is_org_word("General"));
    CHECK(lex.is_org_word("Post"));
    CHECK_FALSE(lex.is_title("Post"));
    CHECK(lex.is_cue("near"));
    CHECK_FALSE(lex.is_cue("Near"));
    CHECK(lex.is_speech_verb("said"));
    CHECK_FALSE(lex.is_speech_verb(""));
    CHECK_FALSE(lex.is_given_name("General"));
    CHECK(lex.metonym(std::string(300, 'K')) == nullptr);
}

namespace {
std::string word_text(std::string_view text, const Word& w) { return std::string(text.substr(w.start, w.end - w.start)); }
}  // namespace

TEST_CASE("scanner: word shapes on ASCII and non-ASCII text", "[geoparse][scan]") {
    const std::string text =
        "U.S. troops near al-Shadadi met NATO staff.\n\nIn Chasiv-Yar, Khar'kiv's 3rd unit and "
        "ÉCOLE Київ people waited; Paris2024 ends";
    const auto words = scan_words(text);
    std::vector<std::string> got;
    for (const auto& w : words) got.push_back(word_text(text, w));
    const std::vector<std::string> expected = {"U.S.", "troops", "near", "al-Shadadi", "met", "NATO", "staff", ".",
                                               "In", "Chasiv-Yar", ",", "Khar'kiv", "'", "s", "3rd", "unit", "and",
                                               "ÉCOLE", "Київ", "people", "waited", ";", "Paris2024", "ends"};
    REQUIRE(got == expected);
    auto at = [&](const std::string& s) -> const Word& {
        for (const auto& w : words)
            if (word_text(text, w) == s) return w;
        FAIL("no word " << s);
        return words.front();
    };
    CHECK(at("U.S.").capitalised);
    CHECK(at("U.S.").sentence_start);
    CHECK(at("al-Shadadi").capitalised);  // Arabic article before a capital
    CHECK_FALSE(at("troops").capitalised);
    CHECK(at("NATO").all_caps);
    CHECK_FALSE(at("staff").all_caps);
    CHECK(at(".").punct == '.');
    CHECK(at("In").sentence_start);
    CHECK(at("In").paragraph_start);
    CHECK_FALSE(at("Chasiv-Yar").sentence_start);
    CHECK(at("3rd").has_digit);
    CHECK(at("ÉCOLE").all_caps);
    CHECK(at("ÉCOLE").capitalised);
    CHECK(at("Київ").capitalised);
    CHECK_FALSE(at("Київ").all_caps);
    CHECK(at("Paris2024").has_digit);
    CHECK(at("Paris2024").capitalised);
}

TEST_CASE("ascii_lowered lower-cases A-Z only and keeps every offset", "[geoparse][scan]") {
    const std::string text = "Kyiv, ÉCOLE and U.S. 2024";
    const std::string low = eventmap::geoparse::detail::ascii_lowered(text);
    CHECK(low.size() == text.size());
    CHECK(low == "kyiv, \xC3\x89" "cole and u.s. 2024");
}

namespace {
bool same_words(const std::vector<Word>& a, const std::vector<Word>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Word &x = a[i], &y = b[i];
        if (x.start != y.start || x.end != y.end || x.is_word != y.is_word || x.capitalised != y.capitalised ||
            x.all_caps != y.all_caps || x.has_digit != y.has_digit || x.sentence_start != y.sentence_start ||
            x.paragraph_start != y.paragraph_start || x.punct != y.punct)
            return false;
    }
    return true;
}
}  // namespace

TEST_CASE("scanner: the ASCII fast path gives the general path's tokens", "[geoparse][scan]") {
    using eventmap::geoparse::detail::scan_words_general;
    // Pieces that meet at every kind of edge the fast path decides on: initials, hyphens,
    // apostrophes (straight and typographic), non-ASCII letters and spaces, digits, long words
    // across 16-byte chunks, line breaks, control bytes and the text's end.
    const std::vector<std::string> pieces = {
        "U.S.", "U.N", "A.", "a.", "X", "x", "al-Shadadi", "el-", "Chasiv-Yar", "-", "--", "'", "'s", "Khar'kiv",
        "Khar\u2019kiv", "O'Neill", "\u00A0", "Київ", "ÉCOLE", "Zürich", "3rd", "1.5", "2024", "NATO", "NATOs",
        "Donetskoblastregionalcentre", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnop", "Abcdefghijklmno", " ", "  ",
        "\n", "\n\n", "\t", "\r", ".", ",", ":", "!", "?", ";", "(", ")", "\"", "\x01", "\x7f", "\xff", "\xe2\x80",
        "St.", "Mt", "D.C.", "I", "a", "Ab", "AB", "aB"};
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int n = 1 + static_cast<int>(next() % 40);
        for (int k = 0; k < n; ++k) text += pieces[next() % pieces.size()];
        INFO("text: " << text);
        REQUIRE(same_words(scan_words(text), scan_words_general(text)));
    }
    const std::string story =
        "KHARKIV, Ukraine (Reuters) - Shelling hit the city's north-east overnight, officials said.\n\n"
        "\"We're staying,\" said Olena, 54, in Saltivka. The U.S.-made systems arrived on Jan. 5; "
        "Mr. O'Neill of the U.N. met E.U. envoys in Brussels\u2014and Kyiv\u2019s mayor. 12,000 people left.";
    CHECK(same_words(scan_words(story), scan_words_general(story)));
}
