#pragma once
// The loaded events, arranged for drawing: sorted by (spatial bucket, day) so that for any
// bucket the events of a time window are one contiguous range (what the GPU draws with
// glMultiDrawArrays), with per-event world coordinates and the category bits the filters use.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventmap/events/event.h"
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

class EventStore {
public:
    static constexpr int kBucketsX = 256;  ///< 1.40625° of longitude each
    static constexpr int kBucketsY = 128;  ///< 1.40625° of latitude each
    static constexpr int kBuckets = kBucketsX * kBucketsY;

    /// Arranges `events` (invalid points and dates are dropped and counted in dropped()).
    static EventStore build(std::vector<events::Event> events, ProjectionKind projection);

    /// Recomputes world coordinates for another projection (order and buckets stay).
    void reproject(ProjectionKind projection);

    std::size_t size() const { return m_events.size(); }
    bool empty() const { return m_events.empty(); }
    /// The i-th event in drawing order (precondition: i < size()).
    const events::Event& event(std::uint32_t i) const { return m_events[i]; }
    std::span<const events::Event> events() const { return m_events; }
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
    std::vector<events::Event> m_events;
    std::vector<GpuEvent> m_gpu;
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
