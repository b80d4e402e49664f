#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "eventmap/text/sentences.h"

using namespace eventmap::text;

namespace {
std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    for (const Span& s : split_sentences(text)) out.emplace_back(s.of(text));
    return out;
}
}  // namespace

TEST_CASE("titles and military ranks do not end sentences", "[sentences]") {
    CHECK(sentences("Gen. Ivan Petrov met Lt. Col. Anna Sokol and Maj. Oleh Bondar in St. Petersburg. "
                    "Sgt. Lee was not there.") ==
          std::vector<std::string>{"Gen. Ivan Petrov met Lt. Col. Anna Sokol and Maj. Oleh Bondar in St. Petersburg.",
                                   "Sgt. Lee was not there."});
    CHECK(sentences("Mr. Hale and Mrs. Hale met Dr. Novak. They talked.").size() == 2);
}

TEST_CASE("month abbreviations and No. before numbers do not end sentences", "[sentences]") {
    CHECK(sentences("The bridge closed on Feb. 3 and reopened on Sept. 12. Traffic resumed.") ==
          std::vector<std::string>{"The bridge closed on Feb. 3 and reopened on Sept. 12.", "Traffic resumed."});
    CHECK(sentences("Brigade No. 5 moved north. It rained.").size() == 2);
    CHECK(sentences("The vote was in Jan. The result came later.").size() == 2);
}

TEST_CASE("dotted acronyms, initials, e.g. and a.m. stay inside the sentence", "[sentences]") {
    CHECK(sentences("The U.S. and the U.N. agreed on a plan. Talks resume Monday.") ==
          std::vector<std::string>{"The U.S. and the U.N. agreed on a plan.", "Talks resume Monday."});
    CHECK(sentences("J. R. Smith arrived at 10 a.m. on Tuesday. He left at noon.") ==
          std::vector<std::string>{"J. R. Smith arrived at 10 a.m. on Tuesday.", "He left at noon."});
    CHECK(sentences("Ports, e.g. Varna, stayed open. Others shut.").size() == 2);
    CHECK(sentences("Police arrived around 7:35 p.m. Sunday at the dock.").size() == 1);
    CHECK(sentences("The ferry left at 9 a.m. GMT on the dot.").size() == 1);
    CHECK(sentences("The ferry left at 9 a.m. Crews cheered.").size() == 2);
    CHECK(sentences("Acme Corp. said exports rose vs. last year.").size() == 1);
}

TEST_CASE("decimals do not split, quotes and brackets after the stop stay with the sentence", "[sentences]") {
    CHECK(sentences("Prices rose 1.5 percent in the quarter. Analysts were surprised.").size() == 2);
    CHECK(sentences("\u201cWe will rebuild.\u201d The crowd cheered. (The mayor left early.) Then it rained.") ==
          std::vector<std::string>{"\u201cWe will rebuild.\u201d", "The crowd cheered.", "(The mayor left early.)",
                                   "Then it rained."});
    CHECK(sentences("Why now? Nobody knows! \"Really?\" she asked.") ==
          std::vector<std::string>{"Why now?", "Nobody knows!", "\"Really?\" she asked."});
}

TEST_CASE("line breaks end headlines, wrapped prose runs on", "[sentences]") {
    CHECK(sentences("Floods hit coastal towns\nRain fell for three days.") ==
          std::vector<std::string>{"Floods hit coastal towns", "Rain fell for three days."});
    CHECK(sentences("The convoy moved slowly through\nthe valley. It arrived.") ==
          std::vector<std::string>{"The convoy moved slowly through\nthe valley.", "It arrived."});
    CHECK(sentences("First paragraph ends here\n\nsecond one starts lower case.").size() == 2);
}

TEST_CASE("paragraphs are separated by blank lines", "[sentences]") {
    const std::string t = "  One. Two.\nStill one.\n\n \t \nThree.\n\n\nFour";
    std::vector<std::string> paras;
    for (const Span& p : split_paragraphs(t)) paras.emplace_back(p.of(t));
    CHECK(paras == std::vector<std::string>{"One. Two.\nStill one.", "Three.", "Four"});
}

TEST_CASE("sentences of a range keep offsets in the whole text", "[sentences]") {
    const std::string t = "Skip this. Take this one. And this.";
    const auto s = split_sentences(t, Span{11, t.size()});
    REQUIRE(s.size() == 2);
    CHECK(s[0].of(t) == "Take this one.");
    CHECK(s[0].begin == 11);
}
