#pragma once
// Article -> events: structure, publication date, places, detection, event records.
// The one function the CLI, the evaluation and the viewer all call.
#include <functional>
#include <optional>
#include <vector>

#include "eventmap/events/detector.h"
#include "eventmap/events/event.h"
#include "eventmap/geoparse/toponym.h"
#include "eventmap/ingest/article.h"
#include "eventmap/text/structure.h"

namespace eventmap::events {

/// Finds and resolves the place names of an article (the geoparser in production; tests pass a
/// small table). Toponym offsets are in Article::text; any order.
using PlaceFinder =
    std::function<std::vector<geoparse::Toponym>(const ingest::Article&, const text::ArticleStructure&)>;

struct ExtractOptions {
    /// Publication date when neither the input's metadata nor the dateline gives one (--date).
    std::optional<Date> default_date;
    /// Events below this confidence are dropped (0..1).
    double min_confidence = 0.0;
    /// When false, events with no place are kept (no point; for type-only evaluation).
    bool require_place = true;
};

/// Everything extraction needs; read-only, shared by worker threads.
class Extractor {
public:
    /// `detector` must outlive the Extractor.
    Extractor(const Detector& detector, PlaceFinder places, ExtractOptions options = {});
    const Detector& detector() const { return *m_detector; }
    const PlaceFinder& places() const { return m_places; }
    const ExtractOptions& options() const { return m_options; }

private:
    const Detector* m_detector;
    PlaceFinder m_places;
    ExtractOptions m_options;
};

/// The events one article reports, in text order; duplicates within the article merged.
/// Thread-safe for distinct articles.
std::vector<Event> extract_events(const ingest::Article& article, const Extractor& extractor);

/// The reference date extraction uses for an article: metadata, the dateline, --date, else the
/// latest full date the text mentions; nullopt when none of these exist.
std::optional<Date> reference_date(const ingest::Article& article, const text::ArticleStructure& structure,
                                   const ExtractOptions& options);

/// Stable event id: hex XXH3-64 of the article id and the trigger's code-point span.
std::string event_id(const std::string& article_id, std::int64_t trigger_start_cp, std::int64_t trigger_end_cp);

}  // namespace eventmap::events
