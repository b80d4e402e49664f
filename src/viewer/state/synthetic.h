#pragma once
// Synthetic events for development, demos and `eventmap bench view`: random but plausible —
// places weighted by population and biased to a handful of conflict regions, types from the
// taxonomy, dates over a span, sentences we generate ourselves.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "eventmap/events/event.h"
#include "eventmap/geo/latlon.h"

namespace eventmap::gazetteer { class Gazetteer; }

namespace eventmap::viewer {

struct SeedPlace {
    geo::LatLon point;
    std::string name;
    std::string country;  ///< ISO 3166-1 alpha-2
    std::string admin1;
    std::int64_t population = 0;
    std::int64_t geonameid = 0;
};

struct SynthOptions {
    std::size_t events = 1000;
    std::uint64_t seed = 1;
    events::Date first_day = events::Date::from_ymd(2023, 1, 1);
    int days = 365;
};

/// Populated places (cities) of a gazetteer with at least `min_population` people.
std::vector<SeedPlace> seed_places(const gazetteer::Gazetteer& gazetteer, std::int64_t min_population = 1000);

/// `options.events` events at the given places (precondition: places not empty). Deterministic per seed.
std::vector<events::Event> synthesize(std::span<const SeedPlace> places, const SynthOptions& options);

}  // namespace eventmap::viewer
