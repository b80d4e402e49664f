#include <catch2/catch.hpp>

#include "support/support.h"
#include "viewer/state/load.h"

using namespace eventmap;

TEST_CASE("synth without a gazetteer index says how to get one", "[viewer][synth]") {
    auto out = eventmap::test::temp_dir("synth_noindex") / "events.geojson";
    auto r = eventmap::test::run_cli({"synth", "--events", "10", "-o", out.string(), "--index", "/nonexistent/gazetteer.emx"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("synth needs the gazetteer index") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("synth writes events the viewer loads", "[viewer][synth]") {
    auto index = eventmap::test::real_index();
    if (!index) {
        WARN("no gazetteer index (data/index/gazetteer.emx): skipped");
        return;
    }
    auto out = eventmap::test::temp_dir("synth") / "events.geojson";
    auto r = eventmap::test::run_cli({"synth", "--events", "300", "-o", out.string(), "--seed", "3"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    viewer::LoadReport report;
    auto events = viewer::load_events_for_viewer({out.string()}, viewer::LoadOptions{}, report);
    CHECK(events.size() == 300);
    for (const auto& e : events) {
        CHECK(e.point.is_valid());
        CHECK(e.event_date.year == 2023);
        REQUIRE_FALSE(e.sources.empty());
        CHECK(e.sources[0].sentence.find(e.location) != std::string::npos);
    }
}

TEST_CASE("bench names its benchmarks", "[viewer][bench]") {
    auto r = eventmap::test::run_cli({"bench", "nosuch"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown benchmark 'nosuch'") != std::string::npos);
    r = eventmap::test::run_cli({"bench", "--help"});
    CHECK(r.out.find("view") != std::string::npos);
}
