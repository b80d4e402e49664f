#pragma once
// Reads events back: eventmap's own files losing no field, and any point layer GDAL reads
// (GeoJSON, GeoPackage, CSV with lat/lon columns, shapefile, ...) with its date field detected.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eventmap/core/mapped_file.h"
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

/// What a map needs of one event (point, date, type, actor, country, place, counts) and where
/// its whole record is in the file, so that the record can be parsed when someone asks for it.
struct FeatureSummary {
    geo::LatLon point;
    events::Date event_date;
    std::string type, sub_event_type, actor1, country, location;
    std::optional<int> count, fatalities;
    std::uint64_t offset = 0;            ///< the record's first byte in the file
    std::uint32_t length = 0;            ///< the record's length in bytes
    std::uint64_t index = 0;             ///< the feature's number in the file, from 0 (ids default to "stem:index")
    std::optional<std::string> problem;  ///< why the feature cannot be drawn (such features never reach a sink)
};

/// For eventmap's own GeoJSON (one feature per line, as GDAL and eventmap write it) and
/// GeoJSONSeq mapped in `file`: hands `sink` a summary of each drawable feature, in file
/// order, using `jobs` threads (0 = all cores); a fraction of the time and memory of reading
/// whole events. Returns false, having read nothing, for any other file (use read_events).
/// Bad features are counted in `report`; JSON broken after the first feature throws FormatError.
bool scan_event_summaries(const std::filesystem::path& path, const MappedFile& file, unsigned jobs, ReadReport& report,
                          const std::function<void(FeatureSummary&&)>& sink);

/// The whole event whose record scan_event_summaries pointed at (FormatError when it is not one).
events::Event read_event_record(const MappedFile& file, std::uint64_t offset, std::uint32_t length);

}  // namespace eventmap::exporter
