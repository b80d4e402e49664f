#pragma once
// The viewer's single entry point for input: eventmap GeoJSON / GeoJSONSeq, any point layer
// GDAL reads (GeoPackage, CSV with lat/lon columns, shapefile...) with a date field, or
// articles (which need the events stage: see ArticleExtractor).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "eventmap/events/event.h"
#include "viewer/state/event_store.h"

namespace eventmap::viewer {

/// Turns article files into events. The events stage provides it (cmd_view sets it);
/// until then, article inputs fail with a clear message.
using ArticleExtractor = std::function<std::vector<events::Event>(const std::vector<std::string>& article_paths)>;

struct LoadOptions {
    std::string date_field;              ///< "" = detect (event_date, date, ... or the first date-typed field)
    std::size_t max_events = 5'000'000;  ///< features beyond this are not loaded (the report says so)
    ArticleExtractor extract_articles;   ///< empty: article inputs are refused
};

/// What loading found: counts per outcome and a few messages for the status panel.
struct LoadReport {
    std::size_t features = 0;      ///< features read
    std::size_t loaded = 0;        ///< events kept
    std::size_t no_geometry = 0;   ///< features without a geometry
    std::size_t not_point = 0;     ///< non-point geometries (their first point/centroid is used when possible)
    std::size_t bad_geometry = 0;  ///< empty or non-finite geometries, skipped
    std::size_t no_date = 0;       ///< features without a parseable date, skipped
    std::size_t truncated = 0;     ///< features beyond max_events, not read
    std::vector<std::string> messages;
    /// One line for the status bar: "1000 events from x.geojson; 3 without a date skipped".
    std::string summary() const;
};

/// True for inputs that are articles (text, HTML, JSON Lines of articles) rather than events.
bool is_article_input(const std::string& path);

/// Loads every input; throws eventmap::IoError when a file cannot be opened, UsageError for
/// article inputs without an extractor. Bad records are counted in `report`, never fatal.
std::vector<events::Event> load_events_for_viewer(const std::vector<std::string>& inputs, const LoadOptions& options,
                                                  LoadReport& report);

/// The same inputs, loaded for the map: eventmap's own GeoJSON / GeoJSONSeq stays mapped and
/// only a summary of each event is read (whole records are parsed when someone looks at one);
/// everything else is read whole, as load_events_for_viewer does.
LoadedEvents load_for_viewer(const std::vector<std::string>& inputs, const LoadOptions& options, LoadReport& report);

/// Parses the date forms found in event files: "2023-03-14", "2023-03-14T10:00:00Z",
/// "2023/03/14", "14 March 2023", "20230314". nullopt when none matches.
std::optional<events::Date> parse_event_date(const std::string& text);

}  // namespace eventmap::viewer
