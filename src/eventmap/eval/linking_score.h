#pragma once
// Scoring of event-location linking against the event_location corpus (Halterman 2019):
// see ../shared/eval/README.md and docs/accuracy.md ("Event-location linking").
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace eventmap::eval {

/// A span of code points [first, second).
using CpSpan = std::pair<std::int64_t, std::int64_t>;

/// Where a gold event location really is. Part of the corpus gives some spans as inclusive
/// *token* indices rather than code-point offsets (they show up as empty spans, or as spans that
/// cut words: "In the province of Ingushetia" with the place at 4..4). A span is kept as given
/// when it is a plausible name (non-empty, word-bounded, starting with a capital or a digit);
/// otherwise, when reading it as inclusive token indices (a tokenisation that splits whitespace,
/// leading and trailing punctuation, "'s" and hyphens between letters, as spaCy's English
/// tokenizer does) gives a plausible name, that span is used; otherwise it is kept as given.
/// `text` is UTF-8; offsets are code points. `as_tokens` is set when the token reading was used.
CpSpan repair_gold_span(std::string_view text, CpSpan given, bool* as_tokens = nullptr);

/// The code-point spans of the tokens of `text`, as repair_gold_span() counts them.
std::vector<CpSpan> linking_tokens(std::string_view text);

struct LinkingScore {
    std::size_t predicted = 0;   ///< distinct predicted place spans
    std::size_t correct = 0;     ///< predicted spans overlapping a gold span
    std::size_t gold = 0;        ///< gold spans
    std::size_t gold_found = 0;  ///< gold spans overlapped by a prediction
    double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0; }
    double recall() const { return gold ? static_cast<double>(gold_found) / gold : 0; }
};

/// Adds one sentence: a predicted span is correct when it overlaps a gold span, a gold span is
/// found when a prediction overlaps it.
void score_linking(const std::vector<CpSpan>& gold, const std::vector<CpSpan>& predicted, LinkingScore& into);

}  // namespace eventmap::eval
