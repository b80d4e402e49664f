// The legend and the window's dates drawn straight onto a draw list (no ImGui windows), so a
// snapshot shows them as the window does.
#include <imgui.h>

#include <algorithm>

#include "viewer/ui/panels.h"

namespace eventmap::viewer {

std::string window_text(const TimeWindow& w) {
    if (w.is_empty()) return "empty time window";
    std::string s = events::Date::from_days_since_epoch(w.first_day).iso();
    if (w.width_days() > 1) s += " \xE2\x80\x93 " + events::Date::from_days_since_epoch(w.last_day).iso();
    s += "  (" + std::to_string(w.width_days()) + (w.width_days() == 1 ? " day)" : " days)");
    return s;
}

void draw_snapshot_overlay(ImDrawList* list, ImFont* regular, ImFont* big, const EventStore& store,
                           const ViewerState& state, const Viewport& vp) {
    // Dates, top centre.
    std::string dates = window_text(state.window);
    ImVec2 ds = big->CalcTextSizeA(24.0f, 1e9f, 0, dates.c_str());
    ImVec2 dp(static_cast<float>(vp.width_px / 2) - ds.x / 2, 8);
    list->AddRectFilled(ImVec2(dp.x - 10, dp.y - 4), ImVec2(dp.x + ds.x + 10, dp.y + ds.y + 4), IM_COL32(255, 255, 255, 210), 4);
    list->AddText(big, 24.0f, dp, IM_COL32(20, 20, 20, 255), dates.c_str());

    // Legend, bottom left: one row per type present.
    auto types = store.types();
    if (types.empty()) return;
    const float row = 18, pad = 8;
    float width = 0;
    for (const auto& t : types) width = std::max(width, regular->CalcTextSizeA(14.0f, 1e9f, 0, t.label.c_str()).x);
    std::size_t rows = std::min<std::size_t>(types.size(), 16);
    float h = static_cast<float>(rows) * row + 2 * pad;
    ImVec2 p0(10, static_cast<float>(vp.height_px) - h - 10);
    list->AddRectFilled(p0, ImVec2(p0.x + width + 40 + 2 * pad, p0.y + h), IM_COL32(255, 255, 255, 210), 4);
    for (std::size_t i = 0; i < rows; ++i) {
        const auto& t = types[i];
        ImVec2 c(p0.x + pad + 8, p0.y + pad + static_cast<float>(i) * row + row / 2);
        ImU32 col = IM_COL32(t.rgba[0], t.rgba[1], t.rgba[2], 255);
        bool on = (state.filters.type_mask >> i) & 1u;
        if (!on) col = IM_COL32(200, 200, 200, 255);
        switch (t.symbol) {
            case 1: list->AddRectFilled(ImVec2(c.x - 6, c.y - 6), ImVec2(c.x + 6, c.y + 6), col); break;
            case 2: list->AddQuadFilled(ImVec2(c.x, c.y - 7), ImVec2(c.x + 7, c.y), ImVec2(c.x, c.y + 7), ImVec2(c.x - 7, c.y), col); break;
            case 3: list->AddTriangleFilled(ImVec2(c.x, c.y - 7), ImVec2(c.x + 7, c.y + 5), ImVec2(c.x - 7, c.y + 5), col); break;
            case 4:
                list->AddRectFilled(ImVec2(c.x - 7, c.y - 2.5f), ImVec2(c.x + 7, c.y + 2.5f), col);
                list->AddRectFilled(ImVec2(c.x - 2.5f, c.y - 7), ImVec2(c.x + 2.5f, c.y + 7), col);
                break;
            case 5:
                list->AddLine(ImVec2(c.x - 6, c.y - 6), ImVec2(c.x + 6, c.y + 6), col, 4);
                list->AddLine(ImVec2(c.x - 6, c.y + 6), ImVec2(c.x + 6, c.y - 6), col, 4);
                break;
            default: list->AddCircleFilled(c, 7, col);
        }
        std::string text = t.label + "  " + std::to_string(t.events);
        list->AddText(regular, 14.0f, ImVec2(c.x + 16, c.y - 8), IM_COL32(30, 30, 30, 255), text.c_str());
    }
}

}  // namespace eventmap::viewer
