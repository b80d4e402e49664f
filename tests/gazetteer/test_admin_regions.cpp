// First- and second-level divisions: admin1 regions at their table points, admin2 places (US
// counties, raions) built from their towns; supplement rows that enrich a country or a town
// instead of listing it twice. On a small dump written by the test, and on the real index when
// set-up has built it.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/geo/geodesic.h"
#include "support/support.h"

namespace gz = eventmap::gazetteer;
using eventmap::geo::LatLon;

namespace {

// One GeoNames row: 19 tab-separated columns.
std::string row(int id, const std::string& name, double lat, double lon, const std::string& fclass,
                const std::string& code, const std::string& cc, const std::string& a1, const std::string& a2,
                long population) {
    std::ostringstream s;
    s << id << '\t' << name << '\t' << name << "\t\t" << lat << '\t' << lon << '\t' << fclass << '\t' << code << '\t'
      << cc << "\t\t" << a1 << '\t' << a2 << "\t\t\t" << population << "\t\t0\tAmerica/New_York\t2024-01-01\n";
    return s.str();
}

struct Built {
    std::filesystem::path index;
};

// Towns of two Polk Counties, a Texas town far from Texas' middle, a raion, and a county the dump
// has its own ADM2 row for; companion files beside the dump, as a user downloads them.
const Built& built() {
    static const Built b = [] {
        const auto dir = eventmap::test::temp_dir("gazetteer_admin_regions");
        std::ofstream(dir / "geonames.txt")
            << row(1, "Lakeland", 28.04, -81.95, "P", "PPL", "US", "FL", "105", 112000)
            << row(2, "Bartow", 27.90, -81.84, "P", "PPLA2", "US", "FL", "105", 19000)
            << row(3, "Haines City", 28.11, -81.62, "P", "PPL", "US", "FL", "105", 26000)
            << row(4, "Ankeny", 41.73, -93.60, "P", "PPL", "US", "IA", "153", 67000)
            << row(5, "Houston", 29.76, -95.36, "P", "PPLA2", "US", "TX", "201", 2300000)
            << row(6, "Sievierodonetsk", 48.95, 38.49, "P", "PPLA2", "UA", "14", "4408", 100000)
            << row(7, "Rubizhne", 49.01, 38.37, "P", "PPL", "UA", "14", "4408", 56000)
            << row(8, "Harrisonburg", 38.45, -78.87, "P", "PPL", "US", "VA", "660", 51000)
            << row(9, "Rockingham County", 38.51, -78.88, "A", "ADM2", "US", "VA", "165", 0)
            << row(10, "Elkton", 38.41, -78.62, "P", "PPL", "US", "VA", "165", 2800)
            << row(11, "Riohacha", 11.54, -72.91, "P", "PPLA", "CO", "17", "", 160000);
        std::ofstream(dir / "admin1CodesASCII.txt") << "US.FL\tFlorida\tFlorida\t4155751\n"
                                                    << "US.IA\tIowa\tIowa\t4862182\n"
                                                    << "US.TX\tTexas\tTexas\t4736286\n"
                                                    << "US.VA\tVirginia\tVirginia\t6254928\n"
                                                    << "UA.14\tLuhansk Oblast\tLuhansk Oblast\t702657\n"
                                                    << "CO.17\tLa Guajira Department\tLa Guajira Department\t3678847\n";
        std::ofstream(dir / "admin2Codes.txt") << "US.FL.105\tPolk County\tPolk County\t4168459\n"
                                               << "US.IA.153\tPolk County\tPolk County\t4870387\n"
                                               << "US.TX.201\tHarris County\tHarris County\t4696376\n"
                                               << "UA.14.4408\tSievierodonetsk Raion\tSievierodonetsk Raion\t0\n"
                                               << "US.VA.165\tRockingham County\tRockingham County\t4781530\n"
                                               << "US.VA.999\tEmpty County\tEmpty County\t0\n";
        // A news spelling of Lakeland (by its id), a country's news name, a continent.
        std::ofstream(dir / "supplement.tsv")
            << "id\tname\talternate_names\tfeature_class\tfeature_code\tcountry\tadmin1_code\tlat\tlon\tgeonameid\tpopulation\n"
            << "900\tLakeland City\tLakeland Fla\tP\tPPL\tUS\tFL\t28.04\t-81.95\t1\t0\n"
            << "950\tThe States\tStateside\tA\tPCLI\tUS\t\t39.8\t-98.5\t\t0\n"
            << "600\tEurope\tEuropean,EU\tL\tCONT\t\t\t48.69\t9.14\t6255148\t0\n";
        gz::BuildOptions opt;
        opt.geonames_files = {dir / "geonames.txt"};
        opt.supplement = dir / "supplement.tsv";
        opt.demonyms = eventmap::test::fixture("gazetteer/demonyms.tsv");
        opt.output = dir / "regions.emx";
        std::ostringstream log;
        gz::build_index(opt, log);
        return Built{opt.output};
    }();
    return b;
}

double km(const LatLon& a, const LatLon& b) { return eventmap::geo::distance_m(a, b) / 1000.0; }

std::vector<gz::Place> adm2(const std::vector<gz::Place>& places) {
    std::vector<gz::Place> out;
    for (const auto& p : places)
        if (p.feature_code == "ADM2") out.push_back(p);
    return out;
}

}  // namespace

TEST_CASE("admin2: a county is a place of its own, ranked by population among its namesakes", "[gazetteer][admin2]") {
    const auto g = gz::Gazetteer::open(built().index);
    const auto polk = g.lookup("Polk County");
    REQUIRE(polk.size() == 2);
    // Florida's has more people in the dump, so it comes first; both are second-level divisions.
    CHECK(polk[0].admin1_name == "Florida");
    CHECK(polk[1].admin1_name == "Iowa");
    for (const auto& p : polk) {
        CHECK(p.kind == gz::PlaceKind::feature);
        CHECK(p.feature_class == 'A');
        CHECK(p.feature_code == "ADM2");
        CHECK(p.country == "US");
        CHECK(p.derived_point);
    }
    CHECK(polk[0].admin1_code == "FL");
    CHECK(polk[0].population == 112000 + 19000 + 26000);
    // The centre of its towns' box, not the biggest town (Lakeland, 28.04 N 81.95 W).
    CHECK(polk[0].point.lat_deg == Approx((27.90 + 28.11) / 2).margin(1e-4));
    CHECK(polk[0].point.lon_deg == Approx((-81.95 + -81.62) / 2).margin(1e-4));
}

TEST_CASE("admin2: no bare stem, raion and district forms, the dump's own ADM2 rows", "[gazetteer][admin2]") {
    const auto g = gz::Gazetteer::open(built().index);
    // "Polk" alone is a surname or a town's name, never the county.
    CHECK(adm2(g.lookup("Polk")).empty());
    // News writes "X district" for a raion.
    for (const char* name : {"Sievierodonetsk Raion", "Sievierodonetsk district", "Sievierodonetsk rayon"}) {
        INFO(name);
        const auto r = adm2(g.lookup(name));
        REQUIRE(r.size() == 1);
        CHECK(r[0].country == "UA");
        CHECK(r[0].admin1_name == "Luhansk Oblast");
    }
    // The town keeps its name first.
    CHECK(g.lookup("Sievierodonetsk").at(0).kind == gz::PlaceKind::city);
    // A county the dump has a row for is not built a second time from its towns.
    const auto rockingham = g.lookup("Rockingham County");
    REQUIRE(rockingham.size() == 1);
    CHECK(rockingham[0].geonameid == 9);
    // A named county without a single town in the dump has no point, so no place.
    CHECK(g.lookup("Empty County").empty());
}

TEST_CASE("admin1: a state sits at its table point, not at its towns' mean", "[gazetteer][admin1]") {
    const auto g = gz::Gazetteer::open(built().index);
    // The only Texas town here is Houston, 400 km from the middle of the state.
    const auto texas = g.admin1("US", "TX");
    REQUIRE(texas);
    const auto p = g.place(*texas);
    CHECK(p.name == "Texas");
    CHECK_FALSE(p.derived_point);
    CHECK(km(p.point, LatLon::from_degrees(31.25, -99.25)) < 5.0);
    // "Texas State" is a university in US news, not a name of the state; other forms stay.
    CHECK(g.lookup("Texas State").empty());
    CHECK(g.lookup("Texas region").at(0).index == *texas);
    CHECK(g.lookup("Luhansk state").at(0).admin1_code == "14");
    // Luhansk Oblast is not in the table: derived from its towns, as before.
    const auto luhansk = g.admin1("UA", "14");
    REQUIRE(luhansk);
    CHECK(g.place(*luhansk).derived_point);
    CHECK(km(g.place(*luhansk).point, LatLon::from_degrees(48.97, 38.44)) < 10.0);
}

TEST_CASE("real index: counties and states", "[gazetteer][real]") {
    const auto path = eventmap::test::real_index();
    if (!path) {
        WARN("no real gazetteer index (run scripts/setup.sh): skipping");
        return;
    }
    const auto g = gz::Gazetteer::open(*path);
    const auto polk = adm2(g.lookup("Polk County"));
    CHECK(polk.size() >= 10);  // a dozen US states have one
    CHECK(std::any_of(polk.begin(), polk.end(), [](const gz::Place& p) { return p.admin1_name == "Florida"; }));
    // Every US state comes from the table: none is derived any more.
    for (const char* code : {"TX", "CA", "FL", "NY", "AK", "HI"}) {
        INFO(code);
        const auto s = g.admin1("US", code);
        REQUIRE(s);
        CHECK_FALSE(g.place(*s).derived_point);
    }
    // California's middle, not the Los Angeles-weighted mean (35.4 N 119.3 W).
    CHECK(km(g.place(*g.admin1("US", "CA")).point, LatLon::from_degrees(37.25, -119.75)) < 10.0);
}

TEST_CASE("supplement: a town's news spelling and a country's news name join them", "[gazetteer][supplement]") {
    const auto g = gz::Gazetteer::open(built().index);
    // One Lakeland, reached by every spelling, with the dump's point and id.
    for (const char* name : {"Lakeland", "Lakeland City", "Lakeland Fla"}) {
        INFO(name);
        const auto l = g.lookup(name);
        REQUIRE(l.size() == 1);
        CHECK(l[0].geonameid == 1);
        CHECK(l[0].kind == gz::PlaceKind::city);
    }
    // The country itself, not a second place named after it.
    for (const char* name : {"The States", "Stateside"}) {
        INFO(name);
        const auto us = g.lookup(name);
        REQUIRE(us.size() == 1);
        CHECK(us[0].kind == gz::PlaceKind::country);
        CHECK(us[0].country == "US");
    }
    // A continent's adjective and the EU reach the continent.
    for (const char* name : {"European", "EU"}) {
        INFO(name);
        const auto eu = g.lookup(name);
        REQUIRE(eu.size() == 1);
        CHECK(eu[0].geonameid == 6255148);
    }
}

TEST_CASE("real index: news names of countries, towns and continents", "[gazetteer][real]") {
    const auto path = eventmap::test::real_index();
    if (!path) {
        WARN("no real gazetteer index (run scripts/setup.sh): skipping");
        return;
    }
    const auto g = gz::Gazetteer::open(*path);
    if (g.lookup("Black Sea").empty()) {
        WARN("real index built without data/supplement.tsv: skipping");
        return;
    }
    for (const auto& [name, cc] : std::vector<std::pair<const char*, const char*>>{
             {"Britain", "GB"}, {"DPRK", "KP"}, {"DRC", "CD"}, {"Bosnia", "BA"}, {"East Timor", "TL"},
             {"America", "US"}}) {
        INFO(name);
        const auto c = g.lookup(name);
        REQUIRE_FALSE(c.empty());
        CHECK(c[0].kind == gz::PlaceKind::country);
        CHECK(c[0].country == cc);
    }
    // Two-letter country forms come from English only: Irish "S.A." is not the United States.
    for (const auto& p : g.lookup("SA")) CHECK(p.country != "US");
    CHECK(g.lookup("US").at(0).country == "US");
    CHECK(g.lookup("UK").at(0).country == "GB");
    for (const char* name : {"BC", "B.C."}) {
        INFO(name);
        const auto bc = g.lookup(name);
        REQUIRE_FALSE(bc.empty());
        CHECK(bc[0].kind == gz::PlaceKind::admin1);
        CHECK(bc[0].name == "British Columbia");
    }
    for (const auto& [name, id] : std::vector<std::pair<const char*, std::int32_t>>{
             {"Hodeidah", 79415}, {"Qamishli", 173377}, {"Myawaddy", 1308052}, {"Deir al-Balah", 281141}}) {
        INFO(name);
        const auto t = g.lookup(name);
        REQUIRE_FALSE(t.empty());
        CHECK(t[0].geonameid == id);
    }
    for (const auto& [name, id] : std::vector<std::pair<const char*, std::int32_t>>{
             {"European", 6255148}, {"EU", 6255148}, {"African", 6255146}, {"Asian", 6255147}}) {
        INFO(name);
        const auto c = g.lookup(name);
        REQUIRE_FALSE(c.empty());
        CHECK(c[0].geonameid == id);
        CHECK(c[0].feature_code == "CONT");
    }
}

TEST_CASE("admin1: a 'Department' or 'Municipality' in the region's name is left out by the news", "[gazetteer][admin1]") {
    const auto g = gz::Gazetteer::open(built().index);
    // "Albania municipality (La Guajira)": the department is "La Guajira" and "La Guajira department".
    for (const char* name : {"La Guajira", "La Guajira department", "La Guajira Department"}) {
        INFO(name);
        const auto r = g.lookup(name);
        REQUIRE(r.size() == 1);
        CHECK(r[0].kind == gz::PlaceKind::admin1);
        CHECK(r[0].country == "CO");
    }
    // Only the region's own name loses the word: a "Texas Department" (of Transportation) is an agency.
    CHECK(g.lookup("Texas Department").empty());
}
