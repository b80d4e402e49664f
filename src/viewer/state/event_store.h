#pragma once
// The loaded events, arranged for drawing: sorted by (spatial bucket, day) so that for any
// bucket the events of a time window are one contiguous range (what the GPU draws with
// glMultiDrawArrays), with per-event world coordinates and the category bits the filters use.
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmap/core/mapped_file.h"
#include "eventmap/events/event.h"
#include "eventmap/export/reader.h"
#include "viewer/state/viewer_state.h"

namespace eventmap::viewer {

/// How an event looks on the map: one entry per event type present (max 32).
struct TypeStyle {
    std::string slug;                 ///< "shelling_artillery_missile_attack"
    std::string label;                ///< "Shelling/artillery/missile attack"
    std::array<std::uint8_t, 4> rgba; ///< fill colour
    std::uint8_t symbol = 0;          ///< 0 circle, 1 square, 2 diamond, 3 triangle, 4 cross, 5 star
    std::uint32_t events = 0;         ///< how many loaded events have it
};

/// A category used by the actor and country filters (top 31 by count, then "other").
struct Category {
    std::string name;
    std::uint32_t events = 0;
};

/// One event as the GPU sees it (20 bytes, uploaded once).
struct GpuEvent {
    float world_x = 0;         ///< world units 0..1
    float world_y = 0;         ///< world units, 0 = north edge
    std::int32_t day = 0;      ///< days since 1970-01-01
    std::uint8_t type = 0;     ///< index into types() = bit in Filters::type_mask
    std::uint8_t actor = 31;   ///< bit in Filters::actor_mask
    std::uint8_t country = 31; ///< bit in Filters::country_mask
    std::uint8_t flags = 0;
    std::uint16_t count = 1;       ///< events reported ("four strikes" = 4), at least 1
    std::uint16_t fatalities = 0;  ///< 0 when none or unknown
};
static_assert(sizeof(GpuEvent) == 20);

/// Half-open range of indices into the sorted arrays.
struct IndexRange {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::uint32_t size() const { return last - first; }
};

/// An axis-aligned rectangle in world units.
struct WorldRect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool intersects(const WorldRect& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
    bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

/// Strings stored once, numbered in order of first appearance.
class StringTable {
public:
    StringTable() = default;
    StringTable(StringTable&&) = default;
    StringTable& operator=(StringTable&&) = default;
    StringTable(const StringTable&) = delete;  // the map's views point into this table's own strings
    StringTable& operator=(const StringTable&) = delete;
    std::uint32_t intern(std::string_view s);
    const std::string& at(std::uint32_t id) const { return m_names[id]; }
    std::size_t size() const { return m_names.size(); }

private:
    std::deque<std::string> m_names;  // a deque keeps each string where it is, so the map's views stay valid
    std::unordered_map<std::string_view, std::uint32_t> m_ids;
};

/// Where each event's whole record is: in memory, or a byte range of a mapped eventmap GeoJSON
/// file, parsed again when asked for. The viewer needs whole records only for the few events
/// someone looks at; holding a million of them in memory made loading take seconds.
class EventRecords {
public:
    std::uint32_t add(events::Event e);
    /// `name`: what ids default to ("name:index") for records without one, as the reader does.
    std::uint16_t add_file(std::shared_ptr<const MappedFile> file, std::string name);
    std::uint32_t add_range(std::uint16_t file, std::uint64_t offset, std::uint32_t length, std::uint32_t index);
    /// The whole event (precondition: record < size()); throws FormatError when a file's
    /// record no longer parses.
    events::Event get(std::uint32_t record) const;
    /// Its id alone, without building the rest for records held in memory.
    std::string id(std::uint32_t record) const;
    std::size_t size() const { return m_refs.size(); }

private:
    static constexpr std::uint16_t kMemory = 0xffff;
    struct Ref {
        std::uint64_t offset = 0;  ///< index into m_memory when file == kMemory
        std::uint32_t length = 0;
        std::uint32_t index = 0;  ///< the feature's number in its file
        std::uint16_t file = kMemory;
    };
    std::vector<Ref> m_refs;
    std::vector<events::Event> m_memory;
    std::vector<std::shared_ptr<const MappedFile>> m_files;
    std::vector<std::string> m_file_names;
};

/// One loaded event as the store needs it to draw, filter and sort (strings interned).
struct EventRow {
    geo::LatLon point;
    events::Date date;
    std::uint32_t type = 0, label = 0, actor = 0, country = 0, location = 0;  ///< ids in LoadedEvents' tables
    std::int32_t count = -1, fatalities = -1;                                ///< -1 when unknown
    std::uint32_t record = 0;                                                ///< index into LoadedEvents::records
};

/// What the loader hands the store: a row per event and where the whole records are.
struct LoadedEvents {
    std::vector<EventRow> rows;
    EventRecords records;
    StringTable types, labels, actors, countries, locations;
    std::vector<std::int64_t> type_label;  ///< per type id: a label id, -1 before any

    /// Adds an event held in memory.
    void add(events::Event e);
    /// Adds an event of a mapped file (`file` from records.add_file).
    void add(const exporter::FeatureSummary& s, std::uint16_t file);
    std::size_t size() const { return rows.size(); }

private:
    EventRow make_row(geo::LatLon point, events::Date date, std::string_view type, std::string_view label,
                      std::string_view actor, std::string_view country, std::string_view location,
                      std::optional<int> count, std::optional<int> fatalities);
};

class EventStore {
public:
    static constexpr int kBucketsX = 256;  ///< 1.40625° of longitude each
    static constexpr int kBucketsY = 128;  ///< 1.40625° of latitude each
    static constexpr int kBuckets = kBucketsX * kBucketsY;

    /// Arranges `events` (invalid points and dates are dropped and counted in dropped()).
    static EventStore build(std::vector<events::Event> events, ProjectionKind projection);
    static EventStore build(LoadedEvents loaded, ProjectionKind projection);

    /// Recomputes world coordinates for another projection (order and buckets stay).
    void reproject(ProjectionKind projection);

    std::size_t size() const { return m_gpu.size(); }
    bool empty() const { return m_gpu.empty(); }
    /// The i-th event in drawing order, whole (precondition: i < size()). Built on demand:
    /// call it for the events someone looks at, not for every event.
    events::Event event(std::uint32_t i) const { return m_records.get(m_record[i]); }
    /// Its point and place name, without building the whole event.
    geo::LatLon point(std::uint32_t i) const { return m_points[i]; }
    const std::string& location(std::uint32_t i) const { return m_locations.at(m_location[i]); }
    std::span<const GpuEvent> gpu() const { return m_gpu; }
    std::size_t dropped() const { return m_dropped; }
    ProjectionKind projection() const { return m_projection; }

    /// The events of bucket b (precondition: b < kBuckets).
    IndexRange bucket(int b) const { return {m_bucket_begin[b], m_bucket_begin[b + 1]}; }
    /// Tight world bounds of bucket b's events (meaningless when the bucket is empty).
    const WorldRect& bucket_bounds(int b) const { return m_bucket_bounds[b]; }
    /// The events of bucket b inside the window (binary search on day; O(log n)).
    IndexRange window_range(int b, const TimeWindow& window) const;

    /// Earliest and latest event day (0, -1 when empty).
    std::int64_t first_day() const { return m_first_day; }
    std::int64_t last_day() const { return m_last_day; }
    /// Whole-data window.
    TimeWindow full_window() const { return {m_first_day, m_last_day}; }

    std::span<const TypeStyle> types() const { return m_types; }
    std::span<const Category> actors() const { return m_actors; }
    std::span<const Category> countries() const { return m_countries; }

    /// Events per day and type: histogram()[(day - first_day()) * types().size() + type].
    std::span<const std::uint32_t> histogram() const { return m_histogram; }

    /// True when the event passes the filter masks.
    static bool passes(const GpuEvent& e, const Filters& f) {
        return ((f.type_mask >> e.type) & 1u) && ((f.actor_mask >> e.actor) & 1u) && ((f.country_mask >> e.country) & 1u);
    }

    /// World bounds of all events (for fit-to-data); x0 > x1 when empty.
    WorldRect bounds() const { return m_bounds; }

    /// Index of the event with this id, or -1.
    std::int64_t find_id(const std::string& id) const;

private:
    EventRecords m_records;
    StringTable m_locations;
    std::vector<GpuEvent> m_gpu;
    std::vector<geo::LatLon> m_points;       // drawing order
    std::vector<std::uint32_t> m_location;   // drawing order: id in m_locations
    std::vector<std::uint32_t> m_record;     // drawing order: index into m_records
    std::vector<std::uint32_t> m_bucket_begin;  // kBuckets + 1
    std::vector<WorldRect> m_bucket_bounds;
    std::vector<TypeStyle> m_types;
    std::vector<Category> m_actors, m_countries;
    std::vector<std::uint32_t> m_histogram;
    std::int64_t m_first_day = 0, m_last_day = -1;
    std::size_t m_dropped = 0;
    WorldRect m_bounds{1, 1, 0, 0};
    ProjectionKind m_projection = ProjectionKind::web_mercator;
};

/// The bucket a point falls in (lon/lat grid, independent of projection).
int bucket_of(geo::LatLon point);

/// Colour and symbol for the i-th type of a store (a fixed, colour-blind-aware palette).
std::array<std::uint8_t, 4> type_colour(std::size_t i);

/// Marker shape for an ACLED event type ("Battles", "Protests", ...): 0..5, see TypeStyle::symbol.
std::uint8_t type_symbol(std::string_view event_type);

}  // namespace eventmap::viewer
