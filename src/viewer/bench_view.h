#pragma once
// `eventmap bench view`: frame times of the real renderer on synthetic events, offscreen.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>

namespace eventmap::viewer {

struct BenchViewOptions {
    std::size_t events = 1'000'000;
    std::uint64_t seed = 1;
    int frames = 40;                      ///< frames per measurement (the median is reported)
    int width_px = 1280, height_px = 800;
    std::filesystem::path work_dir;       ///< where the GeoJSON is written (default: a temp dir)
    std::size_t region_events = 100'000;  ///< events in view for the region measurement
};

struct BenchViewResult {
    double world_ms = 0;   ///< median frame at world zoom, whole time span
    double scrub_ms = 0;   ///< median frame while a 30-day window moves a day per frame
    double region_ms = 0;  ///< median frame zoomed into a region with ~region_events in view
    double load_s = 0;     ///< seconds to load the GeoJSON and arrange the events for drawing
    double pan_ms = 0;         ///< median frame at world zoom while the camera moves (basemap redrawn)
    double region_pan_ms = 0;  ///< the same in the region view
    std::size_t region_in_view = 0;
    double region_zoom = 0;
    double load_cpu_s = 0; ///< CPU seconds (all threads) of the same loading
    double write_s = 0;    ///< seconds to write the GeoJSON (the export writer)
    std::string gl_renderer;
};

/// Generates, writes, loads and draws; `log` gets progress lines. Needs a display (Xvfb is fine).
BenchViewResult bench_view(const BenchViewOptions& options, std::ostream& log);

}  // namespace eventmap::viewer
