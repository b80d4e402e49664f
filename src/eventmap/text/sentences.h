#pragma once
// Paragraphs and sentences as byte spans of a UTF-8 text.
#include <string_view>
#include <vector>

#include "eventmap/text/span.h"

namespace eventmap::text {

/// Paragraphs: runs of text separated by blank lines (whitespace-only lines); trimmed, non-empty.
std::vector<Span> split_paragraphs(std::string_view text);

/// Sentences of `text`, trimmed, in order. Knows abbreviations (Feb., U.S., Gen., Lt. Col., No., St.,
/// e.g., a.m., initials "J. R. Smith"), decimals (1.5), quotes and brackets after the full stop;
/// a newline ends a sentence (headlines, datelines, captions have no full stop).
std::vector<Span> split_sentences(std::string_view text);

/// As split_sentences, but only within `range` of `text` (spans stay relative to `text`).
std::vector<Span> split_sentences(std::string_view text, Span range);

}  // namespace eventmap::text
