#include "viewer/render/labels.h"

#include <imgui.h>

namespace eventmap::viewer {

void draw_labels(ImDrawList* list, ImFont* font, float size_px, const std::vector<Label>& labels) {
    for (const auto& l : labels) {
        ImVec2 sz = font->CalcTextSizeA(size_px, 1e9f, 0, l.text.c_str());
        ImVec2 pos(l.x - sz.x / 2, l.y - sz.y / 2);
        if (l.halo) {
            const ImU32 halo = IM_COL32(255, 255, 255, 200);
            for (int dx = -1; dx <= 1; ++dx)
                for (int dy = -1; dy <= 1; ++dy)
                    if (dx || dy) list->AddText(font, size_px, ImVec2(pos.x + dx, pos.y + dy), halo, l.text.c_str());
        }
        list->AddText(font, size_px, pos, l.rgba, l.text.c_str());
    }
}

}  // namespace eventmap::viewer
