#pragma once
// Reads events back: eventmap's own files losing no field, and any point layer GDAL reads
// (GeoJSON, GeoPackage, CSV with lat/lon columns, shapefile, ...) with its date field detected.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eventmap/events/event.h"

namespace eventmap::exporter {

struct ReadOptions {
    std::optional<std::string> date_field;  ///< the field holding the event date; detected when absent
    std::optional<std::string> layer;       ///< layer name; the first layer when absent
    unsigned jobs = 0;                      ///< threads parsing eventmap's own GeoJSON/GeoJSONSeq; 0 = all cores
};

struct ReadReport {
    std::size_t features = 0;             ///< features seen
    std::size_t skipped = 0;              ///< features not turned into events
    std::vector<std::string> problems;    ///< "file: feature N: reason", one per skipped feature (capped)
    std::string date_field_used;          ///< the date field actually used
};

/// Reads every event of `path`; throws IoError when the file cannot be opened as a vector
/// dataset or has no usable date field. Bad features are skipped and reported, never thrown.
std::vector<events::Event> read_events(const std::filesystem::path& path, const ReadOptions& options,
                                       ReadReport& report);

/// Streaming variant for large files: hands each event to `sink` as it is read.
void read_events(const std::filesystem::path& path, const ReadOptions& options, ReadReport& report,
                 const std::function<void(events::Event&&)>& sink);

}  // namespace eventmap::exporter
