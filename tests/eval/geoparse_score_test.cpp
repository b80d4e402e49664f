#include <catch2/catch.hpp>

#include <cmath>

#include "eventmap/eval/geoparse_score.h"

using eventmap::eval::GeoparseScore;
using eventmap::eval::ScoredToponym;
using eventmap::geo::LatLon;

namespace {
ScoredToponym topo(std::int64_t start, std::int64_t end, const char* name, double lat, double lon, const char* kind = "Literal") {
    ScoredToponym t;
    t.start_cp = start;
    t.end_cp = end;
    t.name = name;
    t.point = LatLon::from_degrees(lat, lon);
    t.kind = kind;
    return t;
}
}  // namespace

TEST_CASE("a prediction matches gold by lower-cased name and nearby span midpoint", "[eval]") {
    GeoparseScore s;
    std::vector<ScoredToponym> gold = {topo(0, 4, "Kyiv", 50.45, 30.52), topo(20, 27, "Bakhmut", 48.59, 38.0)};
    std::vector<ScoredToponym> pred = {topo(0, 4, "KYIV", 50.45, 30.52),          // same span, case differs
                                       topo(40, 47, "Bakhmut", 48.59, 38.0)};    // midpoint 20 chars away
    eventmap::eval::score_document(gold, pred, s);
    REQUIRE(s.matched == 1);
    REQUIRE(s.precision() == Approx(0.5));
    REQUIRE(s.recall() == Approx(0.5));
    REQUIRE(s.f1() == Approx(0.5));
}

TEST_CASE("toponyms without coordinates take no part", "[eval]") {
    GeoparseScore s;
    ScoredToponym demonym = topo(0, 7, "Russian", 0, 0, "Demonym");
    demonym.point.reset();
    eventmap::eval::score_document({demonym}, {demonym}, s);
    REQUIRE(s.gold == 0);
    REQUIRE(s.predicted == 0);
}

TEST_CASE("each prediction matches at most one gold toponym", "[eval]") {
    GeoparseScore s;
    std::vector<ScoredToponym> gold = {topo(0, 5, "Paris", 48.85, 2.35), topo(2, 7, "Paris", 48.85, 2.35)};
    std::vector<ScoredToponym> pred = {topo(1, 6, "Paris", 48.85, 2.35)};
    eventmap::eval::score_document(gold, pred, s);
    REQUIRE(s.matched == 1);
    REQUIRE(s.recall() == Approx(0.5));
}

TEST_CASE("error, acc@161 and AUC follow Gritta et al.", "[eval]") {
    GeoparseScore s;
    // Paris, Texas for Paris, France: ~7,900 km off; Kyiv exact.
    eventmap::eval::score_document({topo(0, 5, "Paris", 48.8534, 2.3488), topo(10, 14, "Kyiv", 50.45, 30.52)},
                                   {topo(0, 5, "Paris", 33.66, -95.55), topo(10, 14, "Kyiv", 50.45, 30.52)}, s);
    REQUIRE(s.matched == 2);
    REQUIRE(s.acc161() == Approx(0.5));
    REQUIRE(s.median_km() == Approx(s.errors_km[0] / 2).epsilon(0.01));
    double expected = (std::log(1.0) + std::log(1.0 + s.errors_km[0])) / 2.0 / std::log(20039.0);
    REQUIRE(s.auc() == Approx(expected));
    REQUIRE(s.by_kind["Literal"].gold == 2);
    REQUIRE(s.by_kind["Literal"].within_161 == 1);
}
