// Tools: measure, range rings, buffers, projection, place search, export and screenshot.
// Requests that need I/O (search, export, screenshot) are left in state.requests for the app.
#include <imgui.h>

#include <cstdio>
#include <sstream>

#include "eventmap/geo/geodesic.h"
#include "viewer/ui/panels.h"

namespace eventmap::viewer {

void tools_panel(const EventStore& store, ViewerState& state) {
    (void)store;
    ImGui::SetNextWindowPos(ImVec2(10, 440), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(300, 330), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("Tools");

    static char query[128] = "";
    ImGui::SetNextItemWidth(-70);
    bool go = ImGui::InputTextWithHint("##search", "find a place", query, sizeof query, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    go |= ImGui::Button("find");
    if (go && query[0]) state.requests.search = query;
    for (const auto& r : state.search_results) ImGui::BulletText("%s", r.c_str());
    if (ImGui::Button("fit to data (F)")) state.requests.fit_to_data = true;

    if (ImGui::CollapsingHeader("Measure", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::Checkbox("click to add points", &state.measure.active);
        ImGui::SameLine();
        if (ImGui::SmallButton("clear")) state.measure.points.clear();
        int unit = static_cast<int>(state.measure.unit);
        ImGui::RadioButton("km", &unit, 0);
        ImGui::SameLine();
        ImGui::RadioButton("mi", &unit, 1);
        state.measure.unit = static_cast<DistanceUnit>(unit);
        double total = 0;
        for (std::size_t i = 0; i + 1 < state.measure.points.size(); ++i) {
            geo::Inverse leg = geo::inverse(state.measure.points[i], state.measure.points[i + 1]);
            total += leg.distance_m / 1000;
            ImGui::Text("leg %zu: %s, bearing %03.0f°", i + 1, format_distance(leg.distance_m / 1000, state.measure.unit).c_str(),
                        leg.azimuth1_deg < 0 ? leg.azimuth1_deg + 360 : leg.azimuth1_deg);
        }
        if (state.measure.points.size() >= 2) ImGui::Text("total: %s", format_distance(total, state.measure.unit).c_str());
    }
    if (ImGui::CollapsingHeader("Range rings and buffers", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::Checkbox("rings (around the selection, or click the map)", &state.overlays.rings_visible);
        static char radii[128] = "";
        if (!radii[0]) {
            std::ostringstream ss;
            for (std::size_t i = 0; i < state.overlays.ring_radii_km.size(); ++i) ss << (i ? "," : "") << state.overlays.ring_radii_km[i];
            std::snprintf(radii, sizeof radii, "%s", ss.str().c_str());
        }
        if (ImGui::InputText("radii (km)", radii, sizeof radii)) {
            std::vector<double> parsed;
            std::stringstream ss(radii);
            std::string item;
            while (std::getline(ss, item, ',')) {
                char* end = nullptr;
                double v = std::strtod(item.c_str(), &end);
                if (end != item.c_str() && v > 0 && v <= 20000) parsed.push_back(v);
            }
            if (!parsed.empty()) state.overlays.ring_radii_km = parsed;
        }
        ImGui::Checkbox("buffer around selected events", &state.overlays.buffer_visible);
        float km = static_cast<float>(state.overlays.buffer_km);
        if (ImGui::SliderFloat("buffer (km)", &km, 0.5f, 200.0f, "%.1f", ImGuiSliderFlags_Logarithmic)) state.overlays.buffer_km = km;
    }
    if (ImGui::CollapsingHeader("View and export")) {
        int proj = static_cast<int>(state.projection);
        ImGui::RadioButton("Web Mercator", &proj, 0);
        ImGui::SameLine();
        ImGui::RadioButton("equirectangular", &proj, 1);
        if (proj != static_cast<int>(state.projection)) {
            state.projection = static_cast<ProjectionKind>(proj);
            state.requests.reproject = true;
        }
        static char export_path[256] = "filtered-events.geojson";
        ImGui::InputText("##export", export_path, sizeof export_path);
        ImGui::SameLine();
        if (ImGui::Button("export GeoJSON")) state.requests.export_geojson = export_path;
        static char png_path[256] = "eventmap-screenshot.png";
        ImGui::InputText("##png", png_path, sizeof png_path);
        ImGui::SameLine();
        if (ImGui::Button("screenshot PNG")) state.requests.screenshot_png = png_path;
    }
    ImGui::End();
}

}  // namespace eventmap::viewer
