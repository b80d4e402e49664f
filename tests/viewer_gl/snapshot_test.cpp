// Snapshots as a user makes them (`eventmap view FILE --snapshot out.png ...`), checked pixel by pixel.
// Runs under xvfb-run (ctest does it: the folder ends in _gl).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "eventmap/geo/geodesic.h"
#include "support/support.h"
#include "viewer/render/draw_list.h"
#include "viewer/render/png.h"
#include "viewer/state/event_store.h"
#include "viewer/state/projection.h"

using namespace eventmap;
using namespace eventmap::viewer;

namespace {
const std::string kEvents = (std::filesystem::path(__FILE__).parent_path().parent_path() / "viewer/fixtures/ukraine_march.geojson").string();
constexpr int kW = 1280, kH = 800;

ScreenPoint where(geo::LatLon p, geo::LatLon centre, double zoom) {
    Projection proj = Projection::create(ProjectionKind::web_mercator);
    WorldPoint c = proj.forward(centre);
    return to_screen(Camera{c.x, c.y, zoom}, proj.forward(p), kW, kH);
}

bool near_colour(const unsigned char* px, std::array<std::uint8_t, 4> c, int tol = 12) {
    return std::abs(px[0] - c[0]) <= tol && std::abs(px[1] - c[1]) <= tol && std::abs(px[2] - c[2]) <= tol;
}

// Is the colour found within `radius` pixels of (x, y)?
bool colour_near(const Image& img, ScreenPoint s, std::array<std::uint8_t, 4> c, int radius) {
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            int x = static_cast<int>(std::lround(s.x)) + dx, y = static_cast<int>(std::lround(s.y)) + dy;
            if (x >= 0 && y >= 0 && x < img.width && y < img.height && near_colour(img.at(x, y), c)) return true;
        }
    return false;
}

std::array<std::uint8_t, 4> unpack(std::uint32_t rgba) {
    return {static_cast<std::uint8_t>(rgba & 0xff), static_cast<std::uint8_t>((rgba >> 8) & 0xff),
            static_cast<std::uint8_t>((rgba >> 16) & 0xff), 255};
}

Image snapshot(const std::vector<std::string>& extra, const std::string& name) {
    auto out = eventmap::test::temp_dir("snap_" + name) / "out.png";
    std::vector<std::string> args{"view", kEvents, "--snapshot", out.string(), "--size", "1280x800", "--no-labels"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = eventmap::test::run_cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return read_png(out);
}
}  // namespace

TEST_CASE("Events of March 2023 are drawn over eastern Ukraine at zoom 7 in their type's colour", "[viewer_gl]") {
    const geo::LatLon centre = geo::LatLon::from_degrees(48.6, 37.5);
    Image img = snapshot({"--time-window", "2023-03-01..2023-03-31", "--center", "48.6,37.5", "--zoom", "7"}, "march");
    REQUIRE(img.width == kW);
    REQUIRE(img.height == kH);
    // Types in taxonomy order: armed clash is the first type, so the palette's first colour.
    ScreenPoint bakhmut = where(geo::LatLon::from_degrees(48.5956, 38.0003), centre, 7);
    CHECK(near_colour(img.at(static_cast<int>(bakhmut.x), static_cast<int>(bakhmut.y)), type_colour(0)));
    ScreenPoint kharkiv = where(geo::LatLon::from_degrees(49.9935, 36.2304), centre, 7);
    CHECK(near_colour(img.at(static_cast<int>(kharkiv.x), static_cast<int>(kharkiv.y)), type_colour(6)));  // shelling: bit 6
    // The April event in Kyiv is outside the window: not drawn (Kyiv is off screen anyway at
    // this zoom, so check the window's effect on an on-screen event in the next test).
}

TEST_CASE("An empty time window draws no events", "[viewer_gl]") {
    const geo::LatLon centre = geo::LatLon::from_degrees(48.6, 37.5);
    Image img = snapshot({"--time-window", "2022-01-01..2022-01-31", "--center", "48.6,37.5", "--zoom", "7"}, "empty");
    ScreenPoint bakhmut = where(geo::LatLon::from_degrees(48.5956, 38.0003), centre, 7);
    CHECK_FALSE(colour_near(img, bakhmut, type_colour(0), 8));
    // Nowhere on the map (the legend, bottom left, still shows the types).
    std::size_t coloured = 0;
    for (int y = 60; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            if (x < 320 && y > kH - 160) continue;
            for (std::size_t t = 0; t < 8; ++t) coloured += near_colour(img.at(x, y), type_colour(t), 3);
        }
    CHECK(coloured == 0);
}

TEST_CASE("Range rings are drawn at their geodesic radius", "[viewer_gl]") {
    const geo::LatLon centre = geo::LatLon::from_degrees(48.6, 37.5);
    Image img = snapshot({"--center", "48.6,37.5", "--zoom", "7", "--rings", "25,50"}, "rings");
    for (double r_km : {25.0, 50.0})
        for (double az : {0.0, 90.0, 180.0, 270.0}) {
            ScreenPoint s = where(geo::direct(centre, az, r_km * 1000), centre, 7);
            INFO("ring " << r_km << " km at azimuth " << az << ": pixel " << s.x << "," << s.y);
            CHECK(colour_near(img, s, unpack(kRingRgba), 2));
        }
    // Halfway between the rings there is no ring.
    ScreenPoint between = where(geo::direct(centre, 90, 37'500), centre, 7);
    CHECK_FALSE(colour_near(img, between, unpack(kRingRgba), 2));
}

TEST_CASE("Rings go around the selected event", "[viewer_gl]") {
    const geo::LatLon centre = geo::LatLon::from_degrees(48.6, 37.5);
    const geo::LatLon bakhmut = geo::LatLon::from_degrees(48.5956, 38.0003);
    Image img = snapshot({"--center", "48.6,37.5", "--zoom", "7", "--select", "ev-bakhmut", "--rings", "50"}, "select");
    CHECK(colour_near(img, where(geo::direct(bakhmut, 0, 50'000), centre, 7), unpack(kRingRgba), 2));
    CHECK(colour_near(img, where(geo::direct(bakhmut, 135, 50'000), centre, 7), unpack(kRingRgba), 2));
}

TEST_CASE("The default view fits the data and draws every event", "[viewer_gl]") {
    Image img = snapshot({}, "default");
    std::size_t clash = 0;
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) clash += near_colour(img.at(x, y), type_colour(0), 3);
    CHECK(clash > 20);  // the Bakhmut marker (and its legend swatch)
}

TEST_CASE("Snapshot options are checked", "[viewer_gl]") {
    auto r = eventmap::test::run_cli({"view", kEvents, "--snapshot", "/tmp/x.png", "--select", "no-such-id"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no event with id 'no-such-id'") != std::string::npos);
    r = eventmap::test::run_cli({"view", kEvents, "--snapshot", "/tmp/x.png", "--time-window", "2023-03-31..2023-03-01"});
    CHECK(r.exit_code == 2);
    r = eventmap::test::run_cli({"view", kEvents, "--snapshot", "/tmp/x.png", "--size", "12x5000000"});
    CHECK(r.exit_code == 2);
}

TEST_CASE("Without a display and without --snapshot the viewer says what to do", "[viewer_gl]") {
    std::string display = std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "";
    ::unsetenv("DISPLAY");
    auto r = eventmap::test::run_cli({"view", kEvents});
    if (!display.empty()) ::setenv("DISPLAY", display.c_str(), 1);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no display: use --snapshot out.png") != std::string::npos);
}

TEST_CASE("A file with nothing to draw still gives a map and a clear message", "[viewer_gl]") {
    auto dir = eventmap::test::temp_dir("nothing");
    auto in = dir / "nothing.geojson";
    std::ofstream(in) << R"({"type":"FeatureCollection","features":[]})";
    auto r = eventmap::test::run_cli({"view", in.string(), "--snapshot", (dir / "out.png").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("no features in the input") != std::string::npos);
    CHECK(std::filesystem::exists(dir / "out.png"));
}
