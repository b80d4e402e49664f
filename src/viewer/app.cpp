#include "viewer/app.h"

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdlib>

#include "eventmap/core/error.h"
#include "viewer/imgui_session.h"
#include "viewer/platform/window.h"
#include "viewer/render/labels.h"
#include "viewer/render/map_view.h"
#include "viewer/render/png.h"
#include "viewer/state/projection.h"
#include "viewer/ui/panels.h"

namespace eventmap::viewer {

std::filesystem::path asset_dir() {
    if (const char* env = std::getenv("EVENTMAP_ASSETS"); env && *env) return env;
    return EVENTMAP_ASSET_DIR;
}

Scene load_scene(const ViewOptions& options) {
    Scene scene;
    auto events = load_for_viewer(options.inputs, options.load, scene.report);
    scene.store = EventStore::build(std::move(events), options.projection);
    if (scene.store.dropped())
        scene.report.messages.push_back(std::to_string(scene.store.dropped()) + " events without a valid point or date dropped");
    return scene;
}

TimeWindow parse_time_window(const std::string& text) {
    auto sep = text.find("..");
    std::string a = sep == std::string::npos ? text : text.substr(0, sep);
    std::string b = sep == std::string::npos ? text : text.substr(sep + 2);
    auto da = events::Date::parse_iso(a), db = events::Date::parse_iso(b);
    if (!da) throw UsageError("--time-window: '" + a + "' is not a date (YYYY-MM-DD)");
    if (!db) throw UsageError("--time-window: '" + b + "' is not a date (YYYY-MM-DD)");
    TimeWindow w{da->days_since_epoch(), db->days_since_epoch()};
    if (w.is_empty()) throw UsageError("--time-window: " + b + " is before " + a);
    return w;
}

ViewerState initial_state(const EventStore& store, const ViewOptions& options, const Viewport& viewport) {
    ViewerState st;
    st.projection = options.projection;
    st.aggregate = options.aggregate;
    st.window = options.window ? *options.window : store.full_window();
    st.overlays.country_labels = st.overlays.city_labels = options.labels;
    Projection proj = Projection::create(options.projection);
    if (!store.empty()) {
        WorldRect b = store.bounds();
        // A single place (or one city's events) still deserves context: at most zoom 9.
        st.camera = fit(b.x0, b.y0, b.x1, b.y1, viewport.width_px, viewport.height_px, 0.1, 9);
    } else {
        st.camera = fit(0, 0, 1, proj.world_height(), viewport.width_px, viewport.height_px, 0.02, 9);
    }
    if (options.center) {
        WorldPoint c = proj.forward(*options.center);
        st.camera.center_x = c.x;
        st.camera.center_y = c.y;
    }
    if (options.zoom) st.camera.zoom = std::clamp(*options.zoom, kMinZoom, kMaxZoom);
    if (options.select_id) {
        std::int64_t i = store.find_id(*options.select_id);
        if (i < 0) throw UsageError("--select: no event with id '" + *options.select_id + "'");
        st.selection.push_back(static_cast<std::uint32_t>(i));
    }
    if (options.rings_km) {
        st.overlays.ring_radii_km = *options.rings_km;
        st.overlays.rings_visible = true;
        if (st.selection.empty() && !options.center && !store.empty()) {
            // No event chosen: rings go around the view's centre.
            st.overlays.ring_center = proj.inverse({st.camera.center_x, st.camera.center_y});
        } else if (st.selection.empty() && options.center) {
            st.overlays.ring_center = *options.center;
        }
    }
    if (store.empty()) st.status = "no events to show";
    return st;
}

SnapshotInfo render_snapshot(const Scene& scene, const ViewOptions& options) {
    Viewport vp{static_cast<double>(options.width_px), static_cast<double>(options.height_px)};
    ViewerState st = initial_state(scene.store, options, vp);
    Window window(64, 64, "eventmap snapshot", false);
    OffscreenTarget target(options.width_px, options.height_px);
    SnapshotInfo info;
    info.gl_renderer = window.gl_renderer();
    {
        MapView map(scene.store, options.projection, false);
        ImGuiSession gui(nullptr, asset_dir());
        FrameDrawList list = map.frame(scene.store, st, vp);
        info.events_in_view = list.events_in_view;
        info.points = list.points;
        target.bind();
        map.draw(list, scene.store, st, vp);

        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(vp.width_px), static_cast<float>(vp.height_px));
        io.DeltaTime = 1.0f / 60.0f;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        draw_labels(ImGui::GetBackgroundDrawList(), gui.regular(), 15.0f, list.labels);
        draw_snapshot_overlay(ImGui::GetForegroundDrawList(), gui.regular(), gui.big(), scene.store, st, vp);
        ImGui::Render();
        target.bind();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    write_png(*options.snapshot, target.read_rgba(), options.width_px, options.height_px);
    return info;
}

}  // namespace eventmap::viewer
