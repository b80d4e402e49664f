#pragma once
// Natural Earth country polygons (world-atlas TopoJSON) read with GDAL and repaired with GEOS.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "eventmap/geo/latlon.h"

namespace eventmap::gazetteer::detail {

struct CountryShape {
    std::string numeric;               ///< ISO 3166 numeric code as in the file ("804")
    std::string name;                  ///< the file's `name` field
    geo::LatLon representative_point;  ///< GEOS point-on-surface of the repaired polygon
    std::vector<unsigned char> wkb;    ///< repaired (multi)polygon, WKB, lon/lat degrees
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

/// Reads layer `countries` of a world-atlas TopoJSON file; features without an id are skipped.
/// Throws IoError when GDAL cannot open the file.
std::vector<CountryShape> read_country_shapes(const std::filesystem::path& topojson);

}  // namespace eventmap::gazetteer::detail
