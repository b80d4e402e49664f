#pragma once
// The one plain struct of view state: camera, time window, filters, selection, overlays.
// The UI panels are the only code that changes it (plus the command-line options at start).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eventmap/geo/latlon.h"

namespace eventmap::viewer {

enum class ProjectionKind : std::uint8_t { web_mercator, equirectangular };
enum class SizeMode : std::uint8_t { uniform, count, fatalities };
enum class AggregateMode : std::uint8_t { automatic, points, bins };
enum class DistanceUnit : std::uint8_t { km, mi };

/// Where the map looks: the centre in world units (0..1 across, y down from the north edge)
/// and a web-map zoom level (zoom 0 shows the whole world in 256 px, each level doubles).
struct Camera {
    double center_x = 0.5;  ///< world units, 0 = 180°W, 1 = 180°E
    double center_y = 0.5;  ///< world units, 0 = north edge of the projection
    double zoom = 2.0;      ///< web-map zoom level
};

/// A time window in days since 1970-01-01, inclusive at both ends.
struct TimeWindow {
    std::int64_t first_day = 0;
    std::int64_t last_day = -1;  ///< last_day < first_day: an empty window
    bool is_empty() const { return last_day < first_day; }
    std::int64_t width_days() const { return is_empty() ? 0 : last_day - first_day + 1; }
    bool contains(std::int64_t day) const { return day >= first_day && day <= last_day; }
    friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

/// Filter masks: bit i set = category i shown. Categories are indices into EventStore's tables.
struct Filters {
    std::uint32_t type_mask = 0xffffffffu;
    std::uint32_t actor_mask = 0xffffffffu;    ///< top 31 actors + bit 31 "any other / none"
    std::uint32_t country_mask = 0xffffffffu;  ///< top 31 countries + bit 31 "any other / none"
    friend bool operator==(const Filters&, const Filters&) = default;
};

struct Playback {
    bool playing = false;
    double speed_days_per_s = 7.0;
    double accumulated_days = 0;  ///< fractional days not yet applied
};

struct MeasureTool {
    bool active = false;
    std::vector<geo::LatLon> points;
    DistanceUnit unit = DistanceUnit::km;
};

struct Overlays {
    std::vector<double> ring_radii_km{5, 10, 25, 50, 100};
    bool rings_visible = false;                  ///< rings around the selection or ring_center
    std::optional<geo::LatLon> ring_center;      ///< a clicked point (rings around the selection win)
    bool buffer_visible = false;
    double buffer_km = 10;
    bool country_labels = true;
    bool city_labels = true;
};

/// Things the UI asks for that need I/O or heavy work; the app carries them out and clears them.
struct Requests {
    std::optional<std::string> export_geojson;  ///< path: write the filtered events of the window
    std::optional<std::string> screenshot_png;  ///< path: write the current frame
    std::optional<std::string> search;          ///< place name to look up and fly to
    bool fit_to_data = false;
    bool reproject = false;                     ///< projection changed: re-upload
};

struct ViewerState {
    Camera camera;
    std::optional<Camera> camera_target;  ///< smooth fly-to: the camera eases towards it
    ProjectionKind projection = ProjectionKind::web_mercator;
    TimeWindow window;
    Playback playback;
    Filters filters;
    SizeMode size_mode = SizeMode::count;
    AggregateMode aggregate = AggregateMode::automatic;
    std::size_t aggregate_threshold = 6000;  ///< events in view above which Auto shows bins (fragment budget)
    float point_size_px = 12.0f;
    std::vector<std::uint32_t> selection;     ///< indices into EventStore (sorted order)
    std::optional<std::uint32_t> hovered;
    MeasureTool measure;
    Overlays overlays;
    std::string status;  ///< one line shown in the status bar (errors, load reports)
    std::vector<std::string> search_results;  ///< "name, admin1, CC (pop)" lines of the last search
    Requests requests;
    bool show_list = true;
    bool show_details = true;
};

}  // namespace eventmap::viewer
