#include "eventmap/events/dedup.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "eventmap/geo/geodesic.h"

namespace eventmap::events {
namespace {
Date last_day(const Event& e) { return e.date_end && *e.date_end > e.event_date ? *e.date_end : e.event_date; }
}  // namespace

bool same_event(const Event& a, const Event& b, double max_distance_km) {
    if (a.type != b.type || a.status != b.status) return false;
    if (last_day(a) < b.event_date || last_day(b) < a.event_date) return false;
    if (!a.point.is_valid() || !b.point.is_valid()) return false;
    // Cheap bound first: 0.1 degree of latitude is about 11 km.
    if (std::abs(a.point.lat_deg - b.point.lat_deg) > max_distance_km / 100.0 + 0.01) return false;
    return geo::distance_km(a.point, b.point) <= max_distance_km;
}

std::vector<Event> merge_duplicates(std::vector<Event> events, double max_distance_km) {
    std::vector<Event> out;
    out.reserve(events.size());
    // Only events of one type and status can be the same: each is compared with the kept events of
    // its own kind, in the order they were kept (the first twin wins, as over the whole list).
    // The days and latitude same_event() tests first, kept beside each index so most pairs are
    // ruled out without touching the events.
    struct Kept {
        std::size_t index;
        Date first, last;
        double lat_deg;
    };
    auto kept_of = [&](std::size_t k) { return Kept{k, out[k].event_date, last_day(out[k]), out[k].point.lat_deg}; };
    std::unordered_map<std::string, std::vector<Kept>> kept;
    for (Event& e : events) {
        std::string kind = e.type;
        kind += '\x1f';
        kind += static_cast<char>('0' + static_cast<int>(e.status));
        std::vector<Kept>& same_kind = kept[kind];
        const Date first = e.event_date, last = last_day(e);
        Kept* twin_kept = nullptr;
        for (Kept& k : same_kind) {
            if (k.last < first || last < k.first) continue;
            if (std::abs(k.lat_deg - e.point.lat_deg) > max_distance_km / 100.0 + 0.01) continue;
            if (same_event(out[k.index], e, max_distance_km)) {
                twin_kept = &k;
                break;
            }
        }
        if (!twin_kept) {
            out.push_back(std::move(e));
            same_kind.push_back(kept_of(out.size() - 1));
            continue;
        }
        Event* twin = &out[twin_kept->index];
        std::vector<Source> sources = std::move(twin->sources);
        for (Source& s : e.sources)
            if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(std::move(s));
        auto count = twin->count, fatalities = twin->fatalities;
        if (e.count && (!count || *e.count > *count)) count = e.count;
        if (e.fatalities && (!fatalities || *e.fatalities > *fatalities)) fatalities = e.fatalities;
        // One event told twice happened on days both reports allow: "today" within "earlier this week".
        const Date from = std::max(twin->event_date, e.event_date), to = std::min(last_day(*twin), last_day(e));
        const int precision = from == to ? 1 : std::min(twin->time_precision, e.time_precision);
        const std::string id = twin->id;
        if (e.confidence > twin->confidence) *twin = std::move(e);
        twin->id = id;  // the first report's id stays: ids are stable across reruns
        twin->sources = std::move(sources);
        twin->count = count;
        twin->fatalities = fatalities;
        twin->event_date = from;
        twin->date_end = to > from ? std::optional(to) : std::nullopt;
        twin->time_precision = precision;
        *twin_kept = kept_of(twin_kept->index);  // the more confident report may bring other days or point
    }
    return out;
}

}  // namespace eventmap::events
