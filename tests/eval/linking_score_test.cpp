// Event-location linking scores, and the reading of gold spans that the corpus gives as token
// indices (sentences of our own).
#include <catch2/catch.hpp>

#include <string>

#include "eventmap/eval/linking_score.h"

using eventmap::eval::CpSpan;
using eventmap::eval::repair_gold_span;

namespace {
std::string slice(const std::string& ascii, CpSpan s) {
    return ascii.substr(static_cast<std::size_t>(s.first), static_cast<std::size_t>(s.second - s.first));
}
}  // namespace

TEST_CASE("a gold span that names a place as code points is kept", "[eval][linking]") {
    const std::string t = "Rockets struck a depot in Vardenis on Monday.";
    bool tokens = true;
    const CpSpan s = repair_gold_span(t, {26, 34}, &tokens);
    CHECK(slice(t, s) == "Vardenis");
    CHECK_FALSE(tokens);
}

TEST_CASE("an empty gold span is read as an inclusive token index", "[eval][linking]") {
    // In(0) the(1) hill(2) town(3) of(4) Vardenis(5) ,(6) ...
    const std::string t = "In the hill town of Vardenis, soldiers clashed with rebels.";
    bool tokens = false;
    const CpSpan s = repair_gold_span(t, {5, 5}, &tokens);
    CHECK(slice(t, s) == "Vardenis");
    CHECK(tokens);
}

TEST_CASE("a word-cutting gold span is read as token indices, leading whitespace and hyphens counted",
          "[eval][linking]") {
    // " "(0) Ana(1) Ruiz(2) -(3) Soto(4) was(5) arrested(6) in(7) San(8) Jorge(9) .(10)
    const std::string t = " Ana Ruiz-Soto was arrested in San Jorge.";
    const CpSpan s = repair_gold_span(t, {8, 9});
    CHECK(slice(t, s) == "San Jorge");
}

TEST_CASE("possessives and abbreviations are tokens as spaCy counts them", "[eval][linking]") {
    // The(0) U.S.(1) army's(2->army, 's = 2, 3) base(4) in(5) Lorca(6) was(7) shelled(8) .(9)
    const std::string t = "The U.S. army's base in Lorca was shelled.";
    const auto toks = eventmap::eval::linking_tokens(t);
    REQUIRE(toks.size() == 10);
    CHECK(slice(t, toks[1]) == "U.S.");
    CHECK(slice(t, toks[3]) == "'s");
    CHECK(slice(t, repair_gold_span(t, {6, 6})) == "Lorca");
}

TEST_CASE("a span that fits neither reading is kept as given", "[eval][linking]") {
    const std::string t = "the protest went on.";
    const CpSpan s = repair_gold_span(t, {2, 2});
    CHECK(s == CpSpan{2, 2});
}

TEST_CASE("linking precision and recall count overlaps", "[eval][linking]") {
    eventmap::eval::LinkingScore score;
    eventmap::eval::score_linking({{10, 20}, {30, 35}}, {{12, 20}, {40, 45}, {12, 20}}, score);
    CHECK(score.predicted == 2);  // the same span twice counts once
    CHECK(score.correct == 1);
    CHECK(score.gold == 2);
    CHECK(score.gold_found == 1);
    CHECK(score.precision() == Approx(0.5));
    CHECK(score.recall() == Approx(0.5));
}
