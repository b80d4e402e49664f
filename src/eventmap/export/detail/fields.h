#pragma once
// The attribute schema eventmap writes, shared by the writer and the reader so that what
// one writes the other reads back field for field.
#include <ogr_api.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "eventmap/events/event.h"

namespace eventmap::exporter::detail {

struct FieldSpec {
    std::string_view name;
    OGRFieldType type;
    OGRFieldSubType subtype = OFSTNone;
};

/// eventmap's own columns, in the order they are written.
inline constexpr std::array<FieldSpec, 29> k_event_fields{{
    {"id", OFTString},
    {"type", OFTString},
    {"event_type", OFTString},
    {"sub_event_type", OFTString},
    {"event_date", OFTDate},
    {"date_end", OFTDate},
    {"time_precision", OFTInteger},
    {"status", OFTString},
    {"location", OFTString},
    {"geonameid", OFTInteger64},
    {"country", OFTString},
    {"country_name", OFTString},
    {"admin1", OFTString},
    {"geo_precision", OFTInteger},
    {"actor1", OFTString},
    {"actor2", OFTString},
    {"count", OFTInteger},
    {"fatalities", OFTInteger},
    {"confidence", OFTReal},
    {"article_id", OFTString},
    {"title", OFTString},
    {"url", OFTString},
    {"published", OFTString},
    {"sentence", OFTString},
    {"trigger_start", OFTInteger64},
    {"trigger_end", OFTInteger64},
    {"place_start", OFTInteger64},
    {"place_end", OFTInteger64},
    {"sources", OFTString, OFSTJSON},
}};

/// The sources as a JSON array of objects (keys as the provenance columns).
std::string sources_to_json(const std::vector<events::Source>& sources);
/// Parses sources_to_json()'s output; false when it is not such an array.
bool sources_from_json(std::string_view json, std::vector<events::Source>& out);

}  // namespace eventmap::exporter::detail
