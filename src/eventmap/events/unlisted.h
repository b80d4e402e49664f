#pragma once
// Places the gazetteer does not list, read from how a report introduces them.
#include <string_view>
#include <vector>

#include "eventmap/geoparse/toponym.h"

namespace eventmap::events {

/// Adds the villages, neighbourhoods, camps and checkpoints that `toponyms` (the geoparser's
/// places of `text`, in text order) miss because the gazetteer lacks them, when the text says
/// what they are: "the village of Nwanko", "the villages of Tal Bira and Umm Qasr", "in the
/// Karimiya district", "Baghdad's Kamaliya neighbourhood", "at the Al-Rahma Checkpoint".
/// Each becomes a literal toponym under its own name, without a geonameid, marked `unlisted` and
/// `derived`, at the point of its anchor: the known place the text puts it in ("... in Wukari",
/// "Baghdad's ..."), else the nearest known place of the same sentence. As ACLED falls back to the
/// nearest known level, an event there gets geo_precision 2 (3 when the anchor is a region or a
/// country). A name with no anchor in its sentence is left out. The result stays in text order.
void add_unlisted_places(std::string_view text, std::vector<geoparse::Toponym>& toponyms);

}  // namespace eventmap::events
