#include "viewer/render/map_view.h"

#include "eventmap/core/error.h"

namespace eventmap::viewer {

MapView::MapView(const EventStore& store, ProjectionKind projection, bool async)
    : m_projection(Projection::create(projection)), m_renderer(std::make_unique<GlRenderer>(shader_dir())), m_async(async) {
    m_renderer->upload_events(store);
    try {
        m_world = load_basemap(BasemapResolution::r110m);
        m_coarse = load_basemap(BasemapResolution::r50m);
        m_renderer->upload_basemap(*m_coarse, m_projection);
        m_uploaded = BasemapResolution::r50m;
    } catch (const Error& e) {
        m_basemap_error = e.what();
    }
}

void MapView::reproject(const EventStore& store, ProjectionKind projection) {
    m_projection = Projection::create(projection);
    m_renderer->upload_events(store);
    if (m_uploaded == BasemapResolution::r10m && m_detailed) m_renderer->upload_basemap(*m_detailed, m_projection);
    else if (m_uploaded == BasemapResolution::r110m && m_world) m_renderer->upload_basemap(*m_world, m_projection);
    else if (m_coarse) m_renderer->upload_basemap(*m_coarse, m_projection);
}

void MapView::use_basemap(BasemapResolution resolution) {
    if (resolution == m_uploaded || !m_coarse) return;
    if (resolution == BasemapResolution::r110m && m_world) {
        m_renderer->upload_basemap(*m_world, m_projection);
        m_uploaded = resolution;
        return;
    }
    if (resolution == BasemapResolution::r50m) {
        m_renderer->upload_basemap(*m_coarse, m_projection);
        m_uploaded = resolution;
        return;
    }
    if (!m_detailed) {
        if (m_async) {
            if (!m_pending.valid()) m_pending = std::async(std::launch::async, [] { return load_basemap(BasemapResolution::r10m); });
            if (m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
        }
        try {
            m_detailed = m_async ? m_pending.get() : load_basemap(BasemapResolution::r10m);
        } catch (const Error& e) {
            m_basemap_error = e.what();
            m_coarse.reset();  // stop retrying: stay on what is uploaded
            return;
        }
    }
    m_renderer->upload_basemap(*m_detailed, m_projection);
    m_uploaded = resolution;
}

FrameDrawList MapView::frame(const EventStore& store, const ViewerState& state, const Viewport& viewport,
                             const std::vector<std::vector<geo::LatLon>>* buffers) {
    use_basemap(state.camera.zoom >= kDetailedBasemapZoom ? BasemapResolution::r10m
                : state.camera.zoom >= kMediumBasemapZoom ? BasemapResolution::r50m
                                                          : BasemapResolution::r110m);
    // Labels (country names, cities) come from the 50m build at world scale: 110m lacks small countries.
    const Basemap* labels = nullptr;
    if (m_uploaded == BasemapResolution::r10m && m_detailed) labels = &*m_detailed;
    else if (m_coarse) labels = &*m_coarse;
    FrameInputs in{store, state, m_projection, viewport, labels, buffers};
    return build_draw_list(in);
}

void MapView::draw(const FrameDrawList& list, const EventStore& store, const ViewerState& state, const Viewport& viewport) {
    m_renderer->draw(list, store, state, viewport);
}

}  // namespace eventmap::viewer
