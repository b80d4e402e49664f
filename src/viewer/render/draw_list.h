#pragma once
// Each frame, (events, view state) become plain draw lists: which ranges of the uploaded
// events to draw, or aggregated bins; overlay triangles in screen pixels; labels. Pure and
// GL-free, so it is tested without a context; the GL renderer only draws what it is given.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eventmap/geo/latlon.h"
#include "viewer/render/basemap.h"
#include "viewer/state/event_store.h"
#include "viewer/state/projection.h"
#include "viewer/state/viewer_state.h"

namespace eventmap::viewer {

struct Viewport {
    double width_px = 1280;
    double height_px = 800;
};

/// A triangle vertex in screen pixels with a packed RGBA colour (r in the low byte).
struct OverlayVertex {
    float x = 0, y = 0;
    std::uint32_t rgba = 0;
};

/// A screen-space marker: an aggregated bin or a selection highlight.
struct Sprite {
    float x = 0, y = 0;     ///< centre (pixels)
    float size_px = 0;      ///< diameter (pixels)
    std::uint32_t rgba = 0;
    std::uint8_t symbol = 0;  ///< as TypeStyle::symbol; 6 = ring outline
};

struct Label {
    float x = 0, y = 0;  ///< anchor (pixels); text is centred on it
    std::string text;
    std::uint32_t rgba = 0xff000000u;
    bool halo = true;    ///< draw a light outline for legibility over the map
};

/// One aggregation cell: events of the window and filters that fall in it.
struct Bin {
    double world_x = 0, world_y = 0;  ///< mean position (world units)
    std::uint32_t count = 0;          ///< events (sum of per-event counts is not used: one event, one)
    std::uint8_t dominant_type = 0;   ///< the most frequent type in the bin
};

struct FrameDrawList {
    std::vector<int> world_copies;     ///< integer world offsets whose copy is visible
    bool points = false;               ///< true: draw ranges; false: draw bins
    std::vector<std::int32_t> first;   ///< glMultiDrawArrays firsts (indices into the uploaded events)
    std::vector<std::int32_t> count;   ///< glMultiDrawArrays counts
    std::vector<Sprite> sprites;       ///< bins and highlights (screen space)
    std::vector<OverlayVertex> overlay;  ///< triangles: rings, measure lines, buffers
    std::vector<Label> labels;
    std::size_t events_in_view = 0;    ///< events of the window in visible buckets (before filters)
    std::size_t bins = 0;
};

/// The world rectangles (within x 0..1) the viewport shows; two when it straddles the antimeridian.
std::vector<WorldRect> visible_world(const Camera& camera, const Viewport& viewport, double world_height);

/// Aggregates the window's filtered events inside `visible` into square cells of `cell_world`
/// world units anchored to the world grid (so bins do not swim while panning).
std::vector<Bin> aggregate(const EventStore& store, const TimeWindow& window, const Filters& filters,
                           std::span<const WorldRect> visible, double cell_world);

/// Events of the window in buckets intersecting `visible` (unfiltered; what points mode would draw).
std::size_t events_in_view(const EventStore& store, const TimeWindow& window, std::span<const WorldRect> visible);

/// Screen polyline of a geodesic ring (lon unwrapped across the antimeridian).
std::vector<ScreenPoint> ring_screen_points(const Projection& proj, const Camera& camera, const Viewport& viewport,
                                            geo::LatLon center, double radius_km, int world_copy);

/// Appends a polyline of `width_px` as triangles.
void append_polyline(std::vector<OverlayVertex>& out, std::span<const ScreenPoint> pts, float width_px,
                     std::uint32_t rgba, bool closed = false);

/// Packs a colour (r in the low byte, as GL reads GL_UNSIGNED_BYTE × 4).
constexpr std::uint32_t pack_rgba(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255) {
    return static_cast<std::uint32_t>(r) | (static_cast<std::uint32_t>(g) << 8) | (static_cast<std::uint32_t>(b) << 16) |
           (static_cast<std::uint32_t>(a) << 24);
}

/// Colour of range rings (the snapshot tests look for it).
inline constexpr std::uint32_t kRingRgba = pack_rgba(200, 20, 150);
/// Colour of the measure tool's legs.
inline constexpr std::uint32_t kMeasureRgba = pack_rgba(20, 20, 20);
/// Colour of buffer outlines.
inline constexpr std::uint32_t kBufferRgba = pack_rgba(40, 90, 220);

/// Formats a distance in the chosen unit ("12.3 km", "7.6 mi").
std::string format_distance(double distance_km, DistanceUnit unit);

struct FrameInputs {
    const EventStore& store;
    const ViewerState& state;
    const Projection& projection;
    Viewport viewport;
    const Basemap* basemap = nullptr;                               ///< labels; null = none
    const std::vector<std::vector<geo::LatLon>>* buffers = nullptr;  ///< buffer outlines (lon/lat rings)
};

/// Builds the frame's draw lists.
FrameDrawList build_draw_list(const FrameInputs& in);

/// The event nearest to a screen point within radius_px that passes window and filters.
std::optional<std::uint32_t> pick_event(const EventStore& store, const ViewerState& state, const Viewport& viewport,
                                        ScreenPoint at, double radius_px);

/// Marker diameter of an event (pixels) for a size mode.
float event_size_px(const GpuEvent& e, SizeMode mode, float base_px);

}  // namespace eventmap::viewer
