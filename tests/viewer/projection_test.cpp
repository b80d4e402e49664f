#include <catch2/catch.hpp>

#include "viewer/state/projection.h"

using namespace eventmap;
using namespace eventmap::viewer;
using Catch::Detail::Approx;

TEST_CASE("Web Mercator through PROJ matches the EPSG:3857 formulas", "[viewer][projection]") {
    Projection p = Projection::create(ProjectionKind::web_mercator);
    WorldPoint origin = p.forward(geo::LatLon::from_degrees(0, 0));
    CHECK(origin.x == Approx(0.5).margin(1e-12));
    CHECK(origin.y == Approx(0.5).margin(1e-12));
    // EPSG:3857 northing of 45°N is 5621521.486 m; the world is 2π·6378137 m wide.
    WorldPoint n45 = p.forward(geo::LatLon::from_degrees(45, 90));
    CHECK(n45.x == Approx(0.75).margin(1e-12));
    CHECK(n45.y == Approx(0.5 - 5621521.486 / 40075016.686).margin(1e-8));
    // The edge of the square world is 85.0511°; beyond is clamped to it.
    CHECK(p.forward(geo::LatLon::from_degrees(kMercatorMaxLatDeg, 0)).y == Approx(0).margin(1e-9));
    CHECK(p.forward(geo::LatLon::from_degrees(89.9, 0)).y == Approx(0).margin(1e-9));
    CHECK(p.world_height() == 1.0);
}

TEST_CASE("Equirectangular maps degrees linearly", "[viewer][projection]") {
    Projection p = Projection::create(ProjectionKind::equirectangular);
    WorldPoint w = p.forward(geo::LatLon::from_degrees(45, -90));
    CHECK(w.x == Approx(0.25).margin(1e-12));
    CHECK(w.y == Approx(0.125).margin(1e-12));  // 0.25 (equator) − 45/360
    CHECK(p.world_height() == 0.5);
}

TEST_CASE("Projection inverse round-trips and wraps x", "[viewer][projection]") {
    for (auto kind : {ProjectionKind::web_mercator, ProjectionKind::equirectangular}) {
        Projection p = Projection::create(kind);
        for (auto ll : {geo::LatLon::from_degrees(48.5956, 38.0003), geo::LatLon::from_degrees(-33.9, 151.2),
                        geo::LatLon::from_degrees(78.22, 15.65), geo::LatLon::from_degrees(-17.7, 179.9)}) {
            geo::LatLon back = p.inverse(p.forward(ll));
            CHECK(back.lat_deg == Approx(ll.lat_deg).margin(1e-9));
            CHECK(back.lon_deg == Approx(ll.lon_deg).margin(1e-9));
        }
        WorldPoint w = p.forward(geo::LatLon::from_degrees(10, 170));
        geo::LatLon wrapped = p.inverse({w.x + 1, w.y});  // one world to the east is the same place
        CHECK(wrapped.lon_deg == Approx(170).margin(1e-9));
    }
}

TEST_CASE("Many points at once give the same answer as one at a time", "[viewer][projection]") {
    Projection p = Projection::create(ProjectionKind::web_mercator);
    std::vector<geo::LatLon> in{geo::LatLon::from_degrees(1, 2), geo::LatLon::from_degrees(-60, -120),
                                geo::LatLon::from_degrees(50, 30)};
    std::vector<WorldPoint> out(in.size());
    p.forward_many(in, out);
    for (std::size_t i = 0; i < in.size(); ++i) {
        CHECK(out[i].x == Approx(p.forward(in[i]).x).margin(1e-12));
        CHECK(out[i].y == Approx(p.forward(in[i]).y).margin(1e-12));
    }
}

TEST_CASE("Zoom 0 shows the world in 256 px and each level doubles", "[viewer][projection]") {
    CHECK(pixels_per_world(0) == 256);
    CHECK(pixels_per_world(7) == 256 * 128);
    Camera c{0.5, 0.5, 0};
    ScreenPoint s = to_screen(c, {1.0, 0.5}, 1000, 600);
    CHECK(s.x == Approx(500 + 128));
    CHECK(s.y == Approx(300));
    WorldPoint back = to_world(c, s, 1000, 600);
    CHECK(back.x == Approx(1.0));
}

TEST_CASE("Zooming around the cursor keeps the point under it fixed", "[viewer][projection]") {
    Camera c{0.3, 0.4, 5};
    ScreenPoint cursor{100, 700};
    WorldPoint before = to_world(c, cursor, 1280, 800);
    Camera z = zoom_around(c, cursor, 1.5, 1280, 800);
    CHECK(z.zoom == Approx(6.5));
    WorldPoint after = to_world(z, cursor, 1280, 800);
    CHECK(after.x == Approx(before.x).margin(1e-12));
    CHECK(after.y == Approx(before.y).margin(1e-12));
    CHECK(zoom_around(c, cursor, 100, 1280, 800).zoom == kMaxZoom);
}

TEST_CASE("Fit shows the whole rectangle", "[viewer][projection]") {
    Camera c = fit(0.55, 0.30, 0.60, 0.33, 1280, 800, 0.1, 12);
    double s = pixels_per_world(c.zoom);
    CHECK(0.05 * s <= 1280 * 0.8 + 1e-6);
    CHECK(0.03 * s <= 800 * 0.8 + 1e-6);
    CHECK((0.05 * s == Approx(1024).epsilon(1e-9) || 0.03 * s == Approx(640).epsilon(1e-9)));
    CHECK(c.center_x == Approx(0.575));
}
