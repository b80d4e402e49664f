#pragma once
// A simdjson reader for the GeoJSON and GeoJSONSeq files eventmap itself writes; the
// general reader falls back to GDAL for anything else.
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

#include "eventmap/core/mapped_file.h"
#include "eventmap/events/event.h"
#include "eventmap/export/reader.h"

namespace eventmap::exporter::detail {

/// Reads `path` when it is a GeoJSON / GeoJSONSeq file with eventmap's schema (its first
/// feature has type, event_date and sources); returns false, having read nothing and left
/// `report` untouched, when it is not. Throws FormatError on JSON broken after the first event.
/// `jobs`: parsing threads, 0 = all cores.
bool read_own_geojson(const std::filesystem::path& path, unsigned jobs, ReadReport& report,
                      const std::function<void(events::Event&&)>& sink);

/// Like read_own_geojson, but hands `sink` a summary of each feature instead of the whole
/// event: a fraction of the memory and time for a million events. Only files with one feature
/// per line (what GDAL and eventmap write) or GeoJSONSeq qualify; false (nothing read) otherwise.
bool scan_own_geojson(const std::filesystem::path& path, const MappedFile& file, unsigned jobs, ReadReport& report,
                      const std::function<void(FeatureSummary&&)>& sink);

/// The whole event of the record scan_own_geojson pointed at; throws FormatError (with the
/// byte offset) when the record is not a drawable feature.
events::Event parse_own_feature(const MappedFile& file, std::uint64_t offset, std::uint32_t length);

/// Parses an attribute date: ISO (2023-03-17, 2023/03/17, 2023-03-17T10:00Z), "17 March 2023",
/// "March 17, 2023"; nullopt otherwise.
std::optional<events::Date> parse_attribute_date(std::string_view text);

}  // namespace eventmap::exporter::detail
