#pragma once
// Map projections through PROJ (Web Mercator, equirectangular), normalised to "world units":
// x 0..1 from 180°W to 180°E, y from the projection's north edge downwards (Web Mercator:
// 0..1 between ±85.0511°; equirectangular: 0..0.5 between ±90°). A camera maps world units
// to screen pixels with web-map zoom levels (zoom 0: the world is 256 px wide).
#include <span>

#include "eventmap/geo/latlon.h"
#include "eventmap/geo/proj_handles.h"
#include "viewer/state/viewer_state.h"

namespace eventmap::viewer {

struct WorldPoint {
    double x = 0;  ///< world units
    double y = 0;  ///< world units
};

struct ScreenPoint {
    double x = 0;  ///< pixels from the left
    double y = 0;  ///< pixels from the top
};

/// The latitude limit of Web Mercator (degrees).
inline constexpr double kMercatorMaxLatDeg = 85.05112877980659;

/// A PROJ transformation between WGS84 degrees and world units. Move-only (owns PROJ objects).
class Projection {
public:
    /// Creates the PROJ pipeline; throws eventmap::Error when PROJ refuses it.
    static Projection create(ProjectionKind kind);
    ProjectionKind kind() const { return m_kind; }
    /// World units of a point; latitudes beyond Web Mercator's limit are clamped to it.
    WorldPoint forward(geo::LatLon p) const;
    /// Degrees of a world point (x wraps, y is clamped to the projection's extent).
    geo::LatLon inverse(WorldPoint w) const;
    /// Projects many points at once (out.size() == in.size()).
    void forward_many(std::span<const geo::LatLon> in, std::span<WorldPoint> out) const;
    /// Height of the world in world units (1 for Web Mercator, 0.5 for equirectangular).
    double world_height() const;

private:
    ProjectionKind m_kind = ProjectionKind::web_mercator;
    geo::ProjContext m_ctx;
    geo::ProjObject m_pj;
};

/// Pixels per world unit at a zoom level (256 · 2^zoom).
double pixels_per_world(double zoom);

/// Screen position of a world point for a camera and a viewport of width × height pixels.
ScreenPoint to_screen(const Camera& camera, WorldPoint w, double width_px, double height_px);

/// World point under a screen position.
WorldPoint to_world(const Camera& camera, ScreenPoint s, double width_px, double height_px);

/// The camera after zooming by `delta_zoom` levels keeping the world point under `anchor` fixed.
Camera zoom_around(const Camera& camera, ScreenPoint anchor, double delta_zoom, double width_px, double height_px);

/// A camera showing the world rectangle with a margin (fraction of the viewport), zoom ≤ max_zoom.
Camera fit(double x0, double y0, double x1, double y1, double width_px, double height_px,
           double margin = 0.1, double max_zoom = 12);

/// Lowest and highest allowed zoom levels.
inline constexpr double kMinZoom = 0.0;
inline constexpr double kMaxZoom = 16.0;

}  // namespace eventmap::viewer
