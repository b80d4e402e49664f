// The real wire story in ../shared/corpus: every must_find event, none of the must_not_find.
// Needs ../shared and the real gazetteer index; skips cleanly without them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "eventmap/events/extract.h"
#include "eventmap/events/places.h"
#include "eventmap/geo/geodesic.h"
#include "eventmap/ingest/reader.h"
#include "support/support.h"

namespace ev = eventmap::events;

TEST_CASE("the real wire story: all must_find events and none of the traps", "[events]") {
    const auto shared = eventmap::test::shared_dir();
    const auto index = eventmap::test::real_index();
    if (!shared || !index) {
        WARN("../shared or the real gazetteer index is absent: skipped");
        return;
    }
    const auto story = *shared / "corpus/reuters-2023-03-17-xi-moscow-bakhmut.txt";
    const auto expected_path = *shared / "corpus/reuters-2023-03-17-xi-moscow-bakhmut.expected.json";
    if (!std::filesystem::exists(story) || !std::filesystem::exists(expected_path)) {
        WARN("the wire story is absent: skipped");
        return;
    }
    const auto expected = nlohmann::json::parse(eventmap::test::read_file(expected_path));
    const auto gz = eventmap::gazetteer::Gazetteer::open(*index);
    const auto detector = ev::Detector::load_default();
    const ev::Extractor extractor(detector, ev::gazetteer_places(gz));
    eventmap::ingest::ArticleReader reader({story.string()});
    eventmap::ingest::Article article;
    REQUIRE(reader.next(article));
    const auto events = ev::extract_events(article, extractor);

    for (const auto& want : expected["must_find"]) {
        INFO("must_find " << want["id"].get<std::string>());
        const auto from = *ev::Date::parse_iso(want["date_from"].get<std::string>());
        const auto to = *ev::Date::parse_iso(want["date_to"].get<std::string>());
        const auto point = eventmap::geo::LatLon::from_degrees(want["lat"].get<double>(), want["lon"].get<double>());
        bool found = false;
        for (const auto& e : events) {
            bool type_ok = false;
            for (const auto& t : want["types"]) type_ok = type_ok || t.get<std::string>() == e.type;
            const ev::Date last = e.date_end.value_or(e.event_date);
            if (type_ok && e.point.is_valid() &&
                eventmap::geo::distance_km(e.point, point) <= want["within_km"].get<double>() && e.event_date <= to &&
                last >= from) {
                found = true;
                if (want.contains("count")) CHECK(e.count == want["count"].get<int>());
            }
        }
        CHECK(found);
    }
    // The traps, as the expected file describes them.
    for (const auto& e : events) {
        INFO(e.type << " at " << e.location << " from: " << e.sources.at(0).sentence);
        CHECK(e.country != "ZA");                       // reader-appeal boilerplate
        CHECK(e.type != "attack");                      // "denies targeting civilians" is a denial
        CHECK(!(e.type == "arms_transfer" && e.country == "CN"));  // "may send arms" is a possibility
        CHECK(e.country != "US");                       // names and bylines (Jones, Fletcher, Moscow Idaho, ...)
        CHECK(e.country != "GB");                       // March, Cambridgeshire
    }
}
