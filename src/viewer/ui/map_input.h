#pragma once
// Mouse and keyboard on the map (through ImGui's input state, so no GLFW here): drag pans,
// the wheel zooms around the cursor, a click selects (or adds a measure point / ring centre),
// space plays, arrows step a day (shift: a week), F fits the data.
#include "viewer/render/draw_list.h"
#include "viewer/state/event_store.h"
#include "viewer/state/projection.h"
#include "viewer/state/viewer_state.h"

namespace eventmap::viewer {

void map_input(const EventStore& store, ViewerState& state, const Viewport& viewport, const Projection& projection);

/// Eases the camera towards camera_target (fly-to); dt_s of wall time.
void animate_camera(ViewerState& state, double dt_s);

}  // namespace eventmap::viewer
