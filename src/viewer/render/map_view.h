#pragma once
// The map as drawn: a projection, the basemaps (50m, and 10m once zoomed in), the GL
// renderer and the uploaded events. Shared by the window, snapshots and `eventmap bench view`.
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include "viewer/render/basemap.h"
#include "viewer/render/draw_list.h"
#include "viewer/render/gl_renderer.h"
#include "viewer/state/event_store.h"
#include "viewer/state/projection.h"

namespace eventmap::viewer {

/// Zoom from which the 50m basemap is used (110m below: a whole world of 50m triangles costs
/// ~45 ms a frame on llvmpipe, 110m a tenth of that).
inline constexpr double kMediumBasemapZoom = 3.0;
/// Zoom from which the 10m basemap is used.
inline constexpr double kDetailedBasemapZoom = 5.0;

class MapView {
public:
    /// Needs a current GL context. async: build a missing 10m basemap in the background
    /// (interactive) instead of waiting for it (snapshots).
    MapView(const EventStore& store, ProjectionKind projection, bool async);
    /// Re-uploads events and basemap after the store was reprojected.
    void reproject(const EventStore& store, ProjectionKind projection);
    /// The frame's draw lists for a state (loads the 10m basemap when the zoom needs it).
    FrameDrawList frame(const EventStore& store, const ViewerState& state, const Viewport& viewport,
                        const std::vector<std::vector<geo::LatLon>>* buffers = nullptr);
    void draw(const FrameDrawList& list, const EventStore& store, const ViewerState& state, const Viewport& viewport);
    const Projection& projection() const { return m_projection; }
    /// Basemap problems (missing world-atlas): the map still draws events.
    const std::string& basemap_error() const { return m_basemap_error; }

private:
    void use_basemap(BasemapResolution resolution);

    Projection m_projection;
    std::unique_ptr<GlRenderer> m_renderer;
    std::optional<Basemap> m_world, m_coarse, m_detailed;
    std::future<Basemap> m_pending;
    BasemapResolution m_uploaded = BasemapResolution::r110m;
    bool m_async = false;
    std::string m_basemap_error;
};

}  // namespace eventmap::viewer
