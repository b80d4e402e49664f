#pragma once
// Nearest neighbours of an event, by geodesic distance.
#include <cstdint>
#include <utility>
#include <vector>

#include "viewer/state/event_store.h"

namespace eventmap::viewer {

/// The k events nearest to event `index` (excluding itself), nearest first, as (index, km).
/// Candidates are found in world units first, then measured geodesically (PROJ).
std::vector<std::pair<std::uint32_t, double>> nearest_neighbours(const EventStore& store, std::uint32_t index, std::size_t k);

}  // namespace eventmap::viewer
