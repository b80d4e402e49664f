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

namespace eventmap::exporter::detail {
/// Sets e.type / event_type / sub_event_type from a file's values: the first of type,
/// sub_event_type, event_type that names a known type gives the slug ("other" when none
/// does); the file's own event_type / sub_event_type spellings are kept when present.
void apply_type(events::Event& e, const std::string& type, const std::string& sub_event_type,
                const std::string& event_type);
}  // namespace eventmap::exporter::detail
