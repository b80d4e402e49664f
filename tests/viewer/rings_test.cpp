#include <catch2/catch.hpp>

#include "eventmap/geo/geodesic.h"
#include "viewer/render/buffer.h"
#include "viewer/render/draw_list.h"

using namespace eventmap;
using namespace eventmap::viewer;
using Catch::Detail::Approx;

namespace {
// Back from the screen to degrees, to measure what was drawn.
std::vector<geo::LatLon> to_degrees(const Projection& p, const Camera& c, const Viewport& vp, const std::vector<ScreenPoint>& pts) {
    std::vector<geo::LatLon> out;
    for (const auto& s : pts) out.push_back(p.inverse(to_world(c, s, vp.width_px, vp.height_px)));
    return out;
}
}  // namespace

TEST_CASE("A ring of one degree of equatorial longitude passes through 0°N 1°E", "[viewer][rings]") {
    Projection p = Projection::create(ProjectionKind::web_mercator);
    Viewport vp{1280, 800};
    geo::LatLon centre = geo::LatLon::from_degrees(0, 0);
    Camera c{0.5, 0.5, 8};
    // WGS84: one degree of longitude on the equator is 111.3195 km.
    auto pts = to_degrees(p, c, vp, ring_screen_points(p, c, vp, centre, 111.3195, 0));
    REQUIRE(pts.size() == 181);
    // Vertex 45 of 180 is at azimuth 90°: due east.
    CHECK(pts[45].lat_deg == Approx(0).margin(1e-6));
    CHECK(pts[45].lon_deg == Approx(1.0).margin(1e-4));
}

TEST_CASE("Ring vertices are at the radius in the far north", "[viewer][rings]") {
    Projection p = Projection::create(ProjectionKind::web_mercator);
    Viewport vp{1280, 800};
    geo::LatLon svalbard = geo::LatLon::from_degrees(78.22, 15.65);
    WorldPoint w = p.forward(svalbard);
    Camera c{w.x, w.y, 6};
    for (double r : {5.0, 25.0, 100.0}) {
        auto pts = to_degrees(p, c, vp, ring_screen_points(p, c, vp, svalbard, r, 0));
        for (const auto& q : pts) CHECK(geo::distance_km(svalbard, q) == Approx(r).epsilon(1e-4));
    }
    // Mercator stretches the north: the ring is much taller on screen than at the equator.
    auto north = ring_screen_points(p, c, vp, svalbard, 50, 0);
    double height_px = north[90].y - north[0].y;  // south vertex minus north vertex
    CHECK(height_px > 2 * 50 / 40075.0 * 256 * 64 * 4.5);  // sec(78°) ≈ 4.8
}

TEST_CASE("A ring across the antimeridian stays one closed curve", "[viewer][rings]") {
    Projection p = Projection::create(ProjectionKind::web_mercator);
    Viewport vp{1280, 800};
    geo::LatLon fiji = geo::LatLon::from_degrees(-17.7, 179.9);
    WorldPoint w = p.forward(fiji);
    Camera c{w.x, w.y, 7};
    auto pts = ring_screen_points(p, c, vp, fiji, 100, 0);
    double max_step = 0, min_x = 1e9, max_x = -1e9;
    for (std::size_t i = 1; i < pts.size(); ++i) max_step = std::max(max_step, std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y));
    for (const auto& s : pts) { min_x = std::min(min_x, s.x); max_x = std::max(max_x, s.x); }
    CHECK(max_step < 20);                       // no jump across the map
    CHECK(max_x - min_x < 2 * 100 * 1.1 / 40075.0 * 256 * 128 / std::cos(17.7 * M_PI / 180) + 10);
    CHECK(min_x > 0);                           // centred on screen: the whole ring is visible
    CHECK(max_x < vp.width_px);
}

TEST_CASE("A buffer in azimuthal-equidistant is at its radius from the centre", "[viewer][buffer]") {
    geo::LatLon p = geo::LatLon::from_degrees(48.5956, 38.0003);
    auto rings = buffer_outlines(std::vector<geo::LatLon>{p}, 10);
    REQUIRE(rings.size() == 1);
    REQUIRE(rings[0].size() > 60);
    for (const auto& q : rings[0]) CHECK(geo::distance_km(p, q) == Approx(10).epsilon(2e-3));  // polygon chords: ~0.1 %
    // Two far-apart points: two separate outlines; two close ones merge into one.
    CHECK(buffer_outlines(std::vector<geo::LatLon>{p, geo::LatLon::from_degrees(48.0, 37.0)}, 10).size() == 2);
    CHECK(buffer_outlines(std::vector<geo::LatLon>{p, geo::LatLon::from_degrees(48.6, 38.1)}, 10).size() == 1);
    CHECK(buffer_outlines({}, 10).empty());
}

TEST_CASE("Distances are formatted in km or miles", "[viewer][rings]") {
    CHECK(format_distance(25, DistanceUnit::km) == "25.0 km");
    CHECK(format_distance(1.609344, DistanceUnit::mi) == "1.00 mi");
    CHECK(format_distance(1234, DistanceUnit::km) == "1234 km");
}
