#pragma once
// Owns the GL objects (programs, buffers) and draws a FrameDrawList. Events are uploaded once;
// a frame only sets uniforms and issues glMultiDrawArrays over the ranges the draw list names.
#include <cstdint>
#include <filesystem>
#include <memory>

#include "viewer/render/basemap.h"
#include "viewer/render/draw_list.h"
#include "viewer/state/event_store.h"
#include "viewer/state/projection.h"

namespace eventmap::viewer {

/// Directory the shaders are read from: $EVENTMAP_SHADERS, else the build's shaders/ folder.
std::filesystem::path shader_dir();

class GlRenderer {
public:
    /// Compiles the shaders (needs a current GL 3.3 core context); throws eventmap::Error with the log.
    explicit GlRenderer(const std::filesystem::path& shaders);
    ~GlRenderer();
    GlRenderer(const GlRenderer&) = delete;
    GlRenderer& operator=(const GlRenderer&) = delete;

    /// Uploads every event once (call again only when the store or its projection changes).
    void upload_events(const EventStore& store);
    /// Uploads the basemap projected to world units.
    void upload_basemap(const Basemap& basemap, const Projection& projection);
    /// Draws basemap, events (or bins) and overlays into the bound framebuffer.
    void draw(const FrameDrawList& list, const EventStore& store, const ViewerState& state, const Viewport& viewport);
    bool has_basemap() const { return m_land_vertices > 0; }

private:
    struct Program;
    std::unique_ptr<Program> m_events, m_sprites, m_overlay, m_basemap;
    unsigned m_events_vao = 0, m_events_vbo = 0;
    unsigned m_base_vao[3] = {}, m_base_vbo[3] = {};
    unsigned m_dyn_vao[2] = {}, m_dyn_vbo[2] = {};
    std::int32_t m_land_vertices = 0, m_border_vertices = 0, m_coast_vertices = 0;
    std::size_t m_uploaded = 0;
    // The basemap is drawn into this texture and copied to the frame while the camera stays:
    // scrubbing, filtering and playback then cost a blit instead of the whole basemap.
    struct CacheKey {
        int width = 0, height = 0;
        double cx = 0, cy = 0, zoom = -1;
        std::uint64_t generation = 0;
        friend bool operator==(const CacheKey&, const CacheKey&) = default;
    };
    unsigned m_cache_fbo = 0, m_cache_tex = 0;
    int m_cache_w = 0, m_cache_h = 0;
    CacheKey m_cache_key;
    std::uint64_t m_generation = 1;
    void draw_basemap(const FrameDrawList& list, const ViewerState& state, const Viewport& viewport);
};

}  // namespace eventmap::viewer
