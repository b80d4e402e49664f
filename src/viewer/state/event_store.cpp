#include "viewer/state/event_store.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include "eventmap/core/error.h"
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

std::uint32_t StringTable::intern(std::string_view s) {
    if (auto it = m_ids.find(s); it != m_ids.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(m_names.size());
    m_names.emplace_back(s);
    m_ids.emplace(m_names.back(), id);
    return id;
}

std::uint32_t EventRecords::add(events::Event e) {
    m_memory.push_back(std::move(e));
    m_refs.push_back({m_memory.size() - 1, 0, 0, kMemory});
    return static_cast<std::uint32_t>(m_refs.size() - 1);
}

std::uint16_t EventRecords::add_file(std::shared_ptr<const MappedFile> file, std::string name) {
    if (m_files.size() + 1 >= kMemory) throw UsageError("more than 65534 event files at once");
    m_files.push_back(std::move(file));
    m_file_names.push_back(std::move(name));
    return static_cast<std::uint16_t>(m_files.size() - 1);
}

std::uint32_t EventRecords::add_range(std::uint16_t file, std::uint64_t offset, std::uint32_t length, std::uint32_t index) {
    m_refs.push_back({offset, length, index, file});
    return static_cast<std::uint32_t>(m_refs.size() - 1);
}

events::Event EventRecords::get(std::uint32_t record) const {
    const Ref& r = m_refs[record];
    if (r.file == kMemory) return m_memory[r.offset];
    events::Event e = exporter::read_event_record(*m_files[r.file], r.offset, r.length);
    if (e.id.empty()) e.id = m_file_names[r.file] + ":" + std::to_string(r.index);
    return e;
}

std::string EventRecords::id(std::uint32_t record) const {
    const Ref& r = m_refs[record];
    if (r.file == kMemory) return m_memory[r.offset].id;
    return get(record).id;
}

void LoadedEvents::add(events::Event e) {
    const EventRow row = make_row(e.point, e.event_date, e.type, e.sub_event_type, e.actor1, e.country, e.location,
                                  e.count, e.fatalities);
    rows.push_back(row);
    rows.back().record = records.add(std::move(e));
}

void LoadedEvents::add(const exporter::FeatureSummary& s, std::uint16_t file) {
    rows.push_back(make_row(s.point, s.event_date, s.type, s.sub_event_type, s.actor1, s.country, s.location, s.count,
                            s.fatalities));
    rows.back().record = records.add_range(file, s.offset, s.length, static_cast<std::uint32_t>(s.index));
}

EventRow LoadedEvents::make_row(geo::LatLon point, events::Date date, std::string_view type, std::string_view label,
                                std::string_view actor, std::string_view country, std::string_view location,
                                std::optional<int> count, std::optional<int> fatalities) {
    EventRow row;
    row.point = point;
    row.date = date;
    row.type = types.intern(type);
    // A type's label: the first non-empty one its events carry (all the store uses), looked up
    // only until found.
    if (row.type >= type_label.size()) type_label.resize(row.type + 1, -1);
    if (type_label[row.type] < 0 || labels.at(static_cast<std::uint32_t>(type_label[row.type])).empty())
        type_label[row.type] = labels.intern(label);
    row.label = static_cast<std::uint32_t>(type_label[row.type]);
    row.actor = actors.intern(actor);
    row.country = countries.intern(country);
    row.location = locations.intern(location);
    row.count = count.value_or(-1);
    row.fatalities = fatalities.value_or(-1);
    return row;
}

EventStore EventStore::build(std::vector<events::Event> input, ProjectionKind projection) {
    LoadedEvents loaded;
    loaded.rows.reserve(input.size());
    for (auto& e : input) loaded.add(std::move(e));
    return build(std::move(loaded), projection);
}

EventStore EventStore::build(LoadedEvents loaded, ProjectionKind projection) {
    EventStore s;
    s.m_projection = projection;
    // Drop what cannot be drawn: no point or no date.
    std::vector<EventRow>& rows = loaded.rows;
    std::size_t kept = 0;
    for (auto& r : rows) {
        if (!r.point.is_valid() || !r.date.is_valid()) { ++s.m_dropped; continue; }
        rows[kept++] = r;
    }
    rows.resize(kept);

    // Counts per interned type, actor and country.
    std::vector<std::uint32_t> type_n(loaded.types.size()), actor_n(loaded.actors.size()), country_n(loaded.countries.size());
    std::vector<std::int64_t> type_label(loaded.types.size(), -1);
    for (const auto& r : rows) {
        ++type_n[r.type];
        ++actor_n[r.actor];
        ++country_n[r.country];
        if (type_label[r.type] < 0 && !loaded.labels.at(r.label).empty()) type_label[r.type] = r.label;
    }
    // Known types in the taxonomy's order (so colours are stable across files), then unknown
    // slugs alphabetically.
    std::vector<std::pair<std::string, std::uint32_t>> types;
    std::unordered_map<std::string, std::string> label_of;
    for (std::uint32_t t = 0; t < type_n.size(); ++t) {
        if (!type_n[t]) continue;
        types.push_back({loaded.types.at(t), type_n[t]});
        if (type_label[t] >= 0) label_of[loaded.types.at(t)] = loaded.labels.at(static_cast<std::uint32_t>(type_label[t]));
    }
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
        else if (label_of.count(t.slug)) t.label = label_of[t.slug];
        else t.label = t.slug.empty() ? "(no type)" : t.slug;
        std::replace(t.label.begin(), t.label.end(), '_', ' ');
        t.rgba = type_colour(info ? info->bit : i);
        t.symbol = info ? type_symbol(info->event_type) : static_cast<std::uint8_t>(i % 6);
        t.events = types[i].second;
        s.m_types.push_back(t);
        type_bit[t.slug] = static_cast<std::uint8_t>(i);
    }
    // Bits by interned id: types, then the top actors and countries.
    std::vector<std::uint8_t> type_bit_of(loaded.types.size(), static_cast<std::uint8_t>(s.m_types.empty() ? 0 : s.m_types.size() - 1));
    for (std::uint32_t t = 0; t < type_bit_of.size(); ++t)
        if (auto it = type_bit.find(loaded.types.at(t)); it != type_bit.end()) type_bit_of[t] = it->second;
    auto categories = [](const StringTable& names, const std::vector<std::uint32_t>& n, std::vector<std::uint8_t>& bit_of) {
        std::unordered_map<std::string, std::uint32_t> counts;
        for (std::uint32_t i = 0; i < n.size(); ++i)
            if (n[i]) counts[names.at(i)] += n[i];
        std::unordered_map<std::string, std::uint8_t> bits;
        auto out = top_categories(counts, bits);
        bit_of.assign(n.size(), 31);
        for (std::uint32_t i = 0; i < n.size(); ++i)
            if (auto it = bits.find(names.at(i)); it != bits.end()) bit_of[i] = it->second;
        return out;
    };
    std::vector<std::uint8_t> actor_bit_of, country_bit_of;
    s.m_actors = categories(loaded.actors, actor_n, actor_bit_of);
    s.m_countries = categories(loaded.countries, country_n, country_bit_of);

    // Order by (bucket, day): a counting sort by bucket (O(n), stable), then by day inside each
    // bucket. Only indices move; the records stay where the loader put them.
    const std::size_t n = rows.size();
    std::vector<std::uint32_t> bucket_ids(n);
    std::vector<std::int32_t> days(n);
    s.m_bucket_begin.assign(kBuckets + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        bucket_ids[i] = static_cast<std::uint32_t>(bucket_of(rows[i].point));
        days[i] = static_cast<std::int32_t>(rows[i].date.days_since_epoch());
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
    s.m_points.resize(n);
    s.m_location.resize(n);
    s.m_record.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
        const EventRow& r = rows[order[j]];
        GpuEvent& g = s.m_gpu[j];
        g.day = days[order[j]];
        g.type = type_bit_of[r.type];
        g.actor = actor_bit_of[r.actor];
        g.country = country_bit_of[r.country];
        g.count = std::max<std::uint16_t>(1, clamp_u16(r.count < 0 ? std::nullopt : std::optional<int>(r.count), 1));
        g.fatalities = clamp_u16(r.fatalities < 0 ? std::nullopt : std::optional<int>(r.fatalities), 0);
        s.m_points[j] = r.point;
        s.m_location[j] = r.location;
        s.m_record[j] = r.record;
    }
    s.m_records = std::move(loaded.records);
    s.m_locations = std::move(loaded.locations);
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
    std::vector<WorldPoint> world(m_points.size());
    proj.forward_many(m_points, world);
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
    for (std::size_t i = 0; i < m_record.size(); ++i)
        if (m_records.id(m_record[i]) == id) return static_cast<std::int64_t>(i);
    return -1;
}

}  // namespace eventmap::viewer
