#pragma once
// One panel per file; each reads the data and writes ViewerState, never calling GL or doing I/O.
#include <string>
#include <vector>

#include "viewer/render/draw_list.h"
#include "viewer/state/event_store.h"
#include "viewer/state/viewer_state.h"

struct ImDrawList;
struct ImFont;

namespace eventmap::viewer {

/// Window dates (big) and the legend, drawn over a frame (snapshots and the window alike).
void draw_snapshot_overlay(ImDrawList* list, ImFont* regular, ImFont* big, const EventStore& store,
                           const ViewerState& state, const Viewport& viewport);

/// Time slider, play/pause/speed, steps, date entry and the per-day histogram stacked by type.
void timeline_panel(const EventStore& store, ViewerState& state, ImFont* big);

/// Legend with type checkboxes, actor and country filters, size and aggregation modes.
void filters_panel(const EventStore& store, ViewerState& state);

/// The selected event's whole record, its sentence with trigger and place highlighted, and
/// distances to its nearest neighbours.
void details_panel(const EventStore& store, ViewerState& state, const std::vector<std::pair<std::uint32_t, double>>& neighbours_km);

/// Sortable list of the events in view and in the window.
void list_panel(const EventStore& store, ViewerState& state, const std::vector<std::uint32_t>& in_view);

/// Measure tool, range rings, buffers; projection; search box; export and screenshot.
void tools_panel(const EventStore& store, ViewerState& state);

/// Tooltip for the hovered event.
void event_tooltip(const events::Event& e);

/// Sentence with [start, end) byte spans highlighted, for the details panel.
struct Highlight {
    std::size_t begin = 0, end = 0;  ///< bytes in the sentence
    bool trigger = false;            ///< trigger (else place)
};
/// Finds the place name and trigger word inside the sentence (case-insensitive search; code-point
/// offsets into the article do not map into the sentence alone). Sorted, non-overlapping.
std::vector<Highlight> sentence_highlights(const events::Event& e);

/// "2023-03-01 – 2023-03-31 (31 days)".
std::string window_text(const TimeWindow& window);

}  // namespace eventmap::viewer
