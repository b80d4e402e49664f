#pragma once
// Events written for these tests (our own sentences), covering nulls, spans, merged sources
// and non-ASCII text.
#include <vector>

#include "eventmap/events/event.h"

namespace eventmap::test {

inline std::vector<events::Event> sample_events() {
    using events::Date;
    std::vector<events::Event> out;

    events::Event a;
    a.id = "ev-1a2b3c";
    a.type = "shelling_artillery_missile_attack";
    a.event_type = "Explosions/Remote violence";
    a.sub_event_type = "Shelling/artillery/missile attack";
    a.event_date = Date::from_ymd(2023, 3, 17);
    a.time_precision = 1;
    a.location = "Avdiivka";
    a.geonameid = 713174;
    a.country = "UA";
    a.country_name = "Ukraine";
    a.admin1 = "Donetsk";
    a.point = geo::LatLon{48.1394, 37.7497};
    a.actor1 = "Russian forces";
    a.count = 4;
    a.fatalities = 0;
    a.confidence = 0.875;
    a.sources.push_back({"wire-0001", "Town shelled overnight", "https://example.org/a/1", "2023-03-18",
                         "Artillery hit the outskirts of Avdiivka four times overnight, and nobody was hurt.", 0, 9,
                         33, 41});
    a.sources.push_back({"wire-0002", "Second report", "", "2023-03-18",
                         "The town of Avdiivka came under shelling again, officials said.", 31, 39, 12, 20});
    out.push_back(a);

    events::Event b;
    b.id = "ev-4d5e6f";
    b.type = "diplomatic_visit";
    b.event_type = "Diplomacy";
    b.sub_event_type = "Diplomatic visit";
    b.event_date = Date::from_ymd(2023, 3, 20);
    b.date_end = Date::from_ymd(2023, 3, 22);
    b.time_precision = 2;
    b.status = events::EventStatus::planned;
    b.location = "Moskva";
    b.geonameid = 524901;
    b.country = "RU";
    b.country_name = "Russia";
    b.point = geo::LatLon{55.7522200, 37.6155600};
    b.geo_precision = 1;
    b.actor1 = "Xi Jinping";
    b.confidence = 0.5;
    b.sources.push_back({"notes.txt", "", "", "", "Он посетит Москву на следующей неделе — “a state visit”, aides said.",
                         -1, -1, 10, 16});
    out.push_back(b);

    events::Event c;
    c.id = "ev-7f8091";
    c.type = "peaceful_protest";
    c.event_type = "Protests";
    c.sub_event_type = "Peaceful protest";
    c.event_date = Date::from_ymd(2022, 11, 5);
    c.time_precision = 3;
    c.location = "Santiago";
    c.country = "CL";
    c.country_name = "Chile";
    c.point = geo::LatLon{-33.4569400, -70.6482700};
    c.geo_precision = 3;
    c.actor1 = "protesters";
    c.actor2 = "police";
    c.fatalities = 2;
    c.confidence = 0.25;
    c.sources.push_back({"a-3", "Rally", "https://example.org/3", "2022-11-06",
                         "Thousands of students marched through Santiago on Saturday \"peacefully\".", 35, 42, 50, 58});
    out.push_back(c);
    return out;
}

}  // namespace eventmap::test
