#pragma once
// Place finders for extraction, backed by the gazetteer.
#include "eventmap/events/extract.h"
#include "eventmap/gazetteer/gazetteer.h"

namespace eventmap::events {

/// A PlaceFinder over `gazetteer` (which must outlive it): the project's geoparser when built in,
/// otherwise a plain longest-match of capitalised names against the index (see docs/events.md).
PlaceFinder gazetteer_places(const gazetteer::Gazetteer& gazetteer);

}  // namespace eventmap::events
