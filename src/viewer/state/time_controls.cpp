#include "viewer/state/time_controls.h"

#include <algorithm>
#include <cmath>

namespace eventmap::viewer {

void jump_to(ViewerState& state, const EventStore& store, std::int64_t day) {
    std::int64_t width = std::max<std::int64_t>(1, state.window.width_days());
    std::int64_t lo = store.first_day(), hi = std::max(store.first_day(), store.last_day() - width + 1);
    if (store.empty()) lo = hi = day;
    std::int64_t first = std::clamp(day, lo, hi);
    state.window = {first, first + width - 1};
}

void step_window(ViewerState& state, const EventStore& store, std::int64_t days) {
    jump_to(state, store, state.window.first_day + days);
}

void advance_playback(ViewerState& state, const EventStore& store, double dt_s) {
    if (!state.playback.playing) return;
    state.playback.accumulated_days += dt_s * state.playback.speed_days_per_s;
    auto whole = static_cast<std::int64_t>(std::floor(state.playback.accumulated_days));
    if (whole == 0) return;
    state.playback.accumulated_days -= static_cast<double>(whole);
    std::int64_t before = state.window.first_day;
    step_window(state, store, whole);
    // At the end of the data the window cannot move: playback stops rather than spinning.
    if (state.window.first_day == before) state.playback.playing = false;
}

}  // namespace eventmap::viewer
