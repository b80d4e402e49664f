#pragma once
// Events made in memory for the viewer's logic tests.
#include <filesystem>
#include <string>
#include <vector>

#include "eventmap/events/event.h"

namespace eventmap::viewer::test {

inline events::Event make_event(const std::string& id, const std::string& type, double lat, double lon,
                                const std::string& date, const std::string& country = "UA",
                                const std::string& actor = "") {
    events::Event e;
    e.id = id;
    e.type = type;
    e.point = geo::LatLon::from_degrees(lat, lon);
    e.event_date = *events::Date::parse_iso(date);
    e.country = country;
    e.actor1 = actor;
    e.sources.push_back(events::Source{});
    return e;
}

inline std::filesystem::path viewer_fixture(const std::string& name) {
    return std::filesystem::path(__FILE__).parent_path() / "fixtures" / name;
}

}  // namespace eventmap::viewer::test
