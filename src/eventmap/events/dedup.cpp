#include "eventmap/events/dedup.h"

#include <algorithm>

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
    for (Event& e : events) {
        Event* twin = nullptr;
        for (Event& o : out)
            if (same_event(o, e, max_distance_km)) {
                twin = &o;
                break;
            }
        if (!twin) {
            out.push_back(std::move(e));
            continue;
        }
        std::vector<Source> sources = std::move(twin->sources);
        for (Source& s : e.sources)
            if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(std::move(s));
        auto count = twin->count, fatalities = twin->fatalities;
        if (e.count && (!count || *e.count > *count)) count = e.count;
        if (e.fatalities && (!fatalities || *e.fatalities > *fatalities)) fatalities = e.fatalities;
        const std::string id = twin->id;
        if (e.confidence > twin->confidence) *twin = std::move(e);
        twin->id = id;  // the first report's id stays: ids are stable across reruns
        twin->sources = std::move(sources);
        twin->count = count;
        twin->fatalities = fatalities;
    }
    return out;
}

}  // namespace eventmap::events
