#include <catch2/catch.hpp>

#include "support/support.h"

using eventmap::test::fixture;
using eventmap::test::run_cli;

TEST_CASE("eventmap events prints a table a person can read", "[export]") {
    const auto r = run_cli({"events", fixture("export/events.geojson").string()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("date       type", 0) == 0);
    CHECK(r.out.find("2023-03-17 shelling_artillery_miss~ Avdiivka       UA Russian forces       4/0\n"
                     "    Artillery hit the outskirts of Avdiivka") != std::string::npos);
    CHECK(r.out.find("2022-11-05 peaceful_protest         Santiago       CL protesters / police  -/2") !=
          std::string::npos);
    // Lines never exceed 80 columns when stdout is not a terminal (code points, not bytes).
    std::size_t col = 0;
    for (const char c : r.out) {
        if (c == '\n') {
            col = 0;
            continue;
        }
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
        CHECK(col <= 80);
        if (col > 80) break;
    }
    CHECK(r.err.find("3 events from") != std::string::npos);
    CHECK(r.err.find("date field: event_date") != std::string::npos);
}

TEST_CASE("eventmap events filters by type and limits", "[export]") {
    auto r = run_cli({"events", fixture("export/events.geojson").string(), "--type", "Diplomatic visit", "--json"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("{\"id\":\"ev-4d5e6f\",\"type\":\"diplomatic_visit\"", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK(r.out.find("\"date_end\":\"2023-03-22\"") != std::string::npos);

    r = run_cli({"events", fixture("export/events.geojson").string(), "--limit", "1"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Avdiivka") != std::string::npos);
    CHECK(r.out.find("Moskva") == std::string::npos);
    CHECK(r.err.find("3 events (1 shown)") != std::string::npos);
}

TEST_CASE("eventmap events explains bad requests in one line", "[export]") {
    auto r = run_cli({"events", fixture("export/events.geojson").string(), "--type", "weather"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown type 'weather'") != std::string::npos);
    r = run_cli({"events", fixture("export/no_such_file.geojson").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no_such_file.geojson") != std::string::npos);
}
