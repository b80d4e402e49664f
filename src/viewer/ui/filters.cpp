// Legend and filters: each type with its colour and a checkbox; actors and countries; how
// markers are sized and when they aggregate.
#include <imgui.h>

#include "viewer/ui/panels.h"

namespace eventmap::viewer {
namespace {
void mask_list(const char* id, std::span<const Category> cats, std::uint32_t& mask) {
    if (ImGui::SmallButton((std::string("all##") + id).c_str())) mask = 0xffffffffu;
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string("none##") + id).c_str())) mask = 0;
    for (std::size_t i = 0; i < cats.size() && i < 32; ++i) {
        if (cats[i].events == 0) continue;
        bool on = (mask >> i) & 1u;
        std::string label = cats[i].name + " (" + std::to_string(cats[i].events) + ")##" + id + std::to_string(i);
        if (ImGui::Checkbox(label.c_str(), &on)) mask = on ? (mask | (1u << i)) : (mask & ~(1u << i));
    }
}
}  // namespace

void filters_panel(const EventStore& store, ViewerState& state) {
    ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(300, 420), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("Legend and filters");
    auto types = store.types();
    if (ImGui::SmallButton("all types")) state.filters.type_mask = 0xffffffffu;
    ImGui::SameLine();
    if (ImGui::SmallButton("no types")) state.filters.type_mask = 0;
    for (std::size_t i = 0; i < types.size(); ++i) {
        const auto& t = types[i];
        ImVec4 col(t.rgba[0] / 255.0f, t.rgba[1] / 255.0f, t.rgba[2] / 255.0f, 1);
        ImGui::ColorButton(("##c" + std::to_string(i)).c_str(), col, ImGuiColorEditFlags_NoTooltip, ImVec2(14, 14));
        ImGui::SameLine();
        bool on = (state.filters.type_mask >> i) & 1u;
        std::string label = t.label + " (" + std::to_string(t.events) + ")##t" + std::to_string(i);
        if (ImGui::Checkbox(label.c_str(), &on))
            state.filters.type_mask = on ? (state.filters.type_mask | (1u << i)) : (state.filters.type_mask & ~(1u << i));
    }
    if (ImGui::CollapsingHeader("Actors")) mask_list("actor", store.actors(), state.filters.actor_mask);
    if (ImGui::CollapsingHeader("Countries")) mask_list("country", store.countries(), state.filters.country_mask);
    if (ImGui::CollapsingHeader("Markers", ImGuiTreeNodeFlags_DefaultOpen)) {
        int size_mode = static_cast<int>(state.size_mode);
        ImGui::RadioButton("same size", &size_mode, 0);
        ImGui::SameLine();
        ImGui::RadioButton("by count", &size_mode, 1);
        ImGui::SameLine();
        ImGui::RadioButton("by fatalities", &size_mode, 2);
        state.size_mode = static_cast<SizeMode>(size_mode);
        ImGui::SliderFloat("size (px)", &state.point_size_px, 3, 24, "%.0f");
        int agg = static_cast<int>(state.aggregate);
        ImGui::RadioButton("auto", &agg, 0);
        ImGui::SameLine();
        ImGui::RadioButton("points", &agg, 1);
        ImGui::SameLine();
        ImGui::RadioButton("bins", &agg, 2);
        state.aggregate = static_cast<AggregateMode>(agg);
        ImGui::Checkbox("country labels", &state.overlays.country_labels);
        ImGui::SameLine();
        ImGui::Checkbox("city labels", &state.overlays.city_labels);
    }
    ImGui::End();
}

}  // namespace eventmap::viewer
