#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "eventmap/text/tokens.h"

using namespace eventmap::text;

namespace {
std::vector<std::string> words(const std::string& t) {
    std::vector<std::string> out;
    for (const Token& k : tokenize(t, Span{0, t.size()})) out.emplace_back(k.span.of(t));
    return out;
}
}  // namespace

TEST_CASE("words, numbers and punctuation with byte spans", "[tokens]") {
    const std::string t = "Troops moved 1.5 km, then 1,000 more.";
    const auto toks = tokenize(t, Span{0, t.size()});
    REQUIRE(toks.size() == 9);
    CHECK(toks[2].span.of(t) == "1.5");
    CHECK(toks[2].kind == TokenKind::number);
    CHECK(toks[3].kind == TokenKind::word);
    CHECK(toks[4].kind == TokenKind::punct);
    CHECK(toks[4].is(no_space_before));
    CHECK(toks[6].span.of(t) == "1,000");
    CHECK(toks[6].kind == TokenKind::number);
    CHECK(toks[8].span.of(t) == ".");
}

TEST_CASE("hyphens split, possessives split, inner apostrophes join", "[tokens]") {
    CHECK(words("Ivano-Frankivsk") == std::vector<std::string>{"Ivano", "-", "Frankivsk"});
    CHECK(words("China\u2019s port") == std::vector<std::string>{"China", "\u2019s", "port"});
    CHECK(words("Varna's mayor") == std::vector<std::string>{"Varna", "'s", "mayor"});
    CHECK(words("O'Brien left") == std::vector<std::string>{"O'Brien", "left"});
    CHECK(words("U.S.-Russia talks") == std::vector<std::string>{"U.S.", "-", "Russia", "talks"});
    const std::string t = "Ivano-Frankivsk";
    const auto toks = tokenize(t, Span{0, t.size()});
    CHECK(toks[1].is(no_space_before));
    CHECK(toks[2].is(no_space_before));
    CHECK_FALSE(toks[0].is(no_space_before));
}

TEST_CASE("capitalisation flags work for Latin, Cyrillic and Greek", "[tokens]") {
    const std::string t = "the BEIJING Kyiv Київ ХАРКІВ Αθήνα lviv NATO";
    const auto toks = tokenize(t, Span{0, t.size()});
    REQUIRE(toks.size() == 8);
    CHECK(toks[0].is(sentence_initial));
    CHECK_FALSE(toks[0].is(capitalised));
    CHECK(toks[1].is(all_caps));
    CHECK(toks[2].is(capitalised));
    CHECK_FALSE(toks[2].is(all_caps));
    CHECK(toks[3].is(capitalised));
    CHECK(toks[3].span.of(t) == "Київ");
    CHECK(toks[4].is(all_caps));
    CHECK(toks[5].is(capitalised));
    CHECK_FALSE(toks[6].is(capitalised));
    CHECK(toks[7].is(all_caps));
    CHECK_FALSE(toks[1].is(sentence_initial));
}

TEST_CASE("sentence-initial words follow full stops, curly quotes and dashes are punctuation", "[tokens]") {
    const std::string t = "\u201cRain fell.\u201d Floods followed \u2014 then calm.";
    const auto toks = tokenize(t, Span{0, t.size()});
    REQUIRE(toks.size() == 11);
    CHECK(toks[0].kind == TokenKind::punct);
    CHECK(toks[1].is(sentence_initial));
    CHECK(toks[5].span.of(t) == "Floods");
    CHECK(toks[5].is(sentence_initial));
    CHECK(toks[7].kind == TokenKind::punct);
    CHECK_FALSE(toks[8].is(sentence_initial));
}

TEST_CASE("tokenizing a range keeps spans in the whole text", "[tokens]") {
    const std::string t = "ignored. Sofia hosted talks.";
    const auto toks = tokenize(t, Span{9, t.size()});
    REQUIRE(toks.size() == 4);
    CHECK(toks[0].span.begin == 9);
    CHECK(toks[0].is(sentence_initial));
    CHECK(toks[0].is(capitalised));
}

#include <random>

#include "eventmap/text/detail/tokens_bytewise.h"
#include "support/support.h"

namespace {

bool same(const std::vector<Token>& a, const std::vector<Token>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i].span == b[i].span) || a[i].kind != b[i].kind || a[i].flags != b[i].flags) return false;
    return true;
}

void check_same(const std::string& t, Span range) {
    std::vector<Token> fast, reference;
    tokenize(t, range, fast);
    eventmap::text::detail::tokenize_bytewise(t, range, reference);
    INFO(t << " [" << range.begin << ", " << range.end << ")");
    REQUIRE(same(fast, reference));
}

// The whole text, and ranges ending inside it (sentences: the block path may read past their end).
void check_same(const std::string& t) {
    check_same(t, Span{0, t.size()});
    for (std::size_t b = 0; b < t.size(); b += 1 + t.size() / 7)
        for (std::size_t e = b; e <= t.size(); e += 1 + t.size() / 5) check_same(t, Span{b, e});
}

}  // namespace

TEST_CASE("the 64-byte block path gives exactly the byte-by-byte tokens", "[tokens]") {
    // Random text from pieces that exercise every rule, at every alignment.
    const std::vector<std::string> pieces{"Sofia", "port", "NATO", "2023", "1.5", "1,000", "U.S.", "J.", "O'Brien",
                                          "China\u2019s", "Київ", "-", ",", ".", "!", "?", "(", ")", "\"", " ",
                                          " ", " ", "  ", "\n", "\n\n", "\t", "9th", "x", "A", "e.g.", "\u2014",
                                          "Ivano-Frankivsk", "it's", "3D", "km", "\x7f"};
    std::mt19937 rng(12345);
    for (int n = 0; n < 3000; ++n) {
        std::string t;
        const int len = static_cast<int>(rng() % 80);
        for (int k = 0; k < len; ++k) t += pieces[rng() % pieces.size()];
        check_same(t);
    }
    // Plain ASCII prose with long words and runs of punctuation.
    std::string prose;
    for (int k = 0; k < 200; ++k) prose += "Officials in Varna said the internationalisation of trade (again) mattered; ";
    check_same(prose);
    // The eval corpora when present: real news text.
    if (auto shared = eventmap::test::shared_dir()) {
        for (const char* f : {"eval/geoparse/gwn.dev.jsonl", "eval/geoparse/lgl.dev.jsonl"}) {
            const std::string all = eventmap::test::read_file(*shared / f);
            check_same(all.substr(0, 100000));
        }
    }
}
