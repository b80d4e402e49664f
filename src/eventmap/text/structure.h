#pragma once
// Where the story is: title, dateline, byline, credits, captions and web boilerplate.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eventmap/events/event.h"
#include "eventmap/ingest/article.h"
#include "eventmap/text/span.h"

namespace eventmap::text {

enum class ZoneKind : std::uint8_t { title, dateline, body, byline, credit, caption, boilerplate };

/// "title", "dateline", "body", ...
const char* to_string(ZoneKind kind);

struct Zone {
    Span span;      ///< bytes of Article::text
    ZoneKind kind = ZoneKind::body;
    friend bool operator==(const Zone&, const Zone&) = default;
};

/// "BEIJING/NEAR BAKHMUT, Ukraine, March 17 (Reuters) -"
struct Dateline {
    Span span;                          ///< the whole dateline, separator included
    std::vector<Span> place_spans;      ///< "BEIJING", "NEAR BAKHMUT", "Ukraine" (bytes of Article::text)
    std::optional<int> month, day, year;
    std::string agency;                 ///< "Reuters", "AP", "AFP"; "" when none
};

struct ArticleStructure {
    std::vector<Zone> zones;            ///< in order, not overlapping; gaps are whitespace only
    std::optional<Dateline> dateline;
    /// True when byte `offset` is in a zone of `kind`.
    bool in(std::size_t offset, ZoneKind kind) const;
    /// The kind of zone holding byte `offset` (body when in a gap).
    ZoneKind kind_at(std::size_t offset) const;
};

/// Marks the zones of an article's text (each paragraph gets one kind; the dateline is split off
/// the start of its paragraph, which stays body).
ArticleStructure analyse_structure(const ingest::Article& article);

/// Recognises a dateline at the start of `paragraph` (bytes of `text`); nullopt when none.
std::optional<Dateline> find_dateline(std::string_view text, Span paragraph);

/// Publication date: metadata, else the dateline's month/day with the year inferred from the years
/// the text mentions (the latest year such that the dateline is not before the past dates reported).
std::optional<events::Date> infer_publication_date(const ingest::Article& article, const ArticleStructure& structure);

}  // namespace eventmap::text
