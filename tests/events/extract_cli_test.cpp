// `eventmap extract` as a user runs it: our own articles in, a GeoJSON file of events out.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/support.h"

using eventmap::test::run_cli;

namespace {

// `text` written to article.txt in a fresh temporary folder named `folder`.
std::filesystem::path article_file(const std::string& folder, const std::string& text) {
    const auto path = eventmap::test::temp_dir(folder) / "article.txt";
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("extract writes the sample articles' events as GeoJSON", "[events]") {
    if (!eventmap::test::real_index()) {
        WARN("no gazetteer index: skipped");
        return;
    }
    const auto in = article_file("extract_cli",
                                 "KHERSON, Ukraine, March 8 (Eventmap Wire) - Russian artillery shelled Kherson overnight, "
                                 "killing two civilians, the governor said on Friday.\n\nThe Chinese president will "
                                 "visit Moscow next week.\n");
    const auto out = in.parent_path() / "events.geojson";
    const auto r = run_cli({"extract", in.string(), "-o", out.string(), "--date", "2024-03-08", "--jobs", "2"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("events from 1 articles") != std::string::npos);
    const auto j = nlohmann::json::parse(eventmap::test::read_file(out));
    REQUIRE(j["type"] == "FeatureCollection");
    bool shelling = false, visit = false;
    for (const auto& f : j["features"]) {
        const auto& p = f["properties"];
        if (p["type"] == "shelling_artillery_missile_attack" && p["location"] == "Kherson") {
            shelling = true;
            CHECK(p["fatalities"] == 2);
            CHECK(p["actor1"] == "Military Forces of Russia");
        }
        if (p["type"] == "diplomatic_visit" && p["status"] == "planned") visit = true;
    }
    CHECK(shelling);
    CHECK(visit);
}

TEST_CASE("extract refuses unusable arguments with a usage error", "[events]") {
    auto r = run_cli({"extract", "x.txt"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("-o") != std::string::npos);
    r = run_cli({"extract", "x.txt", "-o", "out.unknown"});
    CHECK(r.exit_code == 2);
    r = run_cli({"extract", "x.txt", "-o", "out.geojson", "--date", "yesterday"});
    CHECK(r.exit_code == 2);
}

TEST_CASE("an event known only by its region is mapped at the region's seat, as ACLED codes it", "[events]") {
    if (!eventmap::test::real_index()) {
        WARN("no gazetteer index: skipped");
        return;
    }
    const auto in = article_file("extract_region_seat",
                                 "Russian artillery shelled several villages in Zaporizhzhia region on Monday, the "
                                 "regional governor said.\n");
    const auto out = in.parent_path() / "events.geojson";
    const auto r = run_cli({"extract", in.string(), "-o", out.string(), "--date", "2024-03-08"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(eventmap::test::read_file(out));
    bool found = false;
    for (const auto& f : j["features"]) {
        const auto& p = f["properties"];
        if (p["type"] != "shelling_artillery_missile_attack") continue;
        found = true;
        CHECK(p["geo_precision"] == 3);
        // The city of Zaporizhzhia (47.82 N, 35.19 E), the region's seat, not the oblast's centre.
        const double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
        CHECK(std::abs(lat - 47.82) < 0.1);
        CHECK(std::abs(lon - 35.19) < 0.1);
    }
    CHECK(found);
}
