#include "eventmap/export/format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "eventmap/core/error.h"

namespace eventmap::exporter {

namespace {
constexpr std::array<std::pair<std::string_view, Format>, 7> k_names{{
    {"geojson", Format::geojson},
    {"geojsonseq", Format::geojsonseq},
    {"gpkg", Format::gpkg},
    {"csv", Format::csv},
    {"acled-csv", Format::acled_csv},
    {"kml", Format::kml},
    {"fgb", Format::fgb},
}};

std::string valid_names() {
    std::string out;
    for (const auto& [name, f] : k_names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}
}  // namespace

Format parse_format(std::string_view name) {
    for (const auto& [n, f] : k_names)
        if (n == name) return f;
    throw UsageError("unknown format '" + std::string(name) + "' (valid: " + valid_names() + ")");
}

Format format_for_path(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".geojson" || ext == ".json") return Format::geojson;
    if (ext == ".geojsonl" || ext == ".geojsons" || ext == ".geojsonseq") return Format::geojsonseq;
    if (ext == ".gpkg") return Format::gpkg;
    if (ext == ".csv") return Format::csv;
    if (ext == ".kml") return Format::kml;
    if (ext == ".fgb") return Format::fgb;
    throw UsageError("cannot tell the format of '" + path.string() +
                     "' from its extension; give --format (valid: " + valid_names() + ")");
}

std::string_view format_name(Format format) {
    for (const auto& [n, f] : k_names)
        if (f == format) return n;
    return "geojson";
}

std::string_view gdal_driver_name(Format format) {
    switch (format) {
        case Format::geojson: return "GeoJSON";
        case Format::geojsonseq: return "GeoJSONSeq";
        case Format::gpkg: return "GPKG";
        case Format::csv:
        case Format::acled_csv: return "CSV";
        case Format::kml: return "KML";
        case Format::fgb: return "FlatGeobuf";
    }
    return "GeoJSON";
}

}  // namespace eventmap::exporter
