#pragma once
// The viewer's outputs: the filtered events of the window to GeoJSON (the export stage's writer).
#include <cstddef>
#include <string>

#include "viewer/state/event_store.h"
#include "viewer/state/viewer_state.h"

namespace eventmap::viewer {

/// Writes the events of the state's window that pass its filters to `path` (format from the
/// extension, GeoJSON by default); returns how many. Throws eventmap::IoError.
std::size_t export_filtered_geojson(const EventStore& store, const ViewerState& state, const std::string& path);

}  // namespace eventmap::viewer
