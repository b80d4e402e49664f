#pragma once
// Labels are drawn with Dear ImGui's font atlas into a background draw list, so the same
// text rendering serves the window and offscreen snapshots.
#include <vector>

#include "viewer/render/draw_list.h"

struct ImDrawList;
struct ImFont;

namespace eventmap::viewer {

/// Adds the labels (centred, with a light halo when asked) to `list`.
void draw_labels(ImDrawList* list, ImFont* font, float size_px, const std::vector<Label>& labels);

}  // namespace eventmap::viewer
