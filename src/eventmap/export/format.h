#pragma once
// The output formats eventmap writes (all through GDAL's OGR drivers).
#include <filesystem>
#include <string_view>

namespace eventmap::exporter {

enum class Format { geojson, geojsonseq, gpkg, csv, acled_csv, kml, fgb };

/// "geojson", "geojsonseq", "gpkg", "csv", "acled-csv", "kml", "fgb"; throws UsageError listing them.
Format parse_format(std::string_view name);

/// From the extension: .geojson/.json, .geojsonl/.geojsons/.geojsonseq, .gpkg, .csv, .kml, .fgb
/// (acled-csv only by name); throws UsageError for any other extension.
Format format_for_path(const std::filesystem::path& path);

/// The name parse_format() accepts ("acled-csv" for Format::acled_csv).
std::string_view format_name(Format format);

/// The OGR driver that writes the format ("GeoJSON", "GeoJSONSeq", "GPKG", "CSV", "KML", "FlatGeobuf").
std::string_view gdal_driver_name(Format format);

}  // namespace eventmap::exporter
