#include "viewer/state/event_store.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include "eventmap/events/taxonomy.h"
#include "viewer/state/projection.h"

namespace eventmap::viewer {
namespace {
// Okabe-Ito first (colour-blind safe), then distinct extras; symbols cycle so that two types
// sharing a colour family still differ in shape.
constexpr std::array<std::array<std::uint8_t, 4>, 16> kPalette{{
    {213, 94, 0, 255},   {0, 114, 178, 255},  {230, 159, 0, 255},  {0, 158, 115, 255},
    {204, 121, 167, 255}, {86, 180, 233, 255}, {240, 228, 66, 255}, {120, 60, 160, 255},
    {170, 40, 40, 255},  {60, 60, 60, 255},   {40, 160, 160, 255}, {160, 120, 40, 255},
    {250, 110, 140, 255}, {100, 180, 60, 255}, {90, 90, 200, 255},  {200, 200, 200, 255},
}};

std::uint16_t clamp_u16(std::optional<int> v, int fallback) {
    int x = v.value_or(fallback);
    return static_cast<std::uint16_t>(std::clamp(x, 0, 65535));
}

// Top-31 categories by count, everything else (and "") on bit 31.
std::vector<Category> top_categories(const std::unordered_map<std::string, std::uint32_t>& counts,
                                     std::unordered_map<std::string, std::uint8_t>& bit_of) {
    std::vector<Category> all;
    for (const auto& [name, n] : counts)
        if (!name.empty()) all.push_back({name, n});
    std::sort(all.begin(), all.end(), [](const Category& a, const Category& b) {
        return a.events != b.events ? a.events > b.events : a.name < b.name;
    });
    if (all.size() > 31) all.resize(31);
    for (std::size_t i = 0; i < all.size(); ++i) bit_of[all[i].name] = static_cast<std::uint8_t>(i);
    std::uint32_t other = 0;
    for (const auto& [name, n] : counts)
        if (!bit_of.count(name)) other += n;
    all.resize(31);  // bit 31 is always "other", so pad the named ones
    all.push_back({"(other)", other});
    return all;
}
}  // namespace

std::array<std::uint8_t, 4> type_colour(std::size_t i) { return kPalette[i % kPalette.size()]; }

std::uint8_t type_symbol(std::string_view event_type) {
    // One shape per ACLED event type (battles, explosions, violence against civilians, ...),
    // in the taxonomy's order; colours then tell the sub-event types apart.
    std::vector<std::string_view> groups;
    for (const auto& t : events::event_types())
        if (std::find(groups.begin(), groups.end(), t.event_type) == groups.end()) groups.push_back(t.event_type);
    auto it = std::find(groups.begin(), groups.end(), event_type);
    return static_cast<std::uint8_t>(it == groups.end() ? 0 : (it - groups.begin()) % 6);
}

int bucket_of(geo::LatLon p) {
    int bx = static_cast<int>(std::floor((p.lon_deg + 180.0) / 360.0 * EventStore::kBucketsX));
    int by = static_cast<int>(std::floor((90.0 - p.lat_deg) / 180.0 * EventStore::kBucketsY));
    bx = std::clamp(bx, 0, EventStore::kBucketsX - 1);
    by = std::clamp(by, 0, EventStore::kBucketsY - 1);
    return by * EventStore::kBucketsX + bx;
}

EventStore EventStore::build(std::vector<events::Event> input, ProjectionKind projection) {
    EventStore s;
    s.m_projection = projection;
    // Drop what cannot be drawn: no point or no date.
    std::size_t kept = 0;
    for (auto& e : input) {
        if (!e.point.is_valid() || !e.event_date.is_valid()) { ++s.m_dropped; continue; }
        if (kept != static_cast<std::size_t>(&e - input.data())) input[kept] = std::move(e);
        ++kept;
    }
    input.resize(kept);

    // Types, sorted by slug so a file's colours do not depend on event order.
    std::unordered_map<std::string, std::uint32_t> type_counts;
    std::unordered_map<std::string, std::uint32_t> actor_counts, country_counts;
    std::map<std::string, std::string> type_label;
    for (const auto& e : input) {
        ++type_counts[e.type];
        if (!e.sub_event_type.empty()) type_label.try_emplace(e.type, e.sub_event_type);
        if (!e.actor1.empty()) ++actor_counts[e.actor1];
        ++country_counts[e.country];
    }
    // Known types in the taxonomy's order (so colours are stable across files), then unknown
    // slugs alphabetically.
    std::vector<std::pair<std::string, std::uint32_t>> types(type_counts.begin(), type_counts.end());
    std::sort(types.begin(), types.end());
    auto order_key = [](const std::string& slug) -> std::uint32_t {
        const events::EventTypeInfo* t = events::find_type(slug);
        return t ? t->bit : 1000;
    };
    std::stable_sort(types.begin(), types.end(), [&](auto& a, auto& b) { return order_key(a.first) < order_key(b.first); });
    if (types.size() > 32) {
        // The 31 most frequent keep their own bit; the rest share the last one.
        std::stable_sort(types.begin(), types.end(), [](auto& a, auto& b) { return a.second > b.second; });
        std::uint32_t rest = 0;
        for (std::size_t i = 31; i < types.size(); ++i) rest += types[i].second;
        types.resize(31);
        std::stable_sort(types.begin(), types.end(), [&](auto& a, auto& b) { return order_key(a.first) < order_key(b.first); });
        types.push_back({"(other types)", rest});
    }
    std::unordered_map<std::string, std::uint8_t> type_bit;
    for (std::size_t i = 0; i < types.size(); ++i) {
        TypeStyle t;
        t.slug = types[i].first;
        const events::EventTypeInfo* info = events::find_type(t.slug);
        if (info) t.label = std::string(info->sub_event_type);
        else if (type_label.count(t.slug)) t.label = type_label[t.slug];
        else t.label = t.slug.empty() ? "(no type)" : t.slug;
        std::replace(t.label.begin(), t.label.end(), '_', ' ');
        t.rgba = type_colour(info ? info->bit : i);
        t.symbol = info ? type_symbol(info->event_type) : static_cast<std::uint8_t>(i % 6);
        t.events = types[i].second;
        s.m_types.push_back(t);
        type_bit[t.slug] = static_cast<std::uint8_t>(i);
    }
    std::unordered_map<std::string, std::uint8_t> actor_bit, country_bit;
    s.m_actors = top_categories(actor_counts, actor_bit);
    s.m_countries = top_categories(country_counts, country_bit);

    // Order by (bucket, day): a counting sort by bucket (O(n), stable), then by day inside each
    // bucket; the events themselves move once, through the permutation.
    const std::size_t n = input.size();
    std::vector<std::uint32_t> bucket_ids(n);
    std::vector<std::int32_t> days(n);
    s.m_bucket_begin.assign(kBuckets + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        bucket_ids[i] = static_cast<std::uint32_t>(bucket_of(input[i].point));
        days[i] = static_cast<std::int32_t>(input[i].event_date.days_since_epoch());
        ++s.m_bucket_begin[bucket_ids[i] + 1];
    }
    for (int b = 0; b < kBuckets; ++b) s.m_bucket_begin[b + 1] += s.m_bucket_begin[b];
    std::vector<std::uint32_t> order(n);
    {
        std::vector<std::uint32_t> next(s.m_bucket_begin.begin(), s.m_bucket_begin.end() - 1);
        for (std::size_t i = 0; i < n; ++i) order[next[bucket_ids[i]]++] = static_cast<std::uint32_t>(i);
    }
    for (int b = 0; b < kBuckets; ++b)
        std::stable_sort(order.begin() + s.m_bucket_begin[b], order.begin() + s.m_bucket_begin[b + 1],
                         [&](std::uint32_t a, std::uint32_t c) { return days[a] < days[c]; });
    s.m_gpu.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
        const events::Event& e = input[order[j]];
        GpuEvent& g = s.m_gpu[j];
        g.day = days[order[j]];
        auto t = type_bit.find(e.type);
        g.type = t != type_bit.end() ? t->second : static_cast<std::uint8_t>(s.m_types.size() - 1);
        auto a = actor_bit.find(e.actor1);
        g.actor = a != actor_bit.end() ? a->second : 31;
        auto c = country_bit.find(e.country);
        g.country = c != country_bit.end() ? c->second : 31;
        g.count = std::max<std::uint16_t>(1, clamp_u16(e.count, 1));
        g.fatalities = clamp_u16(e.fatalities, 0);
    }
    // Permute the events in place (cycle by cycle, with swaps): a second vector of a million
    // records would mean ~650 MB of fresh pages, and page faults dominate loading on a VM.
    std::vector<bool> placed(n, false);
    for (std::size_t start = 0; start < n; ++start) {
        if (placed[start]) continue;
        std::size_t j = start;
        while (order[j] != start) {
            std::swap(input[j], input[order[j]]);
            placed[j] = true;
            j = order[j];
        }
        placed[j] = true;
    }
    s.m_events = std::move(input);
    if (!s.m_gpu.empty()) {
        auto [lo, hi] = std::minmax_element(s.m_gpu.begin(), s.m_gpu.end(),
                                            [](const GpuEvent& a, const GpuEvent& b) { return a.day < b.day; });
        s.m_first_day = lo->day;
        s.m_last_day = hi->day;
        std::size_t ntypes = s.m_types.size();
        s.m_histogram.assign(static_cast<std::size_t>(s.m_last_day - s.m_first_day + 1) * ntypes, 0);
        for (const auto& g : s.m_gpu) ++s.m_histogram[static_cast<std::size_t>(g.day - s.m_first_day) * ntypes + g.type];
    }
    s.reproject(projection);
    return s;
}

void EventStore::reproject(ProjectionKind projection) {
    m_projection = projection;
    Projection proj = Projection::create(projection);
    std::vector<geo::LatLon> points(m_events.size());
    for (std::size_t i = 0; i < m_events.size(); ++i) points[i] = m_events[i].point;
    std::vector<WorldPoint> world(points.size());
    proj.forward_many(points, world);
    m_bucket_bounds.assign(kBuckets, WorldRect{1, 1, 0, 0});
    m_bounds = WorldRect{1, 1, 0, 0};
    for (int b = 0; b < kBuckets; ++b) {
        IndexRange r = bucket(b);
        WorldRect box{1e9, 1e9, -1e9, -1e9};
        for (std::uint32_t i = r.first; i < r.last; ++i) {
            m_gpu[i].world_x = static_cast<float>(world[i].x);
            m_gpu[i].world_y = static_cast<float>(world[i].y);
            box.x0 = std::min(box.x0, world[i].x);
            box.y0 = std::min(box.y0, world[i].y);
            box.x1 = std::max(box.x1, world[i].x);
            box.y1 = std::max(box.y1, world[i].y);
        }
        if (r.size() == 0) continue;
        m_bucket_bounds[b] = box;
        if (m_bounds.x0 > m_bounds.x1) m_bounds = box;
        m_bounds = {std::min(m_bounds.x0, box.x0), std::min(m_bounds.y0, box.y0), std::max(m_bounds.x1, box.x1),
                    std::max(m_bounds.y1, box.y1)};
    }
}

IndexRange EventStore::window_range(int b, const TimeWindow& window) const {
    IndexRange r = bucket(b);
    if (window.is_empty() || r.size() == 0) return {r.first, r.first};
    auto begin = m_gpu.begin() + r.first, end = m_gpu.begin() + r.last;
    auto lo = std::lower_bound(begin, end, window.first_day, [](const GpuEvent& g, std::int64_t d) { return g.day < d; });
    auto hi = std::upper_bound(lo, end, window.last_day, [](std::int64_t d, const GpuEvent& g) { return d < g.day; });
    return {static_cast<std::uint32_t>(lo - m_gpu.begin()), static_cast<std::uint32_t>(hi - m_gpu.begin())};
}

std::int64_t EventStore::find_id(const std::string& id) const {
    for (std::size_t i = 0; i < m_events.size(); ++i)
        if (m_events[i].id == id) return static_cast<std::int64_t>(i);
    return -1;
}

}  // namespace eventmap::viewer
