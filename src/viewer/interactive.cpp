// The interactive window. Each frame: input → UI panels (write ViewerState) → requests that
// need I/O → draw lists → GL draw → labels and ImGui on top.
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <optional>

#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "viewer/app.h"
#include "viewer/imgui_session.h"
#include "viewer/platform/window.h"
#include "viewer/render/buffer.h"
#include "viewer/render/gl.h"
#include "viewer/render/labels.h"
#include "viewer/render/map_view.h"
#include "viewer/render/png.h"
#include "viewer/state/neighbours.h"
#include "viewer/state/time_controls.h"
#include "viewer/ui/map_input.h"
#include "viewer/ui/panels.h"
#include "viewer/viewer_io.h"

namespace eventmap::viewer {
namespace {
// Events of the window in view that pass the filters, for the list panel (capped).
std::vector<std::uint32_t> collect_in_view(const EventStore& store, const ViewerState& st, const FrameDrawList& list,
                                           const Viewport& vp) {
    std::vector<std::uint32_t> out;
    if (!list.points) return out;
    const double s = pixels_per_world(st.camera.zoom);
    for (std::size_t r = 0; r < list.first.size() && out.size() < 20000; ++r) {
        for (std::int32_t i = list.first[r]; i < list.first[r] + list.count[r] && out.size() < 20000; ++i) {
            const GpuEvent& e = store.gpu()[static_cast<std::size_t>(i)];
            if (!EventStore::passes(e, st.filters)) continue;
            for (int k : list.world_copies) {
                double x = (e.world_x + k - st.camera.center_x) * s + vp.width_px / 2;
                double y = (e.world_y - st.camera.center_y) * s + vp.height_px / 2;
                if (x >= 0 && y >= 0 && x < vp.width_px && y < vp.height_px) { out.push_back(static_cast<std::uint32_t>(i)); break; }
            }
        }
    }
    return out;
}
}  // namespace

int run_interactive(Scene scene, const ViewOptions& options) {
    std::string title = "eventmap - " + (options.inputs.empty() ? std::string("no input") : options.inputs.front());
    Window window(options.width_px, options.height_px, title, true);
    int fw = 0, fh = 0;
    window.framebuffer_size(fw, fh);
    Viewport vp{static_cast<double>(fw), static_cast<double>(fh)};
    ViewerState st = initial_state(scene.store, options, vp);
    if (!options.center && !options.zoom && !scene.store.empty()) {
        // The timeline covers the bottom 190 px and the panels the sides: fit into what is left.
        WorldRect b = scene.store.bounds();
        st.camera = fit(b.x0, b.y0, b.x1, b.y1, vp.width_px - 2 * 320, vp.height_px - 190, 0.1, 9);
        st.camera.center_y += 95 / pixels_per_world(st.camera.zoom);
    }
    st.status = scene.report.summary();
    for (const auto& m : scene.report.messages) st.status += "; " + m;
    MapView map(scene.store, options.projection, true);
    if (!map.basemap_error().empty()) st.status += "; basemap: " + map.basemap_error();
    ImGuiSession gui(window.handle(), asset_dir());

    std::optional<gazetteer::Gazetteer> gaz;
    std::vector<std::uint32_t> buffer_key;
    double buffer_km = 0;
    std::vector<std::vector<geo::LatLon>> buffers;
    std::optional<std::uint32_t> neighbours_of;
    std::vector<std::pair<std::uint32_t, double>> neighbours;
    double last = window.time_s();

    while (!window.should_close()) {
        bool animating = st.playback.playing || st.camera_target.has_value();
        // Idle: wait for input instead of spinning; animating: vsync paces the loop.
        window.poll(animating ? 0 : 0.5);
        double now = window.time_s();
        double dt = std::min(now - last, 0.25);
        last = now;
        window.framebuffer_size(fw, fh);
        if (fw <= 0 || fh <= 0) { window.poll(0.1); continue; }  // minimised
        vp = {static_cast<double>(fw), static_cast<double>(fh)};

        gui.new_frame();

        map_input(scene.store, st, vp, map.projection());
        advance_playback(st, scene.store, dt);
        animate_camera(st, dt);
        filters_panel(scene.store, st);
        tools_panel(scene.store, st);
        timeline_panel(scene.store, st, gui.big());

        // Requests that need I/O or heavy work.
        auto& rq = st.requests;
        if (rq.fit_to_data && !scene.store.empty()) {
            WorldRect b = scene.store.bounds();
            st.camera_target = fit(b.x0, b.y0, b.x1, b.y1, vp.width_px - 2 * 320, vp.height_px - 190, 0.1, 9);
            st.camera_target->center_y += 95 / pixels_per_world(st.camera_target->zoom);
        }
        rq.fit_to_data = false;
        if (rq.reproject) {
            scene.store.reproject(st.projection);
            map.reproject(scene.store, st.projection);
            ViewOptions refit;
            refit.projection = st.projection;
            st.camera = initial_state(scene.store, refit, vp).camera;
            rq.reproject = false;
        }
        if (rq.search) {
            st.search_results.clear();
            try {
                if (!gaz) gaz = gazetteer::Gazetteer::open(default_index_path());
                auto places = gaz->lookup(*rq.search);
                for (std::size_t i = 0; i < places.size() && i < 5; ++i) {
                    const auto& p = places[i];
                    st.search_results.push_back(std::string(p.name) + ", " + std::string(p.admin1_name) + ", " +
                                                std::string(p.country) + " (pop " + std::to_string(p.population) + ")");
                }
                if (places.empty()) st.status = "no place named '" + *rq.search + "' in the gazetteer";
                else {
                    WorldPoint w = map.projection().forward(places[0].point);
                    double zoom = places[0].kind == gazetteer::PlaceKind::country ? 5 : places[0].population > 1'000'000 ? 9 : 10;
                    st.camera_target = Camera{w.x, w.y, zoom};
                    st.overlays.ring_center = places[0].point;
                }
            } catch (const Error& e) {
                st.status = std::string("search needs the gazetteer index: ") + e.what();
            }
            rq.search.reset();
        }
        if (rq.export_geojson) {
            try {
                std::size_t n = export_filtered_geojson(scene.store, st, *rq.export_geojson);
                st.status = "exported " + std::to_string(n) + " events to " + *rq.export_geojson;
            } catch (const Error& e) {
                st.status = e.what();
            }
            rq.export_geojson.reset();
        }

        // Derived data that only changes with the selection.
        if (st.overlays.buffer_visible && (buffer_key != st.selection || buffer_km != st.overlays.buffer_km)) {
            std::vector<geo::LatLon> pts;
            for (auto i : st.selection)
                if (i < scene.store.size()) pts.push_back(scene.store.point(i));
            try {
                buffers = buffer_outlines(pts, st.overlays.buffer_km);
            } catch (const Error& e) {
                st.status = e.what();
                buffers.clear();
            }
            buffer_key = st.selection;
            buffer_km = st.overlays.buffer_km;
        }
        std::optional<std::uint32_t> sel;
        if (!st.selection.empty()) sel = st.selection[0];
        if (sel != neighbours_of) {
            neighbours = sel ? nearest_neighbours(scene.store, *sel, 5) : decltype(neighbours){};
            neighbours_of = sel;
            st.show_details = true;
        }

        FrameDrawList list = map.frame(scene.store, st, vp, &buffers);
        auto in_view = collect_in_view(scene.store, st, list, vp);
        details_panel(scene.store, st, neighbours);
        list_panel(scene.store, st, in_view);
        if (st.hovered && *st.hovered < scene.store.size() && !ImGui::GetIO().WantCaptureMouse)
            event_tooltip(scene.store.event(*st.hovered));

        // Status bar.
        ImGui::SetNextWindowPos(ImVec2(0, static_cast<float>(vp.height_px) - 190 - 26));
        ImGui::SetNextWindowBgAlpha(0.7f);
        ImGui::Begin("##status", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                              ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::Text("%s | %zu in window & view%s | zoom %.1f | %.0f fps", st.status.c_str(), list.events_in_view,
                    list.points ? "" : " (aggregated)", st.camera.zoom, ImGui::GetIO().Framerate);
        ImGui::End();

        draw_labels(ImGui::GetBackgroundDrawList(), gui.regular(), 15.0f, list.labels);
        ImGui::Render();
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        map.draw(list, scene.store, st, vp);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        if (rq.screenshot_png) {
            try {
                std::vector<unsigned char> px(static_cast<std::size_t>(fw) * static_cast<std::size_t>(fh) * 4);
                glPixelStorei(GL_PACK_ALIGNMENT, 1);
                glReadPixels(0, 0, fw, fh, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
                std::vector<unsigned char> flipped(px.size());
                std::size_t row = static_cast<std::size_t>(fw) * 4;
                for (int y = 0; y < fh; ++y)
                    std::copy_n(px.data() + static_cast<std::size_t>(fh - 1 - y) * row, row, flipped.data() + static_cast<std::size_t>(y) * row);
                write_png(*rq.screenshot_png, flipped, fw, fh);
                st.status = "wrote " + *rq.screenshot_png;
            } catch (const Error& e) {
                st.status = e.what();
            }
            rq.screenshot_png.reset();
        }
        window.swap_buffers();
    }
    return 0;
}

}  // namespace eventmap::viewer
