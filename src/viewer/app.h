#pragma once
// The viewer application: load a scene, then either render one frame offscreen to a PNG
// (--snapshot) or run the interactive window. Each frame: input → UI → draw lists → draw.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "eventmap/geo/latlon.h"
#include "viewer/render/draw_list.h"
#include "viewer/state/event_store.h"
#include "viewer/state/load.h"
#include "viewer/state/viewer_state.h"

namespace eventmap::viewer {

struct ViewOptions {
    std::vector<std::string> inputs;
    LoadOptions load;
    std::optional<std::filesystem::path> snapshot;  ///< render one frame to this PNG and exit
    int width_px = 1280;
    int height_px = 800;
    std::optional<TimeWindow> window;               ///< default: all the data
    std::optional<geo::LatLon> center;              ///< default: fit to the data
    std::optional<double> zoom;                     ///< web-map zoom; default: fit to the data
    std::optional<std::string> select_id;           ///< event id to select (rings go around it)
    std::optional<std::vector<double>> rings_km;    ///< show range rings with these radii
    ProjectionKind projection = ProjectionKind::web_mercator;
    AggregateMode aggregate = AggregateMode::automatic;
    bool labels = true;
};

/// Loaded events arranged for drawing, and what loading found.
struct Scene {
    EventStore store;
    LoadReport report;
};

/// Loads the inputs (throws on I/O errors; bad records are counted in the report).
Scene load_scene(const ViewOptions& options);

/// The starting view: options applied over defaults (window = all data, camera fits the data).
ViewerState initial_state(const EventStore& store, const ViewOptions& options, const Viewport& viewport);

/// Parses "2023-03-01..2023-03-31" (either side may be a single date: "2023-03-05" = one day);
/// throws UsageError naming the problem.
TimeWindow parse_time_window(const std::string& text);

/// Directory of fonts and icons: $EVENTMAP_ASSETS, else the build's assets/ folder.
std::filesystem::path asset_dir();

struct SnapshotInfo {
    std::size_t events_in_view = 0;
    bool points = false;       ///< false: aggregated bins were drawn
    std::string gl_renderer;
};

/// Renders one frame offscreen (hidden window + framebuffer object) and writes the PNG.
SnapshotInfo render_snapshot(const Scene& scene, const ViewOptions& options);

/// Runs the interactive viewer until the window closes; returns the exit code.
int run_interactive(Scene scene, const ViewOptions& options);

}  // namespace eventmap::viewer
