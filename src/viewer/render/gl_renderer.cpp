#include "viewer/render/gl_renderer.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eventmap/core/error.h"
#include "viewer/render/gl.h"

namespace eventmap::viewer {

std::filesystem::path shader_dir() {
    if (const char* env = std::getenv("EVENTMAP_SHADERS"); env && *env) return env;
    return EVENTMAP_SHADER_DIR;
}

namespace {
std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    if (!in) throw IoError(p.string(), "cannot read shader (set EVENTMAP_SHADERS to the shaders/ folder)");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

GLuint compile(GLenum type, const std::filesystem::path& path) {
    std::string src = read_text(path);
    GLuint s = glCreateShader(type);
    const char* p = src.c_str();
    glShaderSource(s, 1, &p, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048];
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        glDeleteShader(s);
        throw Error(path.string() + ": shader does not compile: " + log);
    }
    return s;
}
}  // namespace

struct GlRenderer::Program {
    GLuint id = 0;
    Program(const std::filesystem::path& vs, const std::filesystem::path& fs) {
        GLuint v = compile(GL_VERTEX_SHADER, vs), f = compile(GL_FRAGMENT_SHADER, fs);
        id = glCreateProgram();
        glAttachShader(id, v);
        glAttachShader(id, f);
        glLinkProgram(id);
        glDeleteShader(v);
        glDeleteShader(f);
        GLint ok = 0;
        glGetProgramiv(id, GL_LINK_STATUS, &ok);
        if (!ok) {
            char log[2048];
            glGetProgramInfoLog(id, sizeof log, nullptr, log);
            glDeleteProgram(id);
            throw Error(vs.string() + ": shader program does not link: " + log);
        }
    }
    ~Program() { glDeleteProgram(id); }
    GLint loc(const char* name) const { return glGetUniformLocation(id, name); }
};

GlRenderer::GlRenderer(const std::filesystem::path& d) {
    m_events = std::make_unique<Program>(d / "events.vert", d / "sprite.frag");
    m_sprites = std::make_unique<Program>(d / "sprite.vert", d / "sprite.frag");
    m_overlay = std::make_unique<Program>(d / "overlay.vert", d / "overlay.frag");
    m_basemap = std::make_unique<Program>(d / "basemap.vert", d / "basemap.frag");
    glGenVertexArrays(1, &m_events_vao);
    glGenBuffers(1, &m_events_vbo);
    glGenVertexArrays(3, m_base_vao);
    glGenBuffers(3, m_base_vbo);
    glGenVertexArrays(2, m_dyn_vao);
    glGenBuffers(2, m_dyn_vbo);

    glBindVertexArray(m_events_vao);
    glBindBuffer(GL_ARRAY_BUFFER, m_events_vbo);
    const GLsizei stride = sizeof(GpuEvent);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(GpuEvent, world_x)));
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_INT, stride, reinterpret_cast<void*>(offsetof(GpuEvent, day)));
    glEnableVertexAttribArray(2);
    glVertexAttribIPointer(2, 4, GL_UNSIGNED_BYTE, stride, reinterpret_cast<void*>(offsetof(GpuEvent, type)));
    glEnableVertexAttribArray(3);
    glVertexAttribIPointer(3, 2, GL_UNSIGNED_SHORT, stride, reinterpret_cast<void*>(offsetof(GpuEvent, count)));

    for (int i = 0; i < 3; ++i) {
        glBindVertexArray(m_base_vao[i]);
        glBindBuffer(GL_ARRAY_BUFFER, m_base_vbo[i]);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    }
    // Dynamic 0: sprites (pos, size, colour, symbol); dynamic 1: overlay triangles (pos, colour).
    glBindVertexArray(m_dyn_vao[0]);
    glBindBuffer(GL_ARRAY_BUFFER, m_dyn_vbo[0]);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Sprite), reinterpret_cast<void*>(offsetof(Sprite, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(Sprite), reinterpret_cast<void*>(offsetof(Sprite, size_px)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Sprite), reinterpret_cast<void*>(offsetof(Sprite, rgba)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_UNSIGNED_BYTE, GL_FALSE, sizeof(Sprite), reinterpret_cast<void*>(offsetof(Sprite, symbol)));
    glBindVertexArray(m_dyn_vao[1]);
    glBindBuffer(GL_ARRAY_BUFFER, m_dyn_vbo[1]);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(OverlayVertex), reinterpret_cast<void*>(offsetof(OverlayVertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(OverlayVertex), reinterpret_cast<void*>(offsetof(OverlayVertex, rgba)));
    glBindVertexArray(0);
}

GlRenderer::~GlRenderer() {
    if (m_cache_fbo) glDeleteFramebuffers(1, &m_cache_fbo);
    if (m_cache_tex) glDeleteTextures(1, &m_cache_tex);
    glDeleteVertexArrays(1, &m_events_vao);
    glDeleteBuffers(1, &m_events_vbo);
    glDeleteVertexArrays(3, m_base_vao);
    glDeleteBuffers(3, m_base_vbo);
    glDeleteVertexArrays(2, m_dyn_vao);
    glDeleteBuffers(2, m_dyn_vbo);
}

void GlRenderer::upload_events(const EventStore& store) {
    auto gpu = store.gpu();
    glBindBuffer(GL_ARRAY_BUFFER, m_events_vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(gpu.size_bytes()), gpu.data(), GL_STATIC_DRAW);
    m_uploaded = gpu.size();
}

void GlRenderer::upload_basemap(const Basemap& basemap, const Projection& projection) {
    auto upload = [&](int slot, const std::vector<float>& lonlat) {
        std::vector<float> world(lonlat.size());
        for (std::size_t i = 0; i + 1 < lonlat.size(); i += 2) {
            // Unwrapped shapes reach beyond ±180°: project the wrapped longitude, then move the
            // point a whole world over so the shape stays continuous.
            double lon = lonlat[i], turns = 0;
            while (lon > 180) { lon -= 360; turns += 1; }
            while (lon < -180) { lon += 360; turns -= 1; }
            WorldPoint w = projection.forward(geo::LatLon::from_degrees(lonlat[i + 1], lon));
            w.x += turns;
            world[i] = static_cast<float>(w.x);
            world[i + 1] = static_cast<float>(w.y);
        }
        glBindBuffer(GL_ARRAY_BUFFER, m_base_vbo[slot]);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(world.size() * sizeof(float)), world.data(), GL_STATIC_DRAW);
        return static_cast<std::int32_t>(world.size() / 2);
    };
    m_land_vertices = upload(0, basemap.land_triangles);
    m_border_vertices = upload(1, basemap.borders);
    m_coast_vertices = upload(2, basemap.coasts);
    ++m_generation;
}

void GlRenderer::draw_basemap(const FrameDrawList& list, const ViewerState& state, const Viewport& viewport) {
    const auto w = static_cast<float>(viewport.width_px), h = static_cast<float>(viewport.height_px);
    glClearColor(0.80f, 0.87f, 0.93f, 1.0f);  // sea
    glClear(GL_COLOR_BUFFER_BIT);
    glUseProgram(m_basemap->id);
    glUniform2f(m_basemap->loc("u_center"), static_cast<float>(state.camera.center_x), static_cast<float>(state.camera.center_y));
    glUniform1f(m_basemap->loc("u_scale"), static_cast<float>(pixels_per_world(state.camera.zoom)));
    glUniform2f(m_basemap->loc("u_viewport"), w, h);
    GLint offset_loc = m_basemap->loc("u_offset"), colour_loc = m_basemap->loc("u_colour");
    for (int k : list.world_copies) {
        glUniform1f(offset_loc, static_cast<float>(k));
        glUniform4f(colour_loc, 0.96f, 0.95f, 0.91f, 1.0f);
        glBindVertexArray(m_base_vao[0]);
        glDrawArrays(GL_TRIANGLES, 0, m_land_vertices);
        glUniform4f(colour_loc, 0.62f, 0.60f, 0.58f, 1.0f);
        glBindVertexArray(m_base_vao[1]);
        glDrawArrays(GL_LINES, 0, m_border_vertices);
        glUniform4f(colour_loc, 0.45f, 0.55f, 0.65f, 1.0f);
        glBindVertexArray(m_base_vao[2]);
        glDrawArrays(GL_LINES, 0, m_coast_vertices);
    }
}

void GlRenderer::draw(const FrameDrawList& list, const EventStore& store, const ViewerState& state,
                      const Viewport& viewport) {
    const auto w = static_cast<float>(viewport.width_px), h = static_cast<float>(viewport.height_px);
    const auto scale = static_cast<float>(pixels_per_world(state.camera.zoom));
    const auto cx = static_cast<float>(state.camera.center_x), cy = static_cast<float>(state.camera.center_y);
    const auto iw = static_cast<GLsizei>(viewport.width_px), ih = static_cast<GLsizei>(viewport.height_px);
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);

    // Basemap: redrawn into the cache only when the camera, size or basemap changed.
    if (m_cache_w != iw || m_cache_h != ih) {
        if (!m_cache_fbo) glGenFramebuffers(1, &m_cache_fbo);
        if (!m_cache_tex) glGenTextures(1, &m_cache_tex);
        glBindTexture(GL_TEXTURE_2D, m_cache_tex);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, iw, ih, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, m_cache_fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_cache_tex, 0);
        m_cache_w = iw;
        m_cache_h = ih;
        m_cache_key = CacheKey{};
    }
    CacheKey key{iw, ih, state.camera.center_x, state.camera.center_y, state.camera.zoom, m_generation};
    if (!(key == m_cache_key)) {
        glBindFramebuffer(GL_FRAMEBUFFER, m_cache_fbo);
        glViewport(0, 0, iw, ih);
        draw_basemap(list, state, viewport);
        m_cache_key = key;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_cache_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
    glBlitFramebuffer(0, 0, iw, ih, 0, 0, iw, ih, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    glViewport(0, 0, iw, ih);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_PROGRAM_POINT_SIZE);

    // Events: ranges of the once-uploaded buffer; filters and window are uniforms.
    if (list.points && !list.first.empty() && m_uploaded == store.size()) {
        glUseProgram(m_events->id);
        glUniform2f(m_events->loc("u_center"), cx, cy);
        glUniform1f(m_events->loc("u_scale"), scale);
        glUniform2f(m_events->loc("u_viewport"), w, h);
        glUniform1ui(m_events->loc("u_type_mask"), state.filters.type_mask);
        glUniform1ui(m_events->loc("u_actor_mask"), state.filters.actor_mask);
        glUniform1ui(m_events->loc("u_country_mask"), state.filters.country_mask);
        glUniform2i(m_events->loc("u_days"), static_cast<GLint>(state.window.first_day), static_cast<GLint>(state.window.last_day));
        glUniform1i(m_events->loc("u_size_mode"), static_cast<GLint>(state.size_mode));
        glUniform1f(m_events->loc("u_base_size"), state.point_size_px);
        float colours[32 * 4] = {};
        GLint symbols[32] = {};
        auto types = store.types();
        for (std::size_t i = 0; i < types.size() && i < 32; ++i) {
            for (int c = 0; c < 4; ++c) colours[i * 4 + c] = types[i].rgba[c] / 255.0f;
            symbols[i] = types[i].symbol;
        }
        glUniform4fv(m_events->loc("u_colours"), 32, colours);
        glUniform1iv(m_events->loc("u_symbols"), 32, symbols);
        glBindVertexArray(m_events_vao);
        GLint off = m_events->loc("u_offset");
        for (int k : list.world_copies) {
            glUniform1f(off, static_cast<float>(k));
            glMultiDrawArrays(GL_POINTS, list.first.data(), list.count.data(), static_cast<GLsizei>(list.first.size()));
        }
    }

    if (!list.overlay.empty()) {
        glUseProgram(m_overlay->id);
        glUniform2f(m_overlay->loc("u_viewport"), w, h);
        glBindVertexArray(m_dyn_vao[1]);
        glBindBuffer(GL_ARRAY_BUFFER, m_dyn_vbo[1]);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.overlay.size() * sizeof(OverlayVertex)),
                     list.overlay.data(), GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(list.overlay.size()));
    }
    if (!list.sprites.empty()) {
        glUseProgram(m_sprites->id);
        glUniform2f(m_sprites->loc("u_viewport"), w, h);
        glBindVertexArray(m_dyn_vao[0]);
        glBindBuffer(GL_ARRAY_BUFFER, m_dyn_vbo[0]);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.sprites.size() * sizeof(Sprite)),
                     list.sprites.data(), GL_STREAM_DRAW);
        glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(list.sprites.size()));
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace eventmap::viewer
