// Details of the selected event: the whole record, its sentence with trigger and place
// highlighted, its sources, and distances to the nearest neighbours.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "viewer/ui/panels.h"

namespace eventmap::viewer {
namespace {
std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void row(const char* key, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", key);
    ImGui::SameLine(110);
    ImGui::TextWrapped("%s", value.c_str());
}

// Draws `text` wrapped, with highlighted spans (one widget per piece, flowing on one line).
void highlighted_text(const std::string& text, const std::vector<Highlight>& spans) {
    std::size_t pos = 0;
    auto piece = [&](std::size_t a, std::size_t b, ImU32 bg) {
        // Word by word so that long sentences wrap inside the panel.
        std::size_t i = a;
        while (i < b) {
            std::size_t j = text.find(' ', i);
            j = (j == std::string::npos || j >= b) ? b : j + 1;
            std::string word = text.substr(i, j - i);
            ImVec2 sz = ImGui::CalcTextSize(word.c_str());
            if (i != a || pos != 0) {
                ImGui::SameLine(0, 0);
                if (ImGui::GetContentRegionAvail().x < sz.x) ImGui::NewLine();
            }
            if (bg) {
                ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + sz.x, p.y + sz.y), bg, 2);
            }
            ImGui::TextUnformatted(word.c_str());
            i = j;
        }
        pos = b;
    };
    for (const auto& h : spans) {
        if (h.begin > pos) piece(pos, h.begin, 0);
        piece(h.begin, h.end, h.trigger ? IM_COL32(255, 170, 120, 255) : IM_COL32(140, 200, 255, 255));
    }
    if (pos < text.size()) piece(pos, text.size(), 0);
}
}  // namespace

std::vector<Highlight> sentence_highlights(const events::Event& e) {
    std::vector<Highlight> out;
    if (e.sources.empty()) return out;
    const events::Source& s = e.sources.front();
    const std::string hay = lower(s.sentence);
    auto find = [&](const std::string& needle, bool trigger) {
        if (needle.empty()) return;
        auto at = hay.find(lower(needle));
        if (at != std::string::npos) out.push_back({at, at + needle.size(), trigger});
    };
    find(e.location, false);
    // The trigger's text is not stored on its own; its span is in article code points. Look
    // for the sub-event's key word instead ("shelling", "strike", "protest", ...).
    std::string sub = !e.sub_event_type.empty() ? e.sub_event_type : e.type;
    std::string word;
    for (char c : sub + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) { word += c; continue; }
        if (word.size() >= 4) {
            std::string stem = lower(word).substr(0, std::min<std::size_t>(word.size(), 5));
            auto at = hay.find(stem);
            if (at != std::string::npos) {
                std::size_t end = at;
                while (end < hay.size() && std::isalpha(static_cast<unsigned char>(hay[end]))) ++end;
                out.push_back({at, end, true});
                break;
            }
        }
        word.clear();
    }
    std::sort(out.begin(), out.end(), [](const Highlight& a, const Highlight& b) { return a.begin < b.begin; });
    // Overlaps (a trigger inside a place name) keep the first.
    std::vector<Highlight> clean;
    for (const auto& h : out)
        if (clean.empty() || h.begin >= clean.back().end) clean.push_back(h);
    return clean;
}

void event_tooltip(const events::Event& e) {
    ImGui::BeginTooltip();
    ImGui::Text("%s", (!e.sub_event_type.empty() ? e.sub_event_type : e.type).c_str());
    ImGui::Text("%s  %s%s%s", e.event_date.iso().c_str(), e.location.c_str(), e.country.empty() ? "" : ", ",
                e.country.c_str());
    if (!e.sources.empty() && !e.sources.front().sentence.empty()) {
        ImGui::PushTextWrapPos(420);
        ImGui::TextUnformatted(e.sources.front().sentence.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTooltip();
}

void details_panel(const EventStore& store, ViewerState& state,
                   const std::vector<std::pair<std::uint32_t, double>>& neighbours_km) {
    if (state.selection.empty() || state.selection[0] >= store.size() || !state.show_details) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkSize.x - 410, 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(400, 460), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.95f);
    ImGui::Begin("Event", &state.show_details);
    const events::Event& e = store.event(state.selection[0]);
    if (state.selection.size() > 1) ImGui::Text("%zu events selected (ctrl-click adds); showing the first", state.selection.size());
    row("type", !e.sub_event_type.empty() ? e.sub_event_type : e.type);
    row("event type", e.event_type);
    row("date", e.event_date.iso() + (e.date_end ? " .. " + e.date_end->iso() : ""));
    row("status", events::to_string(e.status));
    row("place", e.location + (e.admin1.empty() ? "" : ", " + e.admin1) + (e.country_name.empty() ? "" : ", " + e.country_name));
    char coords[64];
    std::snprintf(coords, sizeof coords, "%.5f, %.5f", e.point.lat_deg, e.point.lon_deg);
    row("lat, lon", coords);
    if (e.geonameid) row("geonameid", std::to_string(e.geonameid));
    row("actor 1", e.actor1);
    row("actor 2", e.actor2);
    if (e.count) row("count", std::to_string(*e.count));
    if (e.fatalities) row("fatalities", std::to_string(*e.fatalities));
    if (e.confidence > 0) {
        char c[16];
        std::snprintf(c, sizeof c, "%.2f", e.confidence);
        row("confidence", c);
    }
    row("id", e.id);
    for (const auto& s : e.sources) {
        ImGui::Separator();
        if (!s.sentence.empty()) highlighted_text(s.sentence, &s == &e.sources.front() ? sentence_highlights(e) : std::vector<Highlight>{});
        row("source", s.title.empty() ? s.article_id : s.title);
        row("url", s.url);
        row("published", s.published);
    }
    if (!neighbours_km.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted("Nearest events");
        for (const auto& [i, km] : neighbours_km) {
            const events::Event& n = store.event(i);
            std::string label = format_distance(km, state.measure.unit) + "  " + n.location + "  " + n.event_date.iso() +
                                "##n" + std::to_string(i);
            if (ImGui::Selectable(label.c_str())) state.selection = {i};
        }
    }
    ImGui::End();
}

}  // namespace eventmap::viewer
