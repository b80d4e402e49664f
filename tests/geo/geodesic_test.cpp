#include <catch2/catch.hpp>

#include "eventmap/geo/geodesic.h"

using eventmap::geo::LatLon;

TEST_CASE("geodesic distances match Karney's reference values", "[geo]") {
    // JFK to LHR as in GeographicLib's and PROJ's geod example (40.6N 73.8W to 51.6N 0.5W): 5551.759 km.
    auto jfk = LatLon::from_degrees(40.6, -73.8);
    auto lhr = LatLon::from_degrees(51.6, -0.5);
    REQUIRE(eventmap::geo::distance_km(jfk, lhr) == Approx(5551.759).margin(0.01));
}

TEST_CASE("direct then inverse returns the distance and bearing", "[geo]") {
    auto kyiv = LatLon::from_degrees(50.45, 30.52);
    auto p = eventmap::geo::direct(kyiv, 45.0, 30000.0);
    auto inv = eventmap::geo::inverse(kyiv, p);
    REQUIRE(inv.distance_m == Approx(30000.0).margin(1e-6));
    REQUIRE(inv.azimuth1_deg == Approx(45.0).margin(1e-9));
}

TEST_CASE("rings stay the right size across the antimeridian", "[geo]") {
    auto centre = LatLon::from_degrees(65.0, 179.9);
    auto ring = eventmap::geo::circle(centre, 50000.0, 64);
    REQUIRE(ring.size() == 65);
    for (const auto& p : ring) REQUIRE(eventmap::geo::distance_m(centre, p) == Approx(50000.0).epsilon(1e-9));
}
