// The real wire story (../shared/corpus, when present): extracted, then drawn headless.
#include <catch2/catch.hpp>

#include <regex>

#include "eventmap/export/reader.h"
#include "eventmap/geo/geodesic.h"
#include "support/support.h"
#include "viewer/render/png.h"

using namespace eventmap;

namespace {

int events_in_view(const std::string& out) {
    std::smatch m;
    static const std::regex re("([0-9]+) events in view");
    return std::regex_search(out, m, re) ? std::stoi(m[1]) : -1;
}

std::size_t differing_pixels(const viewer::Image& a, const viewer::Image& b) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < a.rgba.size() && i + 3 < b.rgba.size(); i += 4)
        if (a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2]) ++n;
    return n;
}

}  // namespace

TEST_CASE("the wire story's events show over eastern Ukraine in March 2023, with rings", "[viewer_gl]") {
    auto shared = test::shared_dir();
    if (!shared || !test::real_index()) {
        WARN("needs ../shared and the gazetteer index; skipping");
        return;
    }
    auto dir = test::temp_dir("wire_snapshot");
    auto events = (dir / "wire.geojson").string();
    auto ex = test::run_cli({"extract", (*shared / "corpus/reuters-2023-03-17-xi-moscow-bakhmut.txt").string(), "-o", events});
    INFO(ex.err);
    REQUIRE(ex.exit_code == 0);

    auto shot = [&](const std::string& name, std::vector<std::string> extra) {
        std::vector<std::string> args{"view", events, "--snapshot", (dir / name).string(), "--size", "800x600",
                                      "--center", "48.4,37.9", "--zoom", "7", "--no-labels"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = test::run_cli(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return std::make_pair(events_in_view(r.out), viewer::read_png(dir / name));
    };
    auto [march, march_img] = shot("march.png", {"--time-window", "2023-03-01..2023-03-31"});
    REQUIRE(march >= 2);  // Bakhmut and Avdiivka at least
    auto [empty, empty_img] = shot("empty.png", {"--time-window", "2021-01-01..2021-01-31"});
    REQUIRE(empty == 0);
    REQUIRE(differing_pixels(march_img, empty_img) > 100);

    // Rings around the Bakhmut event: the picture changes only by the rings.
    exporter::ReadReport report;
    auto evs = exporter::read_events(events, {}, report);
    std::string bakhmut;
    for (const auto& e : evs)
        if (geo::distance_km(e.point, geo::LatLon::from_degrees(48.594, 38.0)) < 25 && e.event_date.year == 2023 &&
            e.event_date.month == 3)
            bakhmut = e.id;
    REQUIRE_FALSE(bakhmut.empty());
    auto [sel, sel_img] = shot("selected.png", {"--time-window", "2023-03-01..2023-03-31", "--select", bakhmut});
    auto [ringed, ring_img] =
        shot("rings.png", {"--time-window", "2023-03-01..2023-03-31", "--select", bakhmut, "--rings", "25,50"});
    REQUIRE(sel == ringed);
    REQUIRE(differing_pixels(sel_img, ring_img) > 500);
}
