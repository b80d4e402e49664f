#pragma once
// Cross-article duplicates: the same event reported by several articles becomes one event
// that lists every source.
#include <vector>

#include "eventmap/events/event.h"

namespace eventmap::events {

/// Merges events of the same type whose date ranges overlap and whose points lie within
/// `max_distance_km` of each other (>= 0). The most confident report gives the fields; sources,
/// counts and fatalities (the largest known) are combined. Keeps the first event's order.
std::vector<Event> merge_duplicates(std::vector<Event> events, double max_distance_km = 10.0);

/// True when a and b would be merged by merge_duplicates.
bool same_event(const Event& a, const Event& b, double max_distance_km);

}  // namespace eventmap::events
