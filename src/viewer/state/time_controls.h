#pragma once
// Moving the time window: playback, steps, jumps. Pure functions of (state, store).
#include <cstdint>

#include "viewer/state/event_store.h"
#include "viewer/state/viewer_state.h"

namespace eventmap::viewer {

/// Shifts the window by `days` keeping its width, clamped so it stays within the data's days.
void step_window(ViewerState& state, const EventStore& store, std::int64_t days);

/// Moves the window to start at `day` (keeping its width), clamped to the data.
void jump_to(ViewerState& state, const EventStore& store, std::int64_t day);

/// Advances playback by `dt_s` seconds of wall time at the state's speed; stops at the end.
void advance_playback(ViewerState& state, const EventStore& store, double dt_s);

}  // namespace eventmap::viewer
