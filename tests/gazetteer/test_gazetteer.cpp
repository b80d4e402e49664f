// The gazetteer on our own ~30-row GeoNames fixture (with malformed rows), and on the real
// cities500 index when set-up has built it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "eventmap/core/error.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/gazetteer/normalize.h"
#include "support/support.h"

namespace gz = eventmap::gazetteer;
using eventmap::test::fixture;

namespace {

gz::BuildOptions fixture_options(const std::filesystem::path& output) {
    gz::BuildOptions opt;
    opt.geonames_files = {fixture("gazetteer/geonames.txt")};
    opt.supplement = fixture("gazetteer/supplement.tsv");
    opt.demonyms = fixture("gazetteer/demonyms.tsv");
    opt.output = output;
    return opt;
}

struct FixtureIndex {
    std::filesystem::path path;
    gz::BuildReport report;
    std::string log;
};

// Built once per test run: every lookup test shares it.
const FixtureIndex& fixture_index() {
    static const FixtureIndex built = [] {
        FixtureIndex f;
        f.path = eventmap::test::temp_dir("gazetteer_fixture") / "fixture.emx";
        std::ostringstream log;
        f.report = gz::build_index(fixture_options(f.path), log);
        f.log = log.str();
        return f;
    }();
    return built;
}

const gz::Gazetteer& fixture_gazetteer() {
    static const gz::Gazetteer g = gz::Gazetteer::open(fixture_index().path);
    return g;
}

eventmap::geo::LatLon geo_point(double lat_deg, double lon_deg) {
    return eventmap::geo::LatLon::from_degrees(lat_deg, lon_deg);
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string open_error(const std::filesystem::path& path) {
    try {
        (void)gz::Gazetteer::open(path);
    } catch (const eventmap::Error& e) {
        return e.what();
    }
    return {};
}

// The Must-show lookups, shared by the fixture and the real index.
void check_must_show(const gz::Gazetteer& g, bool expect_supplement, bool expect_demonyms) {
    {
        const auto avdiivka = g.lookup("Avdiivka");
        REQUIRE(avdiivka.size() >= 2);
        CHECK(avdiivka[0].geonameid == 713122);
        CHECK(avdiivka[0].point.lat_deg == Approx(48.14).margin(0.01));
        CHECK(avdiivka[0].point.lon_deg == Approx(37.74).margin(0.01));
        CHECK(avdiivka[0].population == 35826);
        CHECK(contains(std::string(avdiivka[0].admin1_name), "Donetsk"));
        CHECK(std::count_if(avdiivka.begin(), avdiivka.end(), [](const gz::Place& p) { return p.name == "Avdiivka"; }) >= 2);
    }
    {
        const auto geneva = g.lookup("Geneva");
        REQUIRE_FALSE(geneva.empty());
        CHECK(geneva[0].geonameid == 2660646);
        CHECK(geneva[0].country == "CH");
        CHECK(std::any_of(geneva.begin(), geneva.end(), [](const gz::Place& p) { return p.country == "US"; }));
    }
    for (const char* name : {"Kiev", "Kyiv", "KYIV", "kiev"}) {
        INFO(name);
        const auto kyiv = g.lookup(name);
        REQUIRE_FALSE(kyiv.empty());
        CHECK(kyiv[0].geonameid == 703448);
    }
    {
        const auto artemivsk = g.lookup("Artemivsk");
        REQUIRE_FALSE(artemivsk.empty());
        CHECK(artemivsk[0].geonameid == 713174);
        CHECK(artemivsk[0].name == "Bakhmut");
    }
    for (const char* name : {"Donetsk Oblast", "Donetsk region", "Donetsk province", "donetsk oblast'"}) {
        INFO(name);
        const auto region = g.lookup(name);
        REQUIRE_FALSE(region.empty());
        CHECK(region[0].kind == gz::PlaceKind::admin1);
        CHECK(region[0].country == "UA");
        CHECK(region[0].admin1_code == "05");
    }
    {
        // The city keeps the plain name; the region comes after it.
        const auto donetsk = g.lookup("Donetsk");
        REQUIRE(donetsk.size() >= 2);
        CHECK(donetsk[0].kind == gz::PlaceKind::city);
        CHECK(donetsk[0].geonameid == 709717);
    }
    {
        const auto crimea = g.lookup("Crimea");
        REQUIRE_FALSE(crimea.empty());
        CHECK(crimea[0].country == "UA");
        CHECK(crimea[0].point.lat_deg == Approx(45.0).margin(1.0));
    }
    {
        const auto moscow = g.lookup("Moscow");
        REQUIRE_FALSE(moscow.empty());
        CHECK(moscow[0].geonameid == 524901);
        const auto washington = g.lookup("Washington");
        REQUIRE_FALSE(washington.empty());
        CHECK(washington[0].geonameid == 4140963);
        const auto georgia = g.lookup("Georgia");
        REQUIRE_FALSE(georgia.empty());
        CHECK(georgia[0].kind == gz::PlaceKind::country);
        CHECK(georgia[0].country == "GE");
    }
    if (expect_supplement) {
        const auto sea = g.lookup("Black Sea");
        REQUIRE_FALSE(sea.empty());
        CHECK(sea[0].kind == gz::PlaceKind::feature);
        CHECK(sea[0].feature_code == "SEA");
        CHECK(sea[0].point.lat_deg == Approx(43.0).margin(2.0));
    }
    if (expect_demonyms) {
        const auto russian = g.lookup("Russian");
        REQUIRE_FALSE(russian.empty());
        CHECK(russian[0].kind == gz::PlaceKind::demonym);
        CHECK(russian[0].country == "RU");
        REQUIRE(russian[0].demonym_of < g.size());
        const auto russia = g.place(russian[0].demonym_of);
        CHECK(russia.kind == gz::PlaceKind::country);
        CHECK(russia.country == "RU");
        CHECK(russian[0].point == russia.point);
    }
}

}  // namespace

TEST_CASE("fixture: malformed rows are reported with file:line, skipped and counted", "[gazetteer][build]") {
    const auto& f = fixture_index();
    CHECK(f.report.rows_read == 35);
    // 4 bad GeoNames rows, 1 bad supplement row, 1 demonym of an unknown country.
    CHECK(f.report.rows_skipped == 6);
    REQUIRE(f.report.problems.size() == 6);
    CHECK(contains(f.log, "geonames.txt:7: expected 19 tab-separated columns, got 9"));
    CHECK(contains(f.log, "geonames.txt:15: latitude 'north' is not a number"));
    CHECK(contains(f.log, "geonames.txt:16: longitude '237.0' is not a number"));
    CHECK(contains(f.log, "geonames.txt:25: invalid UTF-8"));
    CHECK(contains(f.log, "supplement.tsv:7: latitude"));
    CHECK(contains(f.log, "demonyms.tsv:8: unknown country 'XX'"));
    // The good rows around the bad ones were kept.
    const auto& g = fixture_gazetteer();
    CHECK_FALSE(g.lookup("Kyiv").empty());
    CHECK(g.lookup("Nowhere").empty());
    CHECK(g.lookup("Too Far").empty());
}

TEST_CASE("fixture: --strict makes the first malformed row fatal", "[gazetteer][build]") {
    auto opt = fixture_options(eventmap::test::temp_dir("gazetteer_strict") / "strict.emx");
    opt.strict = true;
    std::ostringstream log;
    try {
        gz::build_index(opt, log);
        FAIL("strict build accepted a malformed row");
    } catch (const eventmap::FormatError& e) {
        CHECK(e.line() == 7);
        CHECK(contains(e.path(), "geonames.txt"));
    }
    CHECK_FALSE(std::filesystem::exists(opt.output));
}

TEST_CASE("fixture: the must-show lookups", "[gazetteer][lookup]") {
    check_must_show(fixture_gazetteer(), true, true);
}

TEST_CASE("fixture: alternate names are filtered and companion files picked up", "[gazetteer][lookup]") {
    const auto& g = fixture_gazetteer();
    CHECK(g.lookup("GVA").empty());    // IATA code in the alternates column
    CHECK(g.lookup("IEV").empty());    // iata row of alternateNamesV2.txt
    CHECK(g.lookup("1200").empty());   // post code row
    CHECK(g.lookup("K").empty());      // one-letter name
    CHECK(g.lookup("12345").empty());  // digits only
    const auto bachmut = g.lookup("Bachmut");  // only in the fixture's alternateNamesV2.txt
    REQUIRE(bachmut.size() == 1);
    CHECK(bachmut[0].geonameid == 713174);
    CHECK(g.lookup("Kharkivska Oblast").size() == 1);  // admin1CodesASCII.txt beside the dump
    CHECK(g.lookup("St. Petersburg").at(0).geonameid == 498817);
    CHECK(g.lookup("Chasiv-Yar").at(0).geonameid == 704508);
    CHECK(g.lookup("Khar\u2019kov").at(0).geonameid == 706483);
}

TEST_CASE("fixture: the match kind says how a name reached a place", "[gazetteer][lookup]") {
    const auto& g = fixture_gazetteer();
    auto kiev = g.candidates(gz::normalize_name("Kiev"));
    REQUIRE_FALSE(kiev.empty());
    CHECK(kiev[0].match == gz::NameMatch::alternate);
    auto kyiv = g.candidates("kyiv");
    REQUIRE_FALSE(kyiv.empty());
    CHECK(kyiv[0].match == gz::NameMatch::preferred);
    auto region = g.candidates("donetsk region");
    REQUIRE(region.size() == 1);
    CHECK(region[0].match == gz::NameMatch::derived);
    CHECK(g.candidates("no such place").empty());
}

TEST_CASE("fixture: country and admin1 tables", "[gazetteer][lookup]") {
    const auto& g = fixture_gazetteer();
    const auto ua = g.country("UA");
    REQUIRE(ua);
    CHECK(g.place(*ua).kind == gz::PlaceKind::country);
    CHECK(g.place(*ua).name == "Ukraine");
    CHECK(g.place(*ua).geonameid == 690791);  // from countryInfo.txt
    CHECK(g.country("ua") == ua);
    CHECK_FALSE(g.country("XX"));
    const auto donetsk = g.admin1("UA", "05");
    REQUIRE(donetsk);
    CHECK(g.place(*donetsk).geonameid == 709716);  // the ADM1 row of the dump
    CHECK_FALSE(g.place(*donetsk).derived_point);
    const auto luhansk = g.admin1("UA", "14");  // no ADM1 row: point derived from its places
    REQUIRE(luhansk);
    CHECK(g.place(*luhansk).derived_point);
    CHECK(g.place(*luhansk).point.lat_deg == Approx(48.44061).margin(1e-4));
    CHECK(g.place(*luhansk).name == "Luhansk Oblast");
    CHECK_FALSE(g.admin1("UA", "99"));
    // The supplement's "Kharkiv region" enriches the derived UA.07 instead of duplicating it.
    const auto kharkiv = g.admin1("UA", "07");
    REQUIRE(kharkiv);
    CHECK_FALSE(g.place(*kharkiv).derived_point);
    CHECK(g.place(*kharkiv).point.lat_deg == Approx(49.9).margin(1e-6));
    const auto by_name = g.lookup("Slobozhanshchyna");
    REQUIRE(by_name.size() == 1);
    CHECK(by_name[0].index == *kharkiv);
    CHECK(g.lookup("Kharkiv region").at(0).index == *kharkiv);
}

TEST_CASE("fixture: every key iterates to its candidates", "[gazetteer][lookup]") {
    const auto& g = fixture_gazetteer();
    REQUIRE(g.key_count() > 100);
    for (std::size_t i = 0; i < g.key_count(); ++i) {
        const auto by_index = g.key_candidates(i);
        const auto by_key = g.candidates(g.key(i));
        REQUIRE_FALSE(by_index.empty());
        REQUIRE(by_key.data() == by_index.data());
        CHECK(gz::normalize_name(g.key(i)) == g.key(i));
    }
}

TEST_CASE("fixture: country_at finds the country under a point", "[gazetteer][lookup]") {
    const auto& g = fixture_gazetteer();
    if (g.info().polygons == 0) {
        WARN("no world-atlas polygons in data/npm: skipping country_at");
        return;
    }
    CHECK(g.country_at(geo_point(50.45, 30.52)) == "UA");
}

TEST_CASE("a missing, truncated, foreign or old index is refused with the rebuild command", "[gazetteer][open]") {
    const auto dir = eventmap::test::temp_dir("gazetteer_refuse");
    const std::string rebuild = "rebuild it with: eventmap gazetteer build";
    CHECK(contains(open_error(dir / "absent.emx"), rebuild));

    const std::string good = eventmap::test::read_file(fixture_index().path);
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        return dir / name;
    };
    const auto truncated = open_error(write("truncated.emx", good.substr(0, good.size() / 2)));
    CHECK(contains(truncated, "truncated"));
    CHECK(contains(truncated, rebuild));
    const auto tiny = open_error(write("tiny.emx", good.substr(0, 10)));
    CHECK(contains(tiny, rebuild));
    const auto foreign = open_error(write("foreign.emx", std::string(4096, 'x')));
    CHECK(contains(foreign, "not an eventmap gazetteer index"));
    CHECK(contains(foreign, rebuild));
    std::string old = good;
    old[8] = 0;  // format_version 0
    CHECK(contains(open_error(write("old.emx", old)), "format version 0"));
    std::string damaged_table = good;
    damaged_table[64 + 8] ^= 0x01;  // a section offset
    CHECK(contains(open_error(write("table.emx", damaged_table)), "checksum"));
}

TEST_CASE("verify() catches a corrupted payload the cheap open check lets through", "[gazetteer][open]") {
    const auto dir = eventmap::test::temp_dir("gazetteer_verify");
    std::string bytes = eventmap::test::read_file(fixture_index().path);
    std::ofstream(dir / "ok.emx", std::ios::binary) << bytes;
    CHECK_NOTHROW(gz::Gazetteer::open(dir / "ok.emx").verify());
    bytes[bytes.size() - 3] ^= 0x20;
    std::ofstream(dir / "bad.emx", std::ios::binary) << bytes;
    const auto g = gz::Gazetteer::open(dir / "bad.emx");
    CHECK_THROWS_WITH(g.verify(), Catch::Contains("checksum"));
}

TEST_CASE("real index: the must-show lookups on cities500", "[gazetteer][real]") {
    const auto path = eventmap::test::real_index();
    if (!path) {
        WARN("no real gazetteer index (run scripts/setup.sh): skipping");
        return;
    }
    const auto g = gz::Gazetteer::open(*path);
    const bool supplement = !g.lookup("Black Sea").empty();
    const bool demonyms = !g.lookup("Ukrainian").empty();
    if (!supplement) WARN("real index built without data/supplement.tsv");
    if (!demonyms) WARN("real index built without data/demonyms.tsv");
    check_must_show(g, supplement, demonyms);
    CHECK(g.size() > 199'000);
    if (g.info().polygons > 0) {
        CHECK(g.country_at(geo_point(48.14, 37.74)) == "UA");
        CHECK(g.country_at(geo_point(55.75, 37.62)) == "RU");
        CHECK(g.country_at(geo_point(66.5, -175.0)) == "RU");   // Chukotka, across the antimeridian
        CHECK(g.country_at(geo_point(66.0, 170.0)) == "RU");
        CHECK(g.country_at(geo_point(-17.8, 178.0)) == "FJ");
        CHECK(g.country_at(geo_point(-16.8, -179.95)) == "FJ");
        CHECK(g.country_at(geo_point(-80.0, 0.0)) == "AQ");     // a ring around the pole
        CHECK(g.country_at(geo_point(43.0, 35.0)).empty());     // the Black Sea
        const auto russia = g.place(*g.country("RU"));
        CHECK(g.country_at(russia.point) == "RU");
    }
}
