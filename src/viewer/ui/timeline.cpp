// Timeline: the window's dates big, play/pause and speed, steps, a date to jump to, the window
// width, a slider, and under it events per day stacked by type (the window shaded).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "viewer/state/time_controls.h"
#include "viewer/ui/panels.h"

namespace eventmap::viewer {

void timeline_panel(const EventStore& store, ViewerState& state, ImFont* big) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = 190;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - height));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, height));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("Time", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoTitleBar);
    ImGui::PushFont(big);
    ImGui::TextUnformatted(window_text(state.window).c_str());
    ImGui::PopFont();
    if (store.empty()) {
        ImGui::TextUnformatted("no events loaded");
        ImGui::End();
        return;
    }
    if (ImGui::Button(state.playback.playing ? "Pause (space)" : "Play (space)")) state.playback.playing = !state.playback.playing;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    float speed = static_cast<float>(state.playback.speed_days_per_s);
    if (ImGui::SliderFloat("days/s", &speed, 0.5f, 60.0f, "%.1f", ImGuiSliderFlags_Logarithmic))
        state.playback.speed_days_per_s = speed;
    ImGui::SameLine();
    if (ImGui::Button("-week")) step_window(state, store, -7);
    ImGui::SameLine();
    if (ImGui::Button("-day")) step_window(state, store, -1);
    ImGui::SameLine();
    if (ImGui::Button("+day")) step_window(state, store, 1);
    ImGui::SameLine();
    if (ImGui::Button("+week")) step_window(state, store, 7);
    ImGui::SameLine();
    int width = static_cast<int>(std::max<std::int64_t>(1, state.window.width_days()));
    ImGui::SetNextItemWidth(120);
    if (ImGui::InputInt("width (days)", &width, 1, 7)) {
        width = std::clamp(width, 1, static_cast<int>(store.last_day() - store.first_day() + 1));
        state.window.last_day = state.window.first_day + width - 1;
        jump_to(state, store, state.window.first_day);
    }
    ImGui::SameLine();
    if (ImGui::Button("all")) state.window = store.full_window();
    ImGui::SameLine();
    static char date_text[16] = "";
    ImGui::SetNextItemWidth(110);
    bool go = ImGui::InputTextWithHint("##date", "YYYY-MM-DD", date_text, sizeof date_text, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    go |= ImGui::Button("go to date");
    if (go) {
        if (auto d = events::Date::parse_iso(date_text)) jump_to(state, store, d->days_since_epoch());
        else state.status = std::string("not a date: '") + date_text + "' (YYYY-MM-DD)";
    }

    int first = static_cast<int>(state.window.first_day);
    int lo = static_cast<int>(store.first_day()), hi = static_cast<int>(store.last_day());
    ImGui::SetNextItemWidth(-1);
    std::string fmt = events::Date::from_days_since_epoch(first).iso();
    if (ImGui::SliderInt("##start", &first, lo, std::max(lo, hi - width + 1), fmt.c_str())) jump_to(state, store, first);

    // Histogram, stacked by type, only types the filter shows.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(20.0f, ImGui::GetContentRegionAvail().y - 4));
    dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(245, 245, 245, 255));
    const std::size_t ntypes = store.types().size();
    const std::size_t days = static_cast<std::size_t>(hi - lo + 1);
    auto hist = store.histogram();
    std::uint32_t max_day = 1;
    for (std::size_t d = 0; d < days; ++d) {
        std::uint32_t sum = 0;
        for (std::size_t t = 0; t < ntypes; ++t)
            if ((state.filters.type_mask >> t) & 1u) sum += hist[d * ntypes + t];
        max_day = std::max(max_day, sum);
    }
    const float dx = size.x / static_cast<float>(days);
    float wx0 = p0.x + static_cast<float>(state.window.first_day - lo) * dx;
    float wx1 = p0.x + static_cast<float>(state.window.last_day - lo + 1) * dx;
    dl->AddRectFilled(ImVec2(wx0, p0.y), ImVec2(wx1, p0.y + size.y), IM_COL32(255, 230, 150, 255));
    for (std::size_t d = 0; d < days; ++d) {
        float y = p0.y + size.y;
        float x0 = p0.x + static_cast<float>(d) * dx, x1 = x0 + std::max(1.0f, dx - (dx > 3 ? 1.0f : 0.0f));
        for (std::size_t t = 0; t < ntypes; ++t) {
            if (!((state.filters.type_mask >> t) & 1u)) continue;
            std::uint32_t n = hist[d * ntypes + t];
            if (!n) continue;
            float h = size.y * static_cast<float>(n) / static_cast<float>(max_day);
            const auto& c = store.types()[t].rgba;
            dl->AddRectFilled(ImVec2(x0, y - h), ImVec2(x1, y), IM_COL32(c[0], c[1], c[2], 255));
            y -= h;
        }
    }
    // Click or drag in the histogram moves the window there.
    ImGui::InvisibleButton("##hist", size);
    if (ImGui::IsItemActive() || ImGui::IsItemClicked()) {
        float mx = ImGui::GetIO().MousePos.x - p0.x;
        jump_to(state, store, lo + static_cast<std::int64_t>(mx / dx) - width / 2);
    }
    if (ImGui::IsItemHovered()) {
        float mx = ImGui::GetIO().MousePos.x - p0.x;
        auto d = static_cast<std::size_t>(std::clamp(mx / dx, 0.0f, static_cast<float>(days - 1)));
        std::uint32_t sum = 0;
        for (std::size_t t = 0; t < ntypes; ++t) sum += hist[d * ntypes + t];
        ImGui::SetTooltip("%s: %u events", events::Date::from_days_since_epoch(lo + static_cast<std::int64_t>(d)).iso().c_str(), sum);
    }
    ImGui::End();
}

}  // namespace eventmap::viewer
