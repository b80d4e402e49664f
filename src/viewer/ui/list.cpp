// The events in view and in the window, in a sortable table; a click selects.
#include <imgui.h>

#include <algorithm>

#include "viewer/ui/panels.h"

namespace eventmap::viewer {

void list_panel(const EventStore& store, ViewerState& state, const std::vector<std::uint32_t>& in_view) {
    if (!state.show_list) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkSize.x - 410, 480), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(400, 220), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("Events in view", &state.show_list);
    ImGui::Text("%zu events in view and window%s", in_view.size(), in_view.size() >= 20000 ? " (first 20000)" : "");
    static std::vector<std::uint32_t> rows;
    rows = in_view;
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("events", 4, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_DefaultSort);
        ImGui::TableSetupColumn("type");
        ImGui::TableSetupColumn("place");
        ImGui::TableSetupColumn("fatalities");
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
            int col = spec->Specs[0].ColumnIndex;
            bool asc = spec->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
            // Keys the store holds for every event (whole events are built only for the rows shown).
            const auto gpu = store.gpu();
            const auto types = store.types();
            auto key_less = [&](std::uint32_t a, std::uint32_t b) {
                switch (col) {
                    case 1: return types[gpu[a].type].slug < types[gpu[b].type].slug;
                    case 2: return store.location(a) < store.location(b);
                    case 3: return gpu[a].fatalities < gpu[b].fatalities;
                    default: return gpu[a].day < gpu[b].day;
                }
            };
            std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) { return asc ? key_less(a, b) : key_less(b, a); });
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                std::uint32_t i = rows[static_cast<std::size_t>(r)];
                const events::Event e = store.event(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                bool selected = std::find(state.selection.begin(), state.selection.end(), i) != state.selection.end();
                if (ImGui::Selectable((e.event_date.iso() + "##r" + std::to_string(i)).c_str(), selected,
                                      ImGuiSelectableFlags_SpanAllColumns))
                    state.selection = {i};
                if (ImGui::IsItemHovered()) state.hovered = i;
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.type.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.location.c_str());
                ImGui::TableNextColumn();
                if (e.fatalities) ImGui::Text("%d", *e.fatalities);
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace eventmap::viewer
