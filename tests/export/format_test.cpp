#include <catch2/catch.hpp>

#include "eventmap/core/error.h"
#include "eventmap/export/format.h"

using namespace eventmap::exporter;

TEST_CASE("formats by name and by extension", "[export]") {
    CHECK(parse_format("geojson") == Format::geojson);
    CHECK(parse_format("acled-csv") == Format::acled_csv);
    CHECK(parse_format("fgb") == Format::fgb);
    CHECK(format_for_path("out/events.geojson") == Format::geojson);
    CHECK(format_for_path("events.JSON") == Format::geojson);
    CHECK(format_for_path("a.geojsonl") == Format::geojsonseq);
    CHECK(format_for_path("a.geojsons") == Format::geojsonseq);
    CHECK(format_for_path("a.gpkg") == Format::gpkg);
    CHECK(format_for_path("a.csv") == Format::csv);
    CHECK(format_for_path("a.kml") == Format::kml);
    CHECK(format_for_path("a.fgb") == Format::fgb);
    for (auto f : {Format::geojson, Format::geojsonseq, Format::gpkg, Format::csv, Format::acled_csv, Format::kml,
                   Format::fgb})
        CHECK(parse_format(format_name(f)) == f);
}

TEST_CASE("an unknown format is a usage error that lists the valid names", "[export]") {
    try {
        parse_format("shp");
        FAIL("no exception");
    } catch (const eventmap::UsageError& e) {
        CHECK(std::string(e.what()).find("geojsonseq") != std::string::npos);
        CHECK(std::string(e.what()).find("acled-csv") != std::string::npos);
    }
    CHECK_THROWS_AS(format_for_path("events.txt"), eventmap::UsageError);
}
