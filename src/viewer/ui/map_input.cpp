#include "viewer/ui/map_input.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "viewer/state/time_controls.h"

namespace eventmap::viewer {
namespace {
// Dear ImGui 1.86 maps its named keys to the backend's key codes through io.KeyMap.
bool key_pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }
}  // namespace

void map_input(const EventStore& store, ViewerState& state, const Viewport& vp, const Projection& projection) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantCaptureKeyboard) {
        if (key_pressed(ImGuiKey_Space)) state.playback.playing = !state.playback.playing;
        std::int64_t step = io.KeyShift ? 7 : 1;
        if (key_pressed(ImGuiKey_RightArrow)) step_window(state, store, step);
        if (key_pressed(ImGuiKey_LeftArrow)) step_window(state, store, -step);
        if (ImGui::IsKeyPressed('F', false)  /* GLFW key codes are ASCII for letters */) state.requests.fit_to_data = true;
        if (key_pressed(ImGuiKey_Escape)) {
            state.selection.clear();
            state.measure.points.clear();
        }
    }
    if (io.WantCaptureMouse) {
        state.hovered.reset();
        return;
    }
    ScreenPoint mouse{io.MousePos.x, io.MousePos.y};
    if (io.MouseWheel != 0) {
        state.camera_target.reset();
        state.camera = zoom_around(state.camera, mouse, io.MouseWheel * 0.5, vp.width_px, vp.height_px);
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        state.camera_target.reset();
        double s = pixels_per_world(state.camera.zoom);
        state.camera.center_x -= io.MouseDelta.x / s;
        state.camera.center_y -= io.MouseDelta.y / s;
        state.camera.center_y = std::clamp(state.camera.center_y, 0.0, projection.world_height());
    }
    state.hovered = pick_event(store, state, vp, mouse, 8);
    bool click = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f).x == 0 &&
                 ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f).y == 0;
    if (click) {
        geo::LatLon at = projection.inverse(to_world(state.camera, mouse, vp.width_px, vp.height_px));
        if (state.measure.active) {
            state.measure.points.push_back(at);
        } else if (state.hovered) {
            if (io.KeyCtrl) {
                auto it = std::find(state.selection.begin(), state.selection.end(), *state.hovered);
                if (it == state.selection.end()) state.selection.push_back(*state.hovered);
                else state.selection.erase(it);
            } else {
                state.selection = {*state.hovered};
            }
        } else {
            state.selection.clear();
            if (state.overlays.rings_visible) state.overlays.ring_center = at;
        }
    }
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !state.measure.active) {
        state.camera_target = zoom_around(state.camera, mouse, 1.0, vp.width_px, vp.height_px);
    }
}

void animate_camera(ViewerState& state, double dt_s) {
    if (!state.camera_target) return;
    // Exponential ease: frame-rate independent, ~90 % of the way in 0.3 s.
    double a = 1 - std::exp(-dt_s * 8.0);
    Camera& c = state.camera;
    const Camera& t = *state.camera_target;
    c.center_x += (t.center_x - c.center_x) * a;
    c.center_y += (t.center_y - c.center_y) * a;
    c.zoom += (t.zoom - c.zoom) * a;
    if (std::abs(t.zoom - c.zoom) < 1e-3 && std::abs(t.center_x - c.center_x) * pixels_per_world(c.zoom) < 0.5 &&
        std::abs(t.center_y - c.center_y) * pixels_per_world(c.zoom) < 0.5) {
        c = t;
        state.camera_target.reset();
    }
}

}  // namespace eventmap::viewer
