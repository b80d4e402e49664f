#include <catch2/catch.hpp>

#include <fstream>

#include "eventmap/core/error.h"
#include "helpers.h"
#include "support/support.h"
#include "eventmap/export/writer.h"
#include "viewer/state/load.h"
#include "viewer/ui/panels.h"

using namespace eventmap;
using namespace eventmap::viewer;
using Catch::Detail::Approx;

namespace {
std::string write(const std::string& dir, const std::string& name, const std::string& text) {
    auto p = eventmap::test::temp_dir(dir) / name;
    std::ofstream(p) << text;
    return p.string();
}
}  // namespace

TEST_CASE("eventmap GeoJSON loads with every field the viewer shows", "[viewer][load]") {
    LoadReport report;
    auto ev = load_events_for_viewer({viewer::test::viewer_fixture("ukraine_march.geojson").string()}, LoadOptions{}, report);
    REQUIRE(ev.size() == 6);
    CHECK(report.loaded == 6);
    const auto& e = ev[1];
    CHECK(e.id == "ev-bakhmut");
    CHECK(e.type == "armed_clash");
    CHECK(e.sub_event_type == "Armed clash");
    CHECK(e.event_date == events::Date::from_ymd(2023, 3, 12));
    CHECK(e.location == "Bakhmut");
    CHECK(e.country == "UA");
    CHECK(e.country_name == "Ukraine");
    CHECK(e.point.lat_deg == Approx(48.5956));
    CHECK(e.point.lon_deg == Approx(38.0003));
    REQUIRE(e.sources.size() == 1);
    CHECK(e.sources[0].sentence.find("western edge of Bakhmut") != std::string::npos);
    CHECK(ev[2].fatalities == 2);
    CHECK_FALSE(ev[1].fatalities.has_value());
}

TEST_CASE("CSV with lat/lon columns and a named date field", "[viewer][load]") {
    auto path = write("csv", "events.csv",
                      "when,lat,lon,place,sub_event_type\n"
                      "2023-05-01,15.5,32.5,Khartoum,Armed clash\n"
                      "02 May 2023,13.1,30.2,El Obeid,Shelling/artillery/missile attack\n"
                      "not a date,12.0,24.9,Nyala,Attack\n");
    LoadOptions o;
    o.date_field = "when";
    LoadReport report;
    auto ev = load_events_for_viewer({path}, o, report);
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].type == "armed_clash");
    CHECK(ev[1].event_date == events::Date::from_ymd(2023, 5, 2));
    CHECK(ev[1].type == "shelling_artillery_missile_attack");
    CHECK(report.no_date == 1);
    CHECK(report.summary().find("1 without a usable date skipped") != std::string::npos);
}

TEST_CASE("Bad input is counted, never fatal", "[viewer][load]") {
    SECTION("no features") {
        auto path = write("empty", "empty.geojson", R"({"type":"FeatureCollection","features":[]})");
        LoadReport report;
        CHECK(load_events_for_viewer({path}, LoadOptions{}, report).empty());
        CHECK(report.summary() == "no features in the input");
    }
    SECTION("no dates") {
        auto path = write("nodate", "nodate.geojson",
                          R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[30,50]},"properties":{"name":"x"}}]})");
        LoadReport report;
        CHECK(load_events_for_viewer({path}, LoadOptions{}, report).empty());
        CHECK(report.no_date == 1);
        REQUIRE_FALSE(report.messages.empty());
        CHECK(report.messages[0].find("no date field") != std::string::npos);
    }
    SECTION("broken geometries") {
        auto path = write("broken", "broken.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":null,"properties":{"date":"2023-01-01"}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[400,95]},"properties":{"date":"2023-01-02"}},
 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,51],[30,50]]]},"properties":{"date":"2023-01-03"}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[30,50]},"properties":{"date":"2023-01-04"}}]})");
        LoadReport report;
        auto ev = load_events_for_viewer({path}, LoadOptions{}, report);
        CHECK(ev.size() == 2);  // the point, and the polygon at a point inside it
        CHECK(report.features == 4);
        CHECK(report.loaded == 2);
        std::string all = report.summary();
        for (const auto& m : report.messages) all += "\n" + m;
        INFO(all);
        CHECK(all.find("2 features skipped") != std::string::npos);
    }
    SECTION("more features than the limit") {
        std::string fc = R"({"type":"FeatureCollection","features":[)";
        for (int i = 0; i < 50; ++i)
            fc += std::string(i ? "," : "") + R"({"type":"Feature","geometry":{"type":"Point","coordinates":[30,50]},"properties":{"date":"2023-01-01"}})";
        fc += "]}";
        auto path = write("many", "many.geojson", fc);
        LoadOptions o;
        o.max_events = 20;
        LoadReport report;
        CHECK(load_events_for_viewer({path}, o, report).size() == 20);
        CHECK(report.truncated == 30);
    }
    SECTION("not a data file at all") {
        auto path = write("garbage", "garbage.geojson", "this is { not json");
        LoadReport report;
        CHECK_THROWS_AS(load_events_for_viewer({path}, LoadOptions{}, report), IoError);
    }
    SECTION("articles need the events stage") {
        auto path = write("article", "story.txt", "A short story.");
        LoadReport report;
        CHECK_THROWS_WITH(load_events_for_viewer({path}, LoadOptions{}, report),
                          Catch::Contains("articles as viewer input need the events stage"));
    }
}

TEST_CASE("Event dates in the forms event files use", "[viewer][load]") {
    CHECK(parse_event_date("2023-03-14") == events::Date::from_ymd(2023, 3, 14));
    CHECK(parse_event_date("2023-03-14T10:00:00Z") == events::Date::from_ymd(2023, 3, 14));
    CHECK(parse_event_date("2023/03/14") == events::Date::from_ymd(2023, 3, 14));
    CHECK(parse_event_date("14 March 2023") == events::Date::from_ymd(2023, 3, 14));
    CHECK(parse_event_date("20230314") == events::Date::from_ymd(2023, 3, 14));
    CHECK_FALSE(parse_event_date("2023-02-30").has_value());
    CHECK_FALSE(parse_event_date("yesterday").has_value());
}

TEST_CASE("The details panel highlights the place and the trigger in the sentence", "[viewer][details]") {
    events::Event e = viewer::test::make_event("x", "shelling_artillery_missile_attack", 48, 37, "2023-03-10");
    e.sub_event_type = "Shelling/artillery/missile attack";
    e.location = "Kramatorsk";
    e.sources[0].sentence = "Heavy shelling hit the outskirts of Kramatorsk on Friday.";
    auto h = sentence_highlights(e);
    REQUIRE(h.size() == 2);
    CHECK(h[0].trigger);
    CHECK(e.sources[0].sentence.substr(h[0].begin, h[0].end - h[0].begin) == "shelling");
    CHECK_FALSE(h[1].trigger);
    CHECK(e.sources[0].sentence.substr(h[1].begin, h[1].end - h[1].begin) == "Kramatorsk");
}

TEST_CASE("eventmap's own GeoJSON and GeoJSONSeq load as summaries and give back whole events", "[viewer][load]") {
    LoadReport full_report;
    auto original = load_events_for_viewer({viewer::test::viewer_fixture("ukraine_march.geojson").string()}, LoadOptions{},
                                           full_report);
    REQUIRE(original.size() == 6);
    original[2].sources[0].sentence = "A drone hit a \"depot\" near the rail yard,\nofficials said.";  // escapes survive
    const auto dir = eventmap::test::temp_dir("lazy");
    for (auto [name, format] : {std::pair{"events.geojson", exporter::Format::geojson},
                                std::pair{"events.geojsonl", exporter::Format::geojsonseq}}) {
        INFO(name);
        const auto path = dir / name;
        exporter::write_events(original, path, format);
        LoadReport report;
        LoadedEvents loaded = load_for_viewer({path.string()}, LoadOptions{}, report);
        CHECK(report.loaded == 6);
        EventStore store = EventStore::build(std::move(loaded), ProjectionKind::web_mercator);
        REQUIRE(store.size() == 6);
        for (std::uint32_t i = 0; i < store.size(); ++i) {
            const events::Event e = store.event(i);
            auto it = std::find_if(original.begin(), original.end(), [&](const auto& o) { return o.id == e.id; });
            REQUIRE(it != original.end());
            CHECK(e == *it);  // every field, parsed again from the mapped file
            CHECK(store.location(i) == it->location);
            CHECK(store.point(i).lat_deg == Approx(it->point.lat_deg));
        }
        CHECK(store.find_id("ev-bakhmut") >= 0);
    }
}

TEST_CASE("summary loading skips and reports bad features, and honours --max-events", "[viewer][load]") {
    auto good = [](int i) {
        return "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [30." + std::to_string(i) +
               ", 50.1]}, \"properties\": {\"id\": \"e" + std::to_string(i) +
               "\", \"type\": \"armed_clash\", \"event_date\": \"2024-01-0" + std::to_string(i) +
               "\", \"location\": \"Somewhere\", \"sources\": [{\"article_id\": \"a\", \"sentence\": \"Clashes.\"}]}}";
    };
    std::string text = "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n";
    text += good(1) + ",\n" + good(2) + ",\n";
    text += "{\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"type\": \"armed_clash\", \"event_date\": \"2024-01-03\", \"sources\": []}},\n";
    text += good(4) + "\n]\n}\n";
    auto path = write("lazy-bad", "events.geojson", text);
    LoadReport report;
    EventStore store = EventStore::build(load_for_viewer({path}, LoadOptions{}, report), ProjectionKind::web_mercator);
    CHECK(store.size() == 3);
    CHECK(report.features == 4);
    REQUIRE_FALSE(report.messages.empty());
    CHECK(report.messages[0].find("feature 3: no geometry") != std::string::npos);
    const auto e4 = store.find_id("e4");
    REQUIRE(e4 >= 0);
    const events::Event whole = store.event(static_cast<std::uint32_t>(e4));
    REQUIRE(whole.sources.size() == 1);
    CHECK(whole.sources[0].sentence == "Clashes.");

    LoadOptions o;
    o.max_events = 2;
    LoadReport limited;
    CHECK(load_for_viewer({path}, o, limited).size() == 2);
    CHECK(limited.truncated == 1);
}
