#include "viewer/state/synthetic.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "eventmap/events/taxonomy.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/geo/geodesic.h"

namespace eventmap::viewer {
namespace {
struct Region {
    double lat, lon, radius_km, boost;
};
// Where news of armed conflict and unrest concentrated in recent years; places inside get a
// much larger share of the events, so a synthetic map looks like a real one.
constexpr Region kRegions[] = {
    {48.3, 37.8, 350, 60},  {47.0, 33.0, 250, 20},  {15.5, 32.5, 500, 30},   {13.5, 25.0, 500, 20},
    {31.4, 34.4, 80, 40},   {32.0, 35.3, 60, 20},   {14.0, 0.0, 800, 15},    {20.5, 96.0, 600, 20},
    {-1.5, 29.0, 300, 20},  {15.4, 44.2, 400, 15},  {35.5, 38.0, 350, 20},   {4.0, 45.5, 500, 15},
    {18.6, -72.3, 80, 20},  {20.0, -101.0, 700, 5}, {4.5, -74.5, 500, 5},    {33.0, 69.0, 500, 10},
    {9.0, 38.7, 600, 10},   {33.9, 35.6, 120, 10},  {12.0, 8.0, 600, 8},     {30.0, 70.0, 500, 6},
};

struct Mix {
    const char* slug;
    double weight;
};
// Relative frequencies in the spirit of conflict datasets: shelling and clashes dominate.
constexpr Mix kMix[] = {
    {"shelling_artillery_missile_attack", 30}, {"armed_clash", 20}, {"air_drone_strike", 14},
    {"attack", 8}, {"peaceful_protest", 9}, {"remote_explosive_landmine_ied", 4},
    {"protest_with_intervention", 2}, {"violent_demonstration", 2}, {"abduction_forced_disappearance", 2},
    {"arrests", 2}, {"disrupted_weapons_use", 3}, {"government_regains_territory", 1},
    {"non_state_actor_overtakes_territory", 1}, {"agreement", 1}, {"mob_violence", 1},
};

const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

std::int64_t cp_length(const std::string& s) {
    std::int64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
}  // namespace

std::vector<SeedPlace> seed_places(const gazetteer::Gazetteer& g, std::int64_t min_population) {
    std::vector<SeedPlace> out;
    for (std::uint32_t i = 0; i < g.size(); ++i) {
        gazetteer::Place p = g.place(i);
        if (p.kind != gazetteer::PlaceKind::city || p.population < min_population || !p.point.is_valid()) continue;
        out.push_back({p.point, std::string(p.name), std::string(p.country), std::string(p.admin1_name), p.population, p.geonameid});
    }
    return out;
}

std::vector<events::Event> synthesize(std::span<const SeedPlace> places, const SynthOptions& o) {
    std::vector<events::Event> out;
    if (places.empty() || o.events == 0) return out;
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<double> unit(0, 1);

    std::vector<double> cumulative(places.size());
    double total = 0;
    for (std::size_t i = 0; i < places.size(); ++i) {
        double w = std::sqrt(static_cast<double>(std::max<std::int64_t>(places[i].population, 100)));
        for (const auto& r : kRegions)
            if (geo::distance_km(places[i].point, geo::LatLon::from_degrees(r.lat, r.lon)) < r.radius_km) { w *= r.boost; break; }
        total += w;
        cumulative[i] = total;
    }
    std::vector<const events::EventTypeInfo*> types;
    std::vector<double> type_cum;
    double tw = 0;
    for (const auto& m : kMix)
        if (const auto* t = events::find_type(m.slug)) {
            types.push_back(t);
            tw += m.weight;
            type_cum.push_back(tw);
        }
    // A slow seasonal swell and a few bursts make the day histogram look like news.
    const std::int64_t first = o.first_day.days_since_epoch();
    std::vector<double> day_cum(static_cast<std::size_t>(std::max(1, o.days)));
    double dw = 0;
    std::vector<int> bursts{o.days / 5, o.days / 2, (o.days * 4) / 5};
    for (int d = 0; d < static_cast<int>(day_cum.size()); ++d) {
        double w = 1 + 0.4 * std::sin(d / 58.0);
        for (int b : bursts) w += 2.0 * std::exp(-std::pow((d - b) / 6.0, 2));
        dw += w;
        day_cum[static_cast<std::size_t>(d)] = dw;
    }

    out.reserve(o.events);
    for (std::size_t n = 0; n < o.events; ++n) {
        const SeedPlace& place = places[static_cast<std::size_t>(
            std::lower_bound(cumulative.begin(), cumulative.end(), unit(rng) * total) - cumulative.begin())];
        const events::EventTypeInfo* type = types[static_cast<std::size_t>(
            std::lower_bound(type_cum.begin(), type_cum.end(), unit(rng) * tw) - type_cum.begin())];
        auto day = static_cast<std::int64_t>(std::lower_bound(day_cum.begin(), day_cum.end(), unit(rng) * dw) - day_cum.begin());
        events::Event e;
        e.id = "synth-" + std::to_string(o.seed) + "-" + std::to_string(n);
        e.type = std::string(type->slug);
        e.event_type = std::string(type->event_type);
        e.sub_event_type = std::string(type->sub_event_type);
        e.event_date = events::Date::from_days_since_epoch(first + day);
        e.location = place.name;
        e.geonameid = place.geonameid;
        e.country = place.country;
        e.admin1 = place.admin1;
        // Within a few km of the place: events happen around towns, not on one pixel.
        e.point = geo::direct(place.point, unit(rng) * 360, unit(rng) * 3000);
        e.geo_precision = 2;
        bool protest = e.event_type == "Protests" || e.event_type == "Riots";
        std::string where = place.country.empty() ? "" : " (" + place.country + ")";
        e.actor1 = protest ? "Protesters" + where : (unit(rng) < 0.6 ? "State forces" : "Armed group") + where;
        if (unit(rng) < 0.2) e.count = 2 + static_cast<int>(unit(rng) * 6);
        if (!protest && unit(rng) < 0.5) e.fatalities = static_cast<int>(std::floor(-std::log(1 - unit(rng)) * 3));
        e.confidence = 1.0;
        events::Source s;
        s.article_id = "synthetic";
        s.title = "Synthetic event " + std::to_string(n);
        std::string what = std::string(type->sub_event_type);
        std::transform(what.begin(), what.end(), what.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string lead = "Local officials reported " + std::string(std::string("aeiou").find(what[0]) != std::string::npos ? "an " : "a ");
        s.sentence = lead + what + " near " + place.name + " on " + kMonths[e.event_date.month - 1] + " " +
                     std::to_string(e.event_date.day) + ".";
        s.trigger_start_cp = cp_length(lead);
        s.trigger_end_cp = s.trigger_start_cp + cp_length(what);
        s.place_start_cp = s.trigger_end_cp + cp_length(" near ");
        s.place_end_cp = s.place_start_cp + cp_length(place.name);
        e.sources.push_back(std::move(s));
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace eventmap::viewer
